"""A learner brings an article (pasted, as a file, as a link) and gets one preview; bad input
gets one clear answer and nothing is stored."""
from __future__ import annotations

import os
import time

import pytest
from reading_steps import (
    OWN_ARTICLE,
    OWN_PARAGRAPHS,
    OWN_TITLE,
    bring,
    current_reading,
    expected_lesson,
    lessons_owned_by,
    library,
    make_docx,
    make_pdf,
    shared_bot,
)

from bot import render
from bot.handlers.articles import MIN_ARTICLE_WORDS, PIECE_WAIT_SECONDS
from bot.texts import text
from lessons.library import lesson_id_for
from lessons.limits import MAX_TEXT_BYTES
from tests.conftest import article_page

START = text("en", "article.start")


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    """One bot for the module: every test is a new learner (starting a bot per test is slow)."""
    yield from shared_bot(tmp_path_factory.mktemp("articles"))


@pytest.fixture(autouse=True)
def no_refusals(bot):
    yield
    assert bot.emu.refusals == []


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_a_pasted_article_is_answered_with_one_preview(bot, sample_text, language_code, lang):
    emu = bot.emu
    learner = bot.learner(language_code, "Minji")
    preview = bring(emu, learner, sample_text)

    lesson = expected_lesson(sample_text)
    lesson_id = lesson_id_for(lesson, learner.id)
    assert preview.html == render.preview(lesson, lang)
    assert lesson.article.title in preview.text
    assert preview.button(text(lang, "article.start")) == f"rd:{lesson_id}:0"
    assert "typing" in emu.chat_actions(learner)
    # stored, listed in the learner's library, and their current reading, not started yet
    assert library(bot.data_dir, learner.id) == [lesson_id]
    assert lessons_owned_by(bot.data_dir, learner.id) == [lesson_id]
    reading = current_reading(bot.data_dir, learner.id)
    assert (reading["lesson_id"], reading["parts_read"], reading["finished_at"]) == (lesson_id, [], None)
    assert len(emu.messages(learner)) == 1  # one answer, nothing else


def test_the_preview_tells_parts_words_and_difficulty_of_an_article(bot):
    emu = bot.emu
    learner = bot.learner(name="Jun")
    preview = bring(emu, learner, OWN_ARTICLE)
    assert OWN_TITLE in preview.text
    assert "Parts: 3" in preview.text
    lesson = expected_lesson(OWN_ARTICLE)
    assert f"New words: {len(lesson.vocabulary)}" in preview.text
    assert f"{lesson.difficulty.unknown_share:.1%} of the words are beyond B2" in preview.text
    assert preview.button_labels == [START]


def test_the_same_article_twice_is_one_lesson(bot, sample_text):
    emu = bot.emu
    learner = bot.learner(name="Sora")
    first = bring(emu, learner, sample_text)
    second = bring(emu, learner, sample_text)
    assert first.button(START) == second.button(START)
    assert len(library(bot.data_dir, learner.id)) == 1


def html_page() -> bytes:
    return article_page(OWN_TITLE, OWN_PARAGRAPHS).encode("utf-8")


@pytest.mark.parametrize(
    "file_name, make",
    [
        ("libraries.txt", lambda: OWN_ARTICLE.encode("utf-8")),
        ("libraries.md", lambda: "\n\n".join([f"# {OWN_TITLE}", *OWN_PARAGRAPHS]).encode("utf-8")),
        ("libraries.docx", lambda: make_docx(OWN_TITLE, OWN_PARAGRAPHS)),
        ("libraries.pdf", lambda: make_pdf(OWN_TITLE, OWN_PARAGRAPHS)),
        ("libraries.html", html_page),
    ],
)
def test_a_file_becomes_a_lesson(bot, file_name, make):
    emu = bot.emu
    learner = bot.learner(name="Hana")
    emu.send_document(learner, file_name, make())
    [preview] = emu.wait_for_messages(learner, timeout=20)
    assert OWN_TITLE in preview.text
    assert "Parts: 3" in preview.text
    assert preview.has_button(START)
    [lesson_id] = library(bot.data_dir, learner.id)
    assert current_reading(bot.data_dir, learner.id)["lesson_id"] == lesson_id


def test_a_link_is_fetched_and_becomes_a_lesson(bot, site):
    emu = bot.emu
    learner = bot.learner(name="Dami")
    url = site.add("/news/libraries", html_page())
    preview = bring(emu, learner, url)
    assert OWN_TITLE in preview.text
    assert "Parts: 3" in preview.text
    assert preview.has_button(START)
    assert len(library(bot.data_dir, learner.id)) == 1


def test_a_short_message_with_a_link_fetches_the_link(bot, site):
    emu = bot.emu
    learner = bot.learner(name="Yuna")
    url = site.add("/news/today", html_page())
    preview = bring(emu, learner, f"please read this {url}")
    assert OWN_TITLE in preview.text


MORE_PARAGRAPHS = [
    "Elsewhere, the changes have been more modest. In the eastern suburbs, the branch library has "
    "extended its opening hours into the evening so that shift workers can use the computers, and a "
    "retired teacher runs a homework club twice a week. The branch manager argues that such small "
    "steps matter more than headline projects, because they answer needs that residents describe "
    "themselves rather than needs that planners imagine on their behalf.",
    "Not every experiment has survived. A scheme to lend musical instruments was abandoned after "
    "several guitars came back damaged, and a partnership with a local cafe ended when the cafe "
    "closed. Librarians say the failures taught them to start small, to ask users what they want, "
    "and to measure results honestly instead of counting only the successes that look good in an "
    "annual report. The council has asked for a full review of the programme next spring.",
    "Whatever the review concludes, the people who use the libraries seem to have made up their "
    "minds. Membership has grown for the first time in a decade, and the waiting list for the studio "
    "now stretches into the summer holidays. One regular, a carpenter who borrows a sander every few "
    "weeks, put it simply: the library is the one place in town where you can borrow almost anything "
    "and nobody asks you to buy a coffee first.",
    "Other cities are watching closely. Delegations from three neighbouring councils have visited "
    "the northern studio this year, and one of them has already announced a tool library of its "
    "own. Their questions, staff say, are mostly practical: who pays for repairs, how long a loan "
    "should last, and what happens when something is never returned. The answers, it turns out, "
    "are rarely complicated, and most of them come down to trust.",
    "For the librarians themselves, the strangest part of the change has been learning new skills. "
    "Several now know how to sharpen a saw or tune a bicycle, and one has become the local expert on "
    "tomato seeds. None of them expected this when they trained, but few would go back. Books are "
    "still at the heart of the work, they insist; the drills and the seeds are simply another way "
    "of bringing people through the door, and once they are inside, the books do the rest.",
]
LONG_ARTICLE = "\n\n".join([OWN_ARTICLE.strip(), *MORE_PARAGRAPHS])


def test_a_long_article_pasted_in_pieces_is_one_lesson(bot):
    """Telegram cuts a paste over 4,096 characters into pieces; the bot reads them as one article."""
    emu = bot.emu
    learner = bot.learner()
    assert len(LONG_ARTICLE) > 4096
    cut = LONG_ARTICLE.rindex(" ", 0, 4000)
    emu.send_text(learner, LONG_ARTICLE[:cut])
    emu.send_text(learner, LONG_ARTICLE[cut + 1:])
    [preview] = emu.wait_for_messages(learner, timeout=20)
    lesson = expected_lesson(LONG_ARTICLE)
    assert f"Parts: {len(lesson.chunks)}" in preview.text
    assert f"New words: {len(lesson.vocabulary)}" in preview.text
    [lesson_id] = library(bot.data_dir, learner.id)
    assert preview.button(START) == f"rd:{lesson_id}:0"
    time.sleep(PIECE_WAIT_SECONDS)
    assert len(emu.messages(learner)) == 1  # one preview for the whole article


KOREAN = (
    "서울시는 올해 시립 도서관에서 공구와 씨앗을 빌려주는 사업을 시작했다. 시민들은 전동 드릴과 사다리를 "
    "빌릴 수 있고, 봄에는 채소 씨앗도 받을 수 있다. 도서관 관계자는 책을 빌리는 사람이 줄어들면서 새로운 "
    "방법을 찾게 되었다고 말했다. "
) * 6


def too_short() -> str:
    return " ".join(OWN_PARAGRAPHS[0].split()[: MIN_ARTICLE_WORDS - 20])


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
@pytest.mark.parametrize(
    "send, reason",
    [
        pytest.param(lambda emu, u, site: emu.send_text(u, too_short()), "article.error.too_short", id="too short"),
        pytest.param(lambda emu, u, site: emu.send_text(u, KOREAN), "article.error.not_english", id="Korean text"),
        pytest.param(lambda emu, u, site: emu.send_document(u, "huge.txt", b"word " * (5 * 2**20 // 5)),
                     "article.error.file_too_large", id="5 MB text file"),
        pytest.param(lambda emu, u, site: emu.send_document(u, "notes.txt", os.urandom(4096)),
                     "article.error.unreadable", id="binary file named .txt"),
        pytest.param(lambda emu, u, site: emu.send_document(u, "song.mp3", b"ID3\x04\x00" + os.urandom(2048)),
                     "article.error.unreadable", id="unsupported file type"),
        pytest.param(lambda emu, u, site: emu.send_text(u, site.url("/gone")), "article.error.fetch_failed",
                     id="dead link (404)"),
        pytest.param(lambda emu, u, site: emu.send_text(u, site.add("/empty", "<html><body><nav>Home</nav>"
                                                                     "<p>Subscribe now!</p></body></html>")),
                     "article.error.no_article", id="page with no article"),
    ],
)
def test_bad_input_gets_one_clear_answer_and_nothing_is_stored(bot, site, send, reason, language_code, lang):
    emu = bot.emu
    learner = bot.learner(language_code, "Minho")
    send(emu, learner, site)
    [answer] = emu.wait_for_messages(learner, timeout=20)
    values = {"too_short": {"min_words": MIN_ARTICLE_WORDS}, "file_too_large": {"max_mb": MAX_TEXT_BYTES // 2**20}}
    assert answer.html == text(lang, reason, **values.get(reason.rsplit(".", 1)[1], {}))
    assert answer.buttons == []
    assert lessons_owned_by(bot.data_dir, learner.id) == []
    assert library(bot.data_dir, learner.id) == []
    assert current_reading(bot.data_dir, learner.id) is None


def test_a_file_too_large_is_refused_before_downloading(bot):
    emu = bot.emu
    learner = bot.learner(name="Eun")
    downloads = len(emu.calls("getFile"))
    emu.send_document(learner, "huge.txt", b"word " * (3 * 2**20 // 5))
    emu.wait_for_messages(learner, timeout=20)
    assert len(emu.calls("getFile")) == downloads


@pytest.mark.parametrize("message", ["hi!", "thank you so much, that was a really nice article to read today"])
def test_chatter_points_to_bringing_an_article(bot, message):
    emu = bot.emu
    learner = bot.learner(name="Bora")
    emu.send_text(learner, message)
    [answer] = emu.wait_for_messages(learner)
    assert answer.html == text("en", "fallback.chatter")
    assert "send a file or a link" in answer.text
