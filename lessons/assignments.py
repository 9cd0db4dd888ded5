"""Assignments: a lesson a tutor gives a class, with an optional due date.

Pure: the id's randomness and "today" are passed in. `today` is the tutor's calendar day (the
shell works it out in the tutor's time zone), so "not in the past" means what the tutor sees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from lessons.classes import CLASS_ID, Class, ClassError, Randomness, can_view

#: A due date more than a year ahead is almost surely a typo (2205-03-01 for 2025-03-01).
MAX_DAYS_AHEAD = 366

#: Random bytes of an assignment id (12 hex digits, like a class id).
ASSIGNMENT_ID_BYTES = 6
ASSIGNMENT_ID = re.compile(r"[0-9a-f]{12}")

_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_DAYS_FROM_TODAY = re.compile(r"\+(\d{1,3})d?")


@dataclass(frozen=True)
class Assignment:
    """A lesson from the tutor's library given to one class."""

    assignment_id: str
    class_id: str
    lesson_id: str
    assigned_at: datetime
    due: date | None = None  # the last day to finish it; None: no due date

    def __post_init__(self):
        if not ASSIGNMENT_ID.fullmatch(self.assignment_id):
            raise ValueError(f"an assignment id is 12 hex digits, not {self.assignment_id!r}")
        if not CLASS_ID.fullmatch(self.class_id):
            raise ValueError(f"a class id is 12 hex digits, not {self.class_id!r}")

    def is_overdue(self, today: date) -> bool:
        """True from the day after the due date."""
        return self.due is not None and today > self.due


def check_due(due: date, today: date) -> date:
    """`due` if a tutor may set it on `today`: today or later, within a year. ClassError otherwise
    (reasons past_date, due_too_far)."""
    if due < today:
        raise ClassError("past_date")
    if due > today + timedelta(days=MAX_DAYS_AHEAD):
        raise ClassError("due_too_far")
    return due


def parse_due(text: str, today: date) -> date:
    """The due date a tutor typed: "2024-03-15", or "+3" / "+3d" (three days from today).
    ClassError: bad_date, past_date, due_too_far."""
    text = text.strip()
    relative = _DAYS_FROM_TODAY.fullmatch(text)
    if relative:
        return check_due(today + timedelta(days=int(relative.group(1))), today)
    if not _ISO_DATE.fullmatch(text):
        raise ClassError("bad_date")
    try:
        year, month, day = (int(p) for p in text.split("-"))
        due = date(year, month, day)
    except ValueError:
        raise ClassError("bad_date") from None
    return check_due(due, today)


def new_assignment(
    class_: Class, lesson_id: str, at: datetime, random: Randomness, due: date | None = None, today: date | None = None
) -> Assignment:
    """An assignment of `lesson_id` to `class_`, made at `at`; the due date is checked against
    `today` (default: the day of `at`)."""
    if due is not None:
        check_due(due, today or at.date())
    return Assignment(random.token_bytes(ASSIGNMENT_ID_BYTES).hex(), class_.class_id, lesson_id, at, due)


def can_see_assignment(assignment: Assignment | None, class_: Class | None, user_id: int) -> bool:
    """The class's tutor and its learners see an assignment of that class; nobody else does."""
    if assignment is None or class_ is None or assignment.class_id != class_.class_id:
        return False
    return can_view(class_, user_id)


class AssignmentRepository(Protocol):
    """Assignments, kept by the shell; lists are oldest first."""

    def add(self, assignment: Assignment) -> None:
        """Keep a new assignment; ValueError if its id is taken."""

    def get(self, assignment_id: str) -> Assignment | None:
        """The assignment, or None for an unknown or malformed (forged) id."""

    def for_class(self, class_id: str) -> tuple[Assignment, ...]: ...

    def for_learner(self, user_id: int) -> tuple[Assignment, ...]:
        """Assignments of the classes `user_id` is a learner in now."""

    def due_between(self, first: date, last: date) -> tuple[Assignment, ...]:
        """Assignments due from `first` to `last` (both included), for the reminders."""
