"""Database files: TinyDB over the atomic storage, keyed tables, and the pool of open learner files.

Each learner has a small file of their own, so recording an answer rewrites a few kilobytes
whatever the number of learners. Only recently used learner files stay open (an LRU): memory
follows the learners who are active, not those stored.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any
from weakref import WeakValueDictionary

from tinydb import TinyDB
from tinydb.table import Document, Table

from bot.store.atomic import AtomicJSONStorage
from bot.store.schema import FileKind, meta_table, upgrade

#: Learner files live in 100 sub-directories by the last two digits of the user id, so no
#: directory grows past a few thousand entries: learners/89/123456789.json.
SHARDS = 100


class KeyedTable(Table):
    """A TinyDB table whose documents are found by a string key (a lemma, a lesson id, a day)."""

    document_id_class = str

    def find(self, key: str) -> dict[str, Any] | None:
        return self.get(doc_id=key)

    def put(self, key: str, record: dict[str, Any]) -> None:
        """Add or replace the document under `key` (records always carry every field)."""
        self.upsert(Document(record, doc_id=key))

    def drop(self, key: str) -> None:
        self.remove(doc_ids=[key])

    def records(self) -> list[dict[str, Any]]:
        return self.all()

    def keys(self) -> list[str]:
        return list(self._read_table())


class KeyedDB(TinyDB):
    table_class = KeyedTable


class DataFile:
    """One TinyDB file and the lock that serialises its users (threads of the bot)."""

    def __init__(self, path: Path, kind: FileKind):
        self.path = path
        self.lock = threading.RLock()
        self._used: set[str] = set()
        self.db = KeyedDB(path, storage=AtomicJSONStorage, initial=meta_table(), on_load=partial(upgrade, kind))

    def table(self, name: str) -> KeyedTable:
        self._used.add(name)
        return self.db.table(name)  # type: ignore[return-value]

    @contextmanager
    def changes(self) -> Iterator[None]:
        """Changes inside are written once at the end (fsynced before it returns), or not at all."""
        with self.lock:
            try:
                with self.db.storage.batch():
                    yield
            except BaseException:
                for name in self._used:  # query results cached inside the failed block are void
                    self.db.table(name).clear_cache()
                raise

    def close(self) -> None:
        """Free the memory this file holds; it reopens by itself when used again."""
        with self.lock:
            self.db.close()
            for name in self._used:
                self.db.table(name).clear_cache()


class LearnerFiles:
    """The open learner files: at most `capacity` kept, the least recently used closed first.

    A file evicted while a handler still holds it stays the one instance for its learner until
    released (a weak map finds it), so two copies of one learner are never open at once.
    """

    def __init__(self, directory: Path, capacity: int = 256):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.directory = directory
        self.capacity = capacity
        self._recent: OrderedDict[int, DataFile] = OrderedDict()
        self._alive: WeakValueDictionary[int, DataFile] = WeakValueDictionary()
        self._lock = threading.Lock()

    def path_for(self, user_id: int) -> Path:
        return self.directory / f"{user_id % SHARDS:02d}" / f"{user_id}.json"

    def get(self, user_id: int) -> DataFile:
        user_id = int(user_id)
        with self._lock:
            file = self._recent.get(user_id)
            if file is not None:
                self._recent.move_to_end(user_id)
                return file
            file = self._alive.get(user_id)
            if file is None:
                file = DataFile(self.path_for(user_id), "learner")
                self._alive[user_id] = file
            self._recent[user_id] = file
            while len(self._recent) > self.capacity:
                _, evicted = self._recent.popitem(last=False)
                if evicted.lock.acquire(blocking=False):  # in use by another thread: it closes when freed
                    try:
                        evicted.close()
                    finally:
                        evicted.lock.release()
            return file

    def __len__(self) -> int:
        """How many learner files are open (held by the LRU)."""
        return len(self._recent)

    def ids(self) -> Iterator[int]:
        """Ids of every learner with a file, from the directory listing alone."""
        if not self.directory.is_dir():
            return
        for shard in sorted(os.scandir(self.directory), key=lambda e: e.name):
            if not shard.is_dir():
                continue
            for entry in os.scandir(shard.path):
                stem, dot, ext = entry.name.partition(".")
                if ext == "json" and stem.lstrip("-").isdigit():
                    yield int(stem)

    def close_all(self) -> None:
        with self._lock:
            for file in self._recent.values():
                file.close()
            self._recent.clear()
