"""How the terminal chat shows a bot message: formatting as plain-text marks, choices numbered.

Formatting comes from the message's entities (what Telegram itself renders), not from re-parsing
its HTML: bold becomes **bold**, italic _italic_, code `code`, a link "text (url)".
"""
from __future__ import annotations

from typing import NamedTuple

from .objects import SentMessage

#: entity type -> (before, after); types not listed are shown as plain text.
MARKS = {
    "bold": ("**", "**"),
    "italic": ("_", "_"),
    "code": ("`", "`"),
    "pre": ("\n```\n", "\n```\n"),
    "spoiler": ("||", "||"),
}


class Choice(NamedTuple):
    """Something on screen the person can pick by number: an inline button or a poll option."""

    kind: str  # "button" or "option"
    label: str
    value: str | int  # callback data or url for a button; the option's index for a poll
    message: SentMessage


def render_entities(text: str, entities: list[dict]) -> str:
    """`text` with its formatting entities written as marks (offsets are in UTF-16 code units)."""
    units = text.encode("utf-16-le")
    inserts: list[tuple[int, int, int, str]] = []  # (offset, closing first, nesting, mark)
    for e in entities:
        start, end = e["offset"], e["offset"] + e["length"]
        if e["type"] == "text_link":
            before, after = "", f" ({e.get('url', '')})"
        elif e["type"] in MARKS:
            before, after = MARKS[e["type"]]
        else:
            continue
        inserts.append((start, 1, -end, before))
        inserts.append((end, 0, -start, after))
    inserts.sort()
    out, pos = [], 0
    for offset, _, _, mark in inserts:
        out.append(units[2 * pos: 2 * offset].decode("utf-16-le"))
        out.append(mark)
        pos = offset
    out.append(units[2 * pos:].decode("utf-16-le"))
    return "".join(out)


def option_texts(poll: dict) -> list[str]:
    """A poll's option texts (the snapshot lists strings; the Bot API shape has {"text": ...})."""
    return [o if isinstance(o, str) else o["text"] for o in poll["options"]]


def choices_of(message: SentMessage) -> list[Choice]:
    """The buttons of a message, or the options of its open poll, in screen order."""
    if message.poll and not message.poll.get("is_closed"):
        return [Choice("option", label, i, message) for i, label in enumerate(option_texts(message.poll))]
    return [Choice("button", label, value, message) for row in message.buttons for label, value in row]


def render_poll(poll: dict) -> list[str]:
    """A poll's question and, if closed, its results."""
    kind = "Quiz" if poll.get("type") == "quiz" else "Poll"
    lines = [f"📊 {kind}: {poll['question']}"]
    if poll.get("is_closed"):
        correct = set(poll.get("correct_option_ids") or [poll.get("correct_option_id")])
        counts = poll.get("voter_counts") or [o.get("voter_count", 0) for o in poll["options"]]
        for i, (option, count) in enumerate(zip(option_texts(poll), counts)):
            tick = " ✓" if i in correct else ""
            lines.append(f"    {option}: {count}{tick}")
        lines.append("    (closed)")
    if poll.get("allows_multiple_answers"):
        lines.append("    (several answers: type the numbers, e.g. 1 3)")
    return lines


def render_choices(choices: list[Choice]) -> list[str]:
    """Numbered choices, buttons row by row as the bot laid them out."""
    if not choices:
        return []
    if choices[0].kind == "option":
        return [f"  [{n}] {c.label}" for n, c in enumerate(choices, start=1)]
    lines, n = [], 1
    for row in choices[0].message.buttons:
        cells = []
        for label, value in row:
            link = f" → {value}" if value.startswith(("http://", "https://", "tg://")) else ""
            cells.append(f"[{n}] {label}{link}")
            n += 1
        lines.append("  " + "   ".join(cells))
    return lines


def render_message(message: SentMessage, *, header: str, note: str = "") -> list[str]:
    """The lines that show one bot message (header, body, poll, saved file note), without choices."""
    lines = [f"── {header}" + (f" ({note})" if note else "")]
    if message.deleted:
        return lines + ["(deleted)"]
    if message.poll:
        lines += render_poll(message.poll)
    body = render_entities(message.text, message.entities)
    if body:
        lines += body.splitlines()
    return lines
