"""Spaced review of the words a learner met as new, scheduled by FSRS (the `fsrs` package).

Memory facts behind the schedule (FSRS, the Free Spaced Repetition Scheduler, Ye 2022):

- Retrievability R is the chance of recalling a word right now; it falls with time since the
  last review along a power-law forgetting curve.
- Stability S is how slowly that happens: the number of days after which R has dropped to 90%.
  A successful review raises S, and raises it most when R was low (a word recalled just before
  it would have been forgotten is strengthened most: the spacing effect).
- Difficulty D (1-10) is how hard the word is for this learner; it rises with Again and Hard,
  falls with Easy, and a high D makes S grow more slowly.
- Desired retention is the R at which a card falls due: 0.9 (the default) means "show me the
  word when I would still recall it 9 times out of 10". Asking for more (0.95) means shorter
  intervals and many more reviews; asking for less (0.8) means longer intervals and more lapses.

The bot works in days (one /review a day, a daily reminder), so the scheduler has no same-day
learning steps: every rating schedules the card a whole number of days ahead (Again: tomorrow).
FSRS's interval fuzz is off, since it draws from the global `random` module and the core takes
its randomness as an argument; with a few dozen cards per learner, bunching is no problem.

Everything here is pure: time is passed in (aware datetimes, stored in UTC).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .progress import DEFAULT_RETENTION

if TYPE_CHECKING:
    from .progress import WordStatus

RatingName = Literal["again", "hard", "good", "easy"]
#: The four answers to "did you recall it?", as FSRS names them: forgot, with serious
#: difficulty, after a hesitation, at once.
RATINGS: tuple[str, ...] = ("again", "hard", "good", "easy")

#: Days of the review forecast (the chart of the next two weeks).
FORECAST_DAYS = 14


@dataclass(frozen=True)
class ReviewCard:
    """One word or phrase under spaced review, with the sentence the learner met it in.

    `fsrs` is the scheduler's own card state (stability, difficulty, step, state) as the JSON-able
    dict `fsrs.Card.to_dict()` makes; `due` and `last_review` repeat its times for the shell.
    `reviews` counts the ratings the schedule rests on, quiz evidence included.
    """

    lemma: str  # the key: one card per dictionary form
    item: str  # as the learner met it: "munitions"
    lesson_id: str
    sentence: str
    gloss: str
    tutor_gloss: str
    fsrs: dict[str, Any]
    due: datetime  # UTC
    reviews: int = 0
    last_review: datetime | None = None

    @property
    def stability(self) -> float | None:
        """Days until the chance of recall falls to 90% (None before the first rating)."""
        return self.fsrs.get("stability")

    @property
    def difficulty(self) -> float | None:
        """1 (easy) to 10 (hard) for this learner (None before the first rating)."""
        return self.fsrs.get("difficulty")

    def to_record(self) -> dict[str, Any]:
        """The card as stored (JSON-able), field by field: renaming a field must not change files."""
        return {
            "lemma": self.lemma,
            "item": self.item,
            "lesson_id": self.lesson_id,
            "sentence": self.sentence,
            "gloss": self.gloss,
            "tutor_gloss": self.tutor_gloss,
            "fsrs": dict(self.fsrs),
            "due": self.due.isoformat(),
            "reviews": self.reviews,
            "last_review": None if self.last_review is None else self.last_review.isoformat(),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> ReviewCard:
        """The inverse of `to_record`."""
        last = record.get("last_review")
        return cls(
            lemma=record["lemma"],
            item=record["item"],
            lesson_id=record["lesson_id"],
            sentence=record["sentence"],
            gloss=record["gloss"],
            tutor_gloss=record.get("tutor_gloss", ""),
            fsrs=dict(record["fsrs"]),
            due=datetime.fromisoformat(record["due"]),
            reviews=record.get("reviews", 0),
            last_review=None if last is None else datetime.fromisoformat(last),
        )


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("review times must be aware datetimes")
    return moment.astimezone(timezone.utc)


def scheduler(desired_retention: float = DEFAULT_RETENTION):
    """FSRS's scheduler with the default (population-trained) weights, day-sized steps, no fuzz."""
    from fsrs import Scheduler

    if not 0 < desired_retention < 1:
        raise ValueError("desired_retention is a probability between 0 and 1")
    return Scheduler(desired_retention=desired_retention, learning_steps=(), relearning_steps=(),
                     enable_fuzzing=False)


def new_card(word: WordStatus, at: datetime, *, answered_right: int = 0,
             desired_retention: float = DEFAULT_RETENTION) -> ReviewCard:
    """A card for a word the learner met as new, due at once.

    A word already answered right `answered_right` times in the article's quiz starts with that
    evidence: each right answer counts as a Good review at `at`, so FSRS starts it with a higher
    stability and its first interval is days long instead of none (a retrieval that succeeded
    is the very thing a review is).
    """
    from fsrs import Card

    at = _utc(at)
    card_id = int(at.timestamp() * 1000)  # fsrs would read the clock for this id
    card = ReviewCard(
        lemma=word.lemma, item=word.item, lesson_id=word.lesson_id, sentence=word.sentence,
        gloss=word.gloss, tutor_gloss=word.tutor_gloss,
        fsrs=dict(Card(card_id=card_id, due=at).to_dict()), due=at,
    )
    for _ in range(max(0, answered_right)):
        card = review(card, "good", at, desired_retention)
    return card


def review(card: ReviewCard, rating: RatingName, at: datetime,
           desired_retention: float = DEFAULT_RETENTION) -> ReviewCard:
    """The card after the learner rated their recall at `at`: FSRS updates its stability and
    difficulty and schedules it when recall is expected to have fallen to `desired_retention`."""
    from fsrs import Card, Rating

    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")
    at = _utc(at)
    rated, _log = scheduler(desired_retention).review_card(
        Card.from_dict(card.fsrs), Rating[rating.capitalize()], review_datetime=at)
    return replace(card, fsrs=dict(rated.to_dict()), due=_utc(rated.due), reviews=card.reviews + 1,
                   last_review=at)


def due_cards(cards: Iterable[ReviewCard], now: datetime) -> list[ReviewCard]:
    """The cards due at `now`, the longest overdue first (the ones closest to being forgotten)."""
    return sorted((c for c in cards if c.due <= now), key=lambda c: (c.due, c.lemma))


def next_due(cards: Iterable[ReviewCard], now: datetime) -> datetime | None:
    """When the next card not yet due at `now` falls due; None when no card is waiting."""
    return min((c.due for c in cards if c.due > now), default=None)


def zone_of(tz: ZoneInfo | str | None) -> ZoneInfo | timezone:
    """The time zone named (UTC when None, empty or unknown)."""
    if isinstance(tz, ZoneInfo):
        return tz
    if tz:
        try:
            return ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.utc


def forecast(cards: Iterable[ReviewCard], today: date, tz: ZoneInfo | str | None,
             days: int = FORECAST_DAYS) -> list[int]:
    """Cards falling due on each of `days` local days from `today`; today's count includes the
    overdue cards (they are waiting now). Cards due later than the window are left out."""
    zone = zone_of(tz)
    counts = [0] * days
    for card in cards:
        offset = max(0, (card.due.astimezone(zone).date() - today).days)
        if offset < days:
            counts[offset] += 1
    return counts


def days_until(moment: datetime, now: datetime, tz: ZoneInfo | str | None) -> int:
    """Local calendar days from `now` to `moment`: 0 today, 1 tomorrow (negative: in the past)."""
    zone = zone_of(tz)
    return (moment.astimezone(zone).date() - now.astimezone(zone).date()).days


def interval(card: ReviewCard) -> timedelta | None:
    """How far ahead the last rating scheduled the card (None before its first rating)."""
    return None if card.last_review is None else card.due - card.last_review
