"""The lesson repository over TinyDB: each lesson in its own file, listed in its owner's file.

lessons/ab/ab12cd34ef56.json holds one document, {"entry": LibraryEntry, "lesson": the lesson's
record}. A lesson is written when it is added or edited and read many times (every part sent),
so the most recently used ones are kept parsed in memory.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from datetime import datetime
from pathlib import Path

from bot.store import records
from bot.store.files import DataFile, LearnerFiles
from lessons.article import Lesson
from lessons.library import LESSON_ID_LENGTH, LibraryEntry, lesson_id_for

#: What a lesson id looks like; anything else (a forged button, "../..") names no lesson.
LESSON_ID = re.compile(rf"[0-9a-f]{{{LESSON_ID_LENGTH}}}")
LESSON_KEY = "1"


class TinyLessons:
    """LessonRepository: one file per lesson, the owner's library in the owner's file."""

    def __init__(self, directory: Path, learner_files: LearnerFiles, cached: int = 64):
        self.directory = directory
        self._learner_files = learner_files
        self._cached: OrderedDict[str, tuple[Lesson, LibraryEntry]] = OrderedDict()
        self._capacity = cached
        self._lock = threading.RLock()  # lesson files are written rarely: one lock for all of them

    def path_for(self, lesson_id: str) -> Path:
        return self.directory / lesson_id[:2] / f"{lesson_id}.json"

    def add(self, lesson: Lesson, owner_id: int, at: datetime) -> str:
        lesson_id = lesson_id_for(lesson, owner_id)
        with self._lock:
            stored = self._load(lesson_id)
            if stored is None:
                entry = LibraryEntry.of(lesson, lesson_id, owner_id, at)
                self._write(lesson, entry)
            else:
                entry = stored[1]
            self._list(entry, only_if_missing=True)
        return lesson_id

    def get(self, lesson_id: str) -> Lesson | None:
        stored = self._load(lesson_id)
        return None if stored is None else stored[0]

    def entry(self, lesson_id: str) -> LibraryEntry | None:
        stored = self._load(lesson_id)
        return None if stored is None else stored[1]

    def list_for(self, owner_id: int) -> tuple[LibraryEntry, ...]:
        file = self._learner_files.get(owner_id)
        with file.lock:
            found = file.table("library").records()
        return tuple(records.entry_from(r) for r in found)

    def replace(self, lesson_id: str, lesson: Lesson) -> None:
        with self._lock:
            stored = self._load(lesson_id)
            if stored is None:
                raise KeyError(lesson_id)
            old = stored[1]
            entry = LibraryEntry.of(lesson, lesson_id, old.owner_id, old.added_at)
            self._write(lesson, entry)
            self._list(entry, only_if_missing=False)

    def _load(self, lesson_id: str) -> tuple[Lesson, LibraryEntry] | None:
        if not isinstance(lesson_id, str) or not LESSON_ID.fullmatch(lesson_id):
            return None
        with self._lock:
            stored = self._cached.get(lesson_id)
            if stored is not None:
                self._cached.move_to_end(lesson_id)
                return stored
            file = DataFile(self.path_for(lesson_id), "lesson")
            doc = file.table("lesson").find(LESSON_KEY)
            file.close()
            if doc is None:
                return None
            stored = (Lesson.from_dict(doc["lesson"]), records.entry_from(doc["entry"]))
            self._remember(stored)
            return stored

    def _write(self, lesson: Lesson, entry: LibraryEntry) -> None:
        file = DataFile(self.path_for(entry.lesson_id), "lesson")
        with file.changes():
            file.table("lesson").put(LESSON_KEY, {"entry": records.entry_record(entry), "lesson": lesson.as_record()})
        file.close()
        self._remember((lesson, entry))

    def _list(self, entry: LibraryEntry, only_if_missing: bool) -> None:
        """Put the entry in its owner's library (after the lesson file: never a dangling entry)."""
        owner = self._learner_files.get(entry.owner_id)
        with owner.changes():
            library = owner.table("library")
            if not only_if_missing or library.find(entry.lesson_id) is None:
                library.put(entry.lesson_id, records.entry_record(entry))

    def _remember(self, stored: tuple[Lesson, LibraryEntry]) -> None:
        self._cached[stored[1].lesson_id] = stored
        self._cached.move_to_end(stored[1].lesson_id)
        while len(self._cached) > self._capacity:
            self._cached.popitem(last=False)
