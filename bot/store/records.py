"""The stored shape of the learner's dataclasses (schema version 2), field by field.

Written out by hand rather than with `asdict`, so that renaming a dataclass field cannot change
the files silently: a change here is a schema change and needs a migration (see schema.py).
A new optional field read with `record.get(name, default)` is the one exception: files written
before it simply lack it and mean the default.
Times are ISO 8601 strings, dates "YYYY-MM-DD".
"""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from lessons.library import LibraryEntry
from vocab.progress import DayActivity, Learner, QuizAnswer, QuizSession, ReadingState, WordStatus

Record = dict[str, Any]


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def learner_record(learner: Learner) -> Record:
    return {
        "user_id": learner.user_id,
        "name": learner.name,
        "created_at": learner.created_at.isoformat(),
        "language": learner.language,
        "level": learner.level,
        "timezone": learner.timezone,
        "reminder_time": None if learner.reminder_time is None else learner.reminder_time.isoformat(),
        "daily_goal": learner.daily_goal,
        "desired_retention": learner.desired_retention,
        "daily_digest": learner.daily_digest,
    }


def learner_from(record: Record) -> Learner:
    reminder = record.get("reminder_time")
    return Learner(
        user_id=record["user_id"],
        name=record["name"],
        created_at=datetime.fromisoformat(record["created_at"]),
        language=record["language"],
        level=record["level"],
        timezone=record["timezone"],
        reminder_time=None if reminder is None else time.fromisoformat(reminder),
        daily_goal=record["daily_goal"],
        desired_retention=record["desired_retention"],
        daily_digest=record.get("daily_digest", False),
    )


def reading_record(state: ReadingState) -> Record:
    return {
        "lesson_id": state.lesson_id,
        "started_at": state.started_at.isoformat(),
        "part": state.part,
        "parts_read": sorted(state.parts_read),
        "finished_at": _when(state.finished_at),
        "assignment_id": state.assignment_id,
    }


def reading_from(record: Record) -> ReadingState:
    return ReadingState(
        lesson_id=record["lesson_id"],
        started_at=datetime.fromisoformat(record["started_at"]),
        part=record["part"],
        parts_read=frozenset(record["parts_read"]),
        finished_at=_datetime(record["finished_at"]),
        assignment_id=record.get("assignment_id"),
    )


def word_record(word: WordStatus) -> Record:
    return {
        "lemma": word.lemma,
        "item": word.item,
        "status": word.status,
        "lesson_id": word.lesson_id,
        "sentence": word.sentence,
        "gloss": word.gloss,
        "first_seen": word.first_seen.isoformat(),
        "updated_at": word.updated_at.isoformat(),
        "right": word.right,
        "wrong": word.wrong,
        "tutor_gloss": word.tutor_gloss,
    }


def word_from(record: Record) -> WordStatus:
    return WordStatus(
        lemma=record["lemma"],
        item=record["item"],
        status=record["status"],
        lesson_id=record["lesson_id"],
        sentence=record["sentence"],
        gloss=record["gloss"],
        first_seen=datetime.fromisoformat(record["first_seen"]),
        updated_at=datetime.fromisoformat(record["updated_at"]),
        right=record["right"],
        wrong=record["wrong"],
        tutor_gloss=record.get("tutor_gloss", ""),
    )


def answer_key(answer: QuizAnswer) -> str:
    """One answer per question per moment: a redelivered update stores nothing twice."""
    return f"{answer.lesson_id}|{answer.question_id}|{answer.answered_at.isoformat()}"


def answer_record(answer: QuizAnswer) -> Record:
    return {
        "lesson_id": answer.lesson_id,
        "question_id": answer.question_id,
        "lemma": answer.lemma,
        "kind": answer.kind,
        "correct": answer.correct,
        "answered_at": answer.answered_at.isoformat(),
        "given": answer.given,
    }


def answer_from(record: Record) -> QuizAnswer:
    return QuizAnswer(
        lesson_id=record["lesson_id"],
        question_id=record["question_id"],
        lemma=record["lemma"],
        kind=record["kind"],
        correct=record["correct"],
        answered_at=datetime.fromisoformat(record["answered_at"]),
        given=record["given"],
    )


def quiz_record(quiz: QuizSession) -> Record:
    return {
        "lesson_id": quiz.lesson_id,
        "started_at": quiz.started_at.isoformat(),
        "questions": [dict(q) for q in quiz.questions],
        "position": quiz.position,
        "polls": [list(pair) for pair in quiz.polls],
    }


def quiz_from(record: Record) -> QuizSession:
    return QuizSession(
        lesson_id=record["lesson_id"],
        started_at=datetime.fromisoformat(record["started_at"]),
        questions=tuple(record["questions"]),
        position=record["position"],
        polls=tuple((p, q) for p, q in record["polls"]),
    )


def entry_record(entry: LibraryEntry) -> Record:
    return {
        "lesson_id": entry.lesson_id,
        "owner_id": entry.owner_id,
        "title": entry.title,
        "added_at": entry.added_at.isoformat(),
        "parts": entry.parts,
        "words": entry.words,
    }


def entry_from(record: Record) -> LibraryEntry:
    return LibraryEntry(
        lesson_id=record["lesson_id"],
        owner_id=record["owner_id"],
        title=record["title"],
        added_at=datetime.fromisoformat(record["added_at"]),
        parts=record["parts"],
        words=record["words"],
    )


def day_key(day: date) -> str:
    return day.isoformat()


def day_from(key: str) -> date:
    return date.fromisoformat(key)


def activity_record(done: DayActivity) -> Record:
    return {"reviews": done.reviews, "parts": done.parts}


def activity_from(record: Record) -> DayActivity:
    """A day's activity; a day stored as {} (only marked active) did nothing toward the goal."""
    return DayActivity(reviews=record.get("reviews", 0), parts=record.get("parts", 0))
