"""The daily reminder's time: a time of day as a learner types it, their IANA time zone, and the
next moment (in UTC) their local clock shows that time.

Pure: the moment to start from is passed in. Time zones come from the IANA database through
`zoneinfo` (the system's tzdata, or the `tzdata` package where the system has none).
"""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

#: "7:30", "07:30", "19:00": hours and minutes with a colon (also the full-width colon and digits
#: a Korean or Japanese keyboard may type). "7pm", "0730" and "7.30" are refused, not guessed at.
_TYPED_TIME = re.compile(r"(\d{1,2})\s*[:：]\s*(\d{2})")


class ReminderError(ValueError):
    """Input that cannot set a reminder; `reason` says why: not_a_time (nothing like "07:30"),
    no_such_time ("25:00", "7:60"), unknown_timezone (not an IANA name, "Mars/Olympus")."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def parse_reminder_time(typed: str) -> time:
    """The time of day in "07:30" / "7:30" / "19:00"; ReminderError otherwise."""
    found = _TYPED_TIME.fullmatch(typed.strip())
    if not found:
        raise ReminderError("not_a_time")
    hour, minute = int(found.group(1)), int(found.group(2))
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ReminderError("no_such_time")
    return time(hour, minute)


@cache
def _zone_names() -> dict[str, str]:
    """Every IANA name the system knows, by its lower-case spelling ("asia/seoul" -> "Asia/Seoul")."""
    return {name.lower(): name for name in available_timezones()}


def check_timezone(typed: str) -> str:
    """The IANA name of the zone typed ("Asia/Seoul", any case; "UTC"); ReminderError
    (unknown_timezone) for anything else. Only names of the installed database are accepted,
    so a typed path ("../etc/passwd") never reaches the file system."""
    name = _zone_names().get(typed.strip().lower())
    if name is None:
        raise ReminderError("unknown_timezone")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ReminderError("unknown_timezone") from None
    return name


def zone(name: str | None) -> tzinfo:
    """The learner's time zone; UTC when it is unset or no longer known."""
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def next_reminder(local_time: time, timezone_name: str | None, after: datetime) -> datetime:
    """The first moment strictly after `after` (aware) when the learner's clock shows
    `local_time`, in UTC.

    Daylight saving time: the reminder keeps its local time, so its UTC time moves with the
    clocks. On the night clocks go forward, a time that does not exist (02:30 in New York on
    the second Sunday of March) comes an hour later by the clock (03:30), the moment the
    skipped hour would have been; on the night they go back, a time that happens twice comes
    the first time only.
    """
    tz = zone(timezone_name)
    day = after.astimezone(tz).date() - timedelta(days=1)
    while True:
        candidate = datetime.combine(day, local_time, tzinfo=tz).astimezone(timezone.utc)
        if candidate > after:
            return candidate
        day += timedelta(days=1)
