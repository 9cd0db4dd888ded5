"""The rows of /export: each of the learner's words with its gloss, sentence, article and next review.

Pure: the shell passes in what it looked up (article titles, the forms each word took in its
article, the review cards' due times) and writes the rows as a CSV file and an Anki deck.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from .progress import WordStatus
from .progress_summary import local_date
from .pronunciation import ipa

#: The CSV's header, in the order of `ExportRow.csv_values`.
CSV_COLUMNS: tuple[str, ...] = ("item", "gloss", "tutor gloss", "sentence", "article", "status", "next due")


@dataclass(frozen=True)
class ExportRow:
    """One word as exported: what the CSV shows, plus the IPA and the highlighted sentence for Anki."""

    lemma: str
    item: str
    gloss: str
    tutor_gloss: str
    sentence: str
    article: str  # the title of the article the learner met the word in ("" if it is gone)
    status: str  # "new", "learning", "learned" or "known"
    next_due: date | None  # the learner's local date of the next review; None without a review card
    ipa: str  # "" when the CMU dictionary lacks the word
    sentence_html: str  # the sentence, HTML-escaped, with the word in <b>

    def csv_values(self) -> list[str]:
        """The row under `CSV_COLUMNS` (the due date as YYYY-MM-DD, empty when there is none)."""
        due = self.next_due.isoformat() if self.next_due else ""
        return [self.item, self.gloss, self.tutor_gloss, self.sentence, self.article, self.status, due]


def highlighted(sentence: str, forms: Iterable[str]) -> str:
    """`sentence` HTML-escaped with every whole-word occurrence of the forms in <b>, longest form
    first and ignoring case (a form at the start of the sentence has a capital letter)."""
    escaped = html.escape(sentence, quote=False)
    patterns = [r"\s+".join(re.escape(html.escape(w, quote=False)) for w in form.split())
                for form in sorted({f for f in forms if f.strip()}, key=len, reverse=True)]
    if not patterns:
        return escaped
    pattern = re.compile(rf"(?<![\w&])(?:{'|'.join(patterns)})(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: f"<b>{m.group(0)}</b>", escaped)


def export_rows(
    words: Iterable[WordStatus],
    titles: Mapping[str, str],
    due: Mapping[str, datetime],
    timezone_name: str | None,
    forms: Mapping[str, Iterable[str]] | None = None,
) -> list[ExportRow]:
    """A row per word, in the order the learner met them.

    titles: lesson id -> article title; due: lemma -> when its review card is next due (aware);
    timezone_name: the learner's zone, for the due date they live in; forms: lemma -> the forms
    the word took in its article ("escalated" for "escalate"), highlighted with the item itself.
    """
    forms = forms or {}
    rows = []
    for word in words:
        when = due.get(word.lemma)
        rows.append(ExportRow(
            lemma=word.lemma,
            item=word.item,
            gloss=word.gloss,
            tutor_gloss=word.tutor_gloss,
            sentence=word.sentence,
            article=titles.get(word.lesson_id, ""),
            status=word.status,
            next_due=local_date(when, timezone_name) if when else None,
            ipa=ipa(word.item, word.lemma) or "",
            sentence_html=highlighted(word.sentence, [word.item, *forms.get(word.lemma, ())]),
        ))
    return rows
