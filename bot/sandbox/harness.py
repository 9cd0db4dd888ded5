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
import mimetypes
import threading
from typing import Iterable

from . import people, rules
from .emulator import BotApiServer
from .objects import Call, Chat, Refusal, SentMessage, User
from .state import World
from .watching import ChatLike, EmulatorTimeout, Watching, chat_id_of as _chat_id

__all__ = ["Emulator", "EmulatorTimeout", "Chat", "User", "SentMessage", "Refusal", "Call"]


class Emulator(Watching):
    """A loopback Telegram Bot API server plus the user-side API a test needs.

    Acting (users, chats, buttons, polls, faults, life cycle) is here; reading (messages, waits,
    calls, refusals, command menus, downloads) comes from `Watching` in watching.py.
    """

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
        chat = Chat(chat_id, "supergroup" if supergroup else "group", title=title)
        with self.world.cond:
            for person in people_in:
                self.world.users.setdefault(person.id, person)
            return self.world.add_group(chat, {p.id for p in people_in},
                                        owner.id if owner else None, {a.id for a in admins})

    def add_bot_to_group(self, group: Chat, by: User) -> dict:
        """`by` adds the bot to `group`: a my_chat_member update and a new_chat_members message."""
        with self.world.cond:
            if group.id not in self.world.chats:
                self.world.add_group(group, set(), None, set())
            self.world.users.setdefault(by.id, by)
            return people.bot_joins(self.world, self.world.chats[group.id], by)

    def upgrade_to_supergroup(self, group: Chat, by: User) -> Chat:
        """`by` upgrades a basic group to a supergroup: returns the new chat (a new id)."""
        return people.upgrade_group(self.world, self.world.chats[group.id], by)

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
        Inline URL button: a deep link to this bot is opened (/start payload); any other URL
        just opens in the user's browser. Returns None.
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
            keyboard = rules.reply_keyboard_of(state.reply_keyboard) or []
            on_reply_keyboard = message_id is None and any(text in row for row in keyboard)
            if found is None and on_reply_keyboard and state.reply_keyboard.get("one_time_keyboard"):
                state.reply_keyboard = None  # a one-time keyboard hides once used
            on_screen = people.on_screen(state)
        if found is not None:
            shown, button = found
            if "callback_data" in button:
                return people.push_callback(self.world, user, chat_id, shown.message_id,
                                            button["callback_data"])
            if "url" in button:
                if people.is_link_to(self.world, button["url"]):
                    self.open_link(user, button["url"])
                return None  # another site opens in the browser; the bot hears nothing
            raise ValueError(f"button {text!r} is neither a callback nor a URL button")
        if on_reply_keyboard:
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

