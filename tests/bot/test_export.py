"""/export through the emulator with the real bot: a CSV whose rows are the learner's words, and an
Anki package (a zip holding the SQLite collection) with a note per word; no words: a clear answer."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from datetime import datetime, timezone

import pytest
from reading_steps import bring, expected_lesson, learner_file, press_and_wait, shared_bot

from bot.export_files import APKG_NAME, CSV_NAME
from bot.texts import text
from vocab.pronunciation import ipa
from vocab.word_export import CSV_COLUMNS


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    """One bot for the module: every test is a new learner."""
    yield from shared_bot(tmp_path_factory.mktemp("export"))


def mark(emu, learner, words, index: int, choice: str):
    """Press "I know it" (k) or "New to me" (n) for item `index` and wait for the keyboard to change."""
    data = next(d for row in words.buttons for _, d in row if d.endswith(f":{index}:{choice}"))
    emu.press_data(learner, words.message_id, data)
    return emu.wait_for_edit(words)


def read_and_mark(bot, learner, sample_text):
    """Bring the sample, open part 1's words, mark the first item known and the next two new."""
    emu = bot.emu
    lesson = expected_lesson(sample_text)
    bring(emu, learner, sample_text)
    press_and_wait(emu, learner, text("en", "article.start"))
    [words] = press_and_wait(emu, learner, text("en", "reading.words"))
    first_part = [i for i, item in enumerate(lesson.vocabulary) if item.chunk == 0]
    assert len(first_part) >= 3
    words = mark(emu, learner, words, first_part[0], "k")
    words = mark(emu, learner, words, first_part[1], "n")
    mark(emu, learner, words, first_part[2], "n")
    return lesson, [lesson.vocabulary[i] for i in first_part[:3]]


def sqlite_of(apkg: bytes, tmp_path) -> sqlite3.Connection:
    archive = zipfile.ZipFile(io.BytesIO(apkg))
    assert "collection.anki2" in archive.namelist()
    path = tmp_path / "collection.anki2"
    path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def test_export_sends_a_csv_and_an_anki_deck_of_the_learners_words(bot, sample_text, tmp_path):
    emu = bot.emu
    learner = bot.learner()
    lesson, marked = read_and_mark(bot, learner, sample_text)
    stored = learner_file(bot.data_dir, learner.id)
    words, cards = stored["words"], stored.get("cards", {})
    assert set(words) == {item.lemma for item in marked}

    emu.send_text(learner, "/export")
    sheet, deck = emu.wait_for_messages(learner, 2, timeout=20)
    assert (sheet.kind, deck.kind) == ("document", "document")
    assert sheet.document["file_name"] == CSV_NAME and deck.document["file_name"] == APKG_NAME
    assert sheet.html == text("en", "export.csv_caption", count=len(marked))

    rows = list(csv.reader(io.StringIO(emu.download(sheet.document["file_id"]).decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_item = {row[0]: dict(zip(CSV_COLUMNS, row)) for row in rows[1:]}
    assert len(rows) - 1 == len(marked) and set(by_item) == {item.item for item in marked}
    for item in marked:
        row = by_item[item.item]
        assert row["gloss"] == item.gloss and row["sentence"] == item.sentence
        assert row["article"] == lesson.article.title
        assert row["status"] == words[item.lemma]["status"]
        assert row["tutor gloss"] == ""
        card = cards.get(item.lemma)
        due = datetime.fromisoformat(card["due"]).astimezone(timezone.utc).date().isoformat() if card else ""
        assert row["next due"] == due
    assert by_item[marked[0].item]["status"] == "known"
    assert {by_item[item.item]["status"] for item in marked[1:]} == {"new"}

    collection = sqlite_of(emu.download(deck.document["file_id"]), tmp_path)
    notes = collection.execute("SELECT flds, tags FROM notes").fetchall()
    assert collection.execute("SELECT count(*) FROM cards").fetchone() == (len(marked),)
    fields = {f.split("\x1f")[0]: (f.split("\x1f"), tags.split()) for f, tags in notes}
    assert set(fields) == {item.item for item in marked}
    for item in marked:
        (word, sentence, spelled, gloss, tutor_gloss, article), tags = fields[item.item]
        assert "<b>" in sentence
        assert sentence.replace("<b>", "").replace("</b>", "") == item.sentence.replace("&", "&amp;")
        assert spelled == (ipa(item.item, item.lemma) or "")
        assert gloss == item.gloss.replace("&", "&amp;") and article == lesson.article.title
        assert words[item.lemma]["status"] in tags


def test_exporting_again_gives_the_same_deck_and_note_ids(bot, sample_text, tmp_path):
    """Anki updates notes it already has (same guid) instead of adding copies on a second import."""
    emu = bot.emu
    learner = bot.learner()
    read_and_mark(bot, learner, sample_text)
    exported = []
    for attempt in range(2):
        emu.send_text(learner, "/export")
        _, deck = emu.wait_for_messages(learner, 2, timeout=20)
        folder = tmp_path / str(attempt)
        folder.mkdir()
        collection = sqlite_of(emu.download(deck.document["file_id"]), folder)
        guids = sorted(guid for (guid,) in collection.execute("SELECT guid FROM notes"))
        deck_ids = sorted(json.loads(collection.execute("SELECT decks FROM col").fetchone()[0]))
        model_ids = sorted(json.loads(collection.execute("SELECT models FROM col").fetchone()[0]))
        collection.close()
        exported.append((guids, deck_ids, model_ids))
    assert exported[0] == exported[1]
    assert len(exported[0][0]) == 3 and len(exported[0][1]) == 2  # three notes; Anki's Default deck and ours


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_export_with_no_words_says_what_to_do_first(bot, language_code, lang):
    emu = bot.emu
    learner = bot.learner(language_code)
    emu.send_text(learner, "/export")
    [answer] = emu.wait_for_messages(learner)
    assert answer.kind == "text"
    assert answer.html == text(lang, "export.none")


def test_export_in_a_group_points_to_the_private_chat(bot):
    emu = bot.emu
    learner = bot.learner("ko", name="Minji")
    group = emu.group(-2101, "Class 1", members=[learner])
    emu.send_text(learner, "/export", chat=group)
    [pointer] = emu.wait_for_messages(group)
    assert pointer.html == text("ko", "group.go_private", name="Minji")
    assert emu.messages(learner) == []  # no files in the group, nothing in private either
