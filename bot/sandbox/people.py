"""What users do in the emulated Telegram: write, upload, press buttons, vote, follow deep links.

Each action stores the user's side in the World and queues the update Telegram would send the
bot. Mistakes a real client could not make (pressing a button that is not there, voting twice in
a quiz) raise LookupError/ValueError in the test instead of reaching the bot.
"""
from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import parse_qs, urlparse

from . import rules
from .markup import utf16_len
from .media import image_size, media_json, store_file
from .objects import Chat, User
from .state import ChatState, StoredCallback, StoredMessage, World

#: Telegram marks these in user text: /commands (optionally /command@bot), links and @mentions.
PATTERNS = (
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")),
    ("url", re.compile(r"\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b")),
)
#: Deep-link payloads: up to 64 characters of A-Z, a-z, 0-9, _ and -.
PAYLOAD_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def detect_entities(text: str) -> list[dict]:
    """The entities Telegram adds to a user's plain text, offsets in UTF-16 units."""
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            found.append({"type": kind, "offset": utf16_len(text[:match.start()]),
                          "length": utf16_len(match.group())})
    return sorted(found, key=lambda e: e["offset"])


def _entity_text(text: str, entity: dict) -> str:
    units = text.encode("utf-16-le")
    return units[2 * entity["offset"]:2 * (entity["offset"] + entity["length"])].decode("utf-16-le")


def reaches_bot(world: World, state: ChatState, message: StoredMessage) -> bool:
    """Privacy mode: in groups a bot sees commands for it, mentions, replies to it, service messages."""
    if state.chat.type == "private" or not world.group_privacy:
        return True
    content = message.content
    if not any(k in content for k in ("text", "caption", "document", "photo", "voice")):
        return True  # service message
    if message.reply_to is not None:
        replied = world.find_message(state.chat.id, message.reply_to)
        if replied is not None and replied.from_bot:
            return True
    text = content.get("text", "")
    me = world.bot["username"].lower()
    for entity in content.get("entities", []):
        word = _entity_text(text, entity).lower()
        if entity["type"] == "bot_command" and entity["offset"] == 0:
            if "@" not in word or word.split("@", 1)[1] == me:
                return True
        if entity["type"] == "mention" and word == "@" + me:
            return True
    return False


def user_message(world: World, user: User, chat_id: int, content: dict[str, Any],
                 reply_to: int | None = None) -> dict:
    """`user` posts `content` in `chat_id`; returns the Message; queues it if the bot may see it."""
    with world.cond:
        world.users.setdefault(user.id, user)
        if chat_id == user.id and chat_id not in world.chats:
            world.add_user(user)
        state = world.chats.get(chat_id)
        if state is None:
            raise LookupError(f"no chat {chat_id}: register it with emu.group() or emu.user()")
        if state.chat.type == "private":
            if chat_id != user.id:
                raise ValueError(f"chat {chat_id} is the private chat of another user")
            world.started.add(user.id)
        else:
            state.members.add(user.id)
        if reply_to is not None and world.find_message(chat_id, reply_to) is None:
            raise LookupError(f"no message {reply_to} to reply to in chat {chat_id}")
        message = world.add_message(state, user.to_api(), False, content, reply_to=reply_to)
        data = world.message_json(message)
        if reaches_bot(world, state, message):
            world.push_update("message", data)
    world.changed()
    return data


def text_content(text: str) -> dict[str, Any]:
    if not text.strip():
        raise ValueError("Telegram clients do not send empty messages")
    if len(text) > rules.MAX_TEXT:
        raise ValueError("Telegram clients split text over 4096 characters into several messages")
    content: dict[str, Any] = {"text": text}
    entities = detect_entities(text)
    if entities:
        content["entities"] = entities
    return content


def media_content(world: World, kind: str, data: bytes, file_name: str | None,
                  mime_type: str | None, caption: str | None, duration: int | None = None) -> dict:
    if not data:
        raise ValueError("an empty file cannot be sent")
    if kind == "photo" and image_size(data) is None:
        raise ValueError("photo bytes must be a PNG, GIF or JPEG image")
    with world.cond:
        stored = store_file(world, kind, data, file_name, mime_type)
        content: dict[str, Any] = {kind: media_json(kind, stored, duration)}
    if caption:
        content["caption"] = caption
        entities = detect_entities(caption)
        if entities:
            content["caption_entities"] = entities
    return content


def is_link_to(world: World, url: str) -> bool:
    """Whether `url` is a t.me link that opens this bot."""
    parsed = urlparse(url)
    return (parsed.netloc.lower() in ("t.me", "telegram.me")
            and parsed.path.strip("/").lower() == world.bot["username"].lower())


def deep_link_payload(world: World, url: str) -> str:
    """The start payload of https://t.me/<this bot>?start=<payload>, checked as Telegram does."""
    parsed = urlparse(url)
    if parsed.scheme not in ("https", "http", "tg") or parsed.netloc.lower() not in ("t.me", "telegram.me"):
        raise ValueError(f"{url!r} is not a t.me link")
    if parsed.path.strip("/").lower() != world.bot["username"].lower():
        raise ValueError(f"{url!r} opens another bot, not @{world.bot['username']}")
    payload = parse_qs(parsed.query).get("start", [""])[0]
    if payload and not PAYLOAD_RE.fullmatch(payload):
        raise ValueError(f"start payload {payload!r} breaks Telegram's rule (1-64 of A-Za-z0-9_-)")
    return payload


def chat_instance(chat_id: int) -> str:
    return str(7_000_000_000_000_000_000 + chat_id * 7919)


def push_callback(world: World, user: User, chat_id: int, message_id: int, data: str) -> str:
    """Queue a callback_query for `data` on a message (which may be gone); returns its id."""
    if not 1 <= len(data.encode("utf-8")) <= rules.MAX_CALLBACK_DATA:
        raise ValueError("callback data is 1-64 bytes; Telegram would not deliver this")
    with world.cond:
        state = world.chats[chat_id]
        query_id = str(4_300_000_000_000_000_000 + world.serial())
        world.callbacks[query_id] = StoredCallback(query_id, user.id, chat_id, message_id, data,
                                                   time.monotonic())
        message = world.find_message(chat_id, message_id)
        shown = (world.message_json(message) if message is not None
                 else {"chat": state.chat.to_api(), "message_id": message_id, "date": 0})
        world.push_update("callback_query", {"id": query_id, "from": user.to_api(),
                                             "message": shown, "chat_instance": chat_instance(chat_id),
                                             "data": data})
    return query_id


def find_button(world: World, state: ChatState, label: str,
                message_id: int | None) -> tuple[StoredMessage, dict] | None:
    candidates = [m for m in reversed(state.messages) if m.from_bot and not m.deleted
                  and (message_id is None or m.message_id == message_id)]
    for message in candidates:
        markup = message.reply_markup or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if button["text"] == label:
                    return message, button
    return None


def on_screen(state: ChatState) -> str:
    """What buttons a user could press now, for error messages."""
    shown = []
    for message in state.messages[::-1]:
        if message.from_bot and not message.deleted and message.reply_markup:
            labels = rules.buttons_of(message.reply_markup)
            if labels:
                shown.append(f"#{message.message_id}: {[b for row in labels for b, _ in row]}")
    if state.reply_keyboard:
        shown.append(f"reply keyboard: {rules.reply_keyboard_of(state.reply_keyboard)}")
    return "; ".join(shown[:5]) or "no buttons at all"


def vote(world: World, user: User, poll_id: str, option_ids: list[int]) -> None:
    """`user` answers a poll: a poll_answer update (if not anonymous) and a poll update."""
    with world.cond:
        poll = world.polls.get(poll_id)
        if poll is None:
            raise LookupError(f"no poll {poll_id}")
        if poll.check_closed():
            raise ValueError("the poll is closed")
        options = list(option_ids)
        if any(not 0 <= i < len(poll.options) for i in options) or len(set(options)) != len(options):
            raise ValueError(f"option ids {options} do not fit {len(poll.options)} options")
        if len(options) > 1 and not poll.allows_multiple_answers:
            raise ValueError("this poll takes one answer")
        previous = poll.votes.get(user.id)
        if previous and not poll.allows_revoting:
            raise ValueError("this poll does not allow changing an answer")
        if not options and not previous:
            raise ValueError("nothing to retract")
        if options:
            poll.votes[user.id] = options
        else:
            del poll.votes[user.id]
        message = world.find_message(poll.chat_id, poll.message_id)
        if message is not None:
            message.version += 1
        if not poll.is_anonymous:
            world.push_update("poll_answer", {"poll_id": poll.id, "user": user.to_api(),
                                              "option_ids": options,
                                              "option_persistent_ids": [str(i) for i in options]})
        world.push_update("poll", world.poll_json(poll))


def bot_joins(world: World, state: ChatState, by: User) -> dict:
    """`by` adds the bot to a group: my_chat_member, then the new_chat_members service message."""
    with world.cond:
        state.members.add(by.id)
        now = int(time.time())
        world.push_update("my_chat_member", {
            "chat": state.chat.to_api(), "from": by.to_api(), "date": now,
            "old_chat_member": {"status": "left", "user": world.bot},
            "new_chat_member": {"status": "member", "user": world.bot},
        })
        message = world.add_message(state, by.to_api(), False, {"new_chat_members": [world.bot]})
        data = world.message_json(message)
        world.push_update("message", data)
    return data


def upgrade_group(world: World, state: ChatState, by: User) -> Chat:
    """`by` turns a basic group into a supergroup, as Telegram does: a new chat id (-100...), the
    old chat says `migrate_to_chat_id`, the new one `migrate_from_chat_id`, and posting to the old
    id is refused from then on with the new id in the error's parameters."""
    with world.cond:
        if state.chat.type != "group" or state.migrated_to is not None:
            raise ValueError("only a basic group, not upgraded yet, can become a supergroup")
        new_id = -(10**12 + abs(state.chat.id))  # supergroups and channels: -100 then the id
        chat = Chat(new_id, "supergroup", title=state.chat.title)
        world.add_group(chat, set(state.members), state.owner, set(state.admins))
        state.migrated_to = new_id
        for where, content in ((state, {"migrate_to_chat_id": new_id}),
                               (world.chats[new_id], {"migrate_from_chat_id": state.chat.id})):
            message = world.add_message(where, by.to_api(), False, content)
            world.push_update("message", world.message_json(message))
    world.changed()
    return chat
