"""The files /export sends: the learner's words as a CSV spreadsheet and as an Anki deck (.apkg).

CSV: UTF-8 with a byte-order mark, so that Excel shows Korean glosses right (Google Sheets,
Numbers and Python's csv module read it too: decode with "utf-8-sig").

Anki: a .apkg is a zip holding `collection.anki2`, an SQLite database of notes, made by genanki.
Its ids are stable for a learner (a constant mixed with their user id), and each note's guid comes
from the user id and the word, so importing a newer export updates the same deck and notes instead
of adding copies. A note's front is the sentence with the word in bold, then the word; its back
adds the IPA, the gloss, the tutor's gloss and the article's title.
"""
from __future__ import annotations

import csv
import hashlib
import html
import io
import itertools
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from vocab.word_export import CSV_COLUMNS, ExportRow

#: Mixed into every id this bot gives Anki, so that ours never meet another deck generator's.
ANKI_ID_SEED = "reading-companion/anki/v1"
#: Anki ids are positive 63-bit numbers; genanki's examples stay between 2**30 and 2**31.
ANKI_ID_LOW, ANKI_ID_SPAN = 1 << 30, 1 << 30

CSV_NAME = "reading-companion-words.csv"
APKG_NAME = "reading-companion-words.apkg"

CARD_STYLE = """
.card { font-family: sans-serif; font-size: 20px; text-align: center; color: #222; background: #fff; }
.sentence { font-size: 18px; line-height: 1.5; margin-bottom: 12px; }
.sentence b { color: #1565c0; }
.word { font-size: 28px; font-weight: bold; }
.ipa { font-size: 18px; color: #555; margin: 6px 0; }
.tutor { color: #2e7d32; }
.article { font-size: 13px; color: #888; margin-top: 16px; }
"""
FRONT = '<div class="sentence">{{Sentence}}</div><div class="word">{{Word}}</div>'
BACK = (
    '{{FrontSide}}<hr id="answer">'
    '{{#IPA}}<div class="ipa">/{{IPA}}/</div>{{/IPA}}'
    "<div>{{Gloss}}</div>"
    '{{#TutorGloss}}<div class="tutor">{{TutorGloss}}</div>{{/TutorGloss}}'
    '{{#Article}}<div class="article">{{Article}}</div>{{/Article}}'
)
FIELDS = ("Word", "Sentence", "IPA", "Gloss", "TutorGloss", "Article")


def words_csv(rows: Sequence[ExportRow]) -> bytes:
    """The rows under a header line, as CSV bytes."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(row.csv_values() for row in rows)
    return out.getvalue().encode("utf-8-sig")


def anki_id(user_id: int, kind: str) -> int:
    """A stable Anki id for one learner's deck or note type ("deck", "model")."""
    digest = hashlib.sha256(f"{ANKI_ID_SEED}:{kind}:{user_id}".encode()).digest()
    return ANKI_ID_LOW + int.from_bytes(digest[:8], "big") % ANKI_ID_SPAN


def _note_fields(row: ExportRow) -> list[str]:
    def plain(value: str) -> str:
        return html.escape(value, quote=False)

    return [plain(row.item), row.sentence_html, plain(row.ipa), plain(row.gloss), plain(row.tutor_gloss),
            plain(row.article)]


def anki_deck(rows: Sequence[ExportRow], user_id: int, deck_name: str, timestamp: float) -> bytes:
    """The rows as an Anki package (.apkg bytes), one note per word, tagged with its status.

    `timestamp` (seconds since the epoch) dates the notes. genanki's own `write_to_file` leaves its
    temporary database behind in /tmp, so the database is built here in a directory that is removed.
    """
    import genanki

    model = genanki.Model(
        anki_id(user_id, "model"), "Reading Companion word",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Word in its sentence", "qfmt": FRONT, "afmt": BACK}],
        css=CARD_STYLE,
    )
    deck = genanki.Deck(anki_id(user_id, "deck"), deck_name)
    for row in rows:
        deck.add_note(genanki.Note(
            model=model, fields=_note_fields(row), guid=genanki.guid_for(ANKI_ID_SEED, user_id, row.lemma),
            tags=["reading-companion", row.status],
        ))
    package = genanki.Package(deck)
    with tempfile.TemporaryDirectory(prefix="anki-export-") as directory:
        database = Path(directory) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return out.getvalue()
