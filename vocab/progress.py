"""What the bot remembers about a learner, and the repositories the shell keeps it in.

Frozen dataclasses for the learner's state (who they are, where they are reading, how each word
is going, every quiz answer, the days they were active) and the small Protocols that the
stores implement (TinyDB in `bot/store/`, an in-memory fake in the tests). Time is always
passed in; nothing here reads a clock or touches a file.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, Literal, Protocol

from vocab.items import LEVELS, VocabItem

#: Languages the bot speaks to a learner: English, or Korean for Telegram's `ko`.
LANGUAGES: tuple[str, ...] = ("en", "ko")

WordStatusName = Literal["new", "known", "learning", "learned"]
WORD_STATUSES: tuple[str, ...] = ("new", "known", "learning", "learned")

#: Right answers that make a word "learned". Retrieval practice: one right answer can be a
#: lucky guess among four options; getting the word right a second time, in another kind of
#: question, is the evidence the issue asks for before a word stops being picked.
RIGHT_TO_LEARN = 2

#: FSRS's default target: the chance of still recalling a card on the day it is due.
DEFAULT_RETENTION = 0.9

#: Items a day, reviewed or read, unless the learner sets their own goal.
DEFAULT_DAILY_GOAL = 10


@dataclass(frozen=True)
class Learner:
    """A person using the bot (a tutor is one too), with their choices and settings."""

    user_id: int  # Telegram user id, also their private chat id
    name: str
    created_at: datetime
    language: str = "en"  # the bot's language for them: "en" or "ko"
    level: str | None = None  # "A2".."C1"; None until chosen or tested
    timezone: str | None = None  # IANA name, "Asia/Seoul"; None until asked
    reminder_time: time | None = None  # local time of the daily reminder; None: no reminder
    daily_goal: int = DEFAULT_DAILY_GOAL
    desired_retention: float = DEFAULT_RETENTION
    daily_digest: bool = False  # as a tutor: learners' finishes come in one message a day, not one each

    def __post_init__(self):
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")
        if self.level is not None and self.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS} or None, not {self.level!r}")
        if not 0 < self.desired_retention < 1:
            raise ValueError("desired_retention is a probability between 0 and 1")
        if self.daily_goal < 1:
            raise ValueError("daily_goal is at least 1")


@dataclass(frozen=True)
class ReadingState:
    """Where a learner is in one lesson: the part on screen and every part already shown."""

    lesson_id: str
    started_at: datetime
    part: int = 0
    parts_read: frozenset[int] = frozenset({0})
    finished_at: datetime | None = None  # when the last part was read
    assignment_id: str | None = None  # the tutor's assignment this reading counts toward, if any

    def at_part(self, index: int) -> ReadingState:
        """The learner moved to part `index` (it now counts as read)."""
        return replace(self, part=index, parts_read=self.parts_read | {index})

    def finished(self, at: datetime) -> ReadingState:
        """The learner reached the end of the article (the first time counts)."""
        return self if self.finished_at else replace(self, finished_at=at)

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    def parts_read_of(self, total: int) -> int:
        """How many of the lesson's `total` parts were shown (all of them counted when `total` is
        unknown, 0)."""
        return len({p for p in self.parts_read if 0 <= p < total}) if total else len(self.parts_read)

    def has_read_all(self, total: int) -> bool:
        """The last part was reached, or every one of the `total` parts was shown."""
        return self.is_finished or (total > 0 and self.parts_read_of(total) >= total)


@dataclass(frozen=True)
class WordStatus:
    """How one item is going for one learner, with the sentence they met it in.

    new: met as new (shown, "New to me"), not yet quizzed; known: the learner said "I know it";
    learning: quizzed, not yet right `RIGHT_TO_LEARN` times; learned: right that many times.
    """

    lemma: str  # the key: one status per dictionary form
    item: str  # as shown: "munitions", "constructive role"
    status: WordStatusName
    lesson_id: str  # where the learner met it
    sentence: str
    gloss: str
    first_seen: datetime
    updated_at: datetime
    right: int = 0
    wrong: int = 0
    tutor_gloss: str = ""  # the tutor's gloss in the learner's language, when one was given

    @classmethod
    def first_met(cls, item: VocabItem, lesson_id: str, at: datetime) -> WordStatus:
        """A word the learner meets for the first time, in `lesson_id`."""
        return cls(
            lemma=item.lemma, item=item.item, status="new", lesson_id=lesson_id,
            sentence=item.sentence, gloss=item.gloss, first_seen=at, updated_at=at,
            tutor_gloss=item.tutor_gloss,
        )

    def marked_known(self, at: datetime) -> WordStatus:
        """The learner pressed "I know it"."""
        return replace(self, status="known", updated_at=at)

    def marked_new(self, at: datetime) -> WordStatus:
        """The learner pressed "New to me"."""
        status = "learning" if self.right or self.wrong else "new"
        return replace(self, status=status, updated_at=at)

    def answered(self, correct: bool, at: datetime) -> WordStatus:
        """A quiz answer about this word. A miss on a "known" word means it is not known yet."""
        right, wrong = self.right + correct, self.wrong + (not correct)
        if self.status == "known" and correct:
            status = "known"
        else:
            status = "learned" if right >= RIGHT_TO_LEARN else "learning"
        return replace(self, status=status, right=right, wrong=wrong, updated_at=at)

    @property
    def is_settled(self) -> bool:
        """Known or learned: not picked for the learner's next articles."""
        return self.status in ("known", "learned")


@dataclass(frozen=True)
class QuizAnswer:
    """One answer to one quiz question."""

    lesson_id: str
    question_id: str  # the quiz question's id, stable within a lesson: "gap_fill:munition"
    lemma: str
    kind: str  # "gap_fill", "meaning", "typed"
    correct: bool
    answered_at: datetime
    given: str = ""  # what the learner chose or typed


@dataclass(frozen=True)
class QuizSession:
    """A quiz in progress, kept so that it survives a restart and poll answers find it.

    The questions are kept whole, as JSON-able records with an "id" (what
    `vocab.quiz_questions.question_to_dict` makes), so a poll sent before a restart is graded
    against the very options it showed. Treat them as read-only.
    """

    lesson_id: str
    started_at: datetime
    questions: tuple[Mapping[str, Any], ...]
    position: int = 0  # index of the question on screen
    polls: tuple[tuple[str, str], ...] = ()  # (Telegram poll id, question id) of the polls sent

    def question(self, question_id: str) -> Mapping[str, Any] | None:
        return next((q for q in self.questions if q["id"] == question_id), None)

    def question_for_poll(self, poll_id: str) -> Mapping[str, Any] | None:
        """The question a poll asked; None for a poll this quiz never sent (stale or forged)."""
        question_id = next((q for p, q in self.polls if p == poll_id), None)
        return None if question_id is None else self.question(question_id)

    @property
    def current(self) -> Mapping[str, Any] | None:
        return self.questions[self.position] if self.position < len(self.questions) else None

    def with_poll(self, poll_id: str, question_id: str) -> QuizSession:
        return replace(self, polls=(*self.polls, (poll_id, question_id)))

    def advanced(self) -> QuizSession:
        return replace(self, position=self.position + 1)

    @property
    def is_over(self) -> bool:
        return self.position >= len(self.questions)


def current_streak(days: Iterable[date], today: date) -> int:
    """Consecutive active days ending today, or yesterday when today is not active yet (the
    streak is only lost once a whole day passes without activity)."""
    active = set(days)
    day = today if today in active else today - timedelta(days=1)
    streak = 0
    while day in active:
        streak += 1
        day -= timedelta(days=1)
    return streak


class LearnerRepository(Protocol):
    """Everyone who has used the bot."""

    def get(self, user_id: int) -> Learner | None: ...

    def save(self, learner: Learner) -> None:
        """Add or replace the learner (on disk before this returns)."""

    def ids(self) -> Iterator[int]:
        """The id of everyone with anything stored (profile, progress, library), without loading
        them (for start-up jobs). Reading creates no one."""


from typing import TYPE_CHECKING  # noqa: E402  (the review types import this module)

if TYPE_CHECKING:
    from vocab.review import ReviewCard
    from vocab.review_session import ReviewSession


class ReviewCardRepository(Protocol):
    """One learner's review cards (one per lemma, vocab.review) and the /review session on screen."""

    def cards(self) -> tuple[ReviewCard, ...]:
        """Every card, in the order first made."""

    def card(self, lemma: str) -> ReviewCard | None: ...

    def save_cards(self, *cards: ReviewCard) -> None:
        """Add or replace each card (keyed by its lemma)."""

    def review_session(self) -> ReviewSession | None: ...

    def save_review_session(self, session: ReviewSession | None) -> None:
        """Keep the review in progress; None closes it."""


class ProgressRepository(ReviewCardRepository, Protocol):
    """One learner's reading, words, quiz answers and active days.

    Each method that changes something writes once, and its change is on disk when it returns.
    Inside `batch()` the changes are written together, once, when the block ends, and none of
    them when it raises: use it when one update changes several things (an answer, the word,
    the quiz position).
    """

    user_id: int

    def batch(self) -> AbstractContextManager[None]: ...

    def current_reading(self) -> ReadingState | None:
        """The lesson the learner is reading (the last one saved), for /read."""

    def reading(self, lesson_id: str) -> ReadingState | None: ...

    def readings(self) -> tuple[ReadingState, ...]:
        """Every lesson the learner started, in the order first started."""

    def save_reading(self, state: ReadingState) -> None:
        """Keep the state; its lesson becomes the current one."""

    def word(self, lemma: str) -> WordStatus | None: ...

    def words(self, lesson_id: str | None = None) -> tuple[WordStatus, ...]:
        """All the learner's words (or those met in one lesson), in the order first met."""

    def save_words(self, *statuses: WordStatus) -> None: ...

    def open_quiz(self) -> QuizSession | None: ...

    def save_quiz(self, quiz: QuizSession | None) -> None:
        """Keep the quiz in progress; None closes it."""

    def record_answer(self, answer: QuizAnswer, word: WordStatus, day: date) -> None:
        """Keep the answer, the word's new status and `day` (the learner's local date) as active."""

    def answers(self, lesson_id: str | None = None) -> tuple[QuizAnswer, ...]:
        """Quiz answers (all, or one lesson's), oldest first."""

    def mark_active(self, day: date) -> None: ...

    def active_days(self) -> tuple[date, ...]:
        """Days the learner did something, oldest first."""

    def add_activity(self, day: date, *, reviews: int = 0, parts: int = 0) -> None:
        """Count `reviews` cards reviewed and `parts` parts read on `day` (the learner's local
        date, which becomes active), on top of what that day already had."""

    def activity(self) -> dict[date, DayActivity]:
        """What the learner did each active day (0, 0 on days with only quiz answers)."""

    def mark_reminded(self, day: date) -> None:
        """The daily reminder of `day` (the learner's local date) was sent."""

    def last_reminded(self) -> date | None:
        """The local date of the last daily reminder sent, None before the first."""


@dataclass(frozen=True)
class DayActivity:
    """What a learner did on one day, toward their daily goal."""

    reviews: int = 0  # review cards answered
    parts: int = 0  # parts of articles read for the first time

    @property
    def total(self) -> int:
        return self.reviews + self.parts
