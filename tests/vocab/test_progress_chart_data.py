"""The series behind the /progress chart: cumulative words met and learned per local day, quiz
accuracy per day, the review forecast, and "nothing to draw" for a learner with no data."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from vocab.progress import RIGHT_TO_LEARN, QuizAnswer, WordStatus
from vocab.progress_chart_data import MIN_DAYS, chart_data, learned_at

DAY1 = datetime(2024, 3, 1, 3, 0, tzinfo=timezone.utc)  # 12:00 in Seoul
TODAY = date(2024, 3, 10)
NO_REVIEWS = [0] * 14


def word(lemma: str, status: str = "new", first_seen: datetime = DAY1,
         updated_at: datetime | None = None) -> WordStatus:
    return WordStatus(lemma=lemma, item=lemma, status=status, lesson_id="l1", sentence="s", gloss="g",
                      first_seen=first_seen, updated_at=updated_at or first_seen)


def answer(lemma: str, correct: bool, at: datetime) -> QuizAnswer:
    return QuizAnswer(lesson_id="l1", question_id=f"q:{lemma}:{at.isoformat()}", lemma=lemma, kind="gap_fill",
                      correct=correct, answered_at=at)


def test_a_learner_with_nothing_has_an_empty_chart():
    data = chart_data([], [], NO_REVIEWS, TODAY, None)
    assert data.is_empty and data.days == () and data.quiz_days == ()


def test_reviews_coming_are_something_to_draw():
    assert not chart_data([], [], [0, 2, *[0] * 12], TODAY, None).is_empty


def test_words_met_and_learned_are_cumulative_per_day_up_to_today():
    words = [
        word("a", "known", DAY1, DAY1),  # known the day it was met
        word("b", "new", DAY1 + timedelta(days=2)),
        word("c", "known", DAY1 + timedelta(days=2), DAY1 + timedelta(days=4)),
    ]
    data = chart_data(words, [], NO_REVIEWS, TODAY, "UTC")
    assert data.days[0] == date(2024, 3, 1) and data.days[-1] == TODAY
    assert len(data.days) == 10 and len(data.words_met) == len(data.words_learned) == 10
    assert data.words_met == (1, 1, 3, 3, 3, 3, 3, 3, 3, 3)
    assert data.words_learned == (1, 1, 1, 1, 2, 2, 2, 2, 2, 2)


def test_a_learned_word_counts_from_its_second_right_answer_not_its_last_update():
    met = DAY1
    answers = [answer("w", True, met + timedelta(days=1)), answer("w", False, met + timedelta(days=2)),
               answer("w", True, met + timedelta(days=3)), answer("w", True, met + timedelta(days=6))]
    learned = word("w", "learned", met, updated_at=met + timedelta(days=6))  # moved by the last answer
    assert RIGHT_TO_LEARN == 2
    assert learned_at(learned, answers) == met + timedelta(days=3)
    data = chart_data([learned], answers, NO_REVIEWS, TODAY, None)
    assert data.words_learned[data.days.index(date(2024, 3, 4))] == 1
    assert data.words_learned[data.days.index(date(2024, 3, 3))] == 0


@pytest.mark.parametrize("status, expected", [("new", None), ("learning", None), ("known", DAY1)])
def test_only_settled_words_have_a_learned_time(status, expected):
    assert learned_at(word("w", status), []) == expected


def test_days_are_the_learners_local_days():
    late = datetime(2024, 3, 9, 16, 0, tzinfo=timezone.utc)  # 01:00 on 10 March in Seoul
    seoul = chart_data([word("a", first_seen=late)], [answer("a", True, late)], NO_REVIEWS, TODAY, "Asia/Seoul")
    utc = chart_data([word("a", first_seen=late)], [answer("a", True, late)], NO_REVIEWS, TODAY, None)
    assert seoul.quiz_days == (date(2024, 3, 10),) and utc.quiz_days == (date(2024, 3, 9),)
    assert seoul.words_met[-1] == 1 and seoul.words_met[-2] == 0
    assert utc.words_met[-2] == 1


def test_a_first_day_still_spans_a_week():
    data = chart_data([word("a", first_seen=datetime(2024, 3, 10, tzinfo=timezone.utc))], [], NO_REVIEWS, TODAY, None)
    assert len(data.days) == MIN_DAYS and data.days[-1] == TODAY
    assert data.words_met == (0,) * (MIN_DAYS - 1) + (1,)


def test_quiz_accuracy_is_the_share_right_each_day():
    answers = [answer("a", True, DAY1), answer("b", False, DAY1), answer("c", True, DAY1),
               answer("a", True, DAY1 + timedelta(days=2))]
    data = chart_data([], answers, NO_REVIEWS, TODAY, None)
    assert data.quiz_days == (date(2024, 3, 1), date(2024, 3, 3))
    assert data.quiz_accuracy == pytest.approx((200 / 3, 100.0))
    assert data.quiz_answers == (3, 1)


def test_the_forecast_is_dated_from_today():
    counts = [1, 0, 3, *[0] * 11]
    data = chart_data([], [], counts, TODAY, None)
    assert data.forecast == tuple(counts)
    assert data.forecast_days[0] == TODAY and data.forecast_days[2] == date(2024, 3, 12)
    assert len(data.forecast_days) == 14
