"""Assignments through Telegram, end to end: a tutor gives a class an article with a due date, each
learner gets it with a start button, reads it and takes the quiz, and the tutor hears the score
(at once, or in the evening's digest); the day before the due date, learners who have not
finished are reminded once. Bad input and other tutors' forged buttons change nothing.

The real bot runs against the emulator with its clock in CLOCK_FILE (moved by rewriting the file)
and its reminder job ticking every 0.2 s.
"""
from __future__ import annotations

import json
import re
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.callback_data import pack
from bot.sandbox.bot_process import spawn_bot, stop_bot
from bot.store import Store
from bot.store.schema import INDEX_FILE, LESSONS_DIR
from bot.texts import text
from lessons.article import Lesson
from vocab.progress import Learner
from tests.bot.quiz_learner import QuizTaker, set_clock
from tests.bot.reading_steps import OWN_ARTICLE, OWN_TITLE, current_reading, learner_file

CLOCK = "clock.txt"
TICK = "0.2"
START = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)  # a Sunday
DUE = date(2024, 3, 13)  # "+3"
WAIT = 20.0
JINA, MARK = 2001, 2002  # tutors
MINJI, TOM, SARA = 1001, 1002, 1003  # learners

pytestmark = pytest.mark.bot_env(CLOCK_FILE=CLOCK, JOB_TICK_SECONDS=TICK)


@pytest.fixture(autouse=True)
def clock(tmp_path):
    set_clock(tmp_path, START)


def ask(emu, user, command: str, chat=None):
    """`user` sends `command`; the bot's one answer."""
    emu.send_text(user, command, chat)
    [answer] = emu.wait_for_messages(chat if chat is not None else user, timeout=WAIT)
    return answer


def class_with(emu, tutor, name: str, *learners) -> str:
    """The tutor makes a class and the learners join it with /join CODE; the invite code."""
    created = ask(emu, tutor, f"/newclass {name}")
    code = re.search(r"/join ([A-Za-z0-9_-]+)", created.text).group(1)
    for learner in learners:
        ask(emu, learner, f"/join {code}")
    return code


def paste(emu, tutor) -> None:
    """The tutor pastes the test article: it is in their library (number 1)."""
    emu.send_text(tutor, OWN_ARTICLE)
    emu.wait_for_messages(tutor, timeout=WAIT)


def add_to_library(emu, tutor):
    """/add, then the test article: the library's preview of it (with its Assign button)."""
    ask(emu, tutor, "/add")
    emu.send_text(tutor, OWN_ARTICLE)
    while True:
        [message] = emu.wait_for_messages(tutor, timeout=WAIT)
        if text("en", "library.assign") in message.button_labels:
            return message


def index(data_dir) -> dict:
    """The shared index file as the bot left it (read as plain JSON; it is replaced atomically)."""
    path = data_dir / INDEX_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def assignments_in(data_dir) -> list[dict]:
    return list(index(data_dir).get("assignments", {}).values())


def stored_lesson(data_dir, lesson_id: str) -> Lesson:
    [doc] = json.loads((data_dir / LESSONS_DIR / lesson_id[:2] / f"{lesson_id}.json").read_text())["lesson"].values()
    return Lesson.from_dict(doc["lesson"])


def read_to_the_end(emu, learner, start_label: str | None = None) -> list:
    """Press the assignment's start button, then Next part to the last part; the parts shown."""
    parts = []
    emu.press(learner, start_label or text("en", "assign.start"))
    while True:
        [part] = emu.wait_for_messages(learner, timeout=WAIT)
        parts.append(part)
        if text("en", "reading.next") not in part.button_labels:
            return parts
        emu.press(learner, text("en", "reading.next"))


def learner_lesson(data_dir, user_id: int) -> Lesson:
    return stored_lesson(data_dir, current_reading(data_dir, user_id)["lesson_id"])


def restart(running_bot) -> None:
    """Stop the bot cleanly and start it again on the same data, clock and tick."""
    assert stop_bot(running_bot.process) == 0, running_bot.log()
    with open(running_bot.log_path, "a", encoding="utf-8") as log:
        running_bot.process = spawn_bot(running_bot.emu, running_bot.data_dir, stderr=log,
                                        cwd=running_bot.log_path.parent, CLOCK_FILE=CLOCK, JOB_TICK_SECONDS=TICK)


def nothing_more(emu, *chats, ticks: int = 6) -> None:
    """A few reminder ticks pass, and none of `chats` gets another message."""
    before = {chat.id: len(emu.messages(chat)) for chat in chats}
    time.sleep(ticks * float(TICK))
    assert {chat.id: len(emu.messages(chat)) for chat in chats} == before


def test_an_assigned_article_is_read_and_quizzed_and_the_tutor_hears_the_score(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina, minji, tom = emu.user(JINA, "Jina"), emu.user(MINJI, "Minji"), emu.user(TOM, "Tom", language_code="ko")
    class_with(emu, jina, "Thursday B2", minji, tom)
    add_to_library(emu, jina)

    done = ask(emu, jina, "/assign 1 thursday b2 +3")
    assert done.html == text("en", "assign.done.due", title=OWN_TITLE, name="Thursday B2", due="2024-03-13")
    [assignment] = assignments_in(data_dir)
    assert (assignment["due"], assignment["lesson_id"]) == ("2024-03-13", learner_file(data_dir, JINA)["library"].popitem()[0])

    [for_minji] = emu.wait_for_messages(minji, timeout=WAIT)
    assert for_minji.html == text("en", "assign.new.due", tutor="Jina", name="Thursday B2", title=OWN_TITLE,
                                  due="2024-03-13")
    assert for_minji.buttons == [[(text("en", "assign.start"), f"as:go:{assignment['assignment_id']}")]]
    [for_tom] = emu.wait_for_messages(tom, timeout=WAIT)  # in Korean, his language
    assert for_tom.html == text("ko", "assign.new.due", tutor="Jina", name="Thursday B2", title=OWN_TITLE,
                                due="2024-03-13")

    parts = read_to_the_end(emu, minji)
    lesson = learner_lesson(data_dir, MINJI)
    assert len(parts) == len(lesson.chunks) == 3
    assert [p.text.split("\n")[0] for p in parts] == [f"Part {n}/3 · {OWN_TITLE}" for n in (1, 2, 3)]
    reading = current_reading(data_dir, MINJI)
    assert reading["assignment_id"] == assignment["assignment_id"] and reading["finished_at"] is not None
    assert reading["lesson_id"] != assignment["lesson_id"]  # her own lesson, made from the tutor's

    emu.press(minji, text("en", "reading.quiz"))
    taker = QuizTaker(emu, minji, lesson)
    taker.take(polls_right=lambda n: n % 2 == 0)
    score, total = sum(a.correct for a in taker.answered), len(taker.answered)
    assert 0 < score < total
    [notice] = emu.wait_for_messages(jina, timeout=WAIT)
    assert notice.html == text("en", "assign.finished", learner="Minji", name="Thursday B2", title=OWN_TITLE,
                               score=score, total=total)

    # the quiz again: the first finish counts, the tutor is not told twice
    emu.send_text(minji, "/quiz")
    QuizTaker(emu, minji, lesson).take()
    nothing_more(emu, jina)
    [kept] = index(data_dir)["assignment_finishes"].values()
    assert (kept["learner_id"], kept["score"], kept["total"]) == (MINJI, score, total)


def test_a_learner_who_joins_later_gets_the_open_assignments_with_their_start_buttons(running_bot):
    emu = running_bot.emu
    jina, minji, sara = emu.user(JINA, "Jina"), emu.user(MINJI, "Minji"), emu.user(SARA, "Sara")
    code = class_with(emu, jina, "Thursday B2", minji)
    add_to_library(emu, jina)
    ask(emu, jina, "/assign 1 thursday b2 +3")
    emu.wait_for_messages(minji, timeout=WAIT)

    emu.send_text(sara, f"/join {code}")
    joined, given = emu.wait_for_messages(sara, count=2, timeout=WAIT)
    assert joined.html == text("en", "tutor.join.done", name="Thursday B2", tutor="Jina")
    assert given.html == text("en", "assign.new.due", tutor="Jina", name="Thursday B2", title=OWN_TITLE,
                              due="2024-03-13")
    parts = read_to_the_end(emu, sara)
    assert len(parts) == 3


def test_a_learner_who_knows_every_word_finishes_without_a_quiz_and_the_tutor_hears_it(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina, minji = emu.user(JINA, "Jina"), emu.user(MINJI, "Minji")
    class_with(emu, jina, "Thursday B2", minji)
    for _ in range(12):  # she reads the article on her own until she knows every word it could teach
        paste(emu, minji)
        own, own_id = learner_lesson(data_dir, MINJI), current_reading(data_dir, MINJI)["lesson_id"]
        if not own.vocabulary:
            break
        words = ask(emu, minji, "/words")
        for index, item in enumerate(own.vocabulary):
            answered = emu.callback_answer(emu.press_data(minji, words.message_id, f"wk:{own_id}:{index}:k"),
                                           timeout=WAIT)
            assert answered["text"] == text("en", "words.noted_known", item=item.item)

    add_to_library(emu, jina)
    ask(emu, jina, "/assign 1 thursday b2 +3")
    emu.wait_for_messages(minji, timeout=WAIT)
    read_to_the_end(emu, minji)
    assert not learner_lesson(data_dir, MINJI).vocabulary  # nothing left to learn in it
    assert ask(emu, minji, "/quiz").html == text("en", "quiz.no_questions")
    [notice] = emu.wait_for_messages(jina, timeout=WAIT)
    assert notice.html == text("en", "assign.finished.no_quiz", learner="Minji", name="Thursday B2", title=OWN_TITLE)


def test_assigning_with_buttons_and_announcing_in_the_class_group(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina, minji, sara = emu.user(JINA, "Jina"), emu.user(MINJI, "Minji"), emu.user(SARA, "Sara")
    class_with(emu, jina, "Thursday B2", minji)
    preview = add_to_library(emu, jina)
    group = emu.group(-4001, "Thursday readers", members=[jina, minji, sara])
    ask(emu, jina, "/linkgroup", chat=group)

    # article -> class -> "type a date": the command to send, filled in
    menu = ask(emu, jina, "/assign")
    assert menu.html == text("en", "assign.choose_article", name="Thursday B2", example="2024-03-24")
    assert menu.button_labels == [f"1. {OWN_TITLE[:47]}…"]
    emu.press(jina, menu.button_labels[0])
    classes = emu.wait_for_edit(menu)
    assert classes.html == text("en", "assign.choose_class", title=OWN_TITLE)
    emu.press(jina, "Thursday B2")
    dues = emu.wait_for_edit(classes)
    assert dues.html == text("en", "assign.choose_due", title=OWN_TITLE, name="Thursday B2")
    assert dues.button_labels == [text("en", "assign.due.none"), text("en", "assign.due.days", days=3),
                                  text("en", "assign.due.days", days=7), text("en", "assign.due.type")]
    emu.press(jina, text("en", "assign.due.type"))
    typed = emu.wait_for_edit(dues)
    assert "/assign 1 Thursday B2 2024-03-24" in typed.text and typed.buttons == []
    assert assignments_in(data_dir) == []

    ask(emu, jina, "/help")  # another command: the date is no longer awaited
    assert assignments_in(data_dir) == []

    # again, from the Assign button under the library's preview (kept), due in 7 days
    emu.press(jina, text("en", "library.assign"), message=preview)
    [classes] = emu.wait_for_messages(jina, timeout=WAIT)
    assert classes.html == text("en", "assign.choose_class", title=OWN_TITLE)
    assert emu.message(jina, preview.message_id).html == preview.html
    emu.press(jina, "Thursday B2", message=classes)
    dues = emu.wait_for_edit(classes)
    emu.press(jina, text("en", "assign.due.days", days=7), message=dues)
    assert emu.wait_for_edit(dues).html == text("en", "assign.done.due", title=OWN_TITLE, name="Thursday B2",
                                                due="2024-03-17")
    [assignment] = assignments_in(data_dir)
    assert assignment["due"] == "2024-03-17"

    [own] = emu.wait_for_messages(minji, timeout=WAIT)
    assert own.html == text("en", "assign.new.due", tutor="Jina", name="Thursday B2", title=OWN_TITLE, due="2024-03-17")
    [announced] = emu.wait_for_messages(group, timeout=WAIT)
    assert announced.html == text("en", "assign.group.due", name="Thursday B2", title=OWN_TITLE, due="2024-03-17")
    [[(label, url)]] = announced.buttons
    assert label == text("en", "assign.group.open") and url == f"https://t.me/ReadingCompanionBot?start=as-{assignment['assignment_id']}"

    # someone in the group but not in the class: told so, nothing made for them
    emu.press(sara, label, chat=group)
    [refused] = emu.wait_for_messages(sara, timeout=WAIT)
    assert refused.html == text("en", "assign.start.not_yours")
    assert current_reading(data_dir, SARA) is None

    # a learner of the class: the deep link opens her reading of it; the start button goes on from there
    emu.press(minji, label, chat=group)
    [first] = emu.wait_for_messages(minji, timeout=WAIT)
    assert first.text.startswith(f"Part 1/3 · {OWN_TITLE}")
    emu.press(minji, text("en", "reading.next"))
    emu.wait_for_messages(minji, timeout=WAIT)
    emu.press(minji, text("en", "assign.start"), message=own)
    [again] = emu.wait_for_messages(minji, timeout=WAIT)
    assert again.text.startswith(f"Part 2/3 · {OWN_TITLE}")  # resumed, not restarted
    reading = current_reading(data_dir, MINJI)
    assert (reading["assignment_id"], reading["parts_read"]) == (assignment["assignment_id"], [0, 1])
    assert len(list((data_dir / LESSONS_DIR).glob("*/*.json"))) == 2  # the tutor's and hers


@pytest.fixture
def sara_in_seoul(tmp_path):
    """Sara has told the bot she lives in Seoul (laid down before the bot starts)."""
    store = Store.open(tmp_path / "data")
    store.learners.save(Learner(SARA, "Sara", START - timedelta(days=30), timezone="Asia/Seoul"))
    store.close()


def test_learners_who_have_not_finished_are_reminded_once_the_day_before_in_their_own_calendar(
        sara_in_seoul, running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina = emu.user(JINA, "Jina")
    minji, tom, sara = emu.user(MINJI, "Minji"), emu.user(TOM, "Tom"), emu.user(SARA, "Sara")
    class_with(emu, jina, "Thursday B2", minji, tom, sara)
    paste(emu, jina)
    ask(emu, jina, "/assign 1 Thursday B2 +3")  # due Wednesday 2024-03-13
    [assignment] = assignments_in(data_dir)
    for learner in (minji, tom, sara):
        emu.wait_for_messages(learner, timeout=WAIT)
    read_to_the_end(emu, minji)  # finished by reading every part
    emu.press(tom, text("en", "assign.start"))  # Tom read the first part only
    emu.wait_for_messages(tom, timeout=WAIT)

    set_clock(running_bot.log_path.parent, datetime(2024, 3, 11, 12, 0, tzinfo=timezone.utc))  # two days before
    nothing_more(emu, minji, tom, sara)

    # 01:00 UTC on Tuesday: 10:00 in Seoul, where the due date is tomorrow; still night in UTC
    set_clock(running_bot.log_path.parent, datetime(2024, 3, 12, 1, 0, tzinfo=timezone.utc))
    [reminder] = emu.wait_for_messages(sara, timeout=WAIT)
    assert reminder.html == text("en", "assign.reminder", title=OWN_TITLE, tutor="Jina", due="2024-03-13")
    assert reminder.buttons == [[(text("en", "assign.start"), f"as:go:{assignment['assignment_id']}")]]
    nothing_more(emu, minji, tom, sara)

    set_clock(running_bot.log_path.parent, datetime(2024, 3, 12, 10, 0, tzinfo=timezone.utc))
    [reminder] = emu.wait_for_messages(tom, timeout=WAIT)
    assert reminder.html == text("en", "assign.reminder", title=OWN_TITLE, tutor="Jina", due="2024-03-13")
    nothing_more(emu, minji, tom, sara)

    restart(running_bot)  # what was sent is remembered
    ask(emu, jina, "/classes")  # the bot is back
    nothing_more(emu, minji, tom, sara, ticks=10)

    emu.press(tom, text("en", "assign.start"), message=reminder)  # goes on where he stopped
    [part] = emu.wait_for_messages(tom, timeout=WAIT)
    assert part.text.startswith(f"Part 1/3 · {OWN_TITLE}")
    assert sorted(index(data_dir)["assignment_reminders"]) == sorted(
        f"{assignment['assignment_id']}:{uid}" for uid in (TOM, SARA))


def test_a_tutor_who_chose_the_digest_hears_of_finishes_once_a_day_at_six(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    here = running_bot.log_path.parent
    jina, minji, tom = emu.user(JINA, "Jina"), emu.user(MINJI, "Minji"), emu.user(TOM, "Tom")
    class_with(emu, jina, "Thursday B2", minji, tom)
    assert ask(emu, jina, "/digest").html == text("en", "assign.digest.usage_off")
    assert ask(emu, jina, "/digest on").html == text("en", "assign.digest.on")
    assert ask(emu, jina, "/digest").html == text("en", "assign.digest.usage_on")
    paste(emu, jina)
    ask(emu, jina, "/assign 1 Thursday B2")
    for learner in (minji, tom):
        assert emu.wait_for_messages(learner, timeout=WAIT)[0].html == text(
            "en", "assign.new.no_due", tutor="Jina", name="Thursday B2", title=OWN_TITLE)

    def finish_quiz(learner) -> str:
        read_to_the_end(emu, learner)
        emu.press(learner, text("en", "reading.quiz"))
        taker = QuizTaker(emu, learner, learner_lesson(data_dir, learner.id))
        taker.take()
        return text("en", "assign.digest.line", learner=learner.first_name, name="Thursday B2", title=OWN_TITLE,
                    score=sum(a.correct for a in taker.answered), total=len(taker.answered))

    minji_line = finish_quiz(minji)
    nothing_more(emu, jina)  # kept for the evening
    set_clock(here, datetime(2024, 3, 10, 17, 59, tzinfo=timezone.utc))
    nothing_more(emu, jina)
    set_clock(here, datetime(2024, 3, 10, 18, 0, tzinfo=timezone.utc))
    [digest] = emu.wait_for_messages(jina, timeout=WAIT)
    assert digest.html == "\n".join([text("en", "assign.digest.head"), minji_line])

    set_clock(here, datetime(2024, 3, 10, 18, 30, tzinfo=timezone.utc))
    tom_line = finish_quiz(tom)
    nothing_more(emu, jina)  # one digest a day: Tom's finish waits for tomorrow's
    set_clock(here, datetime(2024, 3, 11, 17, 0, tzinfo=timezone.utc))
    nothing_more(emu, jina)
    # turning the digest off hands over what was waiting, and stops the evening message
    assert ask(emu, jina, "/digest off").html == text("en", "assign.digest.off_held") + "\n\n" + "\n".join(
        [text("en", "assign.digest.head"), tom_line])
    set_clock(here, datetime(2024, 3, 11, 18, 0, tzinfo=timezone.utc))
    nothing_more(emu, jina)
    assert index(data_dir)["tutor_digests"][str(JINA)] == {"held": [], "last_sent": "2024-03-10"}


def class_id_of(data_dir, name: str) -> str:
    [found] = [cid for cid, c in index(data_dir)["classes"].items() if c["name"] == name]
    return found


def library_of(data_dir, user_id: int) -> list[str]:
    return list(learner_file(data_dir, user_id).get("library", {}))


def test_bad_input_gets_one_clear_answer_and_nothing_is_assigned(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina, mark, minji, sara = emu.user(JINA, "Jina"), emu.user(MARK, "Mark"), emu.user(MINJI, "Minji"), emu.user(SARA, "Sara")
    group = emu.group(-4001, "Readers", members=[jina, minji])
    assert ask(emu, jina, "/assign", chat=group).html == text("en", "tutor.private_only", command="/assign")
    assert ask(emu, sara, "/assign 1 Thursday B2").html == text("en", "assign.no_class")  # teaches no class
    assert ask(emu, sara, "/digest on").html == text("en", "assign.no_class")
    class_with(emu, jina, "Thursday B2", minji)
    ask(emu, jina, "/newclass Empty room")
    assert ask(emu, jina, "/assign").html == text("en", "assign.empty_library")
    paste(emu, jina)
    class_with(emu, mark, "Evening C1", sara)
    paste(emu, mark)
    [marks_lesson] = library_of(data_dir, MARK)

    for command, answer in [
        ("/assign 7 Thursday B2", text("en", "assign.unknown_article", ref="7")),
        ("/assign 0 Thursday B2", text("en", "assign.unknown_article", ref="0")),
        ("/assign 0123456789ab Thursday B2", text("en", "assign.unknown_article", ref="0123456789ab")),
        (f"/assign {marks_lesson} Thursday B2", text("en", "assign.unknown_article", ref=marks_lesson)),
        ("/assign 1 Friday", text("en", "tutor.unknown_class", name="Friday")),
        ("/assign 1 Evening C1", text("en", "tutor.unknown_class", name="Evening C1")),  # Mark's
        ("/assign 1 Thursday B2 2024-03-09", text("en", "assign.error.past_date")),
        ("/assign 1 Thursday B2 2024-02-30", text("en", "assign.error.bad_date", example="2024-03-24")),
        ("/assign 1 Thursday B2 31/03/2024", text("en", "assign.error.bad_date", example="2024-03-24")),
        ("/assign 1 Thursday B2 2025-06-01", text("en", "assign.error.due_too_far")),
        ("/assign 1 Empty room", text("en", "assign.error.empty_class", name="Empty room")),
        ("/assign 1 Empty room +2", text("en", "assign.error.empty_class", name="Empty room")),
    ]:
        assert ask(emu, jina, command).html == answer, command
    assert assignments_in(data_dir) == []
    assert ask(emu, jina, "/digest", chat=group).html == text("en", "tutor.private_only", command="/digest")

    # the empty class chosen with buttons: said so, nothing stored
    menu = ask(emu, jina, "/assign 1")
    assert menu.html == text("en", "assign.choose_class", title=OWN_TITLE)
    emu.press(jina, "Empty room")
    assert emu.wait_for_edit(menu).html == text("en", "assign.error.empty_class", name="Empty room")
    assert assignments_in(data_dir) == []
    assert len(emu.messages(minji)) == 1  # her welcome to the class, nothing else

    ask(emu, jina, "/assign 1 Thursday B2 2024-03-10")  # today is fine
    assert ask(emu, jina, "/assign 1 Thursday B2 +5").html == text(
        "en", "assign.error.already_assigned", title=OWN_TITLE, name="Thursday B2")
    [assignment] = assignments_in(data_dir)
    assert assignment["due"] == "2024-03-10"


def test_a_second_tutor_can_neither_assign_to_the_first_tutors_class_nor_use_their_article(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina, mark = emu.user(JINA, "Jina"), emu.user(MARK, "Mark")
    minji, sara = emu.user(MINJI, "Minji"), emu.user(SARA, "Sara")
    class_with(emu, jina, "Thursday B2", minji)
    paste(emu, jina)
    ask(emu, jina, "/assign 1 Thursday B2 +3")
    emu.wait_for_messages(minji, timeout=WAIT)
    class_with(emu, mark, "Evening C1", sara)
    emu.send_text(mark, "Diplomats from both countries met on Tuesday. " + OWN_ARTICLE)
    emu.wait_for_messages(mark, timeout=WAIT)
    [jinas_lesson], [marks_lesson] = library_of(data_dir, JINA), library_of(data_dir, MARK)
    thursday, evening = class_id_of(data_dir, "Thursday B2"), class_id_of(data_dir, "Evening C1")
    [homework] = assignments_in(data_dir)
    homework_id = homework["assignment_id"]

    assert ask(emu, mark, f"/assign {jinas_lesson} Evening C1").html == text(
        "en", "assign.unknown_article", ref=jinas_lesson)
    echo = ask(emu, mark, "/assign 1 Thursday B2")  # a name he typed himself, and nothing more
    assert echo.html == text("en", "tutor.unknown_class", name="Thursday B2")

    menu = ask(emu, mark, "/assign")
    refused, expired = text("en", "assign.button.refused"), text("en", "button.expired")
    for forged, answer in [
        (pack("as", "pick", jinas_lesson), refused),
        (pack("as", "c", jinas_lesson, thursday), refused),
        (pack("as", "c", marks_lesson, thursday), refused),  # his article, her class
        (pack("as", "d", marks_lesson, thursday, 3), refused),
        (pack("as", "d", jinas_lesson, evening, 3), refused),  # her article, his class
        (pack("as", "t", marks_lesson, thursday), refused),
        (pack("as", "d", marks_lesson, "000000000000", 3), refused),
        (pack("as", "pick", "000000000000"), refused),
        (pack("as", "d", marks_lesson, evening, 5), expired),
        (pack("as", "d", marks_lesson, evening), expired),
        (pack("as", "zz", marks_lesson), expired),
        (pack("as", "go", homework_id), text("en", "assign.start.not_yours")),
        (pack("as", "go", "000000000000"), text("en", "assign.start.not_yours")),
    ]:
        assert emu.callback_answer(emu.press_data(mark, menu.message_id, forged))["text"] == answer, forged
    assert emu.message(mark, menu.message_id).html == menu.html  # not edited
    for forged in (pack("as", "go", homework_id), pack("as", "pick", jinas_lesson)):  # a learner of another class
        assert emu.callback_answer(emu.press_data(sara, 1, forged))["text"] in (
            text("en", "assign.start.not_yours"), refused)
    assert ask(emu, sara, f"/start as-{homework_id}").html == text("en", "assign.start.not_yours")

    assert [a["assignment_id"] for a in assignments_in(data_dir)] == [homework_id]
    assert current_reading(data_dir, SARA) is None and current_reading(data_dir, MARK)["assignment_id"] is None
    seen = [m for m in emu.messages(mark) + emu.messages(sara) if m.message_id != echo.message_id or m.chat_id != MARK]
    assert not any("Thursday" in m.text or "Jina" in m.text for m in seen)
    assert len(emu.messages(minji)) == 2  # her welcome and the one assignment

    # the tutor's own start button press: told it is theirs, no reading made for them
    assert emu.callback_answer(emu.press_data(jina, 1, pack("as", "go", homework_id)))["text"] == text(
        "en", "assign.start.tutor", title=OWN_TITLE, name="Thursday B2")
    assert current_reading(data_dir, JINA)["assignment_id"] is None  # her own pasted article, still


def test_a_learner_who_blocked_the_bot_does_not_stop_the_others(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina, minji, tom = emu.user(JINA, "Jina"), emu.user(MINJI, "Minji"), emu.user(TOM, "Tom")
    class_with(emu, jina, "Thursday B2", tom, minji)
    paste(emu, jina)
    emu.block(tom)
    ask(emu, jina, "/assign 1 Thursday B2")
    [for_minji] = emu.wait_for_messages(minji, timeout=WAIT)
    assert for_minji.html == text("en", "assign.new.no_due", tutor="Jina", name="Thursday B2", title=OWN_TITLE)
    emu.wait_until(lambda: "sent to 1 of 2 learners" in running_bot.log(), WAIT, "the sending to end")
    assert [(r.method, r.error_code, int(r.params.get("chat_id"))) for r in emu.refusals] == [("sendMessage", 403, TOM)]
    with emu.world.cond:  # the one refusal this test expects
        emu.world.refusals.clear()


def test_the_date_typed_after_type_a_date_is_the_due_date(running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    jina, minji = emu.user(JINA, "Jina"), emu.user(MINJI, "Minji")
    class_with(emu, jina, "Thursday B2", minji)
    add_to_library(emu, jina)
    menu = ask(emu, jina, "/assign 1")
    emu.press(jina, "Thursday B2", message=menu)
    dues = emu.wait_for_edit(menu)
    emu.press(jina, text("en", "assign.due.type"), message=dues)
    emu.wait_for_edit(dues)

    # a date that cannot be: the reason, and the question stays open
    assert ask(emu, jina, "2024-02-30").html == text("en", "assign.error.bad_date", example="2024-03-24")
    assert ask(emu, jina, "2023-12-01").html == text("en", "assign.error.past_date", example="2024-03-24")
    assert assignments_in(data_dir) == []
    # a due date: assigned, and the learner hears it
    assert ask(emu, jina, " 2024-03-20 ").html == text("en", "assign.done.due", title=OWN_TITLE, name="Thursday B2",
                                                       due="2024-03-20")
    [assignment] = assignments_in(data_dir)
    assert assignment["due"] == "2024-03-20"
    [own] = emu.wait_for_messages(minji, timeout=WAIT)
    assert own.html == text("en", "assign.new.due", tutor="Jina", name="Thursday B2", title=OWN_TITLE, due="2024-03-20")
    # answered: a second date is just a message, not a second assignment
    emu.send_text(jina, "2024-03-21")
    emu.wait_for_messages(jina, timeout=WAIT)
    assert [a["due"] for a in assignments_in(data_dir)] == ["2024-03-20"]
