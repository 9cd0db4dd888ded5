"""The learner's other state: settings checked on creation, reading position, quiz in progress, streaks."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from vocab.progress import Learner, QuizSession, ReadingState, current_streak

T0 = datetime(2024, 3, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "changes",
    [{"language": "ja"}, {"level": "C2"}, {"level": "b1"}, {"desired_retention": 1.0}, {"daily_goal": 0}],
)
def test_a_learner_with_an_impossible_setting_is_refused(changes):
    with pytest.raises(ValueError):
        Learner(1, "Ada", T0, **changes)


def test_a_learner_starts_in_english_without_a_level():
    learner = Learner(1, "Ada", T0)
    assert (learner.language, learner.level, learner.timezone, learner.reminder_time) == ("en", None, None, None)
    assert learner.desired_retention == 0.9


def test_reading_counts_every_part_shown_and_finishes_once():
    state = ReadingState("l", T0).at_part(1).at_part(3).at_part(1)
    assert state.part == 1 and state.parts_read == {0, 1, 3} and not state.is_finished
    done = state.finished(T0).finished(datetime(2025, 1, 1, tzinfo=timezone.utc))
    assert done.finished_at == T0


def test_a_quiz_finds_the_question_of_a_poll_and_ends_after_the_last():
    q1, q2 = {"id": "gap_fill:munition", "kind": "gap_fill"}, {"id": "typed:munition", "kind": "typed"}
    quiz = QuizSession("l", T0, (q1, q2)).with_poll("p1", "gap_fill:munition")
    assert quiz.question_for_poll("p1") == q1 and quiz.question_for_poll("p2") is None
    assert quiz.current == q1 and quiz.advanced().current == q2
    assert not quiz.advanced().is_over and quiz.advanced().advanced().is_over
    assert quiz.advanced().advanced().current is None


@pytest.mark.parametrize(
    "days,today,streak",
    [
        ([], date(2024, 3, 10), 0),
        ([date(2024, 3, 10)], date(2024, 3, 10), 1),
        ([date(2024, 3, 8), date(2024, 3, 9), date(2024, 3, 10)], date(2024, 3, 10), 3),
        ([date(2024, 3, 8), date(2024, 3, 9)], date(2024, 3, 10), 2),  # today not yet active: still alive
        ([date(2024, 3, 7), date(2024, 3, 8)], date(2024, 3, 10), 0),  # a whole day missed
        ([date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)], date(2024, 3, 1), 3),  # leap day
        ([date(2024, 3, 5), date(2024, 3, 9), date(2024, 3, 10)], date(2024, 3, 10), 2),
    ],
)
def test_the_streak_counts_days_in_a_row(days, today, streak):
    assert current_streak(days, today) == streak
