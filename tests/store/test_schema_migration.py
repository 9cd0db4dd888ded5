"""Old data dirs are upgraded at start-up, step by step, once; newer ones are refused."""
from __future__ import annotations

import json
from datetime import time

import pytest

from bot.store import SCHEMA_VERSION, SchemaTooNew, Store, migrate
from bot.store.schema import MIGRATIONS, stored_files
from tests.store.conftest import T0, make_lesson

#: A learner's file as version 1 wrote it: "lang" (not "language"), a word's "seen" (not "first_seen").
V1_LEARNER = {
    "_meta": {"1": {"schema": 1}},
    "learner": {"1": {
        "user_id": 31, "name": "Ji-woo", "created_at": "2024-03-01T09:30:00+09:00", "lang": "ko", "level": "B1",
        "timezone": "Asia/Seoul", "reminder_time": "21:00:00", "daily_goal": 10, "desired_retention": 0.9,
    }},
    "words": {"munition": {
        "lemma": "munition", "item": "munitions", "status": "learning", "lesson_id": "0123456789ab",
        "sentence": "Russia is buying munitions.", "gloss": "weapons", "seen": "2024-03-01T09:30:00+09:00",
        "updated_at": "2024-03-02T10:00:00+09:00", "right": 1, "wrong": 1,
    }},
}


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def learner_path(data_dir, user_id):
    return data_dir / "learners" / f"{user_id % 100:02d}" / f"{user_id}.json"


def v1_data_dir(tmp_path, users=(31,), marker=True):
    data_dir = tmp_path / "data"
    for user_id in users:
        data = json.loads(json.dumps(V1_LEARNER))
        data["learner"]["1"]["user_id"] = user_id
        write_json(learner_path(data_dir, user_id), data)
    if marker:
        write_json(data_dir / "schema.json", {"schema": 1})
    return data_dir


def test_every_version_has_a_migration_to_the_next():
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_a_version_1_learner_is_read_with_the_renamed_fields(tmp_path):
    data_dir = v1_data_dir(tmp_path)
    store = Store.open(data_dir)
    assert store.migration.from_version == 1 and store.migration.files_upgraded == 1
    learner = store.learners.get(31)
    assert (learner.language, learner.level, learner.reminder_time) == ("ko", "B1", time(21, 0))
    word = store.progress(31).word("munition")
    assert word.first_seen == T0 and (word.right, word.wrong) == (1, 1)
    on_disk = json.loads(learner_path(data_dir, 31).read_text())
    assert on_disk["_meta"]["1"]["schema"] == SCHEMA_VERSION and "lang" not in on_disk["learner"]["1"]
    assert json.loads((data_dir / "schema.json").read_text()) == {"schema": SCHEMA_VERSION}


def test_a_current_data_dir_is_not_scanned_again(tmp_path):
    data_dir = v1_data_dir(tmp_path, users=(1, 2, 3))
    migrate(data_dir)
    stats = {p: p.stat() for _, p in stored_files(data_dir)}
    report = migrate(data_dir)
    assert report.files_upgraded == 0 and report.from_version == SCHEMA_VERSION
    assert {p: (s.st_ino, s.st_mtime_ns) for p, s in stats.items()} == {
        p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in stats
    }


def test_a_migration_cut_short_carries_on_at_the_next_start(tmp_path):
    data_dir = v1_data_dir(tmp_path, users=(1, 2, 3))
    done = learner_path(data_dir, 2)
    upgraded = json.loads(done.read_text())
    upgraded["_meta"]["1"]["schema"] = 2
    upgraded["learner"]["1"]["language"] = upgraded["learner"]["1"].pop("lang")
    write_json(done, upgraded)  # the crash came after this file, before schema.json
    before = done.stat().st_ino
    report = migrate(data_dir)
    assert report.files_upgraded == 2 and done.stat().st_ino == before
    store = Store.open(data_dir)
    assert [store.learners.get(u).language for u in (1, 2, 3)] == ["ko", "ko", "ko"]


def test_files_from_before_schema_json_are_version_1(tmp_path):
    data_dir = v1_data_dir(tmp_path, marker=False)
    path = learner_path(data_dir, 31)
    data = json.loads(path.read_text())
    del data["_meta"]
    write_json(path, data)
    assert Store.open(data_dir).learners.get(31).language == "ko"


def test_a_new_data_dir_starts_at_the_current_version(tmp_path):
    store = Store.open(tmp_path / "fresh")
    assert store.migration.files_upgraded == 0
    lesson_id = store.lessons.add(make_lesson(), owner_id=31, at=T0)
    assert json.loads((tmp_path / "fresh" / "schema.json").read_text()) == {"schema": SCHEMA_VERSION}
    lesson_file = tmp_path / "fresh" / "lessons" / lesson_id[:2] / f"{lesson_id}.json"
    assert json.loads(lesson_file.read_text())["_meta"] == {"1": {"schema": SCHEMA_VERSION}}


def test_an_old_file_restored_later_is_upgraded_when_read(tmp_path):
    data_dir = tmp_path / "data"
    Store.open(data_dir).close()
    write_json(learner_path(data_dir, 31), V1_LEARNER)  # e.g. restored from an old backup
    store = Store.open(data_dir)
    assert store.learners.get(31).language == "ko"


@pytest.mark.parametrize("where", ["schema.json", "file"])
def test_data_from_a_newer_version_is_refused(tmp_path, where):
    data_dir = tmp_path / "data"
    store = Store.open(data_dir)
    newer = {**V1_LEARNER, "_meta": {"1": {"schema": SCHEMA_VERSION + 1}}}
    if where == "schema.json":
        write_json(data_dir / "schema.json", {"schema": SCHEMA_VERSION + 1})
        with pytest.raises(SchemaTooNew):
            Store.open(data_dir)
    else:
        write_json(learner_path(data_dir, 31), newer)
        with pytest.raises(SchemaTooNew):
            store.learners.get(31)
