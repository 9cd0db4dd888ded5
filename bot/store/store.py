"""The Store: opens a data directory (migrating it first) and hands out the repositories.

    DATA_DIR/schema.json                  the schema version every file has reached
    DATA_DIR/learners/NN/<user id>.json   one learner: profile, reading, words, answers, days, library
    DATA_DIR/lessons/ab/<lesson id>.json  one lesson
    DATA_DIR/index.json                   shared and small: classes, invite codes, group links, assignments
"""
from __future__ import annotations

from pathlib import Path

from bot.store.assignment_progress import TinyAssignmentProgress
from bot.store.classes import TinyAssignments, TinyClasses
from bot.store.desk import TinyDesk
from bot.store.disk_writes import WRITER
from bot.store.files import DataFile, LearnerFiles
from bot.store.learners import TinyLearners, TinyProgress
from bot.store.lessons import TinyLessons
from bot.store.schema import INDEX_FILE, LEARNERS_DIR, LESSONS_DIR, MigrationReport, migrate


class Store:
    """TinyDB storage for the bot: `.learners`, `.lessons`, `.progress(user_id)`, `.classes`, `.assignments`.

    Every method is synchronous and returns once its change is on disk, except inside an update
    the bot is handling: there the write goes on in a worker thread, and the update's next Bot API
    call waits for it (bot/store/disk_writes.py). Threads may share a Store: each file has its own lock.
    """

    def __init__(self, data_dir: Path, *, open_learners: int = 256, cached_lessons: int = 64):
        self.data_dir = Path(data_dir)
        self._learner_files = LearnerFiles(self.data_dir / LEARNERS_DIR, capacity=open_learners)
        self.learners = TinyLearners(self._learner_files)
        self.lessons = TinyLessons(self.data_dir / LESSONS_DIR, self._learner_files, cached=cached_lessons)
        self.desk = TinyDesk(self._learner_files)  # a tutor's pending /add and open word list
        self._shared = DataFile(self.data_dir / INDEX_FILE, "index")  # classes, invite codes, assignments
        self.classes = TinyClasses(self._shared)
        self.assignments = TinyAssignments(self._shared, self.classes)
        self.assignment_progress = TinyAssignmentProgress(self._shared)  # finishes, reminders, digests
        self.migration: MigrationReport | None = None

    @classmethod
    def open(cls, data_dir: str | Path, *, open_learners: int = 256, cached_lessons: int = 64) -> Store:
        """Open `data_dir` (created if missing), upgrading old files to the current schema first."""
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        report = migrate(data_dir)
        store = cls(data_dir, open_learners=open_learners, cached_lessons=cached_lessons)
        store.migration = report
        return store

    def progress(self, user_id: int) -> TinyProgress:
        """One learner's progress (their file is opened, or kept open, in the LRU)."""
        return TinyProgress(int(user_id), self._learner_files.get(user_id))

    @property
    def open_learner_files(self) -> int:
        return len(self._learner_files)

    def close(self) -> None:
        WRITER.finish()
        self._learner_files.close_all()
        self._shared.close()
