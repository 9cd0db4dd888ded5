"""The daily goal counts reviews and parts read; the streak counts days that met the goal."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from vocab.daily_goal import GOAL_CHOICES, done_on, goal_progress, goal_streak, met_goal
from vocab.progress import DEFAULT_DAILY_GOAL, DayActivity

TODAY = date(2024, 3, 10)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


@pytest.mark.parametrize("reviews, parts, goal, met", [
    (10, 0, 10, True),   # a day of reviews alone
    (0, 10, 10, True),   # a day of reading alone
    (6, 4, 10, True),    # both together
    (6, 3, 10, False),
    (0, 0, 1, False),
    (50, 0, 50, True),
])
def test_a_day_meets_the_goal_with_reviews_and_parts_together(reviews, parts, goal, met):
    assert met_goal(DayActivity(reviews, parts), goal) is met


def test_today_counts_what_was_done_today_only():
    activity = {days_ago(1): DayActivity(20, 2), TODAY: DayActivity(3, 1)}
    assert done_on(activity, TODAY) == 4
    assert done_on(activity, days_ago(2)) == 0


@pytest.mark.parametrize("met_days, today_done, streak", [
    ((), 0, 0),
    ((0,), 10, 1),            # today met: it counts
    ((1, 2, 3), 4, 3),        # today not met yet: the streak ending yesterday stands
    ((0, 1, 2), 10, 3),
    ((2, 3), 0, 0),           # yesterday missed: the streak is lost
    ((0, 2, 3), 10, 1),       # a gap breaks it
])
def test_the_streak_counts_consecutive_days_that_met_the_goal(met_days, today_done, streak):
    activity = {days_ago(n): DayActivity(reviews=10) for n in met_days if n}
    activity[TODAY] = DayActivity(parts=today_done)
    activity[days_ago(5)] = DayActivity(reviews=9)  # active but short: never part of a streak
    assert goal_streak(activity, 10, TODAY) == streak


def test_days_active_but_short_of_the_goal_do_not_keep_a_streak():
    activity = {days_ago(1): DayActivity(reviews=2), days_ago(2): DayActivity(reviews=12)}
    assert goal_streak(activity, 10, TODAY) == 0
    assert goal_streak(activity, 2, TODAY) == 2  # a smaller goal: both days met it


def test_goal_progress_says_what_is_left_today():
    activity = {days_ago(1): DayActivity(10, 0), TODAY: DayActivity(2, 1)}
    progress = goal_progress(activity, 10, TODAY)
    assert (progress.goal, progress.done_today, progress.left_today, progress.met_today, progress.streak) \
        == (10, 3, 7, False, 1)
    done = goal_progress({**activity, TODAY: DayActivity(9, 3)}, 10, TODAY)
    assert (done.left_today, done.met_today, done.streak) == (0, True, 2)


def test_the_default_goal_is_one_of_the_choices():
    assert DEFAULT_DAILY_GOAL in GOAL_CHOICES and list(GOAL_CHOICES) == sorted(GOAL_CHOICES)
