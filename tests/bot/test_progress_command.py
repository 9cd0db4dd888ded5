"""/progress through the emulator with the real bot: its numbers are what the learner did."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from quiz_learner import CLOCK_FILE, QuizTaker, lay_down_reader, sample_lesson, set_clock, stored

from bot.sandbox.bot_process import stop_bot
from bot.texts import Html, text
from vocab.progress import DEFAULT_DAILY_GOAL, RIGHT_TO_LEARN

READER, KOREAN_READER, NEWCOMER = 1001, 1003, 1002
KNOWN = ("diplomat", "spokesperson")
#: 15:30 UTC is 00:30 the next day in Seoul: the streak counts Seoul days, not UTC ones.
START = datetime(2024, 3, 10, 15, 30, tzinfo=timezone.utc)
SEOUL_TODAY = date(2024, 3, 11)

pytestmark = pytest.mark.bot_env(CLOCK_FILE=CLOCK_FILE)


@pytest.fixture(autouse=True)
def reader(tmp_path):
    """Two readers in Seoul (one reads the bot in Korean), each of whom finished the sample
    lesson, knew two of its words and was active on the two Seoul days before today."""
    set_clock(tmp_path, START)
    for user_id, language in ((READER, "en"), (KOREAN_READER, "ko")):
        lay_down_reader(tmp_path / "data", user_id, name="Jiwoo", language=language,
                        timezone_name="Asia/Seoul", at=START - timedelta(days=1), known=KNOWN,
                        active_days=(SEOUL_TODAY - timedelta(days=2), SEOUL_TODAY - timedelta(days=1)))


def expected(lang: str, *, articles, learned, from_quizzes, known, in_progress, accuracy, streak) -> str:
    if accuracy is None:
        shown = text(lang, "progress.accuracy_none")
    else:
        right, total = accuracy
        shown = text(lang, "progress.accuracy", percent=round(right / total * 100), right=right, total=total)
    goal = text(lang, "progress.goal", done=0, goal=DEFAULT_DAILY_GOAL, streak=0)  # quizzes are not reviews
    return text(lang, "progress.body", articles=articles, learned=learned, from_quizzes=from_quizzes, known=known,
                in_progress=in_progress, accuracy=Html(shown), streak=streak) + "\n" + goal


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_a_newcomer_has_everything_at_zero(emu, language_code, lang):
    newcomer = emu.user(NEWCOMER, "Sam", language_code=language_code)
    emu.send_text(newcomer, "/progress")
    [shown] = emu.wait_for_messages(newcomer)
    assert shown.html == expected(lang, articles=0, learned=0, from_quizzes=0, known=0, in_progress=0,
                                  accuracy=None, streak=0)


def test_progress_counts_what_the_learner_did_in_two_quizzes(running_bot, tmp_path):
    emu, lesson = running_bot.emu, sample_lesson()
    jiwoo = emu.user(READER, "Jiwoo")
    emu.send_text(jiwoo, "/progress")
    before, chart = emu.wait_for_messages(jiwoo, 2)
    assert chart.kind == "photo"  # the chart follows the numbers (tests/bot/test_progress_chart.py)
    assert before.html == expected("en", articles=1, learned=2, from_quizzes=0, known=2, in_progress=0,
                                   accuracy=None, streak=2)  # yesterday and the day before: not lost yet

    emu.send_text(jiwoo, "/quiz")
    first = QuizTaker(emu, jiwoo, lesson)
    first.take(polls_right=lambda n: n % 3 != 1)
    set_clock(tmp_path, START + timedelta(hours=2))  # still the same day in Seoul
    emu.send_text(jiwoo, "/quiz")
    second = QuizTaker(emu, jiwoo, lesson)
    second.take(polls_right=lambda n: True)

    answers = [*first.answered, *second.answered]
    rights: dict[str, int] = {}
    for answered in answers:
        rights[answered.lemma] = rights.get(answered.lemma, 0) + answered.correct
    learned = sum(right >= RIGHT_TO_LEARN for right in rights.values())
    assert learned >= 1 and set(rights).isdisjoint(KNOWN)
    emu.send_text(jiwoo, "/progress")
    after, chart = emu.wait_for_messages(jiwoo, 2)
    assert chart.kind == "photo"
    assert after.html == expected(
        "en", articles=1, learned=learned + len(KNOWN), from_quizzes=learned, known=len(KNOWN),
        in_progress=len(rights) - learned, accuracy=(sum(a.correct for a in answers), len(answers)), streak=3)

    stop_bot(running_bot.process)
    store = stored(running_bot.data_dir)
    assert store.progress(READER).active_days()[-1] == SEOUL_TODAY  # the Seoul date, not UTC's 10 March
    store.close()


def test_progress_in_korean(emu):
    jiwoo = emu.user(KOREAN_READER, "지우", language_code="ko")
    emu.send_text(jiwoo, "/progress")
    shown, chart = emu.wait_for_messages(jiwoo, 2)
    assert chart.kind == "photo"
    assert shown.html == expected("ko", articles=1, learned=2, from_quizzes=0, known=2, in_progress=0,
                                  accuracy=None, streak=2)
    assert "나의 학습 기록" in shown.text
