"""Stored lessons: the repository Protocol the shell implements, and how a lesson gets its id."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from lessons.article import Lesson

#: Hex digits of a lesson id: 48 bits, short enough for callback data (64 bytes) and too many
#: to guess or to collide among one owner's articles.
LESSON_ID_LENGTH = 12


def lesson_id_for(lesson: Lesson, owner_id: int) -> str:
    """The id a lesson gets when `owner_id` adds it: a hash of the owner and the lesson, so adding
    the same article at the same level twice gives the same lesson back instead of a copy."""
    canonical = json.dumps(lesson.as_record(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(f"{owner_id}\n{canonical}".encode("utf-8")).hexdigest()
    return digest[:LESSON_ID_LENGTH]


@dataclass(frozen=True)
class LibraryEntry:
    """A lesson as listed in its owner's library (and who may edit or assign it)."""

    lesson_id: str
    owner_id: int
    title: str
    added_at: datetime
    parts: int
    words: int

    @classmethod
    def of(cls, lesson: Lesson, lesson_id: str, owner_id: int, added_at: datetime) -> LibraryEntry:
        return cls(
            lesson_id=lesson_id, owner_id=owner_id, title=lesson.article.title, added_at=added_at,
            parts=len(lesson.chunks), words=len(lesson.vocabulary),
        )


class LessonRepository(Protocol):
    """Lessons made from articles, each owned by the learner or tutor who brought it."""

    def add(self, lesson: Lesson, owner_id: int, at: datetime) -> str:
        """Keep the lesson and list it in the owner's library; returns its id (the same id,
        and no second copy, when the owner adds the same lesson again)."""

    def get(self, lesson_id: str) -> Lesson | None: ...

    def entry(self, lesson_id: str) -> LibraryEntry | None:
        """The lesson's owner and summary, to check who may use it."""

    def list_for(self, owner_id: int) -> tuple[LibraryEntry, ...]:
        """The owner's library, oldest first."""

    def replace(self, lesson_id: str, lesson: Lesson) -> None:
        """Store an edited lesson under its id (a tutor's word list changes). KeyError if unknown."""
