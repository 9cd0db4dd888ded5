"""What the bot keeps about assignments besides the learners' readings, in the shared index file.

Tables of DATA_DIR/index.json (beside the classes and assignments):
  assignment_finishes   "<assignment id>:<learner id>" -> a Finish (the first completed quiz)
  assignment_reminders  "<assignment id>:<learner id>" -> {"at"} (the day-before reminder was sent)
  tutor_digests         "<tutor id>" -> {"held": [finish keys], "last_sent": ISO date or None}
Records are written field by field, like records.py, so renaming a dataclass field cannot change
the file.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.store.files import DataFile
from lessons.assignment_progress import Finish
from lessons.assignments import ASSIGNMENT_ID

Record = dict[str, Any]

FINISHES, REMINDERS, DIGESTS = "assignment_finishes", "assignment_reminders", "tutor_digests"


def finish_record(finish: Finish) -> Record:
    return {
        "assignment_id": finish.assignment_id,
        "learner_id": finish.learner_id,
        "lesson_id": finish.lesson_id,
        "score": finish.score,
        "total": finish.total,
        "finished_at": finish.finished_at.isoformat(),
    }


def finish_from(record: Record) -> Finish:
    return Finish(
        assignment_id=record["assignment_id"],
        learner_id=record["learner_id"],
        lesson_id=record["lesson_id"],
        score=record["score"],
        total=record["total"],
        finished_at=datetime.fromisoformat(record["finished_at"]),
    )


def key_of(assignment_id: str, learner_id: int) -> str | None:
    """The table key of one learner's part in an assignment; None for a malformed (forged) id."""
    if not isinstance(assignment_id, str) or not ASSIGNMENT_ID.fullmatch(assignment_id):
        return None
    return f"{assignment_id}:{int(learner_id)}"


def _first_finished_first(finishes: list[Finish]) -> tuple[Finish, ...]:
    return tuple(sorted(finishes, key=lambda f: f.finished_at))


class TinyAssignmentProgress:
    """AssignmentProgressRepository over the index file."""

    def __init__(self, file: DataFile):
        self._file = file

    def record_finish(self, finish: Finish) -> bool:
        key = key_of(finish.assignment_id, finish.learner_id)
        if key is None:
            raise ValueError(f"not an assignment id: {finish.assignment_id!r}")
        with self._file.changes():
            table = self._file.table(FINISHES)
            if table.find(key) is not None:
                return False
            table.put(key, finish_record(finish))
            return True

    def finish(self, assignment_id: str, learner_id: int) -> Finish | None:
        key = key_of(assignment_id, learner_id)
        if key is None:
            return None
        with self._file.lock:
            record = self._file.table(FINISHES).find(key)
        return None if record is None else finish_from(record)

    def finishes(self, assignment_id: str) -> tuple[Finish, ...]:
        with self._file.lock:
            records = self._file.table(FINISHES).records()
        return _first_finished_first([finish_from(r) for r in records if r["assignment_id"] == assignment_id])

    def was_reminded(self, assignment_id: str, learner_id: int) -> bool:
        key = key_of(assignment_id, learner_id)
        with self._file.lock:
            return key is not None and self._file.table(REMINDERS).find(key) is not None

    def mark_reminded(self, assignment_id: str, learner_id: int, at: datetime) -> None:
        key = key_of(assignment_id, learner_id)
        if key is None:
            raise ValueError(f"not an assignment id: {assignment_id!r}")
        with self._file.changes():
            self._file.table(REMINDERS).put(key, {"at": at.isoformat()})

    def hold_for_digest(self, tutor_id: int, finish: Finish) -> None:
        key = key_of(finish.assignment_id, finish.learner_id)
        if key is None:
            raise ValueError(f"not an assignment id: {finish.assignment_id!r}")
        with self._file.changes():
            self.record_finish(finish)
            digest = self._digest(tutor_id)
            if key not in digest["held"]:
                digest["held"].append(key)
                self._file.table(DIGESTS).put(str(int(tutor_id)), digest)

    def held(self, tutor_id: int) -> tuple[Finish, ...]:
        with self._file.lock:
            finishes = self._file.table(FINISHES)
            found = [finishes.find(key) for key in self._digest(tutor_id)["held"]]
        return _first_finished_first([finish_from(r) for r in found if r is not None])

    def tutors_with_held(self) -> tuple[int, ...]:
        with self._file.lock:
            digests = self._file.table(DIGESTS)
            return tuple(sorted(int(key) for key in digests.keys() if digests.find(key)["held"]))

    def last_digest(self, tutor_id: int) -> date | None:
        with self._file.lock:
            sent = self._digest(tutor_id)["last_sent"]
        return None if sent is None else date.fromisoformat(sent)

    def digest_sent(self, tutor_id: int, day: date | None) -> None:
        with self._file.changes():
            digest = self._digest(tutor_id)
            digest["held"] = []
            if day is not None:
                digest["last_sent"] = day.isoformat()
            self._file.table(DIGESTS).put(str(int(tutor_id)), digest)

    def _digest(self, tutor_id: int) -> Record:
        """The tutor's digest record, a fresh copy (inside the file's lock)."""
        record = self._file.table(DIGESTS).find(str(int(tutor_id)))
        if record is None:
            return {"held": [], "last_sent": None}
        return {"held": list(record.get("held", [])), "last_sent": record.get("last_sent")}
