"""What /report shows: the report as Telegram messages (split under 4096 characters), its buttons,
and the words of its CSV file in the tutor's language.

Callback data (bot/callback_data.py) of the buttons here, re-checked by bot/handlers/reports.py:
    rp:c:<class id>              the class's report (its tutor only)
    rp:l:<class id>:<user id>    one learner's report (the class's tutor only; the learner in the class now)
    rp:m                         the presser's own assignments (always their own data)
"""
from __future__ import annotations

import re
from html import escape
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import InlineKeyboardMarkupLimit, MessageLimit

from bot.callback_data import pack
from bot.texts import Html, text
from lessons.classes import Class
from lessons.report_csv import COLUMNS
from lessons.reports import STATUSES, ClassReport, HardWord, ReportRow

VERB = "rp"
CLASS, LEARNER, OWN = "c", "l", "m"

#: Learner buttons under a class report, two to a row; a bigger class uses /report <class> <number>
#: (Telegram shows at most 100 buttons on one message).
LEARNER_BUTTONS = InlineKeyboardMarkupLimit.TOTAL_BUTTON_NUMBER - 1
#: An article title in a report line: long enough to recognise, short enough for one line.
TITLE_CHARS = 80


def class_chooser(lang: str, classes: Sequence[Class], own_too: bool) -> InlineKeyboardMarkup:
    """One button per class the tutor teaches (by id only), and "My own assignments" if they learn too."""
    rows = [[InlineKeyboardButton(c.name, callback_data=pack(VERB, CLASS, c.class_id))] for c in classes]
    if own_too:
        rows.append([InlineKeyboardButton(text(lang, "report.own_button"), callback_data=pack(VERB, OWN))])
    return InlineKeyboardMarkup(rows)


def learner_keyboard(lang: str, class_: Class, names: Mapping[int, str]) -> InlineKeyboardMarkup | None:
    """A button per learner of the class (in class order, `names` by user id) for their own report."""
    buttons = [InlineKeyboardButton(f"{n}. {learner_name(lang, names.get(uid, ''), n)}",
                                    callback_data=pack(VERB, LEARNER, class_.class_id, uid))
               for n, uid in enumerate(class_.learner_ids[:LEARNER_BUTTONS], start=1)]
    return InlineKeyboardMarkup([buttons[i:i + 2] for i in range(0, len(buttons), 2)]) if buttons else None


def learner_name(lang: str, name: str, number: int) -> str:
    """The learner's Telegram name, or "Learner 3" for someone without one."""
    return name.strip() or text(lang, "report.no_name", number=number)


def display_name(lang: str, row: ReportRow) -> str:
    return learner_name(lang, row.name, row.number)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _quiz(lang: str, row: ReportRow) -> str:
    if not row.quiz_answered:
        return text(lang, "report.quiz_none")
    return text(lang, "report.quiz", right=row.quiz_right, answered=row.quiz_answered, percent=row.quiz_percent)


def progress_line(lang: str, row: ReportRow) -> str:
    """parts 2/3 · quiz 5/8 (62%) · words 4/12 · ⏳ in progress"""
    return text(lang, "report.progress", parts=row.parts_read, total=row.parts_total, quiz=Html(_quiz(lang, row)),
                words=row.words_learned, words_total=row.words_total,
                status=Html(text(lang, f"report.status.{row.status}")))


def _heading(lang: str, row: ReportRow) -> str:
    title = row.title if len(row.title) <= TITLE_CHARS else row.title[: TITLE_CHARS - 1] + "…"
    due = text(lang, "report.due", day=_day(row.due)) if row.due else text(lang, "report.no_due")
    return f"<b>{escape(title)}</b> · {due}"


def _hardest(lang: str, words: Sequence[HardWord], heading: str) -> list[str]:
    lines = [heading]
    lines += [text(lang, "report.hard_word", item=w.item, misses=w.misses, answers=w.answers) for w in words]
    return lines if words else [heading, text(lang, "report.no_misses")]


def _assignment_sections(lang: str, report: ClassReport, with_names: bool) -> list[str]:
    lines: list[str] = []
    for assignment in report.assignments:
        rows = report.rows_for(assignment.assignment_id)
        if not rows:
            continue
        lines += ["", _heading(lang, rows[0])]
        for row in rows:
            progress = progress_line(lang, row)
            name = escape(display_name(lang, row))
            lines.append(f"{row.number}. <b>{name}</b>: {progress}" if with_names else progress)
    return lines


def class_report_messages(lang: str, report: ClassReport, class_: Class) -> list[str]:
    """The class report: each assignment with a line per learner, when each was last active, and
    the class's hardest words."""
    lines = [text(lang, "report.title", name=report.class_name, day=_day(report.day))]
    if not class_.learner_ids:
        return [fit_lines([*lines, "", text(lang, "report.no_learners")])[0]]
    if not report.assignments:
        lines += ["", text(lang, "report.no_assignments")]
    lines += _assignment_sections(lang, report, with_names=True)
    if report.assignments:
        lines += ["", text(lang, "report.active_heading")]
        learners: dict[int, ReportRow] = {r.number: r for r in report.rows}  # one line each, not per assignment
        lines += [f"{n}. {escape(display_name(lang, row))}: {_day(row.last_active) or '–'}"
                  for n, row in sorted(learners.items())]
        lines += ["", *_hardest(lang, report.hardest, text(lang, "report.hardest"))]
        lines += ["", text(lang, "report.pick_learner")]
    return fit_lines(lines)


def learner_report_messages(lang: str, report: ClassReport, learner_name: str, last_active: date | None) -> list[str]:
    """One learner's report in a class: each assignment's progress, last active, the words they missed."""
    lines = [text(lang, "report.learner_title", learner=learner_name, name=report.class_name, day=_day(report.day))]
    if not report.assignments:
        return fit_lines([*lines, "", text(lang, "report.no_assignments")])
    lines += _assignment_sections(lang, report, with_names=False)
    lines += ["", _last_active(lang, last_active)]
    lines += ["", *_hardest(lang, report.hardest, text(lang, "report.learner_missed", learner=learner_name))]
    return fit_lines(lines)


def own_report_messages(lang: str, reports: Sequence[ClassReport], day: date, last_active: date | None) -> list[str]:
    """A learner's own /report: their progress in each class's assignments, and the words they missed."""
    lines = [text(lang, "report.own_title", day=_day(day))]
    with_work = [r for r in reports if r.rows]
    if not with_work:
        return fit_lines([*lines, "", text(lang, "report.own_none")])
    for report in with_work:
        lines += ["", f"<b>{escape(report.class_name)}</b>"]
        lines += [line for line in _assignment_sections(lang, report, with_names=False) if line]
    missed = merged_words(w for r in with_work for w in r.hardest)
    lines += ["", _last_active(lang, last_active), "", *_hardest(lang, missed, text(lang, "report.own_missed"))]
    return fit_lines(lines)


def merged_words(words: Iterable[HardWord]) -> list[HardWord]:
    """Missed words of several classes as one list (a word missed in two classes counted once,
    its misses added up), most missed first."""
    merged: dict[str, HardWord] = {}
    for w in words:
        old = merged.get(w.lemma)
        merged[w.lemma] = w if old is None else replace(
            old, misses=old.misses + w.misses, answers=old.answers + w.answers, learners=max(old.learners, w.learners))
    return sorted(merged.values(), key=lambda w: (-w.misses, w.answers - w.misses, w.item.casefold()))


def _last_active(lang: str, day: date | None) -> str:
    return text(lang, "report.last_active", day=_day(day)) if day else text(lang, "report.never_active")


def fit_lines(lines: Sequence[str], limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Join lines into as few messages as fit Telegram's limit, breaking only between lines (each
    line is whole HTML, so no tag is cut); blank lines at a break are dropped."""
    messages: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        line = line if len(line) <= limit else line[: limit - 1] + "…"
        if current and size + 1 + len(line) > limit:
            messages.append("\n".join(current).strip("\n"))
            current, size = [], 0
        if not current and not line:
            continue
        current.append(line)
        size += len(line) + (1 if len(current) > 1 else 0)
    if current:
        messages.append("\n".join(current).strip("\n"))
    return messages


def csv_words(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """The CSV's column headers and status words in `lang`."""
    headers = {column: text(lang, f"report.csv.{column}") for column in COLUMNS}
    statuses = {status: text(lang, f"report.csv_status.{status}") for status in STATUSES}
    return headers, statuses


_NOT_IN_FILENAME = re.compile(r"[^\w.-]+")


def csv_filename(class_name: str, day: date) -> str:
    """report-<class>-<date>.csv, the class name with anything but letters and digits made "-"."""
    slug = _NOT_IN_FILENAME.sub("-", class_name).strip("-.")[:40] or "class"
    return f"report-{slug}-{day.isoformat()}.csv"
