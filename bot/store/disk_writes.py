"""Store writes during an update go to worker threads; the update's answer waits until they are on disk.

A crash-safe write (temporary file, fsync, `os.replace`, fsync of the directory) takes a millisecond
or two, nearly all of it waiting for the disk. Made on the event loop, that wait stops every other
learner's update too. So while the bot handles an update (`update_writes()`, entered by
`bot.update_order`), `write` hands the bytes to a worker thread and returns; the update's next Bot
API call first awaits `on_disk()` (`bot.transport` does this before every request). A learner is
therefore never told anything, not even a button's "✓", before the change behind it is on disk:
a kill -9 at any moment loses nothing acknowledged. Outside an update (start-up, jobs, scripts,
tests) `write` writes at once in the calling thread, as before.

Writes of one file keep their order: each has a sequence number, and a write finding a newer one
of the same file already on disk skips itself (every write holds the whole file, so the newer
one holds its changes too). Reading a file from disk again (`wait_for`) first waits for its writes.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_all
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from bot.store.atomic import write_atomically

_log = logging.getLogger(__name__)

#: Worker threads writing files. The disk, not the CPU, is what they wait for; a few let the
#: writes of several learners' updates overlap.
WORKERS = 4

#: The writes the current update has made and not yet waited for (None outside an update).
_update_writes: ContextVar[list[Future] | None] = ContextVar("update_writes", default=None)


class DiskWriteFailed(OSError):
    """A file of the store could not be written; what it held is as before on disk."""


class _FileWrites:
    """One file's writes: the lock that serialises them, the newest written, those in flight."""

    __slots__ = ("lock", "issued", "written", "in_flight")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.issued = 0
        self.written = 0
        self.in_flight: set[Future] = set()


class DiskWriter:
    """Writes files in order per file: at once, or in worker threads inside an update."""

    def __init__(self, workers: int = WORKERS) -> None:
        self._workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._files: dict[Path, _FileWrites] = {}
        self._lock = threading.Lock()

    def write(self, path: Path, payload: bytes, on_failure: Callable[[], None] = lambda: None) -> None:
        """Replace `path` with `payload` crash-safely; inside an update, in a worker thread (a
        failure then calls `on_failure` from that thread and is raised by `on_disk`)."""
        pending = _update_writes.get()
        with self._lock:
            file = self._files.setdefault(path, _FileWrites())
            file.issued += 1
            number = file.issued
            if pending is None:
                future = None
            else:
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="disk-write")
                future = self._pool.submit(self._write, path, file, number, payload)
                file.in_flight.add(future)
        if future is None:
            try:
                self._write(path, file, number, payload)
            finally:
                self._forget_if_idle(path, file)
            return
        pending.append(future)
        future.add_done_callback(lambda done: self._finished(path, file, done, on_failure))

    def _write(self, path: Path, file: _FileWrites, number: int, payload: bytes) -> None:
        with file.lock:
            if file.written >= number:
                return  # a newer version of the whole file is on disk already
            write_atomically(path, payload)
            file.written = number

    def _forget_if_idle(self, path: Path, file: _FileWrites, done: Future | None = None) -> None:
        """Drop a file's entry once nothing of it is in flight (memory follows active files only)."""
        with self._lock:
            file.in_flight.discard(done)
            if not file.in_flight and file.written == file.issued and self._files.get(path) is file:
                del self._files[path]

    def _finished(self, path: Path, file: _FileWrites, future: Future, on_failure: Callable[[], None]) -> None:
        self._forget_if_idle(path, file, future)
        error = future.exception()
        if error is not None:
            _log.error("Could not write %s: %s: %s", path.name, type(error).__name__, error)
            on_failure()

    def wait_for(self, path: Path) -> None:
        """Block until the writes of `path` in flight are done (before reading it from disk again)."""
        with self._lock:
            file = self._files.get(path)
            in_flight = list(file.in_flight) if file else []
        if in_flight:
            wait_all(in_flight)

    def finish(self) -> None:
        """Wait for every write in flight (at shutdown); the threads stop, and start again if needed."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


#: The one writer of this process: every Store's files go through it.
WRITER = DiskWriter()


@contextmanager
def update_writes() -> Iterator[None]:
    """Inside this block (one update being handled), writes go to worker threads."""
    token = _update_writes.set([])
    try:
        yield
    finally:
        _update_writes.reset(token)


async def on_disk() -> None:
    """Wait until every write the current update has made is on disk; DiskWriteFailed if one failed."""
    pending = _update_writes.get()
    if not pending:
        return
    futures = list(pending)
    pending.clear()
    unfinished = [asyncio.wrap_future(f) for f in futures if not f.done()]
    if unfinished:  # (waking the event loop from a worker thread costs more than the write, so only if needed)
        await asyncio.gather(*unfinished, return_exceptions=True)  # (their failures are read below)
    outcomes = [f.exception() for f in futures]
    for outcome in outcomes:  # every write settled first, then the first failure is raised
        if outcome is not None:
            raise DiskWriteFailed(f"a change could not be saved: {outcome}") from outcome
