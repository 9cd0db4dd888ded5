"""Schema versions of the stored files, and the migrations that upgrade old files.

Every file keeps its version in a `_meta` table ({"1": {"schema": N}}; a file without one is
version 1), and DATA_DIR/schema.json says which version every file has reached. At start-up
`migrate()` compares schema.json with `SCHEMA_VERSION`: equal, it returns at once without
opening a file; older, it upgrades each file one version at a time through `MIGRATIONS` and
writes schema.json last. A crash half-way is harmless: each file's own version says where it
stands, so the next start-up carries on. A file newer than this code is refused.

To change the layout: bump `SCHEMA_VERSION` and register `@migration(old)` turning a file of
version `old` into `old + 1`, with a test that starts from an `old` file.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from bot.store.atomic import encode, read_json, write_atomically

SCHEMA_VERSION = 2

FileKind = Literal["learner", "lesson", "index"]
Data = dict[str, dict[str, Any]]
Migration = Callable[[FileKind, Data], Data]

#: version N -> the function that turns a version-N file into version N + 1
MIGRATIONS: dict[int, Migration] = {}

META = "_meta"
SCHEMA_FILE = "schema.json"
INDEX_FILE = "index.json"
LEARNERS_DIR = "learners"
LESSONS_DIR = "lessons"


class SchemaTooNew(RuntimeError):
    """The data was written by a newer version of the bot; this one must not touch it."""


def migration(from_version: int) -> Callable[[Migration], Migration]:
    def register(upgrade: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"a migration from version {from_version} is registered already")
        MIGRATIONS[from_version] = upgrade
        return upgrade

    return register


def meta_table(version: int = SCHEMA_VERSION) -> Data:
    """What a new file starts with."""
    return {META: {"1": {"schema": version}}}


def file_version(data: Data) -> int:
    return int(data.get(META, {}).get("1", {}).get("schema", 1))


def upgrade(kind: FileKind, data: Data) -> Data:
    """`data` brought to `SCHEMA_VERSION` step by step (unchanged when it is there already)."""
    version = file_version(data)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(f"a {kind} file has schema {version}; this code knows up to {SCHEMA_VERSION}")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](kind, data)
        version += 1
        data[META] = {"1": {"schema": version}}
    return data


@migration(1)
def rename_lang_and_seen(kind: FileKind, data: Data) -> Data:
    """v1 -> v2: the learner's "lang" became "language", a word's "seen" became "first_seen"."""
    if kind != "learner":
        return data
    for doc in data.get("learner", {}).values():
        if "lang" in doc:
            doc["language"] = doc.pop("lang")
    for doc in data.get("words", {}).values():
        if "seen" in doc:
            doc["first_seen"] = doc.pop("seen")
    return data


@dataclass(frozen=True)
class MigrationReport:
    from_version: int
    to_version: int
    files_upgraded: int


def stored_files(data_dir: Path) -> list[tuple[FileKind, Path]]:
    """Every database file under `data_dir`, with its kind."""
    found: list[tuple[FileKind, Path]] = []
    if (data_dir / INDEX_FILE).exists():
        found.append(("index", data_dir / INDEX_FILE))
    found += [("learner", p) for p in sorted((data_dir / LEARNERS_DIR).glob("*/*.json"))]
    found += [("lesson", p) for p in sorted((data_dir / LESSONS_DIR).glob("*/*.json"))]
    return found


def data_dir_version(data_dir: Path) -> int | None:
    """What schema.json says; None when there is none."""
    marker = read_json(data_dir / SCHEMA_FILE)
    return None if marker is None else int(marker["schema"])


def migrate(data_dir: str | Path) -> MigrationReport:
    """Bring every file under `data_dir` to `SCHEMA_VERSION` (only when schema.json is older)."""
    data_dir = Path(data_dir)
    marked = data_dir_version(data_dir)
    if marked == SCHEMA_VERSION:
        return MigrationReport(marked, marked, 0)
    if marked is not None and marked > SCHEMA_VERSION:
        raise SchemaTooNew(f"{data_dir} has schema {marked}; this code knows up to {SCHEMA_VERSION}")
    files = stored_files(data_dir)
    # No schema.json: a new data dir, or one from before the schema was versioned (version 1).
    start = marked if marked is not None else (1 if files else SCHEMA_VERSION)
    upgraded = 0
    for kind, path in files:
        data = read_json(path)
        if data is None or file_version(data) == SCHEMA_VERSION:
            continue
        write_atomically(path, encode(upgrade(kind, data)))
        upgraded += 1
    write_atomically(data_dir / SCHEMA_FILE, encode({"schema": SCHEMA_VERSION}))
    return MigrationReport(start, SCHEMA_VERSION, upgraded)
