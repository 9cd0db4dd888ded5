"""The emulator's value types as a test sees them: users, chats, the bot's messages, refusals."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True)
class User:
    """A Telegram user the test acts as. Their private chat with the bot has the same id."""

    id: int
    first_name: str
    language_code: str | None = "en"
    username: str | None = None
    last_name: str | None = None

    @property
    def chat_id(self) -> int:
        return self.id

    def to_api(self) -> dict[str, Any]:
        """The Bot API `User` object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass(frozen=True)
class Chat:
    """A chat the bot is in: "private" (id = the user's id), "group" or "supergroup"."""

    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    username: str | None = None

    @property
    def chat_id(self) -> int:
        return self.id

    def to_api(self) -> dict[str, Any]:
        """The Bot API `Chat` object."""
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        for key in ("title", "first_name", "username"):
            value = getattr(self, key)
            if value:
                data[key] = value
        return data


class Refusal(NamedTuple):
    """A request the emulator refused the way Telegram would (error_code 400/401/403/404/409)."""

    method: str
    description: str
    params: dict[str, Any]
    error_code: int = 400


class Call(NamedTuple):
    """A request the bot made: the method name as Telegram spells it, and its decoded parameters."""

    method: str
    params: dict[str, Any]


@dataclass
class SentMessage:
    """A snapshot of one message the bot sent, with edits applied.

    text is what the user sees (tags removed, entities decoded); html is the text as the bot sent it
    (with tags, if parse_mode was HTML). For media, text/html hold the caption.
    entities: the Bot API entities of the text (UTF-16 offsets); `bold` / `entity_texts()` read them.
    buttons: inline keyboard rows of (label, callback_data or url).
    reply_keyboard: rows of labels of a reply keyboard sent with this message, if any.
    poll: the Bot API Poll plus "options" as plain texts, "voter_counts", "votes" ({user id:
    option ids}) and "correct_option_id" (the first of "correct_option_ids").
    document / photo (the largest size) / voice: the Bot API object plus "data" (the bytes).
    history: earlier versions ({"content", "reply_markup", "source", "edit_date"}), oldest first.
    version: grows with every edit, deletion or vote; `Emulator.wait_for_edit` waits on it.
    raw: the whole Bot API Message as the bot would receive it now.
    """

    message_id: int
    chat_id: int
    date: int
    text: str = ""
    html: str = ""
    entities: list[dict[str, Any]] = field(default_factory=list)
    parse_mode: str | None = None
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)
    reply_keyboard: list[list[str]] | None = None
    remove_keyboard: bool = False
    poll: dict[str, Any] | None = None
    document: dict[str, Any] | None = None
    photo: dict[str, Any] | None = None
    voice: dict[str, Any] | None = None
    reply_to_message_id: int | None = None
    link_preview_options: dict[str, Any] | None = None
    edited: bool = False
    history: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    version: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def kind(self) -> str:
        """"poll", "document", "photo", "voice" or "text"."""
        for name in ("poll", "document", "photo", "voice"):
            if getattr(self, name):
                return name
        return "text"

    @property
    def button_labels(self) -> list[str]:
        """Every inline button's label, row by row."""
        return [label for row in self.buttons for label, _ in row]

    def button(self, label: str) -> str:
        """The callback_data (or url) of the inline button labelled `label`."""
        for row in self.buttons:
            for text, value in row:
                if text == label:
                    return value
        raise LookupError(f"no button {label!r} on message {self.message_id}; buttons: {self.button_labels}")

    def has_button(self, label: str) -> bool:
        return label in self.button_labels

    def entity_texts(self, entity_type: str) -> list[str]:
        """The visible texts covered by entities of one type, e.g. "bold" -> the bold words."""
        units = self.text.encode("utf-16-le")
        return [
            units[2 * e["offset"]: 2 * (e["offset"] + e["length"])].decode("utf-16-le")
            for e in self.entities
            if e["type"] == entity_type
        ]

    @property
    def bold(self) -> list[str]:
        """The bold stretches of the text (target words are shown in bold)."""
        return self.entity_texts("bold")

    def __str__(self) -> str:
        return f"#{self.message_id} [{self.kind}] {self.text or (self.poll or {}).get('question', '')!r}"
