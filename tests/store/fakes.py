"""An in-memory store with the same behaviour as `bot.store.Store`, for tests that need a store
but not the disk (the contract tests in tests/store prove that the two behave alike).

    from tests.store.fakes import FakeStore
    store = FakeStore()
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from lessons.article import Lesson
from lessons.assignment_progress import Finish
from lessons.assignments import ASSIGNMENT_ID, Assignment
from lessons.classes import CLASS_ID, Class, is_invite_code
from lessons.library import LESSON_ID_LENGTH, LibraryEntry, lesson_id_for
from vocab.progress import DayActivity, Learner, QuizAnswer, QuizSession, ReadingState, WordStatus
from vocab.review import ReviewCard
from vocab.review_session import ReviewSession

LESSON_ID = re.compile(rf"[0-9a-f]{{{LESSON_ID_LENGTH}}}")


@dataclass
class _LearnerData:
    learner: Learner | None = None
    readings: dict[str, ReadingState] = field(default_factory=dict)
    current: str | None = None
    words: dict[str, WordStatus] = field(default_factory=dict)
    answers: dict[tuple, QuizAnswer] = field(default_factory=dict)
    days: set[date] = field(default_factory=set)
    activity: dict[date, DayActivity] = field(default_factory=dict)
    reminded: date | None = None
    quiz: QuizSession | None = None
    library: dict[str, LibraryEntry] = field(default_factory=dict)
    cards: dict[str, ReviewCard] = field(default_factory=dict)
    review: ReviewSession | None = None


class FakeLearners:
    def __init__(self, store: FakeStore):
        self._store = store

    def get(self, user_id: int) -> Learner | None:
        data = self._store.users.get(user_id)
        return None if data is None else data.learner

    def save(self, learner: Learner) -> None:
        self._store.data(learner.user_id).learner = learner

    def ids(self) -> Iterator[int]:
        return iter(sorted(self._store.users))


class FakeProgress:
    def __init__(self, user_id: int, store: FakeStore):
        self.user_id = user_id
        self._store = store
        self._depth = 0

    @property
    def _data(self) -> _LearnerData:
        """The learner's data; reading creates nothing, as reading a missing file creates none."""
        return self._store.users.get(self.user_id) or _LearnerData()

    def _changing(self) -> _LearnerData:
        return self._store.data(self.user_id)

    @contextmanager
    def batch(self) -> Iterator[None]:
        outermost = self._depth == 0
        if outermost:
            before = self._store.users.get(self.user_id)
            saved = None if before is None else {k: copy.copy(v) for k, v in before.__dict__.items()}
        self._depth += 1
        try:
            yield
        except BaseException:
            if outermost:
                if saved is None:
                    self._store.users.pop(self.user_id, None)
                else:
                    self._store.users[self.user_id].__dict__.update(saved)
            raise
        finally:
            self._depth -= 1

    def current_reading(self) -> ReadingState | None:
        return None if self._data.current is None else self._data.readings.get(self._data.current)

    def reading(self, lesson_id: str) -> ReadingState | None:
        return self._data.readings.get(lesson_id)

    def readings(self) -> tuple[ReadingState, ...]:
        return tuple(self._data.readings.values())

    def save_reading(self, state: ReadingState) -> None:
        data = self._changing()
        data.readings[state.lesson_id] = state
        data.current = state.lesson_id

    def word(self, lemma: str) -> WordStatus | None:
        return self._data.words.get(lemma)

    def words(self, lesson_id: str | None = None) -> tuple[WordStatus, ...]:
        return tuple(w for w in self._data.words.values() if lesson_id is None or w.lesson_id == lesson_id)

    def save_words(self, *statuses: WordStatus) -> None:
        data = self._changing()
        for word in statuses:
            data.words[word.lemma] = word

    def open_quiz(self) -> QuizSession | None:
        return self._data.quiz

    def save_quiz(self, quiz: QuizSession | None) -> None:
        data = self._changing()
        data.quiz = quiz

    def record_answer(self, answer: QuizAnswer, word: WordStatus, day: date) -> None:
        data = self._changing()
        data.answers[(answer.lesson_id, answer.question_id, answer.answered_at)] = answer
        data.words[word.lemma] = word
        data.days.add(day)

    def answers(self, lesson_id: str | None = None) -> tuple[QuizAnswer, ...]:
        chosen = [a for a in self._data.answers.values() if lesson_id is None or a.lesson_id == lesson_id]
        return tuple(sorted(chosen, key=lambda a: a.answered_at))

    def mark_active(self, day: date) -> None:
        data = self._changing()
        data.days.add(day)

    def active_days(self) -> tuple[date, ...]:
        return tuple(sorted(self._data.days))

    def add_activity(self, day: date, *, reviews: int = 0, parts: int = 0) -> None:
        data = self._changing()
        data.days.add(day)
        done = data.activity.get(day, DayActivity())
        data.activity[day] = DayActivity(done.reviews + reviews, done.parts + parts)

    def activity(self) -> dict[date, DayActivity]:
        return {day: self._data.activity.get(day, DayActivity()) for day in sorted(self._data.days)}

    def mark_reminded(self, day: date) -> None:
        self._changing().reminded = day

    def last_reminded(self) -> date | None:
        return self._data.reminded

    def cards(self) -> tuple[ReviewCard, ...]:
        return tuple(self._data.cards.values())

    def card(self, lemma: str) -> ReviewCard | None:
        return self._data.cards.get(lemma)

    def save_cards(self, *cards: ReviewCard) -> None:
        data = self._changing()
        for card in cards:
            data.cards[card.lemma] = card

    def review_session(self) -> ReviewSession | None:
        return self._data.review

    def save_review_session(self, session: ReviewSession | None) -> None:
        self._changing().review = session


class FakeLessons:
    def __init__(self, store: FakeStore):
        self._store = store
        self._lessons: dict[str, tuple[Lesson, LibraryEntry]] = {}

    def add(self, lesson: Lesson, owner_id: int, at: datetime) -> str:
        lesson_id = lesson_id_for(lesson, owner_id)
        if lesson_id not in self._lessons:
            self._lessons[lesson_id] = (lesson, LibraryEntry.of(lesson, lesson_id, owner_id, at))
        self._store.data(owner_id).library.setdefault(lesson_id, self._lessons[lesson_id][1])
        return lesson_id

    def get(self, lesson_id: str) -> Lesson | None:
        stored = self._lessons.get(lesson_id) if self._valid(lesson_id) else None
        return None if stored is None else stored[0]

    def entry(self, lesson_id: str) -> LibraryEntry | None:
        stored = self._lessons.get(lesson_id) if self._valid(lesson_id) else None
        return None if stored is None else stored[1]

    def list_for(self, owner_id: int) -> tuple[LibraryEntry, ...]:
        return tuple(self._store.data(owner_id).library.values()) if owner_id in self._store.users else ()

    def replace(self, lesson_id: str, lesson: Lesson) -> None:
        if self.entry(lesson_id) is None:
            raise KeyError(lesson_id)
        old = self._lessons[lesson_id][1]
        entry = LibraryEntry.of(lesson, lesson_id, old.owner_id, old.added_at)
        self._lessons[lesson_id] = (lesson, entry)
        self._store.data(old.owner_id).library[lesson_id] = entry

    @staticmethod
    def _valid(lesson_id: object) -> bool:
        return isinstance(lesson_id, str) and bool(LESSON_ID.fullmatch(lesson_id))


class FakeClasses:
    """Classes in a dict; invite codes and group links are looked up from the classes themselves."""

    def __init__(self):
        self._classes: dict[str, Class] = {}

    def create(self, class_: Class) -> None:
        if class_.class_id in self._classes or self.by_invite_code(class_.invite_code) is not None:
            raise ValueError("class id or invite code taken")
        self._classes[class_.class_id] = class_
        if class_.group_chat_id is not None:
            self._unlink_others(class_)

    def get(self, class_id: str) -> Class | None:
        return self._classes.get(class_id) if isinstance(class_id, str) and CLASS_ID.fullmatch(class_id) else None

    def for_tutor(self, tutor_id: int) -> tuple[Class, ...]:
        return self._sorted(c for c in self._classes.values() if c.tutor_id == tutor_id)

    def for_learner(self, user_id: int) -> tuple[Class, ...]:
        return self._sorted(c for c in self._classes.values() if user_id in c.learner_ids)

    def by_invite_code(self, code: str) -> Class | None:
        if not is_invite_code(code):
            return None
        return next((c for c in self._classes.values() if c.invite_code == code), None)

    def replace_invite(self, class_id: str, code: str) -> Class:
        current = self._known(class_id)
        if not is_invite_code(code):
            raise ValueError("not an invite code")
        holder = self.by_invite_code(code)
        if holder is not None and holder.class_id != class_id:
            raise ValueError("invite code taken")
        return self._put(replace(current, invite_code=code))

    def add_learner(self, class_id: str, user_id: int) -> Class:
        return self._put(self._known(class_id).with_learner(user_id))

    def remove_learner(self, class_id: str, user_id: int) -> Class:
        return self._put(self._known(class_id).without_learner(user_id))

    def link_group(self, class_id: str, chat_id: int | None) -> Class:
        linked = self._put(replace(self._known(class_id), group_chat_id=chat_id))
        if chat_id is not None:
            self._unlink_others(linked)
        return linked

    def class_for_group(self, chat_id: int) -> Class | None:
        return next((c for c in self._classes.values() if c.group_chat_id == chat_id), None)

    def _known(self, class_id: str) -> Class:
        class_ = self.get(class_id)
        if class_ is None:
            raise KeyError(class_id)
        return class_

    def _put(self, class_: Class) -> Class:
        self._classes[class_.class_id] = class_
        return class_

    def _unlink_others(self, linked: Class) -> None:
        for other in list(self._classes.values()):
            if other.class_id != linked.class_id and other.group_chat_id == linked.group_chat_id:
                self._put(replace(other, group_chat_id=None))

    @staticmethod
    def _sorted(classes) -> tuple[Class, ...]:
        return tuple(sorted(classes, key=lambda c: c.created_at))


class FakeAssignments:
    def __init__(self, classes: FakeClasses):
        self._classes = classes
        self._assignments: dict[str, Assignment] = {}

    def add(self, assignment: Assignment) -> None:
        if assignment.assignment_id in self._assignments:
            raise ValueError("assignment id taken")
        self._assignments[assignment.assignment_id] = assignment

    def get(self, assignment_id: str) -> Assignment | None:
        valid = isinstance(assignment_id, str) and ASSIGNMENT_ID.fullmatch(assignment_id)
        return self._assignments.get(assignment_id) if valid else None

    def for_class(self, class_id: str) -> tuple[Assignment, ...]:
        return self._sorted(a for a in self._assignments.values() if a.class_id == class_id)

    def for_learner(self, user_id: int) -> tuple[Assignment, ...]:
        mine = {c.class_id for c in self._classes.for_learner(user_id)}
        return self._sorted(a for a in self._assignments.values() if a.class_id in mine)

    def due_between(self, first: date, last: date) -> tuple[Assignment, ...]:
        return self._sorted(a for a in self._assignments.values() if a.due is not None and first <= a.due <= last)

    @staticmethod
    def _sorted(assignments) -> tuple[Assignment, ...]:
        return tuple(sorted(assignments, key=lambda a: a.assigned_at))


class FakeAssignmentProgress:
    def __init__(self):
        self._finishes: dict[tuple[str, int], Finish] = {}
        self._reminded: set[tuple[str, int]] = set()
        self._held: dict[int, list[tuple[str, int]]] = {}
        self._last_digest: dict[int, date] = {}

    def record_finish(self, finish: Finish) -> bool:
        if not ASSIGNMENT_ID.fullmatch(finish.assignment_id):
            raise ValueError("not an assignment id")
        key = (finish.assignment_id, finish.learner_id)
        if key in self._finishes:
            return False
        self._finishes[key] = finish
        return True

    def finish(self, assignment_id: str, learner_id: int) -> Finish | None:
        return self._finishes.get((assignment_id, learner_id))

    def finishes(self, assignment_id: str) -> tuple[Finish, ...]:
        found = [f for (a, _), f in self._finishes.items() if a == assignment_id]
        return tuple(sorted(found, key=lambda f: f.finished_at))

    def was_reminded(self, assignment_id: str, learner_id: int) -> bool:
        return (assignment_id, learner_id) in self._reminded

    def mark_reminded(self, assignment_id: str, learner_id: int, at: datetime) -> None:
        if not isinstance(assignment_id, str) or not ASSIGNMENT_ID.fullmatch(assignment_id):
            raise ValueError("not an assignment id")
        self._reminded.add((assignment_id, learner_id))

    def hold_for_digest(self, tutor_id: int, finish: Finish) -> None:
        self.record_finish(finish)
        held = self._held.setdefault(tutor_id, [])
        if (finish.assignment_id, finish.learner_id) not in held:
            held.append((finish.assignment_id, finish.learner_id))

    def held(self, tutor_id: int) -> tuple[Finish, ...]:
        found = [self._finishes[key] for key in self._held.get(tutor_id, ()) if key in self._finishes]
        return tuple(sorted(found, key=lambda f: f.finished_at))

    def tutors_with_held(self) -> tuple[int, ...]:
        return tuple(sorted(t for t, held in self._held.items() if held))

    def last_digest(self, tutor_id: int) -> date | None:
        return self._last_digest.get(tutor_id)

    def digest_sent(self, tutor_id: int, day: date | None) -> None:
        self._held[tutor_id] = []
        if day is not None:
            self._last_digest[tutor_id] = day


class FakeStore:
    """`.learners`, `.lessons`, `.progress(user_id)`, `.classes`, `.assignments`, all in memory."""

    def __init__(self):
        self.users: dict[int, _LearnerData] = {}
        self.learners = FakeLearners(self)
        self.lessons = FakeLessons(self)
        self.classes = FakeClasses()
        self.assignments = FakeAssignments(self.classes)
        self.assignment_progress = FakeAssignmentProgress()

    def data(self, user_id: int) -> _LearnerData:
        return self.users.setdefault(user_id, _LearnerData())

    def progress(self, user_id: int) -> FakeProgress:
        return FakeProgress(user_id, self)

    def close(self) -> None:
        pass
