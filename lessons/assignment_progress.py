"""How an assignment is going: who finished it (and the quiz score), who gets a reminder the day
before it is due, and when a tutor's daily digest of finishes goes out.

Pure: "now" and each person's time zone are passed in, and the shell keeps what happened through
`AssignmentProgressRepository` (a finish is kept once, a learner is reminded once per assignment,
the digest is sent once a day). What counts as finished agrees with the tutor's report
(lessons/reports.py): every part read, or the quiz on the learner's lesson completed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lessons.assignments import Assignment
from vocab.progress import ReadingState

#: A reminder is not a knock on the door at night: it goes out from this time of the learner's day
#: (the day before the due date), with the whole rest of the day left to read.
REMIND_FROM = time(9, 0)

#: The tutor's digest of finishes, once a day at this local time: after school and work, when a
#: tutor plans the next lesson.
DIGEST_AT = time(18, 0)


@dataclass(frozen=True)
class Finish:
    """A learner completed the quiz of an assignment (the first time counts)."""

    assignment_id: str
    learner_id: int
    lesson_id: str  # the learner's own lesson made from the tutor's
    score: int
    total: int
    finished_at: datetime


def zone_of(timezone_name: str | None) -> tzinfo:
    """The IANA time zone by name; UTC when it is unset or unknown."""
    if timezone_name:
        try:
            return ZoneInfo(timezone_name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.utc


def local_moment(moment: datetime, timezone_name: str | None) -> datetime:
    """`moment` (aware) on the clock of someone living in `timezone_name`."""
    return moment.astimezone(zone_of(timezone_name))


def has_finished(reading: ReadingState | None, parts: int, finish: Finish | None) -> bool:
    """Whether a learner is done with an assignment: its quiz completed, or every one of the
    `parts` of their lesson read (the last part shown marks the reading finished)."""
    if finish is not None:
        return True
    if reading is None:
        return False
    return reading.has_read_all(parts)


def reminder_due_dates(moment: datetime) -> tuple[date, date]:
    """The due dates (first, last) that can be "tomorrow" somewhere on Earth at `moment`: local
    dates run from UTC-12 to UTC+14, a day either side of the UTC date."""
    today = moment.astimezone(timezone.utc).date()
    return today, today + timedelta(days=2)


def needs_reminder(assignment: Assignment, local_now: datetime, *, finished: bool, reminded: bool) -> bool:
    """Whether a learner gets the reminder now (`local_now`: the time where they live): the
    assignment is due tomorrow in their calendar, it was not given today (they just got it, due
    date and all), it is past `REMIND_FROM`, they have not finished, and were not reminded yet."""
    if assignment.due is None or finished or reminded:
        return False
    today = local_now.date()
    given_on = assignment.assigned_at.astimezone(local_now.tzinfo).date()
    return assignment.due == today + timedelta(days=1) and given_on < today and local_now.time() >= REMIND_FROM


def digest_due(local_now: datetime, last_sent: date | None, held: int) -> bool:
    """Whether a tutor's digest goes out now (`local_now`: the tutor's time): finishes are held,
    it is `DIGEST_AT` or later, and none was sent today."""
    return held > 0 and local_now.time() >= DIGEST_AT and last_sent != local_now.date()


class AssignmentProgressRepository(Protocol):
    """What the shell keeps about assignments besides the learners' own readings."""

    def record_finish(self, finish: Finish) -> bool:
        """Keep the learner's first finish of the assignment; False (and nothing changed) if one
        is kept already."""

    def finish(self, assignment_id: str, learner_id: int) -> Finish | None: ...

    def finishes(self, assignment_id: str) -> tuple[Finish, ...]:
        """Every learner's finish of the assignment, first finished first."""

    def was_reminded(self, assignment_id: str, learner_id: int) -> bool: ...

    def mark_reminded(self, assignment_id: str, learner_id: int, at: datetime) -> None: ...

    def hold_for_digest(self, tutor_id: int, finish: Finish) -> None:
        """Keep a finish for the tutor's next digest (once, however often it is held)."""

    def held(self, tutor_id: int) -> tuple[Finish, ...]:
        """The finishes waiting for the tutor's digest, first finished first."""

    def tutors_with_held(self) -> tuple[int, ...]: ...

    def last_digest(self, tutor_id: int) -> date | None:
        """The tutor's date when their last digest was sent; None: never."""

    def digest_sent(self, tutor_id: int, day: date | None) -> None:
        """Forget the tutor's held finishes (they were sent); `day`: the tutor's date of a daily
        digest (None: sent for another reason, the daily one still to come)."""
