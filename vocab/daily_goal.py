"""The daily goal: how much a learner did today, whether a day met their goal, and the streak of
days that met it.

A day's count is the review cards answered plus the article parts read for the first time. Both
count because both are the practice the bot is for, and a learner's day is often one or the
other: on a day with a new article they read and meet words in context (the reading that grows
a vocabulary), on a day without one they review the words met before (the spaced retrieval that
keeps them). A goal of words reviewed alone would make a day of reading count for nothing, and
the other way round. One part (a phone screen of text, about a minute) counts like one card
(several seconds to a minute with its sentence): rough, but simple to understand and to plan
("10 a day: one article, or ten cards").

Days are the learner's local dates (the caller works them out in the learner's time zone).
Pure: the stored activity and "today" are passed in.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .progress import DayActivity, current_streak

#: The daily goals a learner can choose from in /settings (the default, 10, among them):
#: from a few minutes a day to a serious half hour.
GOAL_CHOICES: tuple[int, ...] = (5, 10, 20, 30, 50)


@dataclass(frozen=True)
class GoalProgress:
    """Today's count against the goal, and the streak of days that met it."""

    goal: int
    done_today: int
    streak: int  # days in a row that met the goal, ending today (or yesterday, until today is met)

    @property
    def met_today(self) -> bool:
        return self.done_today >= self.goal

    @property
    def left_today(self) -> int:
        return max(0, self.goal - self.done_today)


def met_goal(done: DayActivity, goal: int) -> bool:
    """Whether a day's reviews and parts read reach the goal."""
    return done.total >= goal


def done_on(activity: Mapping[date, DayActivity], day: date) -> int:
    """Reviews and parts read on `day`; 0 for a day without activity."""
    done = activity.get(day)
    return 0 if done is None else done.total


def goal_streak(activity: Mapping[date, DayActivity], goal: int, today: date) -> int:
    """Consecutive days that met the goal, ending today, or yesterday while today is not met
    yet (like `current_streak`: a streak is only lost once a whole day passes short of the goal).
    Days are judged by today's goal: a goal changed today applies to the days before too."""
    return current_streak((day for day, done in activity.items() if met_goal(done, goal)), today)


def goal_progress(activity: Mapping[date, DayActivity], goal: int, today: date) -> GoalProgress:
    """Today's count, the goal and the streak of days that met it."""
    return GoalProgress(goal=goal, done_today=done_on(activity, today), streak=goal_streak(activity, goal, today))
