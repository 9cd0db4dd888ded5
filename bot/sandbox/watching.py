"""What a test reads in the emulator: the bot's messages per chat, waits, and the records
(calls, refusals, faults, command menus, files). Mixed into `Emulator` (harness.py)."""
from __future__ import annotations

import asyncio
import time
from typing import Any, Callable, Union

from .account import scope_key
from .objects import Call, Chat, Refusal, SentMessage, User
from .rules import Params
from .state import World

ChatLike = Union[int, Chat, User, SentMessage]


class EmulatorTimeout(AssertionError, TimeoutError):
    """A wait ran out; the message says what did arrive and which calls were refused."""


def chat_id_of(chat: ChatLike) -> int:
    if isinstance(chat, int):
        return chat
    if isinstance(chat, SentMessage):
        return chat.chat_id
    return chat.id


class Watching:
    """The reading half of the test API; needs `self.world` and `self._cursors`."""

    world: World
    _cursors: dict[int, int]

    def _bot_messages(self, chat_id: int) -> list:
        state = self.world.chats.get(chat_id)
        return [m for m in state.messages if m.from_bot] if state else []

    def messages(self, chat: ChatLike, *, include_deleted: bool = False) -> list[SentMessage]:
        """All bot messages in `chat`, oldest first, edits applied (snapshots)."""
        with self.world.cond:
            return [self.world.snapshot(m) for m in self._bot_messages(chat_id_of(chat))
                    if include_deleted or not m.deleted]

    def message(self, chat: ChatLike, message_id: int) -> SentMessage:
        """The current state of one bot message (deleted ones too)."""
        with self.world.cond:
            for stored in self._bot_messages(chat_id_of(chat)):
                if stored.message_id == message_id:
                    return self.world.snapshot(stored)
        raise LookupError(f"the bot sent no message {message_id} in chat {chat_id_of(chat)}")

    def last_message(self, chat: ChatLike) -> SentMessage:
        """The newest bot message in `chat` (raises LookupError if none)."""
        shown = self.messages(chat)
        if not shown:
            raise LookupError(f"the bot sent nothing to chat {chat_id_of(chat)}")
        return shown[-1]

    def mark(self, chat: ChatLike) -> int:
        """A position in `chat`'s bot messages, for `wait_for_messages(since=...)`."""
        with self.world.cond:
            return len(self._bot_messages(chat_id_of(chat)))

    def wait_for_messages(self, chat: ChatLike, count: int = 1, timeout: float = 10.0,
                          since: int | None = None) -> list[SentMessage]:
        """Wait for `count` new bot messages in `chat` and return exactly those.

        "New" means after the previous wait_for_messages on this chat (or after `since`, a `mark()`);
        the chat's cursor then moves past them. Raises EmulatorTimeout saying what did arrive.
        """
        chat_id = chat_id_of(chat)
        with self.world.cond:
            start = self._cursors.get(chat_id, 0) if since is None else since
            arrived = self.world.cond.wait_for(
                lambda: len(self._bot_messages(chat_id)) - start >= count, timeout)
            sent = self._bot_messages(chat_id)
            if not arrived:
                raise EmulatorTimeout(
                    f"waited {timeout}s for {count} new bot message(s) in chat {chat_id} after "
                    f"#{start}; got {len(sent) - start}: "
                    f"{', '.join(str(self.world.snapshot(m)) for m in sent[start:]) or 'nothing'}"
                    f"{self._diagnosis()}")
            self._cursors[chat_id] = start + count
            return [self.world.snapshot(m) for m in sent[start:start + count]]

    async def wait_for_messages_async(self, chat: ChatLike, count: int = 1, timeout: float = 10.0,
                                      since: int | None = None) -> list[SentMessage]:
        """`wait_for_messages` for async tests (waits in a worker thread)."""
        return await asyncio.to_thread(self.wait_for_messages, chat, count, timeout, since)

    def wait_for_edit(self, message: SentMessage, timeout: float = 10.0) -> SentMessage:
        """Wait until `message` changes again (edit, delete, vote) after the snapshot given."""
        def changed() -> SentMessage | None:
            current = self.message(message.chat_id, message.message_id)
            return current if current.version > message.version else None
        return self.wait_until(changed, timeout, f"a change to message #{message.message_id}")

    def wait_until(self, predicate: Callable[[], Any], timeout: float = 10.0,
                   what: str = "condition") -> Any:
        """Wait until `predicate()` returns something truthy (re-checked on every emulator change)."""
        deadline = time.monotonic() + timeout
        with self.world.cond:
            while True:
                result = predicate()
                remaining = deadline - time.monotonic()
                if result or remaining <= 0:
                    break
                self.world.cond.wait(remaining)
        if not result:
            raise EmulatorTimeout(f"waited {timeout}s for {what}{self._diagnosis()}")
        return result

    def _diagnosis(self) -> str:
        """What a failing test wants to know: recent refusals, and whether the bot is listening."""
        refusals = [f"{r.method}: {r.description}" for r in self.refusals[-5:]]
        listening = "yes" if self.world.polls_waiting > 0 else "no"
        return (f"; refusals: {' | '.join(refusals)}" if refusals else "") + f"; bot polling now: {listening}"

    def chat_actions(self, chat: ChatLike) -> list[str]:
        """The sendChatAction actions the bot sent to `chat`, in order."""
        with self.world.cond:
            state = self.world.chats.get(chat_id_of(chat))
            return list(state.actions) if state else []

    def commands(self, language_code: str | None = None, scope: dict | None = None) -> list[dict]:
        """The command list set by setMyCommands for exactly that scope and language."""
        with self.world.cond:
            key = scope_key(self.world, Params({"scope": scope} if scope else {}))
            return [dict(c) for c in self.world.commands.get((key, language_code or ""), [])]

    def command_menu(self, user: User, chat: ChatLike | None = None) -> list[dict]:
        """The menu `user` would see in `chat`, with Telegram's scope and language fallbacks."""
        chat_id = user.id if chat is None else chat_id_of(chat)
        with self.world.cond:
            state = self.world.chats[chat_id]
            if state.chat.type == "private":
                scopes = [f"chat:{chat_id}", "all_private_chats", "default"]
            else:
                admin = user.id in state.admins or user.id == state.owner
                scopes = [f"chat_member:{chat_id}:{user.id}",
                          *([f"chat_administrators:{chat_id}"] if admin else []), f"chat:{chat_id}",
                          *(["all_chat_administrators"] if admin else []), "all_group_chats", "default"]
            for scope in scopes:
                for language in (user.language_code or "", ""):
                    if (scope, language) in self.world.commands:
                        return [dict(c) for c in self.world.commands[(scope, language)]]
        return []

    def calls(self, method: str | None = None) -> list[Call]:
        """Requests the bot made that reached the API (not those eaten by an injected fault).

        Parameters are as received: python-telegram-bot sends every value as a string.
        """
        with self.world.cond:
            return [c for c in self.world.calls
                    if method is None or c.method.lower() == method.lower()]

    @property
    def refusals(self) -> list[Refusal]:
        """Every request refused with an error (not injected faults), oldest first."""
        with self.world.cond:
            return list(self.world.refusals)

    @property
    def faults_served(self) -> list[tuple[str, str]]:
        """(method, kind) for every injected fault actually served."""
        with self.world.cond:
            return list(self.world.faults_served)

    @property
    def first_poll_at(self) -> float | None:
        """time.monotonic() of the bot's first getUpdates, or None."""
        return self.world.first_poll_at

    def wait_for_first_poll(self, timeout: float = 10.0) -> float:
        """Wait until the bot calls getUpdates for the first time; returns first_poll_at."""
        return self.wait_until(lambda: self.world.first_poll_at, timeout, "the bot's first getUpdates")

    def wait_for_poll(self, timeout: float = 10.0) -> None:
        """Wait until a getUpdates long poll is waiting now (the bot is idle and listening)."""
        self.wait_until(lambda: self.world.polls_waiting > 0, timeout, "a waiting getUpdates")

    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by the bot."""
        with self.world.cond:
            return len(self.world.updates)

    def download(self, file_id: str) -> bytes:
        """The bytes of a file the bot sent (or a user uploaded)."""
        with self.world.cond:
            stored = self.world.files.get(file_id)
        if stored is None:
            raise LookupError(f"no file {file_id}")
        return stored.data
