"""What an inline button says when pressed: short, typed, and never trusted.

Telegram gives a button at most 64 bytes of callback data and hands back whatever a client sends,
so the data only names *what* was pressed ("rd:3f2a9c01b7de:2": read part 2 of that lesson); every
handler looks the objects up again and checks they belong to the person pressing.
"""
from __future__ import annotations

import re

#: Telegram's limit on callback_data, in bytes.
MAX_CALLBACK_BYTES = 64
SEPARATOR = ":"
_FIELD = re.compile(r"^[A-Za-z0-9_.\-]*$")


class BadCallbackData(ValueError):
    """Data that no button of this bot could have sent."""


def pack(verb: str, *fields: object) -> str:
    """Build callback data "verb:field:field"; raises ValueError if it would break Telegram's limit."""
    parts = [verb, *(str(f) for f in fields)]
    for part in parts:
        if not _FIELD.match(part):
            raise ValueError(f"callback field {part!r} may hold only letters, digits, '_', '.', '-'")
    data = SEPARATOR.join(parts)
    if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data {data!r} is over {MAX_CALLBACK_BYTES} bytes")
    return data


def unpack(data: str | None, verb: str, arity: int) -> list[str]:
    """The fields of "verb:..." with exactly `arity` fields; BadCallbackData for anything else."""
    if not data or len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
        raise BadCallbackData(data)
    parts = data.split(SEPARATOR)
    if parts[0] != verb or len(parts) != arity + 1 or not all(_FIELD.match(p) for p in parts):
        raise BadCallbackData(data)
    return parts[1:]


def unpack_int(field: str, low: int = 0, high: int = 10_000) -> int:
    """A small non-negative integer field (a part number, an option), or BadCallbackData."""
    if not field.isdigit() or not low <= int(field) <= high:
        raise BadCallbackData(field)
    return int(field)


def pattern(verb: str) -> str:
    """The regex PTB's CallbackQueryHandler uses to route a verb to its handler."""
    return rf"^{re.escape(verb)}(:|$)"
