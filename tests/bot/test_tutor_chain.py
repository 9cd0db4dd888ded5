"""The whole tutor chain (issue 5 §6) as one conversation through the emulator, against the real bot:

create a class -> a learner joins by the invite deep link -> the tutor adds an article (/add) ->
glosses one of its words (/gloss) -> assigns it with a due date (/assign) -> the learner starts it,
reads every part and takes the quiz, missing one word -> the tutor hears of the finish ->
/report matches what happened: parts, score, the missed word among the hardest words, and the
CSV file (parsed with the csv module) and the chart.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.texts import catalogue, text
from lessons.article import Lesson
from lessons.report_csv import ENCODING
from reading_steps import OWN_ARTICLE, OWN_TITLE, lesson_files, word_statuses
from quiz_learner import QuizTaker, is_result, set_clock

NOW = datetime(2024, 3, 11, 1, 0, tzinfo=timezone.utc)  # a Monday morning
CLASS = "Thursday B2"
GLOSS = "군수품"
WAIT = 30.0
INVITE = re.compile(r"https://t\.me/\S+\?start=[A-Za-z0-9_-]+")


def ask(emu, user, command: str, timeout: float = WAIT):
    """`user` sends `command`; the bot's one answer."""
    emu.send_text(user, command)
    [answer] = emu.wait_for_messages(user, timeout=timeout)
    return answer


def next_until(emu, user, wanted, timeout: float = WAIT):
    """The bot's next messages to `user` up to the first that `wanted(message)` accepts; that one."""
    while True:
        [message] = emu.wait_for_messages(user, timeout=timeout)
        if wanted(message):
            return message


def lessons_of(data_dir: Path, owner_id: int) -> dict[str, Lesson]:
    """The stored lessons `owner_id` owns, by id (read from the bot's files, replaced atomically)."""
    found = {}
    for path in lesson_files(data_dir):
        for doc in json.loads(path.read_text(encoding="utf-8")).get("lesson", {}).values():
            if doc["entry"]["owner_id"] == owner_id:
                found[doc["entry"]["lesson_id"]] = Lesson.from_dict(doc["lesson"])
    return found


def take_quiz_missing_the_first_poll(emu, learner, lesson: Lesson) -> QuizTaker:
    """Answer every question: the first poll wrong, every other poll right, typed answers exactly."""
    taker = QuizTaker(emu, learner, lesson)
    missed = False
    _, screen = taker.next_screen(timeout=WAIT)
    while not is_result(screen):
        if screen.poll:
            taker.answer(screen, right=missed)
            missed = True
        else:
            taker.answer(screen, way="exact")
        _, screen = taker.next_screen(timeout=WAIT)
    taker.result = screen
    return taker


@pytest.mark.bot_env(CLOCK_FILE="clock.txt")
def test_a_tutor_runs_a_class_from_the_invite_to_the_report(running_bot, tmp_path):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    set_clock(tmp_path, NOW)
    tutor = emu.user(2001, "Jina")
    learner = emu.user(1001, "민지", language_code="ko")

    # a class, and the learner joins it by the invite link's /start payload
    created = ask(emu, tutor, f"/newclass {CLASS}")
    [link] = INVITE.findall(created.text)
    emu.open_link(learner, link)
    [welcome] = emu.wait_for_messages(learner)
    assert welcome.html == text("ko", "tutor.join.done", name=CLASS, tutor="Jina")

    # the tutor adds an article to the library, and glosses one of its words
    assert ask(emu, tutor, "/add").html.startswith(text("en", "library.add_prompt", minutes=10)[:30])
    emu.send_text(tutor, OWN_ARTICLE)
    preview = next_until(emu, tutor, lambda m: OWN_TITLE in m.text)
    assert preview.html.startswith(catalogue("en")["library.added"].split("{number}")[0] + "1")  # library no. 1
    [(tutor_lesson_id, tutor_lesson)] = lessons_of(data_dir, tutor.id).items()
    glossed = tutor_lesson.vocabulary[0]
    assert ask(emu, tutor, f"/gloss {glossed.item} {GLOSS}").html == text(
        "en", "wordlist.glossed", item=glossed.item, gloss=GLOSS)

    # assigned with a due date three days ahead; the learner gets it with a start button
    due = (NOW + timedelta(days=3)).date()
    done = ask(emu, tutor, f"/assign 1 {CLASS} +3")
    assert done.html == text("en", "assign.done.due", title=OWN_TITLE, name=CLASS, due=due.isoformat())
    news = next_until(emu, learner, lambda m: m.has_button(text("ko", "assign.start")))
    assert OWN_TITLE in news.text and due.isoformat() in news.text

    # the learner reads every part of their own copy (the tutor's gloss comes with it)
    emu.press(learner, text("ko", "assign.start"))
    first = next_until(emu, learner, lambda m: m.text.startswith("파트 1/"))
    [(lesson_id, lesson)] = lessons_of(data_dir, learner.id).items()
    assert lesson_id != tutor_lesson_id
    assert {i.lemma: i.tutor_gloss for i in lesson.vocabulary}.get(glossed.lemma) == GLOSS
    total = len(lesson.chunks)
    shown = first
    for part in range(2, total + 1):
        emu.press(learner, text("ko", "reading.next"), message=shown)
        shown = next_until(emu, learner, lambda m: m.text.startswith(f"파트 {part}/"))
    emu.press(learner, text("ko", "reading.quiz"), message=shown)
    taker = take_quiz_missing_the_first_poll(emu, learner, lesson)
    right = sum(a.correct for a in taker.answered)
    [missed] = [a.lemma for a in taker.answered if not a.correct]
    assert 0 < right < len(taker.answered)

    # the tutor hears of the finish, with the score
    notice = next_until(emu, tutor, lambda m: "민지" in m.text)
    assert notice.html == text("en", "assign.finished", learner="민지", name=CLASS, title=OWN_TITLE, score=right,
                               total=len(taker.answered))

    # the report matches what happened
    emu.send_text(tutor, f"/report {CLASS}")
    report, document, chart = emu.wait_for_messages(tutor, 3, timeout=WAIT)
    item = {i.lemma: i.item for i in lesson.vocabulary}[missed]
    percent = round(100 * right / len(taker.answered))
    assert f"1. 민지: parts {total}/{total} · quiz {right}/{len(taker.answered)} ({percent}%)" in report.text
    assert text("en", "report.status.finished") in report.text
    hardest = report.text.split(text("en", "report.hardest").replace("<b>", "").replace("</b>", ""))[1]
    assert f"• {item}: 1 wrong of 1" in hardest
    assert report.button_labels == ["1. 민지"]

    assert document.document["file_name"] == f"report-Thursday-B2-{NOW.date().isoformat()}.csv"
    [row] = list(csv.DictReader(io.StringIO(document.document["data"].decode(ENCODING))))
    statuses = word_statuses(data_dir, learner.id)
    learned = sum(1 for i in lesson.vocabulary if statuses.get(i.lemma) in ("learned", "known"))
    assert row == {
        "Class": CLASS, "Assignment": OWN_TITLE, "Due": due.isoformat(), "No.": "1", "Learner": "민지",
        "Status": "finished", "Parts read": str(total), "Parts": str(total), "Quiz right": str(right),
        "Quiz answered": str(len(taker.answered)), "Quiz %": str(percent), "Words learned": str(learned),
        "Words": str(len(lesson.vocabulary)), "Last active": NOW.date().isoformat(),
        "Finished on": NOW.date().isoformat(),
    }
    assert chart.photo["data"].startswith(b"\x89PNG")

    # and the learner's own /report shows the same, in Korean, and nobody else
    own = ask(emu, learner, "/report")
    assert f"읽은 부분 {total}/{total}" in own.text and CLASS in own.text and item in own.text
