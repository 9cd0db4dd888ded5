"""A tutor's desk: what they are doing with their library, kept in their own file so a restart
of the bot forgets nothing.

    desk  "1" -> {"adding_since": ISO time or null, "open_lesson": lesson id or null}

`adding_since`: when the tutor sent /add (the next article they send goes into their library);
`open_lesson`: the article whose word list they opened last (/addword, /removeword and /gloss
act on it).
"""
from __future__ import annotations

from datetime import datetime

from bot.store.files import LearnerFiles

DESK_KEY = "1"


class TinyDesk:
    """Each tutor's pending /add and open word list, in the tutor's file."""

    def __init__(self, files: LearnerFiles):
        self._files = files

    def _read(self, user_id: int) -> dict:
        file = self._files.get(user_id)
        with file.lock:
            return dict(file.table("desk").find(DESK_KEY) or {})

    def _write(self, user_id: int, **changes: object) -> None:
        file = self._files.get(user_id)
        with file.changes():
            table = file.table("desk")
            record = dict(table.find(DESK_KEY) or {})
            record.update(changes)
            table.put(DESK_KEY, record)

    def adding_since(self, user_id: int) -> datetime | None:
        """When the user sent /add, if the article has not come yet."""
        since = self._read(user_id).get("adding_since")
        return None if since is None else datetime.fromisoformat(since)

    def start_adding(self, user_id: int, at: datetime) -> None:
        self._write(user_id, adding_since=at.isoformat())

    def stop_adding(self, user_id: int) -> None:
        if self._read(user_id).get("adding_since") is not None:
            self._write(user_id, adding_since=None)

    def open_lesson(self, user_id: int) -> str | None:
        """The lesson whose word list the user opened last (its owner is checked by the caller)."""
        return self._read(user_id).get("open_lesson")

    def open(self, user_id: int, lesson_id: str) -> None:
        if self.open_lesson(user_id) != lesson_id:
            self._write(user_id, open_lesson=lesson_id)
