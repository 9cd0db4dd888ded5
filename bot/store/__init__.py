"""Storage: TinyDB files behind the repository Protocols of the core.

Handlers get a `Store` (or, in tests, `tests/store/fakes.FakeStore`) and speak dataclasses:

    store = Store.open(settings.data_dir)
    learner = store.learners.get(user_id)
    progress = store.progress(user_id)
    with progress.batch():                       # one write, on disk when the block ends
        progress.record_answer(answer, word.answered(correct, now), day=today)
        progress.save_quiz(quiz.advanced())
    lesson = store.lessons.get(lesson_id)

Nothing of TinyDB (tables, Query) leaves this package.
"""
from __future__ import annotations

from typing import Protocol

from lessons.assignment_progress import AssignmentProgressRepository
from lessons.assignments import AssignmentRepository
from lessons.classes import ClassRepository
from lessons.library import LessonRepository
from vocab.progress import LearnerRepository, ProgressRepository

from bot.store.atomic import AtomicJSONStorage
from bot.store.schema import SCHEMA_VERSION, MigrationReport, SchemaTooNew, migrate
from bot.store.store import Store


class Repositories(Protocol):
    """What handlers need from a store; `Store` and the tests' `FakeStore` both are one."""

    learners: LearnerRepository
    lessons: LessonRepository
    classes: ClassRepository
    assignments: AssignmentRepository
    assignment_progress: AssignmentProgressRepository

    def progress(self, user_id: int) -> ProgressRepository: ...


__all__ = [
    "AtomicJSONStorage",
    "MigrationReport",
    "Repositories",
    "SCHEMA_VERSION",
    "SchemaTooNew",
    "Store",
    "migrate",
]
