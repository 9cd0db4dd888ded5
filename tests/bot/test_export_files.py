"""The export files: a CSV any spreadsheet (and Python's csv) reads back exactly, and an Anki
package whose ids stay the same for a learner, so a new import updates the old cards."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from datetime import datetime, timezone

import pytest

from bot.export_files import ANKI_ID_LOW, ANKI_ID_SPAN, anki_deck, anki_id, words_csv
from vocab.progress import WordStatus
from vocab.word_export import CSV_COLUMNS, export_rows

MET = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
TRICKY = [
    WordStatus("munition", "munitions", "new", "l1", 'He said, "munitions\nran out" & <left>.', "weapons, ammo",
               MET, MET, tutor_gloss="군수품"),
    WordStatus("escalate", "escalate", "learned", "l1", "Tensions escalated.", "", MET, MET),
]


def rows():
    return export_rows(TRICKY, {"l1": "War, news & more"}, {"munition": MET}, "Asia/Seoul",
                       forms={"escalate": ("escalated",)})


def test_the_csv_reads_back_exactly_with_commas_quotes_newlines_and_korean():
    data = words_csv(rows())
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 (Korean) only with the BOM
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert read == [list(CSV_COLUMNS), *(row.csv_values() for row in rows())]
    assert read[1][2] == "군수품" and read[1][6] == "2024-03-10"


def test_anki_ids_are_stable_per_learner_and_in_ankis_range():
    assert anki_id(42, "deck") == anki_id(42, "deck")
    assert len({anki_id(42, "deck"), anki_id(43, "deck"), anki_id(42, "model")}) == 3
    assert all(ANKI_ID_LOW <= anki_id(u, k) < ANKI_ID_LOW + ANKI_ID_SPAN for u in range(50) for k in ("deck", "model"))


@pytest.fixture
def collection(tmp_path):
    apkg = anki_deck(rows(), 42, "Reading Companion words", MET.timestamp())
    archive = zipfile.ZipFile(io.BytesIO(apkg))
    assert sorted(archive.namelist()) == ["collection.anki2", "media"]
    path = tmp_path / "collection.anki2"
    path.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def test_the_deck_has_a_note_per_word_front_sentence_and_word_back_meaning(collection):
    notes = {f.split("\x1f")[0]: f.split("\x1f") for (f,) in collection.execute("SELECT flds FROM notes")}
    assert set(notes) == {"munitions", "escalate"}
    word, sentence, spelled, gloss, tutor_gloss, article = notes["munitions"]
    assert sentence == 'He said, "<b>munitions</b>\nran out" &amp; &lt;left&gt;.'  # text escaped, word bold
    assert spelled == "mjuːˈnɪʃənz" and gloss == "weapons, ammo" and tutor_gloss == "군수품"
    assert article == "War, news &amp; more"
    assert notes["escalate"][1] == "Tensions <b>escalated</b>."
    [model] = json.loads(collection.execute("SELECT models FROM col").fetchone()[0]).values()
    assert [f["name"] for f in model["flds"]] == ["Word", "Sentence", "IPA", "Gloss", "TutorGloss", "Article"]
    front = model["tmpls"][0]["qfmt"]
    assert "{{Sentence}}" in front and "{{Word}}" in front and "{{Gloss}}" not in front
    assert "{{Gloss}}" in model["tmpls"][0]["afmt"] and "{{IPA}}" in model["tmpls"][0]["afmt"]


def test_the_deck_is_named_and_the_notes_tagged_with_their_status(collection):
    decks = json.loads(collection.execute("SELECT decks FROM col").fetchone()[0])
    assert decks[str(anki_id(42, "deck"))]["name"] == "Reading Companion words"
    tags = sorted(t.split() for (t,) in collection.execute("SELECT tags FROM notes"))
    assert tags == [["reading-companion", "learned"], ["reading-companion", "new"]]
