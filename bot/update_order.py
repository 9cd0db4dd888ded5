"""Updates handled at the same time across learners, one at a time and in order for each learner.

Without this, PTB handles one update after another: one learner's slow link (a page fetched for up
to `bot.fetch.FETCH_TIMEOUT_SECONDS`) holds every other learner up. With PTB's plain concurrency,
a learner's own updates could overtake each other: a poll answer handled before the /quiz that
sent the poll, a second "Next part" before the first. `LearnerOrder` gives each learner (the
update's user, else its chat) a queue of their own, and runs the queues side by side.

Plugged in with `ApplicationBuilder().concurrent_updates(LearnerOrder())` (bot/app.py).
"""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.store.disk_writes import DiskWriteFailed, on_disk, update_writes

#: Handlers running at once. Most of a handler's time is spent waiting on Telegram, the disk or a
#: worker thread, so many can overlap on one core; 64 keeps memory and open connections modest.
MAX_RUNNING = 64
#: Updates taken in at once: running, or waiting behind their learner's earlier update. Much more
#: than MAX_RUNNING, so that one learner who sends many slow links in a row fills only their own
#: queue and never the places other learners' updates need. PTB holds updates beyond this.
MAX_TAKEN_IN = 16 * MAX_RUNNING


def order_key(update: object) -> Hashable | None:
    """Whose queue an update joins: the user who acted (their button presses, poll answers and
    messages, in private or in a group), else the chat (a channel post); None for neither."""
    if not isinstance(update, Update):
        return None
    user = update.effective_user  # a poll answer has a user and no chat: it stays in its user's queue
    if user is not None:
        return user.id
    chat = update.effective_chat or (update.poll_answer.voter_chat if update.poll_answer else None)
    return chat.id if chat is not None else None  # groups' and channels' ids are negative: never a user's


def _close(coroutine: Awaitable[Any]) -> None:
    """Close a coroutine that will never run (no "never awaited" warning); harmless if it ran."""
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()


class _Queue:
    """One key's turn-taking: a lock, and how many updates hold or wait for it."""

    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # waiters are served first come, first served
        self.users = 0


class LearnerOrder(BaseUpdateProcessor):
    """Runs updates concurrently, each key's (user's, else chat's) one at a time in arrival order."""

    __slots__ = ("_max_running", "_running", "_queues")

    def __init__(self, max_running: int = MAX_RUNNING, max_taken_in: int = MAX_TAKEN_IN) -> None:
        if max_running < 1:
            raise ValueError("max_running must be a positive integer")
        super().__init__(max_concurrent_updates=max(max_running, max_taken_in))
        self._max_running = max_running
        self._running = asyncio.Semaphore(max_running)
        self._queues: dict[Hashable, _Queue] = {}

    @property
    def max_running(self) -> int:
        """How many handlers may run at once."""
        return self._max_running

    @property
    def waiting_keys(self) -> int:
        """Keys with an update running or waiting (a queue is dropped once it is empty)."""
        return len(self._queues)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the key's earlier updates, then for a free place, then run the handlers."""
        key = order_key(update)
        if key is None:
            await self._run(coroutine)
            return
        queue = self._queues.get(key)
        if queue is None:
            queue = self._queues[key] = _Queue()
        queue.users += 1
        try:
            async with queue.lock:  # taken in the order PTB starts the updates: the order they came
                await self._run(coroutine)
        except asyncio.CancelledError:  # shut down while waiting: the handlers never ran
            _close(coroutine)
            raise
        finally:
            queue.users -= 1
            if queue.users == 0:
                del self._queues[key]

    async def _run(self, coroutine: Awaitable[Any]) -> None:
        try:
            async with self._running:
                with update_writes():  # its store writes in worker threads, awaited before any answer
                    await coroutine
                    with contextlib.suppress(DiskWriteFailed):  # logged by the writer
                        await on_disk()  # and before its learner's next update, if it answered nothing
        except asyncio.CancelledError:
            _close(coroutine)
            raise

    async def initialize(self) -> None:
        """Nothing to set up: queues are made as updates come."""

    async def shutdown(self) -> None:
        """Nothing to free: PTB waits for the running updates before it shuts down."""
