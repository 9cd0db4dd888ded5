"""/progress's numbers from the stored state: what counts as learned, accuracy, the local day."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from vocab.progress import DayActivity, QuizAnswer, ReadingState, WordStatus
from vocab.progress_summary import local_date, summarize_progress

T0 = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)
TODAY = date(2024, 3, 10)


def word(lemma: str, status: str) -> WordStatus:
    return WordStatus(lemma=lemma, item=lemma, status=status, lesson_id="l", sentence="", gloss="",
                      first_seen=T0, updated_at=T0)


def answer(n: int, correct: bool) -> QuizAnswer:
    return QuizAnswer("l", f"q{n}", f"w{n}", "typed", correct, T0 + timedelta(seconds=n))


def summary(readings=(), words=(), answers=(), days=(), today=TODAY):
    return summarize_progress(readings, words, answers, days, today)


def test_an_empty_record_is_all_zeros_and_no_accuracy_yet():
    empty = summary()
    assert (empty.articles_finished, empty.words_learned, empty.words_in_progress, empty.answers, empty.streak) \
        == (0, 0, 0, 0, 0)
    assert empty.accuracy is None and empty.accuracy_percent is None


@pytest.mark.parametrize("statuses, learned, known, in_progress", [
    (("learned", "learned"), 2, 0, 0),
    (("known",), 1, 1, 0),
    (("new", "learning"), 0, 0, 2),
    (("new", "known", "learning", "learned"), 2, 1, 2),
])
def test_words_learned_are_the_learned_and_the_known(statuses, learned, known, in_progress):
    counted = summary(words=[word(f"w{i}", s) for i, s in enumerate(statuses)])
    assert (counted.words_learned, counted.words_known, counted.words_in_progress) == (learned, known, in_progress)


def test_only_finished_articles_count():
    readings = [ReadingState("a", T0, finished_at=T0), ReadingState("b", T0), ReadingState("c", T0).finished(T0)]
    assert summary(readings=readings).articles_finished == 2


@pytest.mark.parametrize("right, wrong, percent", [(1, 0, 100), (0, 3, 0), (2, 1, 67), (5, 3, 62)])
def test_accuracy_is_right_answers_over_all_answers(right, wrong, percent):
    answers = [answer(n, True) for n in range(right)] + [answer(100 + n, False) for n in range(wrong)]
    counted = summary(answers=answers)
    assert (counted.right_answers, counted.answers, counted.accuracy_percent) == (right, right + wrong, percent)


def test_the_streak_counts_days_up_to_today():
    days = [TODAY - timedelta(days=n) for n in (0, 1, 2, 4)]
    assert summary(days=days).streak == 3


@pytest.mark.parametrize("moment, zone, day", [
    (datetime(2024, 3, 10, 15, 30, tzinfo=timezone.utc), "Asia/Seoul", date(2024, 3, 11)),
    (datetime(2024, 3, 10, 15, 30, tzinfo=timezone.utc), None, date(2024, 3, 10)),
    (datetime(2024, 3, 10, 15, 30, tzinfo=timezone.utc), "Not/AZone", date(2024, 3, 10)),
    (datetime(2024, 3, 10, 3, 0, tzinfo=timezone.utc), "America/New_York", date(2024, 3, 9)),
])
def test_the_day_is_the_learners_local_day(moment, zone, day):
    assert local_date(moment, zone) == day


def test_the_daily_goal_counts_todays_reviews_and_parts_and_the_days_met():
    activity = {TODAY - timedelta(days=2): DayActivity(reviews=8, parts=2), TODAY - timedelta(days=1): DayActivity(12, 0),
                TODAY: DayActivity(reviews=1, parts=2)}
    goal = summarize_progress((), (), (), activity, TODAY, activity=activity, daily_goal=10).goal
    assert (goal.goal, goal.done_today, goal.streak, goal.met_today) == (10, 3, 2, False)
    assert summary().goal is None  # without the activity there is nothing to say about the goal
