"""Who may do what (issue 5 §5), end to end: two tutors, two classes, three learners.

The first tutor's class "Thursday B2" (민지 and Tom, one assignment) and the second tutor's
"Evening C1" (Sara) are laid down with the real Store before the bot starts; then, through the
emulator, the second tutor tries to see, report on, assign to and edit the articles of the first
tutor's class (by name and with forged "rp", "as", "lb" and "wl" button data), and each learner
asks for a report. Every refusal must be the same whether the class or article exists or not,
nothing may change, and nothing of another class may reach the wrong chat.
"""
from __future__ import annotations

import csv
import io
import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.callback_data import pack
from bot.sandbox import Emulator
from bot.sandbox.bot_process import spawn_bot, stop_bot
from bot.store import Store
from bot.texts import text
from lessons.article import Article, Chunk, Lesson
from lessons.assignments import new_assignment
from lessons.classes import new_class
from vocab.items import Difficulty, VocabItem
from vocab.progress import Learner, QuizAnswer, ReadingState, WordStatus

NOW = datetime(2024, 3, 8, 3, 0, tzinfo=timezone.utc)  # noon in Seoul
JINA, MARK = 2001, 2002  # the tutors
MINJI, TOM, SARA = 1001, 1002, 1003  # the learners
WORDS = ("munition", "salvo", "truce")


def item(lemma: str) -> VocabItem:
    return VocabItem(item=lemma, lemma=lemma, kind="word", forms=(lemma,), pos="noun", zipf=3.0, level="C1",
                     count=1, sentence=f"The {lemma} came.", chunk=0, gloss="")


def small_lesson(title: str) -> Lesson:
    chunks = tuple(Chunk(i, f"Part {i} of the story.", (f"Part {i} of the story.",)) for i in range(3))
    return Lesson(Article(title, tuple(c.text for c in chunks)), chunks, tuple(item(w) for w in WORDS),
                  Difficulty(55.0, "B2", 0.1))


@dataclass
class World:
    emu: Emulator
    data_dir: Path
    thursday: str  # class ids
    evening: str
    lessons: dict[int, str]  # each tutor's library article
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def lay_down(data_dir: Path) -> tuple[str, str, dict[int, str]]:
    """Tutors, classes, learners, one assignment each; 민지 read two parts and missed 'salvo'."""
    store = Store.open(data_dir)
    try:
        people = [(JINA, "Jina", "en"), (MARK, "Mark", "en"), (MINJI, "민지", "ko"), (TOM, "Tom", "en"),
                  (SARA, "Sara", "en")]
        for uid, name, lang in people:
            store.learners.save(Learner(uid, name, NOW - timedelta(days=9), language=lang, timezone="Asia/Seoul"))
        thursday = new_class("Thursday B2", JINA, NOW - timedelta(days=9), secrets)
        evening = new_class("Evening C1", MARK, NOW - timedelta(days=9), secrets)
        for class_, members in ((thursday, (MINJI, TOM)), (evening, (SARA,))):
            store.classes.create(class_)
            for uid in members:
                store.classes.add_learner(class_.class_id, uid)
        assigned = NOW - timedelta(days=3)
        lessons = {}
        for class_, tutor, title in ((thursday, JINA, "Arms talks resume"), (evening, MARK, "Rice prices")):
            lesson_id = lessons[tutor] = store.lessons.add(small_lesson(title), tutor, assigned)
            store.assignments.add(new_assignment(class_, lesson_id, assigned, secrets, due=date(2024, 3, 10),
                                                 today=assigned.date()))
        [homework] = store.assignments.for_class(thursday.class_id)
        own = store.lessons.add(small_lesson("Arms talks resume"), MINJI, assigned + timedelta(hours=1))
        progress = store.progress(MINJI)
        progress.save_reading(ReadingState(own, assigned + timedelta(hours=1), part=1, parts_read=frozenset({0, 1}),
                                           assignment_id=homework.assignment_id))
        for minute, (lemma, right) in enumerate((("munition", True), ("salvo", False), ("truce", True))):
            at = assigned + timedelta(hours=2, minutes=minute)
            word = WordStatus.first_met(item(lemma), own, at).answered(right, at)
            progress.record_answer(QuizAnswer(own, f"meaning:{lemma}", lemma, "meaning", right, at), word, at.date())
        return thursday.class_id, evening.class_id, lessons
    finally:
        store.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    directory = tmp_path_factory.mktemp("who-may-do-what")
    (directory / "clock.txt").write_text(NOW.isoformat(), encoding="utf-8")
    thursday, evening, lessons = lay_down(directory / "data")
    with Emulator(token="123456:TEST", username="ReadingCompanionBot") as emu:
        log_path = directory / "bot.log"
        with open(log_path, "w", encoding="utf-8") as log:
            process = spawn_bot(emu, directory / "data", stderr=log, cwd=directory, CLOCK_FILE="clock.txt")
        found = World(emu, directory / "data", thursday, evening, lessons, log_path)
        try:
            emu.wait_for_first_poll(timeout=20)
            yield found
        finally:
            status = stop_bot(process)
        assert status == 0, found.log()
        assert "Traceback" not in found.log(), found.log()
        assert emu.refusals == [], emu.refusals


def person(world: World, uid: int, name: str, lang: str = "en"):
    return world.emu.user(uid, name, language_code=lang)


def ask(world: World, user, command: str, count: int = 1):
    world.emu.send_text(user, command)
    return world.emu.wait_for_messages(user, count, timeout=20)


def refused_press(world: World, user, message, data: str) -> str:
    """Press a forged button under `message`; what the bot answered (its text)."""
    return world.emu.callback_answer(world.emu.press_data(user, message.message_id, data), timeout=10).get("text")


def nothing_else_sent(world: World, user) -> None:
    """The next bot message in the user's chat answers the next command: nothing came in between."""
    [answer] = ask(world, user, "/report")
    assert answer.text == text("en", "report.choose"), answer.text


def test_the_first_tutor_sees_their_own_class_report_as_message_file_and_chart(world):
    jina = person(world, JINA, "Jina")
    [chooser] = ask(world, jina, "/report")
    assert chooser.text == text("en", "report.choose")
    assert chooser.button_labels == ["Thursday B2"]  # not the other tutor's class
    world.emu.press(jina, "Thursday B2")
    report, document, chart = world.emu.wait_for_messages(jina, 3, timeout=30)
    assert "민지" in report.text and "Tom" in report.text and "Sara" not in report.text
    assert "Rice prices" not in report.text and "Arms talks resume" in report.text
    assert report.button_labels == ["1. 민지", "2. Tom"]
    rows = list(csv.DictReader(io.StringIO(document.document["data"].decode("utf-8-sig"))))
    assert [(r["Learner"], r["Parts read"], r["Quiz right"], r["Quiz answered"]) for r in rows] == [
        ("민지", "2", "2", "3"), ("Tom", "0", "0", "0")]
    assert document.document["file_name"] == "report-Thursday-B2-2024-03-08.csv"
    assert chart.photo["data"].startswith(b"\x89PNG")


def test_the_second_tutor_cannot_see_or_report_on_the_first_tutors_class_by_name(world):
    mark = person(world, MARK, "Mark")
    [chooser] = ask(world, mark, "/report")
    assert chooser.button_labels == ["Evening C1"]
    for typed in ("Thursday B2", "thursday  b2 1", "Thursday B2 민지", "No such class"):
        [answer] = ask(world, mark, f"/report {typed}")
        assert answer.html == text("en", "report.unknown_class", name=" ".join(typed.split()))
    [classes] = ask(world, mark, "/classes")
    assert "Thursday B2" not in classes.text and "민지" not in classes.text


@pytest.mark.parametrize("forged", [
    lambda w: pack("rp", "c", w.thursday),  # the other tutor's class
    lambda w: pack("rp", "c", "ffffffffffff"),  # a class that does not exist
    lambda w: pack("rp", "l", w.thursday, MINJI),  # a learner of the other tutor's class
    lambda w: pack("rp", "l", w.evening, MINJI),  # own class, a learner who is not in it
    lambda w: pack("rp", "l", "ffffffffffff", MINJI),
], ids=["other class", "unknown class", "other class's learner", "learner not in own class", "unknown class's learner"])
def test_forged_report_buttons_are_refused_alike_and_leak_nothing(world, forged):
    mark = person(world, MARK, "Mark")
    [chooser] = ask(world, mark, "/report")
    assert refused_press(world, mark, chooser, forged(world)) == text("en", "report.refused")
    nothing_else_sent(world, mark)


def test_malformed_report_buttons_are_stale_buttons(world):
    mark = person(world, MARK, "Mark")
    [chooser] = ask(world, mark, "/report")
    for data in ("rp", "rp:c", "rp:x:ffffffffffff", "rp:l:ffffffffffff:0", "rp:l:ffffffffffff:abc"):
        assert refused_press(world, mark, chooser, data) == text("en", "button.expired")
    nothing_else_sent(world, mark)


def assignments_of(world: World, class_id: str) -> list[dict]:
    """The class's stored assignments, read from the bot's index file (replaced atomically)."""
    index = json.loads((world.data_dir / "index.json").read_text(encoding="utf-8"))
    return [a for a in index.get("assignments", {}).values() if a["class_id"] == class_id]


def test_the_second_tutor_cannot_assign_to_the_first_tutors_class(world):
    mark = person(world, MARK, "Mark")
    [answer] = ask(world, mark, "/assign 1 Thursday B2 +3")
    assert answer.html == text("en", "tutor.unknown_class", name="Thursday B2 +3")
    [chooser] = ask(world, mark, "/assign 1")
    assert chooser.button_labels == ["Evening C1"]
    for data in (pack("as", "c", world.lessons[MARK], world.thursday),  # own article, other tutor's class
                 pack("as", "d", world.lessons[MARK], world.thursday, 3),
                 pack("as", "c", world.lessons[JINA], world.evening),  # other tutor's article, own class
                 pack("as", "c", world.lessons[MARK], "ffffffffffff")):  # a class that does not exist
        assert refused_press(world, mark, chooser, data) == text("en", "assign.button.refused")
    assert len(assignments_of(world, world.thursday)) == 1 and len(assignments_of(world, world.evening)) == 1
    nothing_else_sent(world, mark)


def stored_words(world: World, lesson_id: str) -> list[str]:
    """The lemmas of a stored lesson's word list, read from its file."""
    path = world.data_dir / "lessons" / lesson_id[:2] / f"{lesson_id}.json"
    [doc] = json.loads(path.read_text(encoding="utf-8"))["lesson"].values()
    return [item["lemma"] for item in doc["lesson"]["vocabulary"]]


def test_the_second_tutor_cannot_open_or_edit_the_first_tutors_articles(world):
    from bot.handlers.library_views import item_check

    mark = person(world, MARK, "Mark")
    [library] = ask(world, mark, "/library")
    assert "Rice prices" in library.text and "Arms talks resume" not in library.text
    check = item_check(item(WORDS[0]))
    for data in (pack("lb", "open", world.lessons[JINA]), pack("lb", "open", "ffffffffffff"),
                 pack("wl", "rm", world.lessons[JINA], 0, check), pack("wl", "rm", "ffffffffffff", 0, check)):
        assert refused_press(world, mark, library, data) == text("en", "library.refused")
    assert stored_words(world, world.lessons[JINA]) == list(WORDS)
    nothing_else_sent(world, mark)


def test_a_learner_sees_only_their_own_progress(world):
    minji = person(world, MINJI, "Minji", "ko")
    [own] = ask(world, minji, "/report")
    assert own.text.startswith("📊")
    assert "Thursday B2" in own.text and "Arms talks resume" in own.text
    assert "Tom" not in own.text and "Sara" not in own.text and "Evening C1" not in own.text
    assert "2/3" in own.text and "salvo" in own.text  # parts read, and the word she missed
    assert not own.buttons and own.document is None
    for data in (pack("rp", "c", world.thursday), pack("rp", "l", world.thursday, TOM),
                 pack("rp", "l", world.thursday, MINJI)):
        assert refused_press(world, minji, own, data) == text("ko", "report.refused")
    world.emu.press_data(minji, own.message_id, pack("rp", "m"))  # "My own assignments": always one's own
    [again] = world.emu.wait_for_messages(minji, timeout=20)
    assert again.text == own.text
    [answer] = ask(world, minji, "/report Thursday B2")
    assert answer.html == text("ko", "report.unknown_class", name="Thursday B2")


def test_a_learner_with_nothing_to_report_is_told_so(world):
    sara = person(world, SARA, "Sara")
    [own] = ask(world, sara, "/report")
    assert "Evening C1" in own.text and "Rice prices" in own.text and "민지" not in own.text
    stranger = person(world, 1099, "Kim")
    [answer] = ask(world, stranger, "/report")
    assert answer.html == text("en", "report.none")


def test_reports_are_not_sent_into_a_group(world):
    jina = person(world, JINA, "Jina")
    group = world.emu.group(-4001, "Study group", members=[jina])
    world.emu.send_text(jina, "/report Thursday B2", group)
    [answer] = world.emu.wait_for_messages(group, timeout=20)
    assert answer.html == text("en", "tutor.private_only", command="/report")
