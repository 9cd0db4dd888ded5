"""The bot's one source of "now": the real clock, or a clock the tests set through settings.

The core never reads a clock (time is passed in); the shell asks `Clock.now()`. With CLOCK_FILE
set, "now" is the ISO-8601 time written in that file, so an end-to-end test can move the bot a day
forward by rewriting one file, without sleeping or restarting.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path


class Clock:
    """Aware UTC datetimes: `datetime.now(timezone.utc)`, or the time in `path` when given."""

    def __init__(self, path: Path | None = None):
        self.path = path

    def now(self) -> datetime:
        if self.path is None:
            return datetime.now(timezone.utc)
        try:
            moment = datetime.fromisoformat(self.path.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return datetime.now(timezone.utc)
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
