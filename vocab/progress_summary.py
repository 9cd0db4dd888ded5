"""What /progress tells a learner: articles finished, words learned, quiz accuracy, streak.

Plain functions over the stored state (`vocab.progress`); the caller passes "today" in the
learner's own time zone, because a streak of active days is counted in the days the learner
lives, not in UTC (a learner in Seoul who reads at 8 a.m. is active on that Seoul day).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .daily_goal import GoalProgress, goal_progress
from .progress import DEFAULT_DAILY_GOAL, DayActivity, QuizAnswer, ReadingState, WordStatus, current_streak


@dataclass(frozen=True)
class ProgressSummary:
    """The learner's numbers, as /progress shows them.

    words_learned counts both ways a word is settled: answered right RIGHT_TO_LEARN times in
    quizzes ("learned") and marked "I know it" ("known"); neither is picked for the next articles.
    words_in_progress are met but not settled: new, or quizzed and not yet right often enough.
    """

    articles_finished: int
    words_learned: int
    words_known: int  # of words_learned, those marked "I know it"
    words_in_progress: int
    answers: int
    right_answers: int
    streak: int  # consecutive active days, ending today (or yesterday)
    goal: GoalProgress | None = None  # today's count toward the daily goal, and days met in a row

    @property
    def accuracy(self) -> float | None:
        """Share of quiz answers that were right; None before the first answer."""
        return self.right_answers / self.answers if self.answers else None

    @property
    def accuracy_percent(self) -> int | None:
        return None if self.accuracy is None else round(self.accuracy * 100)


def summarize_progress(
    readings: Iterable[ReadingState],
    words: Iterable[WordStatus],
    answers: Iterable[QuizAnswer],
    active_days: Iterable[date],
    today: date,
    activity: Mapping[date, DayActivity] | None = None,
    daily_goal: int = DEFAULT_DAILY_GOAL,
) -> ProgressSummary:
    """Sum up a learner's stored progress as of `today` (their local date); with `activity`,
    today's count toward `daily_goal` and the streak of days that met it too."""
    words = list(words)
    answers = list(answers)
    return ProgressSummary(
        articles_finished=sum(1 for r in readings if r.is_finished),
        words_learned=sum(1 for w in words if w.is_settled),
        words_known=sum(1 for w in words if w.status == "known"),
        words_in_progress=sum(1 for w in words if not w.is_settled),
        answers=len(answers),
        right_answers=sum(1 for a in answers if a.correct),
        streak=current_streak(active_days, today),
        goal=None if activity is None else goal_progress(activity, daily_goal, today),
    )


def local_date(moment: datetime, timezone_name: str | None) -> date:
    """The date at `moment` (aware) where the learner lives; UTC when their zone is unset or unknown."""
    zone = timezone.utc
    if timezone_name:
        try:
            zone = ZoneInfo(timezone_name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = timezone.utc
    return moment.astimezone(zone).date()
