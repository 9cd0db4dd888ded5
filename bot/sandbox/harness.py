"""The test-side handle on the Bot API emulator: start it, act as users, read what the bot sent.

The server runs in a background thread with its own event loop, so a plain (sync) test, the terminal
chat and async code (a real `telegram.Bot` on pytest's loop) can all use one `Emulator` at once.
Every method here is thread-safe and never blocks the emulator's loop.

    with Emulator(token="123456:TEST") as emu:
        alice = emu.user(1001, "Alice", language_code="ko")
        emu.send_text(alice, "/start")
        [welcome] = emu.wait_for_messages(alice)
        emu.press(alice, "Next part")
"""
from __future__ import annotations

import asyncio
import threading
import time
from typing import Any, Callable, Iterable, Union

from . import people
from .emulator import BotApiServer
from .account import scope_key
from .objects import Call, Chat, Refusal, SentMessage, User
from .rules import Params
from .state import World

ChatLike = Union[int, Chat, User, SentMessage]

__all__ = ["Emulator", "EmulatorTimeout", "Chat", "User", "SentMessage", "Refusal", "Call"]


class EmulatorTimeout(AssertionError, TimeoutError):
    """A wait ran out; the message says what did arrive and which calls were refused."""


def _chat_id(chat: ChatLike) -> int:
    if isinstance(chat, int):
        return chat
    if isinstance(chat, SentMessage):
        return chat.chat_id
    return chat.id


class Emulator:
    """A loopback Telegram Bot API server plus the user-side API a test needs."""

    def __init__(
        self,
        token: str = "123456:TEST",
        username: str = "ReadingCompanionBot",
        first_name: str = "Reading Companion",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        accept_any_token: bool = False,
        group_privacy: bool = True,
        callback_timeout: float = 15.0,
    ) -> None:
        """Configure; `start()` (or `with`) binds the port. `port=0` picks a free one.

        token: "digits:chars"; the digits are the bot's user id. Requests with another token get
        401 Unauthorized unless accept_any_token. group_privacy: like Telegram's default privacy
        mode, group messages reach the bot only if they are commands, replies to the bot or mention it.
        callback_timeout: seconds after which answerCallbackQuery says "query is too old".
        """
        bot_id, sep, secret = token.partition(":")
        if not (bot_id.isdigit() and sep and secret):
            raise ValueError("a bot token looks like '123456:ABC-def'")
        self.token = token
        self.username = username
        self.bot_id = int(bot_id)
        self.world = World(self.bot_id, username, first_name, group_privacy=group_privacy,
                           callback_timeout=callback_timeout)
        self.server = BotApiServer(self.world, token, host=host, port=port,
                                   accept_any_token=accept_any_token)
        self.host = host
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._cursors: dict[int, int] = {}

    # -- life cycle -------------------------------------------------------------------------------
    def start(self) -> "Emulator":
        """Start the server thread and wait until it listens."""
        if self._thread is not None:
            return self
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = self._loop = asyncio.new_event_loop()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self.server.start())
            except BaseException as error:  # reported to start()'s caller
                failure.append(error)
                ready.set()
                return
            ready.set()
            loop.run_forever()

        self._thread = threading.Thread(target=serve, name=f"telegram-emulator-{self.username}",
                                        daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            self._thread = None
            raise failure[0]
        self.port = self.server.port
        return self

    def stop(self) -> None:
        """Stop the server and its thread (idempotent)."""
        if self._thread is None or self._loop is None:
            return
        loop, thread = self._loop, self._thread
        self._thread = None
        try:
            asyncio.run_coroutine_threadsafe(self.server.stop(), loop).result(10)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)
            loop.close()

    def __enter__(self) -> "Emulator":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<Emulator @{self.username} on {self.base_url}>"

    # -- addresses --------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """"http://127.0.0.1:PORT/bot": python-telegram-bot appends the token."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """"http://127.0.0.1:PORT/file/bot": python-telegram-bot appends the token."""
        return f"http://{self.host}:{self.port}/file/bot"

    # -- people and chats -------------------------------------------------------------------------
    def user(self, user_id: int, first_name: str, *, language_code: str | None = "en",
             username: str | None = None, last_name: str | None = None) -> User:
        """Register (or update) a Telegram user; returns its handle. Its private chat id is its id."""
        return self.world.add_user(User(user_id, first_name, language_code, username, last_name))

    def group(self, chat_id: int, title: str, *, supergroup: bool = False,
              members: Iterable[User] = (), owner: User | None = None,
              admins: Iterable[User] = ()) -> Chat:
        """Register a group chat the bot is a member of (negative id, e.g. -2001 or -100...)."""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        people_in = [*members, *admins, *([owner] if owner else [])]
        for person in people_in:
            self.world.users.setdefault(person.id, person)
        chat = Chat(chat_id, "supergroup" if supergroup else "group", title=title)
        return self.world.add_group(chat, {p.id for p in people_in}, owner.id if owner else None,
                                    {a.id for a in admins})

    def add_bot_to_group(self, group: Chat, by: User) -> dict:
        """`by` adds the bot to `group`: a my_chat_member update and a new_chat_members message."""
        with self.world.cond:
            state = self.world.chats.get(group.id) or self.world.chats[self.world.add_group(
                group, set(), None, set()).id]
        self.world.users.setdefault(by.id, by)
        return people.bot_joins(self.world, state, by)

    def block(self, user: User, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot: sends to them get 403 "bot was blocked by the user"."""
        with self.world.cond:
            (self.world.blocked.add if blocked else self.world.blocked.discard)(user.id)

    # -- acting as a user -------------------------------------------------------------------------
    def send_text(self, user: User, text: str, chat: ChatLike | None = None, *,
                  reply_to: SentMessage | int | None = None) -> dict:
        """`user` sends `text` (bot_command, url and mention entities are added as Telegram does).

        chat None = the user's private chat. Returns the user's Message as a dict (Bot API shape).
        """
        reply_id = reply_to.message_id if isinstance(reply_to, SentMessage) else reply_to
        chat_id = user.id if chat is None else _chat_id(chat)
        return people.user_message(self.world, user, chat_id, people.text_content(text), reply_id)

    def open_link(self, user: User, url: str) -> dict:
        """Open a deep link https://t.me/<bot>?start=<payload>: sends "/start <payload>" in private."""
        payload = people.deep_link_payload(self.world, url)
        return self.send_text(user, f"/start {payload}".strip())

    def send_document(self, user: User, file_name: str, data: bytes, *,
                      mime_type: str | None = None, caption: str | None = None,
                      chat: ChatLike | None = None) -> dict:
        """`user` uploads a file; the bot can getFile/download it. Returns the user's Message dict."""
        import mimetypes
        mime = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        content = people.media_content(self.world, "document", data, file_name, mime, caption)
        return people.user_message(self.world, user, user.id if chat is None else _chat_id(chat), content)

    def send_photo(self, user: User, data: bytes, *, caption: str | None = None,
                   chat: ChatLike | None = None) -> dict:
        """`user` sends a photo (PNG/GIF/JPEG bytes; size read from the header)."""
        content = people.media_content(self.world, "photo", data, None, "image/jpeg", caption)
        return people.user_message(self.world, user, user.id if chat is None else _chat_id(chat), content)

    def send_voice(self, user: User, data: bytes, *, duration: int | None = None,
                   chat: ChatLike | None = None) -> dict:
        """`user` sends a voice note (OGG/Opus; duration read from the last page if not given)."""
        content = people.media_content(self.world, "voice", data, None, "audio/ogg", None, duration)
        return people.user_message(self.world, user, user.id if chat is None else _chat_id(chat), content)

    def press(self, user: User, text: str, chat: ChatLike | None = None,
              message: SentMessage | int | None = None) -> str | None:
        """Press the button labelled `text` on the newest bot message in `chat` that shows it.

        Inline callback button: sends a callback_query update and returns its id.
        Inline URL button with a deep link to this bot: opens it (/start payload); returns None.
        Reply-keyboard button: sends its text as a message; returns None.
        Raises LookupError (listing what is on screen) if no such button is shown.
        """
        chat_id = user.id if chat is None else _chat_id(chat)
        message_id = message.message_id if isinstance(message, SentMessage) else message
        with self.world.cond:
            state = self.world.chats.get(chat_id)
            if state is None:
                raise LookupError(f"no chat {chat_id}")
            found = people.find_button(self.world, state, text, message_id)
            keyboard = people.rules.reply_keyboard_of(state.reply_keyboard) or []
            on_screen = people.on_screen(state)
        if found is not None:
            shown, button = found
            if "callback_data" in button:
                return people.push_callback(self.world, user, chat_id, shown.message_id,
                                            button["callback_data"])
            if "url" in button:
                self.open_link(user, button["url"])
                return None
            raise ValueError(f"button {text!r} is neither a callback nor a URL button")
        if message_id is None and any(text in row for row in keyboard):
            if state.reply_keyboard.get("one_time_keyboard"):
                state.reply_keyboard = None
            self.send_text(user, text, chat_id)
            return None
        raise LookupError(f"no button {text!r} on screen in chat {chat_id}; shown: {on_screen}")

    def press_data(self, user: User, message_id: int, data: str,
                   chat: ChatLike | None = None) -> str:
        """Send a callback_query with arbitrary (forged or stale) data for `message_id`; returns its id."""
        chat_id = user.id if chat is None else _chat_id(chat)
        if chat_id not in self.world.chats:
            raise LookupError(f"no chat {chat_id}")
        return people.push_callback(self.world, user, chat_id, message_id, data)

    def callback_answer(self, callback_id: str, timeout: float = 5.0) -> dict:
        """What answerCallbackQuery said for `callback_id` (text, show_alert, url, cache_time); waits."""
        def answered() -> dict | None:
            query = self.world.callbacks.get(callback_id)
            if query is None:
                raise LookupError(f"no callback query {callback_id}")
            return query.answer
        return self.wait_until(answered, timeout, f"an answer to callback query {callback_id}")

    def unanswered_callbacks(self) -> list[str]:
        """Ids of callback queries the bot has not answered (the user's button still spins)."""
        with self.world.cond:
            return [q.id for q in self.world.callbacks.values() if q.answer is None]

    def answer_poll(self, user: User, poll: SentMessage | str, option_ids: list[int]) -> None:
        """`user` votes: a `poll_answer` update (if not anonymous), then a `poll` update.

        `poll` is the SentMessage carrying it or the poll id. [] retracts a vote (regular polls only).
        """
        if isinstance(poll, SentMessage):
            if not poll.poll:
                raise ValueError(f"message {poll.message_id} is not a poll")
            poll = poll.poll["id"]
        people.vote(self.world, user, poll, option_ids)

    # -- reading what the bot did -----------------------------------------------------------------
    def _bot_messages(self, chat_id: int) -> list:
        state = self.world.chats.get(chat_id)
        return [m for m in state.messages if m.from_bot] if state else []

    def messages(self, chat: ChatLike, *, include_deleted: bool = False) -> list[SentMessage]:
        """All bot messages in `chat`, oldest first, edits applied (snapshots)."""
        with self.world.cond:
            return [self.world.snapshot(m) for m in self._bot_messages(_chat_id(chat))
                    if include_deleted or not m.deleted]

    def message(self, chat: ChatLike, message_id: int) -> SentMessage:
        """The current state of one bot message (deleted ones too)."""
        with self.world.cond:
            for stored in self._bot_messages(_chat_id(chat)):
                if stored.message_id == message_id:
                    return self.world.snapshot(stored)
        raise LookupError(f"the bot sent no message {message_id} in chat {_chat_id(chat)}")

    def last_message(self, chat: ChatLike) -> SentMessage:
        """The newest bot message in `chat` (raises LookupError if none)."""
        shown = self.messages(chat)
        if not shown:
            raise LookupError(f"the bot sent nothing to chat {_chat_id(chat)}")
        return shown[-1]

    def mark(self, chat: ChatLike) -> int:
        """A position in `chat`'s bot messages, for `wait_for_messages(since=...)`."""
        with self.world.cond:
            return len(self._bot_messages(_chat_id(chat)))

    def wait_for_messages(self, chat: ChatLike, count: int = 1, timeout: float = 10.0,
                          since: int | None = None) -> list[SentMessage]:
        """Wait for `count` new bot messages in `chat` and return exactly those.

        "New" means after the previous wait_for_messages on this chat (or after `since`, a `mark()`);
        the chat's cursor then moves past them. Raises EmulatorTimeout saying what did arrive.
        """
        chat_id = _chat_id(chat)
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
            state = self.world.chats.get(_chat_id(chat))
            return list(state.actions) if state else []

    def commands(self, language_code: str | None = None, scope: dict | None = None) -> list[dict]:
        """The command list set by setMyCommands for exactly that scope and language."""
        with self.world.cond:
            key = scope_key(self.world, Params({"scope": scope} if scope else {}))
            return [dict(c) for c in self.world.commands.get((key, language_code or ""), [])]

    def command_menu(self, user: User, chat: ChatLike | None = None) -> list[dict]:
        """The menu `user` would see in `chat`, with Telegram's scope and language fallbacks."""
        chat_id = user.id if chat is None else _chat_id(chat)
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

    def inject_fault(self, method: str, kind: str, times: int = 1, retry_after: float = 1) -> None:
        """Make the next `times` calls of `method` ("*" = any) fail.

        kind: "429" (Too Many Requests with retry_after), "5xx" (502 Bad Gateway, JSON body),
        "502-html" (nginx's HTML 502 page), "drop" (connection closed without a response; the
        method is not executed). Telegram's retry_after is whole seconds; a fraction keeps tests fast.
        """
        with self.world.cond:
            self.server.inject_fault(method, kind, times, retry_after)

    def clear_faults(self) -> None:
        """Forget faults not yet served."""
        with self.world.cond:
            self.server.faults.clear()

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
