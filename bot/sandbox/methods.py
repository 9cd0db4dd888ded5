"""Bot API methods for text messages, keyboards, callback answers, commands and chat info.

Each method is `fn(world, params) -> result` and runs holding `world.cond`; a refusal is an
ApiError. Methods register themselves in METHODS under Telegram's spelling.
"""
from __future__ import annotations

import time
from typing import Any, Callable

from . import rules
from .rules import ApiError, Params, bad, format_text
from .state import ChatState, StoredMessage, World

Method = Callable[[World, Params], Any]
METHODS: dict[str, Method] = {}


def api_method(name: str) -> Callable[[Method], Method]:
    def register(fn: Method) -> Method:
        METHODS[name] = fn
        return fn
    return register


# -- shared helpers -------------------------------------------------------------------------------
def fill_mentions(world: World, entities: list[dict]) -> list[dict]:
    """text_mention entities carry the whole User, as Telegram fills them in."""
    for entity in entities:
        if entity["type"] == "text_mention":
            user = world.users.get(entity["user"]["id"])
            entity["user"] = user.to_api() if user else {"id": entity["user"]["id"],
                                                         "is_bot": False, "first_name": "User"}
    return entities


def formatted(world: World, p: Params, field: str, mode_field: str, entities_field: str,
              ) -> tuple[str, list[dict]]:
    text, entities = format_text(p.str(field), p.str(mode_field),
                                 p.json(entities_field, "entities"))
    return text, fill_mentions(world, entities)


def reply_target(world: World, state: ChatState, p: Params) -> int | None:
    """The message this one replies to (reply_parameters or the old reply_to_message_id)."""
    reply = p.json("reply_parameters", "reply parameters")
    if reply is None and "reply_to_message_id" in p:
        reply = {"message_id": p.int("reply_to_message_id"),
                 "allow_sending_without_reply": p.bool("allow_sending_without_reply")}
    if not reply:
        return None
    if not isinstance(reply, dict) or "message_id" not in reply:
        raise bad("can't parse reply parameters JSON object")
    message_id = int(reply["message_id"])
    chat_id = int(reply.get("chat_id", state.chat.id))
    if world.find_message(chat_id, message_id) is None:
        if reply.get("allow_sending_without_reply") in (True, "true"):
            return None
        raise bad("message to be replied not found")
    return message_id


def link_preview(p: Params) -> dict | None:
    options = p.json("link_preview_options", "link preview options")
    if options is None and p.bool("disable_web_page_preview"):
        options = {"is_disabled": True}
    return options or None


def send(world: World, state: ChatState, p: Params, content: dict, *, source: str = "",
         parse_mode: str | None = None) -> dict:
    """Store a bot message (after the common checks) and return it as the Bot API Message."""
    markup = rules.parse_reply_markup(p)
    reply_to = reply_target(world, state, p)
    message = world.add_message(state, world.bot, True, content, source=source,
                                parse_mode=parse_mode, reply_markup=markup, reply_to=reply_to,
                                link_preview_options=link_preview(p))
    if markup and "keyboard" in markup:
        state.reply_keyboard = markup
    elif markup and markup.get("remove_keyboard"):
        state.reply_keyboard = None
    return world.message_json(message)


def target_message(world: World, p: Params, missing: str) -> StoredMessage:
    """The bot's message an edit/delete names; `missing` is Telegram's words when it's not there."""
    if "inline_message_id" in p:
        raise bad("MESSAGE_ID_INVALID")
    chat_id = p.chat_id()
    message_id = p.int("message_id")
    if message_id is None:
        raise bad("message identifier is not specified")
    world.chat_state(chat_id)
    message = world.find_message(chat_id, message_id)
    if message is None:
        raise bad(missing)
    return message


def inline_markup(message: StoredMessage) -> dict | None:
    markup = message.reply_markup
    return markup if markup and "inline_keyboard" in markup else None


def apply_edit(world: World, message: StoredMessage, content: dict, markup: dict | None,
               source: str | None = None, parse_mode: str | None = None) -> dict:
    message.history.append({"content": dict(message.content), "reply_markup": message.reply_markup,
                            "source": message.source, "edit_date": message.edit_date})
    message.content = content
    message.reply_markup = markup
    if source is not None:
        message.source, message.parse_mode = source, parse_mode
    message.edit_date = int(time.time())
    message.version += 1
    return world.message_json(message)


# -- messages -------------------------------------------------------------------------------------
@api_method("sendMessage")
def send_message(world: World, p: Params) -> dict:
    state = world.writable_chat(p.chat_id())
    text, entities = formatted(world, p, "text", "parse_mode", "entities")
    rules.check_message_text(text)
    content: dict[str, Any] = {"text": text}
    if entities:
        content["entities"] = entities
    return send(world, state, p, content, source=p.str("text") or "", parse_mode=p.str("parse_mode"))


@api_method("editMessageText")
def edit_message_text(world: World, p: Params) -> dict:
    message = target_message(world, p, "message to edit not found")
    if not message.from_bot:
        raise bad("message can't be edited")
    if "text" not in message.content:
        raise bad("there is no text in the message to edit")
    text, entities = formatted(world, p, "text", "parse_mode", "entities")
    if not text:
        raise bad("message text is empty")
    if len(text) > rules.MAX_TEXT:
        raise bad("MESSAGE_TOO_LONG")
    markup = rules.parse_reply_markup(p, inline_only=True)
    content: dict[str, Any] = {"text": text}
    if entities:
        content["entities"] = entities
    if content == message.content and markup == inline_markup(message):
        raise ApiError(rules.NOT_MODIFIED)
    if link_preview(p):
        message.link_preview_options = link_preview(p)
    return apply_edit(world, message, content, markup, p.str("text") or "", p.str("parse_mode"))


@api_method("editMessageCaption")
def edit_message_caption(world: World, p: Params) -> dict:
    message = target_message(world, p, "message to edit not found")
    if not message.from_bot:
        raise bad("message can't be edited")
    if not any(kind in message.content for kind in ("document", "photo", "voice")):
        raise bad("there is no caption in the message to edit")
    caption, entities = formatted(world, p, "caption", "parse_mode", "caption_entities")
    rules.check_caption(caption)
    markup = rules.parse_reply_markup(p, inline_only=True)
    content = {k: v for k, v in message.content.items() if k not in ("caption", "caption_entities")}
    if caption:
        content["caption"] = caption
    if entities:
        content["caption_entities"] = entities
    if content == message.content and markup == inline_markup(message):
        raise ApiError(rules.NOT_MODIFIED)
    return apply_edit(world, message, content, markup, p.str("caption") or "", p.str("parse_mode"))


@api_method("editMessageReplyMarkup")
def edit_message_reply_markup(world: World, p: Params) -> dict:
    message = target_message(world, p, "message to edit not found")
    if not message.from_bot:
        raise bad("message can't be edited")
    markup = rules.parse_reply_markup(p, inline_only=True)
    if markup == inline_markup(message):
        raise ApiError(rules.NOT_MODIFIED)
    return apply_edit(world, message, dict(message.content), markup)


@api_method("deleteMessage")
def delete_message(world: World, p: Params) -> bool:
    message = target_message(world, p, "message to delete not found")
    state = world.chats[message.chat_id]
    if not message.from_bot and state.chat.type != "private" and world.bot["id"] not in state.admins:
        raise bad("message can't be deleted")
    message.deleted = True
    message.version += 1
    return True


@api_method("answerCallbackQuery")
def answer_callback_query(world: World, p: Params) -> bool:
    query = world.callbacks.get(p.str("callback_query_id") or "")
    if (query is None or query.answer is not None
            or time.monotonic() - query.created > world.callback_timeout):
        raise ApiError(rules.QUERY_TOO_OLD)
    text = p.str("text") or ""
    if len(text) > rules.MAX_CALLBACK_ANSWER:
        raise bad("MESSAGE_TOO_LONG")
    url = p.str("url")
    if url and not url.startswith(f"https://t.me/{world.bot['username']}?start="):
        raise bad("URL_INVALID")
    query.answer = {"text": text or None, "show_alert": p.bool("show_alert"), "url": url,
                    "cache_time": p.int("cache_time", 0)}
    return True


@api_method("sendChatAction")
def send_chat_action(world: World, p: Params) -> bool:
    state = world.writable_chat(p.chat_id())
    action = p.str("action") or ""
    if action not in rules.CHAT_ACTIONS:
        raise bad("wrong parameter action in request")
    state.actions.append(action)
    return True
