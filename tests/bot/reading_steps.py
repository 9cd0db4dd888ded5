"""Steps and looks into the bot's files shared by the article and reading tests.

The tests read the bot's data directory as plain JSON (the files are replaced atomically, so a
reader sees a whole file) instead of opening a second Store beside the running bot.
"""
from __future__ import annotations

import io
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

from bot.sandbox import Emulator
from bot.sandbox.bot_process import spawn_bot, stop_bot
from bot.store.files import LearnerFiles
from bot.store.schema import LEARNERS_DIR, LESSONS_DIR
from lessons.analysis import analyse
from lessons.article import Lesson
from vocab.lexicon import load_lexicon

#: An article written for these tests (not the seed sample): three paragraphs that become three
#: parts, the last one in plain words only, so its part has no new words.
OWN_TITLE = "City libraries lend tools, seeds and quiet rooms as budgets shrink"
OWN_PARAGRAPHS = [
    "Public libraries across the region are quietly reinventing themselves. Faced with dwindling "
    "budgets and a steady decline in the number of books borrowed, librarians have begun lending "
    "power drills, ladders and even seeds for vegetable gardens. Advocates say the shift is "
    "pragmatic rather than desperate: residents who come in for a ladder often leave with a novel, "
    "and the loans cost a fraction of what new bookshelves would. Critics counter that the "
    "experiment dilutes the core mission of a library and could jeopardise funding for reading "
    "programmes that children depend on. For now, the numbers favour the enthusiasts, since visits "
    "have climbed for three years in a row.",
    "The most ambitious scheme is in the northern district, where a former bank vault now houses a "
    "soundproof studio that teenagers can reserve to record music and podcasts. Staff there describe "
    "a surge in visits from young people who had previously considered the building obsolete. The "
    "director, who spent two decades cataloguing rare manuscripts before taking the job, concedes "
    "that the transition has been arduous. Volunteers had to be trained, insurance policies "
    "renegotiated, and a sceptical council persuaded that the equipment would not simply vanish.",
    "On a sunny Saturday morning, the main room was full. A small girl read a book about cats with "
    "her father. Two old men played chess by the window and laughed at a bad move. A woman asked for "
    "help with her phone, and a young man showed her what to do. Outside, a family took home a bag "
    "of seeds for their garden. Everyone was happy to be there, and nobody was in a hurry to leave. "
    "At noon the children sat on the floor for a story. The story was about a big red bus that could "
    "fly. The children liked it very much, and some of them asked to hear it again. Then they went "
    "home for lunch with their mothers and fathers, and the room was quiet again.",
]
OWN_ARTICLE = "\n\n".join([OWN_TITLE, "By Hannah Okafor", *OWN_PARAGRAPHS]) + "\n"

#: What the bot is told to expect from a whole article (bot.handlers.articles.MIN_ARTICLE_WORDS).
MIN_WORDS = 80


def expected_lesson(raw: str, level: str = "B2", known: set[str] = frozenset()) -> Lesson:
    """The lesson the core makes of `raw` for a learner who knows the lemmas `known`."""
    return analyse(raw, level, lexicon=load_lexicon(), min_words=MIN_WORDS, known=known)


def learner_file(data_dir: Path, user_id: int) -> dict:
    """The learner's stored tables ({} before anything is stored)."""
    path = LearnerFiles(data_dir / LEARNERS_DIR).path_for(user_id)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def library(data_dir: Path, user_id: int) -> list[str]:
    """Ids of the lessons in the learner's library."""
    return sorted(learner_file(data_dir, user_id).get("library", {}))


def current_reading(data_dir: Path, user_id: int) -> dict | None:
    """The stored ReadingState record of the learner's current lesson, or None."""
    tables = learner_file(data_dir, user_id)
    current = tables.get("state", {}).get("current")
    return tables.get("reading", {}).get(current["lesson_id"]) if current else None


def word_statuses(data_dir: Path, user_id: int) -> dict[str, str]:
    """lemma -> status of every word the learner has a status for."""
    return {lemma: record["status"] for lemma, record in learner_file(data_dir, user_id).get("words", {}).items()}


def lesson_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / LESSONS_DIR).glob("*/*.json"))


def bring(emu, user, article: str):
    """Paste `article` and return the bot's one answer (the preview)."""
    emu.send_text(user, article)
    [preview] = emu.wait_for_messages(user, timeout=20)
    return preview


def press_and_wait(emu, user, label: str, count: int = 1, message=None):
    """Press the newest button `label` and return the `count` messages the bot sends."""
    emu.press(user, label, message=message)
    return emu.wait_for_messages(user, count)


def restart(running_bot) -> None:
    """Stop the bot cleanly and start a new process on the same data directory (and log)."""
    assert stop_bot(running_bot.process) == 0, running_bot.log()
    with open(running_bot.log_path, "a", encoding="utf-8") as log:
        running_bot.process = spawn_bot(
            running_bot.emu, running_bot.data_dir, stderr=log, cwd=running_bot.log_path.parent
        )


def make_docx(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(title: str, paragraphs: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph(title, styles["Title"]), *(Paragraph(p, styles["BodyText"]) for p in paragraphs)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


@dataclass
class SharedBot:
    """One bot process for a whole test module (each test talks to it as a new learner)."""

    emu: Emulator
    process: object
    log_path: Path
    data_dir: Path
    ids: itertools.count

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def learner(self, language_code: str = "en", name: str = "Minji"):
        """A learner the bot has never seen."""
        return self.emu.user(next(self.ids), name, language_code=language_code)


def shared_bot(directory: Path, token: str = "123456:TEST", first_user: int = 5001, **env: str):
    """Start the emulator and the real bot on `directory` (with settings `env`); at the end check
    what `running_bot` checks: a clean exit, no traceback in the log, no refusals
    (tests/bot/conftest.py). New users get ids from `first_user` on."""
    with Emulator(token=token, username="ReadingCompanionBot") as emu:
        log_path, data_dir = directory / "bot.log", directory / "data"
        with open(log_path, "w", encoding="utf-8") as log:
            process = spawn_bot(emu, data_dir, stderr=log, cwd=directory, **env)
        bot = SharedBot(emu, process, log_path, data_dir, itertools.count(first_user))
        try:
            emu.wait_for_first_poll(timeout=20)
            yield bot
        finally:
            status = stop_bot(bot.process)
        assert status == 0, bot.log()
        assert "Traceback" not in bot.log(), bot.log()
        assert emu.refusals == [], emu.refusals


def lessons_owned_by(data_dir: Path, user_id: int) -> list[str]:
    """Ids of the stored lesson files whose owner is `user_id`."""
    owned = []
    for path in lesson_files(data_dir):
        for doc in json.loads(path.read_text(encoding="utf-8")).get("lesson", {}).values():
            if doc["entry"]["owner_id"] == user_id:
                owned.append(doc["entry"]["lesson_id"])
    return owned
