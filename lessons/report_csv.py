"""A class report as a CSV file: one row per learner per assignment, under a header row.

Encoding: UTF-8 with a byte-order mark (Python's "utf-8-sig"). Excel opens a double-clicked .csv
in the computer's legacy code page (cp949 on Korean Windows, cp1252 on most others) unless the
file starts with a BOM, and then shows Korean names as mojibake; with the BOM it reads UTF-8, and
so do LibreOffice, Google Sheets, Numbers and Python (`encoding="utf-8-sig"`). Rows end in CRLF,
the csv module's default and what RFC 4180 and Excel expect.

Cells a learner controls (their Telegram name) or a tutor typed (class name, article title) are
guarded against spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with
=, +, -, @, a tab or a carriage return gets a leading apostrophe, so Excel shows it as text
instead of running it.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from lessons.reports import ClassReport, ReportRow

#: The columns, in order: id -> English header (the shell may pass headers in the tutor's language).
COLUMNS: dict[str, str] = {
    "class": "Class",
    "assignment": "Assignment",
    "due": "Due",
    "number": "No.",
    "learner": "Learner",
    "status": "Status",
    "parts_read": "Parts read",
    "parts_total": "Parts",
    "quiz_right": "Quiz right",
    "quiz_answered": "Quiz answered",
    "quiz_percent": "Quiz %",
    "words_learned": "Words learned",
    "words_total": "Words",
    "last_active": "Last active",
    "finished_on": "Finished on",
}

#: A row's status as written in the file (English unless the shell passes its own words).
STATUS_WORDS: dict[str, str] = {
    "finished": "finished", "overdue": "overdue", "in_progress": "in progress", "not_started": "not started",
}

#: What a spreadsheet takes as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The file's encoding: UTF-8 with a BOM (see the module's docstring).
ENCODING = "utf-8-sig"


def safe_cell(value: str) -> str:
    """Text as a spreadsheet shows it, never as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _day(value) -> str:
    return value.isoformat() if value is not None else ""


def row_cells(report: ClassReport, row: ReportRow, statuses: Mapping[str, str]) -> dict[str, object]:
    return {
        "class": safe_cell(report.class_name),
        "assignment": safe_cell(row.title),
        "due": _day(row.due),
        "number": row.number,
        "learner": safe_cell(row.name),
        "status": statuses.get(row.status, row.status),
        "parts_read": row.parts_read,
        "parts_total": row.parts_total,
        "quiz_right": row.quiz_right,
        "quiz_answered": row.quiz_answered,
        "quiz_percent": "" if row.quiz_percent is None else row.quiz_percent,
        "words_learned": row.words_learned,
        "words_total": row.words_total,
        "last_active": _day(row.last_active),
        "finished_on": _day(row.finished_on),
    }


def report_csv(report: ClassReport, headers: Mapping[str, str] | None = None,
               statuses: Mapping[str, str] | None = None) -> str:
    """The report as CSV text (no BOM): a header row, then one row per learner per assignment.
    `headers` and `statuses` replace the English column names and status words, id by id."""
    names = {**COLUMNS, **(headers or {})}
    words = {**STATUS_WORDS, **(statuses or {})}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writerow({column: safe_cell(names[column]) for column in COLUMNS})
    for row in report.rows:
        writer.writerow(row_cells(report, row, words))
    return out.getvalue()


def report_csv_file(report: ClassReport, headers: Mapping[str, str] | None = None,
                    statuses: Mapping[str, str] | None = None) -> bytes:
    """The CSV file's bytes: `report_csv` in UTF-8 with a BOM, so Excel shows Korean names."""
    return report_csv(report, headers, statuses).encode(ENCODING)
