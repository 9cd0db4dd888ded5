"""The series behind the /progress chart: words met and learned over time, quiz accuracy per day,
and the reviews falling due in the next days. Pure: the shell draws them (bot/charts.py).

Days are the learner's local dates (a Seoul learner's 8 a.m. quiz is on that Seoul day).

When a word was learned: WordStatus keeps no history, and its `updated_at` moves with every
later event (a learned word answered again, a known word answered right), so it would slide a
word's learning to the day it was last quizzed. The quiz answers are the history: a "learned"
word was learned on the day of its RIGHT_TO_LEARN-th right answer. A "known" word was settled
when the learner pressed "I know it", the time its `updated_at` holds unless a later right answer
(which keeps it known) moved it: such a word counts from the last time it was confirmed. A learned
word whose answers are gone falls back to `updated_at` too. "Met" is each word's `first_seen`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .progress import RIGHT_TO_LEARN, QuizAnswer, WordStatus
from .progress_summary import local_date


#: The words panel shows at least this many days (a learner's first day is a line, not a dot).
MIN_DAYS = 7


@dataclass(frozen=True)
class ProgressChartData:
    """Three panels' series, each as (days, values) of the same length."""

    days: tuple[date, ...]  # every day from the first word met (or answer) to today, MIN_DAYS at least
    words_met: tuple[int, ...]  # cumulative, at the end of each day
    words_learned: tuple[int, ...]  # cumulative learned or known, at the end of each day
    quiz_days: tuple[date, ...]  # days with quiz answers
    quiz_accuracy: tuple[float, ...]  # percent right on that day, 0-100
    quiz_answers: tuple[int, ...]  # answers given that day
    forecast_days: tuple[date, ...]  # today and the next days
    forecast: tuple[int, ...]  # reviews falling due each day (today's includes overdue ones)

    @property
    def is_empty(self) -> bool:
        """Nothing to draw: no words, no quiz answers, no reviews coming."""
        return not self.days and not self.quiz_days and not any(self.forecast)


def learned_at(word: WordStatus, answers: Sequence[QuizAnswer]) -> datetime | None:
    """When the word became learned or known (see the module's note); None while it is not."""
    if not word.is_settled:
        return None
    if word.status == "learned":
        rights = sorted(a.answered_at for a in answers if a.lemma == word.lemma and a.correct)
        if len(rights) >= RIGHT_TO_LEARN:
            return rights[RIGHT_TO_LEARN - 1]
    return word.updated_at


def _cumulative(events: Iterable[date], days: Sequence[date]) -> tuple[int, ...]:
    per_day = Counter(events)
    total, series = 0, []
    for day in days:
        total += per_day.get(day, 0)
        series.append(total)
    return tuple(series)


def chart_data(
    words: Iterable[WordStatus],
    answers: Iterable[QuizAnswer],
    forecast: Sequence[int],
    today: date,
    timezone_name: str | None,
) -> ProgressChartData:
    """The chart's series as of `today` (the learner's local date); `forecast` counts the reviews
    due on each day from today (vocab.review.forecast)."""
    words, answers = list(words), list(answers)

    def day_of(moment: datetime) -> date:
        return local_date(moment, timezone_name)

    met = [day_of(w.first_seen) for w in words]
    learned = [day_of(moment) for moment in (learned_at(w, answers) for w in words) if moment]
    answered = [day_of(a.answered_at) for a in answers]
    start = min([*met, *learned, *answered], default=None)
    days = ()
    if start is not None:
        start = min(start, today - timedelta(days=MIN_DAYS - 1))
        days = tuple(start + timedelta(days=n) for n in range((today - start).days + 1))
    quiz_days = tuple(sorted(set(answered)))
    given = Counter(answered)
    right = Counter(day_of(a.answered_at) for a in answers if a.correct)
    return ProgressChartData(
        days=days,
        words_met=_cumulative(met, days),
        words_learned=_cumulative(learned, days),
        quiz_days=quiz_days,
        quiz_accuracy=tuple(100 * right[d] / given[d] for d in quiz_days),
        quiz_answers=tuple(given[d] for d in quiz_days),
        forecast_days=tuple(today + timedelta(days=n) for n in range(len(forecast))),
        forecast=tuple(forecast),
    )
