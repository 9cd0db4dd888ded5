"""Telegram's limits and refusals: what the Bot API rejects, in its own words.

Every limit here is from the Bot API documentation (core.telegram.org/bots/api); the descriptions
are the ones Telegram's servers answer with.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .markup import EntityParseError, parse_html, trim, utf16_len

#: sendMessage/editMessageText: 1-4096 characters after entities parsing.
MAX_TEXT = 4096
#: Media captions: 0-1024 characters after entities parsing.
MAX_CAPTION = 1024
#: Inline button callback_data: 1-64 bytes (bytes of UTF-8, so Korean costs 3 per syllable).
MAX_CALLBACK_DATA = 64
#: answerCallbackQuery text: 0-200 characters.
MAX_CALLBACK_ANSWER = 200
#: Poll question 1-300 characters; each option 1-100; 1-12 options (Bot API 9.1 raised the
#: maximum from 10 to 12; Bot API 10.0, which python-telegram-bot 22.8 speaks, lowered the minimum
#: from 2 to 1). A poll may stay open 5 s to 2628000 s (a month).
MAX_POLL_QUESTION = 300
MAX_POLL_OPTION = 100
MIN_POLL_OPTIONS, MAX_POLL_OPTIONS = 1, 12
MIN_OPEN_PERIOD, MAX_OPEN_PERIOD = 5, 2628000
#: Quiz explanation: 0-200 characters with at most 2 line feeds after entities parsing.
MAX_EXPLANATION = 200
MAX_EXPLANATION_LINE_FEEDS = 2
#: Bot commands: 1-32 characters of a-z, 0-9 and _, a description of 1-256, at most 100 of them.
COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
MAX_COMMAND_DESCRIPTION = 256
MAX_COMMANDS = 100
#: Uploads through multipart/form-data: 50 MB (photos 10 MB); getFile downloads: 20 MB.
MAX_UPLOAD = 50 * 1024 * 1024
MAX_PHOTO = 10 * 1024 * 1024
MAX_DOWNLOAD = 20 * 1024 * 1024
#: A photo's width + height must not exceed 10000 and its sides' ratio 20.
MAX_PHOTO_SIDES, MAX_PHOTO_RATIO = 10000, 20
CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note".split()
)

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


class ApiError(Exception):
    """A refusal in Telegram's format: {"ok": false, "error_code": ..., "description": ...}."""

    def __init__(self, description: str, error_code: int = 400, parameters: dict | None = None):
        super().__init__(description)
        self.description = description
        self.error_code = error_code
        self.parameters = parameters

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.error_code,
                                "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad(description: str) -> ApiError:
    return ApiError("Bad Request: " + description)


@dataclass
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes


class Params:
    """A request's parameters, typed the lenient way Telegram reads them.

    python-telegram-bot sends form fields where every value is a string and objects are JSON text;
    other clients send a JSON body with real types. Both read the same here.
    """

    def __init__(self, raw: dict[str, Any], uploads: dict[str, Upload] | None = None):
        self.raw = raw
        self.uploads = uploads or {}

    def __contains__(self, name: str) -> bool:
        return self.raw.get(name) not in (None, "")

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def int(self, name: str, default: int | None = None, *, required: bool = False) -> int | None:
        value = self.raw.get(name)
        if value in (None, ""):
            if required:
                raise bad(f"{name} is empty")
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad(f"invalid {name} specified") from None

    def bool(self, name: str, default: bool = False) -> bool:
        value = self.raw.get(name)
        if value in (None, ""):
            return default
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1")
        return bool(value)

    def json(self, name: str, what: str, default: Any = None) -> Any:
        """A JSON-serialized parameter (object or list); `what` names it in the error."""
        value = self.raw.get(name)
        if value in (None, ""):
            return default
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad(f"can't parse {what} JSON object") from None
        return value

    def chat_id(self, name: str = "chat_id") -> int:
        value = self.raw.get(name)
        if value in (None, ""):
            raise bad(f"{name} is empty")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad("chat not found") from None


def format_text(text: str | None, parse_mode: str | None, entities: Any,
                what: str = "text") -> tuple[str, list[dict]]:
    """Visible text and entities of a text/caption/question as Telegram stores it (trimmed)."""
    text = text or ""
    if entities:
        if not isinstance(entities, list):
            raise bad("can't parse entities JSON object")
        plain, found = text, [dict(e) for e in entities]
        for entity in found:
            if not isinstance(entity, dict) or "type" not in entity:
                raise bad("can't parse MessageEntity: Can't find field \"type\"")
    elif parse_mode:
        mode = parse_mode.lower()
        if mode != "html":
            if mode in ("markdown", "markdownv2"):
                raise ApiError(f"Bad Request: the sandbox supports parse_mode HTML only, not {parse_mode}")
            raise bad(f'unsupported parse_mode "{parse_mode}"')
        try:
            plain, found = parse_html(text)
        except EntityParseError as error:
            raise bad(f"can't parse entities: {error}") from None
    else:
        plain, found = text, []
    return trim(plain, found)


def check_message_text(text: str) -> None:
    if not text:
        raise bad("message text is empty")
    if len(text) > MAX_TEXT:
        raise bad("message is too long")


def check_caption(caption: str) -> None:
    if len(caption) > MAX_CAPTION:
        raise bad("message caption is too long")


def check_url_button(url: str) -> None:
    if not re.match(r"(https?|tg)://\S+$", url or ""):
        raise bad("BUTTON_URL_INVALID")


def parse_reply_markup(params: Params, inline_only: bool = False) -> dict | None:
    """The validated reply_markup, or None. Refuses what Telegram refuses in keyboards."""
    markup = params.json("reply_markup", "reply keyboard markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad("object expected as reply markup")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
        for row in rows:
            for button in row:
                _check_inline_button(button)
        return {"inline_keyboard": rows} if any(rows) else None
    if inline_only:
        raise bad("inline keyboard expected")
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad("can't parse reply keyboard markup JSON object")
        for row in rows:
            for button in row:
                label = button if isinstance(button, str) else (button or {}).get("text")
                if not label:
                    raise bad("BUTTON_TEXT_INVALID")
        return markup
    if markup.get("remove_keyboard") or markup.get("force_reply"):
        return markup
    raise bad("can't find reply markup")


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    if "text" not in button:
        raise bad('can\'t parse inline keyboard button: Can\'t find field "text"')
    if not str(button["text"]).strip():
        raise bad("BUTTON_TEXT_INVALID")
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
            raise bad("BUTTON_DATA_INVALID")
    elif "url" in button:
        check_url_button(button["url"])
    elif not any(key in button for key in (
            "login_url", "switch_inline_query", "switch_inline_query_current_chat",
            "switch_inline_query_chosen_chat", "callback_game", "pay", "web_app", "copy_text")):
        raise bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")


def buttons_of(markup: dict | None) -> list[list[tuple[str, str]]]:
    """Inline keyboard rows as (label, callback_data or url)."""
    if not markup or "inline_keyboard" not in markup:
        return []
    return [[(b["text"], b.get("callback_data") or b.get("url") or "") for b in row]
            for row in markup["inline_keyboard"]]


def reply_keyboard_of(markup: dict | None) -> list[list[str]] | None:
    if not markup or "keyboard" not in markup:
        return None
    return [[b if isinstance(b, str) else b["text"] for b in row] for row in markup["keyboard"]]


def explanation_ok(explanation: str) -> bool:
    return len(explanation) <= MAX_EXPLANATION and explanation.count("\n") <= MAX_EXPLANATION_LINE_FEEDS


__all__ = ["ApiError", "Params", "Upload", "bad", "format_text", "utf16_len"]
