"""Bot API methods for text messages, keyboards, callback answers, commands and chat info.

Each method is `fn(world, params) -> result` and runs holding `world.cond`; a refusal is an
ApiError. Methods register themselves in METHODS under Telegram's spelling.
"""
from __future__ import annotations

import re
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


# -- identity and set-up ------------------------------------------------------------------------
@api_method("getMe")
def get_me(world: World, p: Params) -> dict:
    return {**world.bot, "can_join_groups": True,
            "can_read_all_group_messages": not world.group_privacy,
            "supports_inline_queries": False, "can_connect_to_business": False,
            "has_main_web_app": False}


@api_method("deleteWebhook")
def delete_webhook(world: World, p: Params) -> bool:
    if p.bool("drop_pending_updates"):
        world.updates.clear()
    return True


@api_method("getWebhookInfo")
def get_webhook_info(world: World, p: Params) -> dict:
    return {"url": "", "has_custom_certificate": False, "pending_update_count": len(world.updates)}


def scope_key(world: World, p: Params) -> str:
    scope = p.json("scope", "BotCommandScope") or {"type": "default"}
    kind = scope.get("type") if isinstance(scope, dict) else None
    if kind in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
        return kind
    if kind in ("chat", "chat_administrators", "chat_member"):
        if "chat_id" not in scope:
            raise bad("can't parse BotCommandScope: Can't find field \"chat_id\"")
        chat_id = int(scope["chat_id"])
        world.chat_state(chat_id)
        if kind == "chat_member":
            return f"chat_member:{chat_id}:{int(scope['user_id'])}"
        return f"{kind}:{chat_id}"
    raise bad("unsupported bot command scope type specified")


def language(p: Params) -> str:
    code = p.str("language_code") or ""
    if code and not re.fullmatch(r"[a-z]{2}", code):
        raise bad("invalid language code specified")
    return code


@api_method("setMyCommands")
def set_my_commands(world: World, p: Params) -> bool:
    commands = p.json("commands", "commands")
    if not isinstance(commands, list):
        raise bad("can't parse commands JSON object")
    if len(commands) > rules.MAX_COMMANDS:
        raise bad("BOT_COMMANDS_TOO_MUCH")
    cleaned = []
    for command in commands:
        name = str(command.get("command", "")) if isinstance(command, dict) else ""
        description = str(command.get("description", "")).strip() if isinstance(command, dict) else ""
        if not rules.COMMAND_RE.fullmatch(name):
            raise bad("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= rules.MAX_COMMAND_DESCRIPTION:
            raise bad("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": name, "description": description})
    key = (scope_key(world, p), language(p))
    if cleaned:
        world.commands[key] = cleaned
    else:
        world.commands.pop(key, None)
    return True


@api_method("getMyCommands")
def get_my_commands(world: World, p: Params) -> list:
    return [dict(c) for c in world.commands.get((scope_key(world, p), language(p)), [])]


@api_method("deleteMyCommands")
def delete_my_commands(world: World, p: Params) -> bool:
    world.commands.pop((scope_key(world, p), language(p)), None)
    return True


def _bot_text_setting(field: str, limit: int) -> None:
    suffix = field[0].upper() + "".join(w.title() for w in field.split("_"))[1:]

    def setter(world: World, p: Params) -> bool:
        value = p.str(field) or ""
        if len(value) > limit:
            raise bad(f"{field.replace('_', ' ')} is too long")
        world.settings[(field, language(p))] = value
        return True

    def getter(world: World, p: Params) -> dict:
        lang = language(p)
        return {field: world.settings.get((field, lang), world.settings.get((field, ""), ""))}

    METHODS["setMy" + suffix] = setter
    METHODS["getMy" + suffix] = getter


_bot_text_setting("name", 64)
_bot_text_setting("description", 512)
_bot_text_setting("short_description", 120)


@api_method("setChatMenuButton")
def set_chat_menu_button(world: World, p: Params) -> bool:
    chat_id = p.int("chat_id", 0)
    if chat_id:
        world.chat_state(chat_id)
    world.settings[("menu_button", chat_id)] = p.json("menu_button", "menu button") or {"type": "default"}
    return True


@api_method("getChatMenuButton")
def get_chat_menu_button(world: World, p: Params) -> dict:
    chat_id = p.int("chat_id", 0)
    return world.settings.get(("menu_button", chat_id),
                              world.settings.get(("menu_button", 0), {"type": "default"}))


@api_method("getChat")
def get_chat(world: World, p: Params) -> dict:
    state = world.chat_state(p.chat_id())
    return {**state.chat.to_api(), "accent_color_id": 0, "max_reaction_count": 11,
            "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                    "unique_gifts": False, "premium_subscription": False}}


@api_method("getChatMember")
def get_chat_member(world: World, p: Params) -> dict:
    state = world.chat_state(p.chat_id())
    user_id = p.int("user_id", required=True)
    user = world.users.get(user_id)
    if user is None:
        raise bad("user not found")
    if user_id == state.owner:
        return {"status": "creator", "user": user.to_api(), "is_anonymous": False}
    if user_id in state.admins:
        rights = ("can_be_edited is_anonymous can_manage_chat can_delete_messages "
                  "can_manage_video_chats can_restrict_members can_promote_members can_change_info "
                  "can_invite_users can_post_stories can_edit_stories can_delete_stories").split()
        flags = {name: name not in ("can_be_edited", "is_anonymous") for name in rights}
        return {"status": "administrator", "user": user.to_api(), **flags}
    status = "member" if user_id in state.members else "left"
    return {"status": status, "user": user.to_api()}


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
