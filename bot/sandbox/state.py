"""Everything the emulated Telegram knows: people, chats, messages, polls, files, the update queue.

One `World` is shared by the server's event loop thread and the test's thread, so every access
holds `world.cond` (a Condition over an RLock); every change ends with `world.changed()`, which
wakes both threads' waiters (sync ones via the Condition, async long polls via listeners).
"""
from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .objects import Call, Chat, Refusal, SentMessage, User
from .rules import ApiError, bad, buttons_of, reply_keyboard_of

#: Update types a bot gets when it never said which it wants (all but these three).
NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


@dataclass
class StoredMessage:
    message_id: int
    chat_id: int
    date: int
    sender: dict[str, Any]
    from_bot: bool
    content: dict[str, Any]  # Bot API fields: text/entities, caption/document..., poll_id...
    source: str = ""  # text or caption as the bot sent it (with tags)
    parse_mode: str | None = None
    reply_markup: dict | None = None
    reply_to: int | None = None
    link_preview_options: dict | None = None
    edit_date: int | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    version: int = 0


@dataclass
class StoredPoll:
    id: str
    chat_id: int
    message_id: int
    question: str
    question_entities: list[dict]
    options: list[dict]  # {"text", "text_entities"?}
    type: str
    is_anonymous: bool
    allows_multiple_answers: bool
    correct_option_ids: list[int]
    allows_revoting: bool
    explanation: str | None
    explanation_entities: list[dict]
    open_period: int | None = None
    close_date: int | None = None
    is_closed: bool = False
    votes: dict[int, list[int]] = field(default_factory=dict)  # user id -> option ids
    opened_at: float = field(default_factory=time.time)

    def closes_at(self) -> float | None:
        """When open_period or close_date ends the poll, if either was set."""
        if self.open_period:
            return self.opened_at + self.open_period
        return self.close_date or None

    def check_closed(self) -> bool:
        """Close the poll if its time is up (Telegram closes timed polls by itself)."""
        deadline = self.closes_at()
        if not self.is_closed and deadline is not None and time.time() >= deadline:
            self.is_closed = True
        return self.is_closed


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str  # document / photo / voice
    data: bytes
    file_name: str | None
    mime_type: str | None
    file_path: str


@dataclass
class StoredCallback:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created: float
    answer: dict[str, Any] | None = None


@dataclass
class ChatState:
    chat: Chat
    messages: list[StoredMessage] = field(default_factory=list)
    next_id: int = 1
    members: set[int] = field(default_factory=set)
    owner: int | None = None
    admins: set[int] = field(default_factory=set)
    actions: list[str] = field(default_factory=list)
    reply_keyboard: dict | None = None
    migrated_to: int | None = None  # a group upgraded to this supergroup: posting here is refused


class World:
    """The emulated Telegram for one bot."""

    def __init__(self, bot_id: int, username: str, first_name: str, *, group_privacy: bool = True,
                 callback_timeout: float = 15.0):
        self.cond = threading.Condition(threading.RLock())
        self.bot = {"id": bot_id, "is_bot": True, "first_name": first_name, "username": username}
        self.group_privacy = group_privacy
        self.callback_timeout = callback_timeout
        self.users: dict[int, User] = {}
        self.started: set[int] = set()  # users who opened their private chat with the bot
        self.blocked: set[int] = set()
        self.chats: dict[int, ChatState] = {}
        self.polls: dict[str, StoredPoll] = {}
        self.files: dict[str, StoredFile] = {}
        self.callbacks: dict[str, StoredCallback] = {}
        self.commands: dict[tuple[str, str], list[dict]] = {}
        self.settings: dict[str, Any] = {}  # descriptions, names, menu buttons
        self.updates: list[dict[str, Any]] = []
        self.allowed_updates: set[str] | None = None
        self.calls: list[Call] = []
        self.refusals: list[Refusal] = []
        self.faults_served: list[tuple[str, str]] = []
        self.first_poll_at: float | None = None
        self.polls_waiting = 0
        self._listeners: list[Callable[[], None]] = []
        self._update_ids = itertools.count(10001)
        self._serial = itertools.count(1)

    # -- notification -------------------------------------------------------------------------------
    def listen(self, callback: Callable[[], None]) -> None:
        """Call `callback` (from any thread) whenever the world changes."""
        self._listeners.append(callback)

    def changed(self) -> None:
        with self.cond:
            self.cond.notify_all()
        for callback in list(self._listeners):
            callback()

    def note_poll_waiting(self, change: int) -> None:
        """A long poll starts (+1) or stops (-1) waiting; wakes sync waiters only, never pollers."""
        with self.cond:
            self.polls_waiting += change
            self.cond.notify_all()

    def serial(self) -> int:
        return next(self._serial)

    # -- people and chats ---------------------------------------------------------------------------
    def add_user(self, user: User) -> User:
        with self.cond:
            self.users[user.id] = user
            if user.id not in self.chats:
                self.chats[user.id] = ChatState(Chat(user.id, "private", first_name=user.first_name,
                                                     username=user.username), members={user.id})
            return user

    def add_group(self, chat: Chat, members: set[int], owner: int | None, admins: set[int]) -> Chat:
        with self.cond:
            state = self.chats.setdefault(chat.id, ChatState(chat))
            state.chat = chat
            state.members |= members
            state.owner = owner if owner is not None else state.owner
            state.admins |= admins
            return chat

    def chat_state(self, chat_id: int) -> ChatState:
        state = self.chats.get(chat_id)
        if state is None:
            raise bad("chat not found")
        return state

    def writable_chat(self, chat_id: int) -> ChatState:
        """The chat the bot may post to now, or Telegram's refusal."""
        state = self.chat_state(chat_id)
        if state.migrated_to is not None:
            raise ApiError("Bad Request: group chat was upgraded to a supergroup chat", 400,
                           {"migrate_to_chat_id": state.migrated_to})
        if state.chat.type == "private":
            if chat_id in self.blocked:
                raise ApiError("Forbidden: bot was blocked by the user", 403)
            if chat_id not in self.started:
                raise ApiError("Forbidden: bot can't initiate conversation with a user", 403)
        return state

    # -- messages -----------------------------------------------------------------------------------
    def add_message(self, state: ChatState, sender: dict, from_bot: bool, content: dict,
                    **extra: Any) -> StoredMessage:
        message = StoredMessage(state.next_id, state.chat.id, int(time.time()), sender, from_bot,
                                content, **extra)
        state.next_id += 1
        state.messages.append(message)
        return message

    def find_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        state = self.chats.get(chat_id)
        if state is None:
            return None
        for message in reversed(state.messages):
            if message.message_id == message_id:
                return None if message.deleted else message
        return None

    def message_json(self, message: StoredMessage, *, with_reply: bool = True) -> dict[str, Any]:
        """The Bot API `Message` object as it is now."""
        state = self.chats[message.chat_id]
        data: dict[str, Any] = {"message_id": message.message_id, "from": message.sender,
                                "chat": state.chat.to_api(), "date": message.date}
        content = dict(message.content)
        poll_id = content.pop("poll_id", None)
        if poll_id is not None:
            content["poll"] = self.poll_json(self.polls[poll_id])
        data.update(content)
        if message.edit_date:
            data["edit_date"] = message.edit_date
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            data["reply_markup"] = message.reply_markup
        if message.link_preview_options:
            data["link_preview_options"] = message.link_preview_options
        if with_reply and message.reply_to is not None:
            replied = self.find_message(message.chat_id, message.reply_to)
            if replied is not None:
                data["reply_to_message"] = self.message_json(replied, with_reply=False)
        return data

    def snapshot(self, message: StoredMessage) -> SentMessage:
        """The test's view of a stored message."""
        content = message.content
        text = content.get("text", content.get("caption", ""))
        entities = content.get("entities", content.get("caption_entities", []))
        poll = None
        if "poll_id" in content:
            stored = self.polls[content["poll_id"]]
            poll = {**self.poll_json(stored), "votes": {k: list(v) for k, v in stored.votes.items()}}
            poll["options"] = [o["text"] for o in stored.options]
            poll["voter_counts"] = self._counts(stored)
            poll["correct_option_id"] = (stored.correct_option_ids or [None])[0]
        photo = content.get("photo")
        return SentMessage(
            message_id=message.message_id, chat_id=message.chat_id, date=message.date, text=text,
            html=message.source if message.parse_mode and message.parse_mode.lower() == "html" else text,
            entities=[dict(e) for e in entities], parse_mode=message.parse_mode,
            buttons=buttons_of(message.reply_markup),
            reply_keyboard=reply_keyboard_of(message.reply_markup),
            remove_keyboard=bool(message.reply_markup and message.reply_markup.get("remove_keyboard")),
            poll=poll, document=self._file_info(content.get("document")),
            photo=self._file_info(photo[-1]) if photo else None,
            voice=self._file_info(content.get("voice")), reply_to_message_id=message.reply_to,
            link_preview_options=message.link_preview_options, edited=message.edit_date is not None,
            history=[dict(h) for h in message.history], deleted=message.deleted,
            version=message.version, raw=self.message_json(message),
        )

    def _file_info(self, obj: dict | None) -> dict | None:
        if not obj:
            return None
        stored = self.files.get(obj["file_id"])
        return {**obj, "data": stored.data if stored else b""}

    # -- polls --------------------------------------------------------------------------------------
    def _counts(self, poll: StoredPoll) -> list[int]:
        counts = [0] * len(poll.options)
        for chosen in poll.votes.values():
            for option in chosen:
                counts[option] += 1
        return counts

    def poll_json(self, poll: StoredPoll) -> dict[str, Any]:
        poll.check_closed()
        counts = self._counts(poll)
        options = []
        for index, (option, count) in enumerate(zip(poll.options, counts)):
            item = {"persistent_id": str(index), "text": option["text"], "voter_count": count}
            if option.get("text_entities"):
                item["text_entities"] = option["text_entities"]
            options.append(item)
        data: dict[str, Any] = {
            "id": poll.id, "question": poll.question, "options": options,
            "total_voter_count": sum(1 for chosen in poll.votes.values() if chosen),
            "is_closed": poll.is_closed, "is_anonymous": poll.is_anonymous, "type": poll.type,
            "allows_multiple_answers": poll.allows_multiple_answers,
            "allows_revoting": poll.allows_revoting, "members_only": False,
        }
        if poll.question_entities:
            data["question_entities"] = poll.question_entities
        if poll.type == "quiz":
            data["correct_option_ids"] = list(poll.correct_option_ids)
            if poll.explanation:
                data["explanation"] = poll.explanation
                if poll.explanation_entities:
                    data["explanation_entities"] = poll.explanation_entities
        if poll.open_period:
            data["open_period"] = poll.open_period
        if poll.close_date:
            data["close_date"] = poll.close_date
        return data

    # -- updates ------------------------------------------------------------------------------------
    def wants(self, kind: str) -> bool:
        """Whether the bot's allowed_updates (or Telegram's default set) include `kind`."""
        wanted = self.allowed_updates
        return kind in wanted if wanted else kind not in NOT_BY_DEFAULT

    def push_update(self, kind: str, payload: dict[str, Any]) -> int | None:
        """Queue an update; types the bot did not ask for are never created (Telegram's rule)."""
        with self.cond:
            if not self.wants(kind):
                return None
            update_id = next(self._update_ids)
            self.updates.append({"update_id": update_id, kind: payload})
        self.changed()
        return update_id

    def take_updates(self, offset: int | None, limit: int) -> list[dict[str, Any]]:
        """Confirm updates below `offset` (or keep only the last -offset) and return up to `limit`.

        A change of allowed_updates does not touch updates created before it, as Telegram warns.
        """
        with self.cond:
            if offset is not None and offset < 0:
                self.updates = self.updates[offset:]
            elif offset:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            return [dict(u) for u in self.updates[:limit]]

    # -- records ------------------------------------------------------------------------------------
    def record_call(self, method: str, params: dict[str, Any]) -> None:
        with self.cond:
            self.calls.append(Call(method, params))

    def record_refusal(self, method: str, error: ApiError, params: dict[str, Any]) -> None:
        with self.cond:
            self.refusals.append(Refusal(method, error.description, params, error.error_code))
        self.changed()
