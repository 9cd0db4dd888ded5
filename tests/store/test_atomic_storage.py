"""The atomic TinyDB storage on its own: empty when missing, one write per batch, honest after a failure."""
from __future__ import annotations

import json

import pytest
from tinydb import TinyDB

from bot.store.atomic import AtomicJSONStorage


def test_a_missing_file_reads_as_an_empty_database_and_is_not_created(tmp_path):
    db = TinyDB(tmp_path / "learners" / "01" / "1.json", storage=AtomicJSONStorage)
    assert db.tables() == set() and db.all() == []
    assert not (tmp_path / "learners").exists()


def test_a_missing_file_reads_as_the_initial_data_which_the_first_write_keeps(tmp_path):
    path = tmp_path / "sub" / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage, initial={"_meta": {"1": {"schema": 7}}})
    db.table("words").insert({"lemma": "munition", "gloss": "군수품"})
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "_meta": {"1": {"schema": 7}}, "words": {"1": {"lemma": "munition", "gloss": "군수품"}},
    }
    assert [p.name for p in path.parent.iterdir()] == ["db.json"]  # no temporary file left behind


def test_writes_in_a_batch_reach_the_disk_once_at_its_end(tmp_path):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"n": 0})
    inode = path.stat().st_ino
    with db.storage.batch():
        for n in range(1, 4):
            db.insert({"n": n})
        assert path.stat().st_ino == inode and len(json.loads(path.read_text())["_default"]) == 1
        assert len(db) == 4  # the database itself sees its changes at once
    assert path.stat().st_ino != inode and len(json.loads(path.read_text())["_default"]) == 4


def test_a_batch_that_raises_writes_nothing_and_forgets_its_changes(tmp_path):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"n": 0})
    with pytest.raises(ZeroDivisionError), db.storage.batch():
        db.insert({"n": 1})
        1 / 0
    assert [d["n"] for d in db.all()] == [0]
    assert len(json.loads(path.read_text())["_default"]) == 1


def test_after_a_failed_write_the_database_shows_what_is_on_disk(tmp_path):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"n": 0})
    (tmp_path / "db.json.tmp").mkdir()  # the temporary file cannot be written
    with pytest.raises(OSError):
        db.insert({"n": 1})
    assert [d["n"] for d in db.all()] == [0]


def test_a_file_written_by_stock_tinydb_is_read(tmp_path):
    path = tmp_path / "db.json"
    with TinyDB(path) as stock:
        stock.insert({"lemma": "provocation"})
    assert TinyDB(path, storage=AtomicJSONStorage).all() == [{"lemma": "provocation"}]
