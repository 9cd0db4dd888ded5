"""The stored shape of review cards and of the review session on screen (see records.py).

A learner's file holds them in
  cards  lemma     -> a ReviewCard (`ReviewCard.to_record`: its fields and the FSRS state)
  state  "review"  -> the ReviewSession in progress
Times are ISO 8601 strings. New optional fields are read with `record.get(name, default)`.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from vocab.review import ReviewCard
from vocab.review_session import ReviewSession

Record = dict[str, Any]

CARDS_TABLE = "cards"
SESSION_KEY = "review"


def card_record(card: ReviewCard) -> Record:
    return card.to_record()


def card_from(record: Record) -> ReviewCard:
    return ReviewCard.from_record(record)


def session_record(session: ReviewSession) -> Record:
    return {
        "session_id": session.session_id,
        "started_at": session.started_at.isoformat(),
        "total": session.total,
        "number": session.number,
        "lemma": session.lemma,
        "mode": session.mode,
        "revealed": session.revealed,
        "poll_id": session.poll_id,
        "poll_question": None if session.poll_question is None else dict(session.poll_question),
        "counts": list(session.counts),
    }


def session_from(record: Record) -> ReviewSession:
    return ReviewSession(
        session_id=record["session_id"],
        started_at=datetime.fromisoformat(record["started_at"]),
        total=record["total"],
        number=record["number"],
        lemma=record["lemma"],
        mode=record["mode"],
        revealed=record["revealed"],
        poll_id=record.get("poll_id", ""),
        poll_question=record.get("poll_question"),
        counts=tuple(record["counts"]),
    )
