"""Bylines and date stamps of news pages: "By Jane Doe, Reuters", "Published : Nov. 11, 2023 - 13:44",
"Updated 10:42 PM EST, Sat November 11, 2023", "Sat 11 Nov 2023 05.00 GMT", "2 hours ago"."""
from __future__ import annotations

import re

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
#: Other words of a time stamp: clock words and the time zones news sites print.
TIME_WORDS = frozenset(
    "at on of am pm a.m p.m gmt utc est edt cst cdt mst mdt pst pdt et pt bst cet cest kst jst ist hkt sgt "
    "aest aedt today yesterday ago hour hours hr hrs minute minutes min mins day days week weeks".split()
)
_LABEL = (
    r"(?:first\s+|originally\s+|last\s+)?(?:published|updated|posted|modified|created|released|date|"
    r"last updated|last modified)"
)
_STAMP = re.compile(rf"^{_LABEL}(?:\s+(?:on|at))?\s*[:：]?\s*(?P<when>.+)$", re.I)
_NEXT_LABEL = re.compile(rf"\s*[|·,]?\s+{_LABEL}\b", re.I)
_NUMERIC = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?|\d{4}-\d{2}-\d{2}(?:t[\d:.+-]+z?)?|"
    r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}[./]\d{1,2}[./]\d{1,2}\.?|\d{1,2}\.\d{1,2}\.\d{2,4})$"
)
_FULL_NUMERIC_DATE = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}[./]\d{1,2}[./]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})"
)
_OFFSET = re.compile(r"^(?:gmt|utc)?[+-]\d{1,2}(?::?\d{2})?$")  # "GMT+9", "+09:00"
_TOKEN = re.compile(r"[\w:./+-]+")

_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|posted by|author\s*:|reporter\s*:|reported by)\s+(?P<who>\S.*)$", re.I
)
#: Words a byline may hold besides names: "By Jane Doe and John Roe, Staff Reporters, Reuters".
BYLINE_WORDS = frozenset(
    "and of the in for de van von der den la le du da di al el bin staff reporter reporters writer writers "
    "correspondent correspondents editor editors contributor contributors news agency at with from senior chief "
    "political diplomatic special & | - – — ·".split()
)
_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+(?=\S*\d)")


def is_date(text: str) -> bool:
    """True when the text is only a date or time: "Nov. 11, 2023 - 13:44", "2 hours ago"."""
    if len(text) > 120:
        return False
    tokens = [t.strip(".,-/").lower() for t in _TOKEN.findall(text)]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > 20:
        return False
    if re.sub(r"[\w\s:./+,|()–—-]", "", text):  # anything else (quotes, letters of another script)
        return False
    dated = False
    for token in tokens:
        if token in MONTHS or _FULL_NUMERIC_DATE.match(token) or token == "ago":
            dated = True
        elif not (token in WEEKDAYS or token in TIME_WORDS or _NUMERIC.match(token) or _OFFSET.match(token)):
            return False
    return dated


def date_stamp(paragraph: str) -> str | None:
    """The date of a "Published : ..." / "Updated ..." stamp or of a bare date line, as printed."""
    text = paragraph.strip()
    match = _STAMP.match(text)
    if match:
        when = _NEXT_LABEL.split(match.group("when"), maxsplit=1)[0].strip(" |·,-–—")
        return when if is_date(when) else None
    if is_date(text):
        return text
    # a section label before the date: "All News 09:12 November 12, 2023"
    words = text.split()
    for n in range(1, min(4, len(words))):
        if all(w[:1].isupper() for w in words[:n]) and not re.search(r"[.!?,;:]", " ".join(words[:n])):
            rest = " ".join(words[n:])
            first = rest.split(" ", 1)[0].lower().strip(".,")
            if (first[:1].isdigit() or first in WEEKDAYS or first in MONTHS) and is_date(rest):
                return rest
    return None


def byline(paragraph: str) -> tuple[str, str] | None:
    """(byline, date) for a line like "By Jane Doe, Reuters | Nov. 11, 2023"; None if it is not one."""
    text = paragraph.strip()
    parts = _SEPARATOR.split(text)
    date = ""
    if len(parts) > 1:
        kept = []
        for part in parts:
            found = date_stamp(part)
            if found and not date:
                date = found
            elif not found:
                kept.append(part)
        text = " | ".join(kept)
    match = _BYLINE.match(text)
    if not match:
        return None
    tokens = match.group("who").replace(",", " , ").split()
    if len(tokens) > 15 or (text.endswith(".") and len(tokens[-1]) > 3):
        return None
    for token in tokens:
        plain = token.strip("(),.;:")
        if not plain or plain.lower() in BYLINE_WORDS or plain[:1].isupper() or "@" in plain or plain[:1].isdigit():
            continue
        return None
    return text, date
