"""Classes and assignments over TinyDB, in the shared DATA_DIR/index.json.

The index file holds these tables, each keyed by a string:
  classes      class id       -> a Class
  invites      invite code    -> {"class_id"}   (only current codes: a replaced code is dropped)
  groups       group chat id  -> {"class_id"}   (a group is linked to one class at a time)
  assignments  assignment id  -> an Assignment
A change to a class and to its indexes is one write (one `changes()` block), so a crash never
leaves an invite code or a group pointing at the wrong class. The records below are written out
field by field like those in records.py: renaming a dataclass field cannot change the file.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from bot.store.files import DataFile
from lessons.assignments import ASSIGNMENT_ID, Assignment
from lessons.classes import CLASS_ID, Class, is_invite_code

Record = dict[str, Any]


def class_record(class_: Class) -> Record:
    return {
        "class_id": class_.class_id,
        "name": class_.name,
        "tutor_id": class_.tutor_id,
        "created_at": class_.created_at.isoformat(),
        "invite_code": class_.invite_code,
        "learner_ids": list(class_.learner_ids),
        "group_chat_id": class_.group_chat_id,
        "level": class_.level,
    }


def class_from(record: Record) -> Class:
    return Class(
        class_id=record["class_id"],
        name=record["name"],
        tutor_id=record["tutor_id"],
        created_at=datetime.fromisoformat(record["created_at"]),
        invite_code=record["invite_code"],
        learner_ids=tuple(record["learner_ids"]),
        group_chat_id=record["group_chat_id"],
        level=record["level"],
    )


def assignment_record(assignment: Assignment) -> Record:
    return {
        "assignment_id": assignment.assignment_id,
        "class_id": assignment.class_id,
        "lesson_id": assignment.lesson_id,
        "assigned_at": assignment.assigned_at.isoformat(),
        "due": None if assignment.due is None else assignment.due.isoformat(),
    }


def assignment_from(record: Record) -> Assignment:
    return Assignment(
        assignment_id=record["assignment_id"],
        class_id=record["class_id"],
        lesson_id=record["lesson_id"],
        assigned_at=datetime.fromisoformat(record["assigned_at"]),
        due=None if record["due"] is None else date.fromisoformat(record["due"]),
    )


def _oldest_first(classes: list[Class]) -> tuple[Class, ...]:
    return tuple(sorted(classes, key=lambda c: c.created_at))  # stable: same time, stored order


class TinyClasses:
    """ClassRepository over the index file."""

    def __init__(self, file: DataFile):
        self._file = file

    def create(self, class_: Class) -> None:
        with self._file.changes():
            if self._load(class_.class_id) is not None:
                raise ValueError(f"class id {class_.class_id} is taken")
            if self._file.table("invites").find(class_.invite_code) is not None:
                raise ValueError("that invite code is taken")
            self._store(class_, None)

    def get(self, class_id: str) -> Class | None:
        with self._file.lock:
            return self._load(class_id)

    def for_tutor(self, tutor_id: int) -> tuple[Class, ...]:
        return _oldest_first([c for c in self._all() if c.tutor_id == tutor_id])

    def for_learner(self, user_id: int) -> tuple[Class, ...]:
        return _oldest_first([c for c in self._all() if user_id in c.learner_ids])

    def by_invite_code(self, code: str) -> Class | None:
        if not is_invite_code(code):
            return None
        with self._file.lock:
            found = self._file.table("invites").find(code)
            return None if found is None else self._load(found["class_id"])

    def replace_invite(self, class_id: str, code: str) -> Class:
        if not is_invite_code(code):
            raise ValueError("not an invite code")

        def new_code(class_: Class) -> Class:
            holder = self._file.table("invites").find(code)
            if holder is not None and holder["class_id"] != class_id:
                raise ValueError("that invite code is taken")
            return replace(class_, invite_code=code)

        return self._change(class_id, new_code)

    def add_learner(self, class_id: str, user_id: int) -> Class:
        return self._change(class_id, lambda c: c.with_learner(user_id))

    def remove_learner(self, class_id: str, user_id: int) -> Class:
        return self._change(class_id, lambda c: c.without_learner(user_id))

    def link_group(self, class_id: str, chat_id: int | None) -> Class:
        return self._change(class_id, lambda c: replace(c, group_chat_id=chat_id))

    def class_for_group(self, chat_id: int) -> Class | None:
        with self._file.lock:
            found = self._file.table("groups").find(str(int(chat_id)))
            return None if found is None else self._load(found["class_id"])

    # inside the file's lock

    def _all(self) -> list[Class]:
        with self._file.lock:
            return [class_from(r) for r in self._file.table("classes").records()]

    def _load(self, class_id: str) -> Class | None:
        if not isinstance(class_id, str) or not CLASS_ID.fullmatch(class_id):
            return None
        record = self._file.table("classes").find(class_id)
        return None if record is None else class_from(record)

    def _change(self, class_id: str, change: Callable[[Class], Class]) -> Class:
        with self._file.changes():
            current = self._load(class_id)
            if current is None:
                raise KeyError(class_id)
            updated = change(current)
            if updated != current:
                self._store(updated, current)
            return updated

    def _store(self, class_: Class, old: Class | None) -> None:
        """Write the class and keep the invite and group indexes in step with it."""
        invites, groups = self._file.table("invites"), self._file.table("groups")
        if old is not None and old.invite_code != class_.invite_code:
            invites.drop(old.invite_code)
        invites.put(class_.invite_code, {"class_id": class_.class_id})
        if old is not None and old.group_chat_id is not None and old.group_chat_id != class_.group_chat_id:
            groups.drop(str(old.group_chat_id))
        if class_.group_chat_id is not None:
            holder = groups.find(str(class_.group_chat_id))
            if holder is not None and holder["class_id"] != class_.class_id:
                other = self._load(holder["class_id"])
                if other is not None:  # the group moves here: the other class is in no group now
                    self._file.table("classes").put(other.class_id, class_record(replace(other, group_chat_id=None)))
            groups.put(str(class_.group_chat_id), {"class_id": class_.class_id})
        self._file.table("classes").put(class_.class_id, class_record(class_))


class TinyAssignments:
    """AssignmentRepository over the index file (beside the classes, to find a learner's)."""

    def __init__(self, file: DataFile, classes: TinyClasses):
        self._file = file
        self._classes = classes

    def add(self, assignment: Assignment) -> None:
        with self._file.changes():
            table = self._file.table("assignments")
            if table.find(assignment.assignment_id) is not None:
                raise ValueError(f"assignment id {assignment.assignment_id} is taken")
            table.put(assignment.assignment_id, assignment_record(assignment))

    def get(self, assignment_id: str) -> Assignment | None:
        if not isinstance(assignment_id, str) or not ASSIGNMENT_ID.fullmatch(assignment_id):
            return None
        with self._file.lock:
            record = self._file.table("assignments").find(assignment_id)
        return None if record is None else assignment_from(record)

    def for_class(self, class_id: str) -> tuple[Assignment, ...]:
        return self._where(lambda a: a.class_id == class_id)

    def for_learner(self, user_id: int) -> tuple[Assignment, ...]:
        classes = {c.class_id for c in self._classes.for_learner(user_id)}
        return self._where(lambda a: a.class_id in classes)

    def due_between(self, first: date, last: date) -> tuple[Assignment, ...]:
        return self._where(lambda a: a.due is not None and first <= a.due <= last)

    def _where(self, chosen: Callable[[Assignment], bool]) -> tuple[Assignment, ...]:
        with self._file.lock:
            found = [assignment_from(r) for r in self._file.table("assignments").records()]
        return tuple(sorted((a for a in found if chosen(a)), key=lambda a: a.assigned_at))
