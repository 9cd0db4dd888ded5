"""Bot API methods for polls and files: sendPoll, stopPoll, sendDocument/Photo/Voice, getFile."""
from __future__ import annotations

import mimetypes
import secrets
import struct
from typing import Any

from . import rules
from .methods import api_method, formatted, send, target_message
from .rules import ApiError, Params, bad, format_text
from .state import StoredFile, StoredPoll, World

#: Telegram's names for file types in "can't use file of type X as Y".
TYPE_NAMES = {"document": "Document", "photo": "Photo", "voice": "VoiceNote"}
FILE_ID_PREFIX = {"document": "BQACAgIAAxkBAAI", "photo": "AgACAgIAAxkBAAI", "voice": "AwACAgIAAxkBAAI"}
FOLDERS = {"document": "documents", "photo": "photos", "voice": "voice"}


# -- polls ----------------------------------------------------------------------------------------
def only_custom_emoji(entities: list[dict]) -> list[dict]:
    """Poll questions and options keep only custom emoji; other formatting is dropped, not refused."""
    return [e for e in entities if e["type"] == "custom_emoji"]


def _poll_options(world: World, p: Params) -> list[dict]:
    raw = p.json("options", "options")
    if not isinstance(raw, list):
        raise bad("can't parse options JSON object")
    if len(raw) < rules.MIN_POLL_OPTIONS:
        raise bad("poll must have at least one answer option")
    if len(raw) > rules.MAX_POLL_OPTIONS:
        raise bad(f"poll can't have more than {rules.MAX_POLL_OPTIONS} options")
    options = []
    for item in raw:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or "text" not in item:
            raise bad('can\'t parse InputPollOption: Can\'t find field "text"')
        text, entities = format_text(str(item["text"]), item.get("text_parse_mode"),
                                     item.get("text_entities"))
        if not text:
            raise bad("poll options must be non-empty")
        if len(text) > rules.MAX_POLL_OPTION:
            raise bad(f"poll options length must not exceed {rules.MAX_POLL_OPTION}")
        option: dict[str, Any] = {"text": text}
        entities = only_custom_emoji(entities)
        if entities:
            option["text_entities"] = entities
        options.append(option)
    return options


def _correct_options(p: Params, count: int) -> list[int]:
    """A quiz's right answers: correct_option_ids (Bot API 9.6) or the older correct_option_id."""
    ids = p.json("correct_option_ids", "correct option identifiers")
    if ids is None and "correct_option_id" in p:
        ids = [p.int("correct_option_id")]
    if (not isinstance(ids, list) or not ids or any(not isinstance(i, int) for i in ids)
            or any(not 0 <= i < count for i in ids) or ids != sorted(set(ids))):
        raise bad("wrong correct option ID specified")
    return ids


@api_method("sendPoll")
def send_poll(world: World, p: Params) -> dict:
    state = world.writable_chat(p.chat_id())
    question, question_entities = formatted(world, p, "question", "question_parse_mode",
                                            "question_entities")
    if not question:
        raise bad("poll question must be non-empty")
    if len(question) > rules.MAX_POLL_QUESTION:
        raise bad(f"poll question length must not exceed {rules.MAX_POLL_QUESTION}")
    options = _poll_options(world, p)
    kind = p.str("type") or "regular"
    if kind not in ("regular", "quiz"):
        raise bad("wrong poll type specified")
    multiple = p.bool("allows_multiple_answers")
    correct: list[int] = []
    explanation, explanation_entities = None, []
    if kind == "quiz":
        correct = _correct_options(p, len(options))
        explanation, explanation_entities = formatted(world, p, "explanation",
                                                      "explanation_parse_mode",
                                                      "explanation_entities")
        if not rules.explanation_ok(explanation):
            raise bad(f"poll explanation length must not exceed {rules.MAX_EXPLANATION}")
    open_period = p.int("open_period")
    if open_period is not None and not rules.MIN_OPEN_PERIOD <= open_period <= rules.MAX_OPEN_PERIOD:
        raise bad("wrong open_period specified")
    poll = StoredPoll(
        id=str(5_000_000_000_000_000_000 + world.serial()), chat_id=state.chat.id, message_id=0,
        question=question, question_entities=only_custom_emoji(question_entities), options=options, type=kind,
        is_anonymous=p.bool("is_anonymous", True), allows_multiple_answers=multiple,
        correct_option_ids=correct, allows_revoting=p.bool("allows_revoting", kind == "regular"),
        explanation=explanation or None,
        explanation_entities=explanation_entities, open_period=open_period,
        close_date=p.int("close_date"), is_closed=p.bool("is_closed"),
    )
    world.polls[poll.id] = poll
    try:
        result = send(world, state, p, {"poll_id": poll.id})
    except ApiError:
        del world.polls[poll.id]
        raise
    poll.message_id = result["message_id"]
    return result


@api_method("stopPoll")
def stop_poll(world: World, p: Params) -> dict:
    message = target_message(world, p, "message with poll to stop not found")
    if "poll_id" not in message.content:
        raise bad("message with poll to stop not found")
    if not message.from_bot:
        raise bad("poll can't be stopped")
    poll = world.polls[message.content["poll_id"]]
    if poll.is_closed:
        raise bad("poll has already been closed")
    markup = rules.parse_reply_markup(p, inline_only=True)
    if markup is not None:
        message.reply_markup = markup
    poll.is_closed = True
    message.version += 1
    world.push_update("poll", world.poll_json(poll))
    return world.poll_json(poll)


# -- files ----------------------------------------------------------------------------------------
def store_file(world: World, kind: str, data: bytes, file_name: str | None,
               mime_type: str | None) -> StoredFile:
    """Keep uploaded bytes under a fresh file_id, as Telegram does for every upload."""
    serial = world.serial()
    extension = (file_name.rsplit(".", 1)[-1] if file_name and "." in file_name
                 else {"photo": "jpg", "voice": "oga"}.get(kind, "bin"))
    stored = StoredFile(
        file_id=f"{FILE_ID_PREFIX[kind]}{serial:05d}{secrets.token_urlsafe(12)}",
        file_unique_id=f"AgAD{serial:05d}{secrets.token_hex(3)}", kind=kind, data=data,
        file_name=file_name, mime_type=mime_type,
        file_path=f"{FOLDERS[kind]}/file_{serial}.{extension}",
    )
    world.files[stored.file_id] = stored
    return stored


def input_file(world: World, p: Params, field: str, kind: str) -> StoredFile:
    """The file a send method names: an upload, attach://part, or an earlier file_id."""
    value = p.raw.get(field)
    upload = p.uploads.get(field)
    if upload is None and isinstance(value, str) and value.startswith("attach://"):
        upload = p.uploads.get(value[len("attach://"):])
    if upload is not None:
        if not upload.data:
            raise bad("file must be non-empty")
        limit = rules.MAX_PHOTO if kind == "photo" else rules.MAX_UPLOAD
        if len(upload.data) > limit:
            raise ApiError("Request Entity Too Large", 413)
        mime = upload.content_type
        if not mime or mime == "application/octet-stream":
            mime = mimetypes.guess_type(upload.filename or "")[0] or mime
        return store_file(world, kind, upload.data, upload.filename, mime)
    if not value:
        raise bad(f"there is no {field} in the request")
    if str(value).startswith(("http://", "https://")):
        raise bad("failed to get HTTP URL content")
    stored = world.files.get(str(value))
    if stored is None:
        raise bad("wrong file identifier/HTTP URL specified")
    if stored.kind != kind:
        raise bad(f"can't use file of type {TYPE_NAMES[stored.kind]} as {TYPE_NAMES[kind]}")
    return stored


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG, GIF or JPEG header, or None if it is no image we know."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                return None
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return width, height
            i += 2 + length
    return None


def ogg_duration(data: bytes) -> int:
    """Seconds of an Ogg Opus stream: the last page's granule position at Opus's 48 kHz."""
    last = data.rfind(b"OggS")
    if last < 0 or last + 14 > len(data):
        return 0
    granule = struct.unpack("<q", data[last + 6:last + 14])[0]
    return max(0, round(granule / 48000))


def file_json(stored: StoredFile, **extra: Any) -> dict[str, Any]:
    data = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data)}
    data.update({k: v for k, v in extra.items() if v is not None})
    return data


def media_json(kind: str, stored: StoredFile, duration: int | None = None) -> Any:
    """The Document, PhotoSize list or Voice object for a stored file."""
    if kind == "document":
        return file_json(stored, file_name=stored.file_name, mime_type=stored.mime_type)
    if kind == "photo":
        width, height = image_size(stored.data) or (0, 0)
        return [file_json(stored, width=width, height=height)]
    seconds = duration if duration is not None else ogg_duration(stored.data)
    return file_json(stored, duration=seconds, mime_type=stored.mime_type or "audio/ogg")


def _send_media(world: World, p: Params, kind: str) -> dict:
    state = world.writable_chat(p.chat_id())
    caption, entities = formatted(world, p, "caption", "parse_mode", "caption_entities")
    rules.check_caption(caption)
    stored = input_file(world, p, kind if kind != "voice" else "voice", kind)
    if kind == "photo":
        size = image_size(stored.data)
        if size is None:
            raise bad("IMAGE_PROCESS_FAILED")
        width, height = size
        if width + height > rules.MAX_PHOTO_SIDES or max(size) > rules.MAX_PHOTO_RATIO * max(1, min(size)):
            raise bad("PHOTO_INVALID_DIMENSIONS")
    content: dict[str, Any] = {kind: media_json(kind, stored, p.int("duration"))}
    if caption:
        content["caption"] = caption
    if entities:
        content["caption_entities"] = entities
    return send(world, state, p, content, source=p.str("caption") or "",
                parse_mode=p.str("parse_mode"))


@api_method("sendDocument")
def send_document(world: World, p: Params) -> dict:
    return _send_media(world, p, "document")


@api_method("sendPhoto")
def send_photo(world: World, p: Params) -> dict:
    return _send_media(world, p, "photo")


@api_method("sendVoice")
def send_voice(world: World, p: Params) -> dict:
    return _send_media(world, p, "voice")


@api_method("getFile")
def get_file(world: World, p: Params) -> dict:
    stored = world.files.get(p.str("file_id") or "")
    if stored is None:
        raise bad("invalid file_id")
    if len(stored.data) > rules.MAX_DOWNLOAD:
        raise bad("file is too big")
    return file_json(stored, file_path=stored.file_path)
