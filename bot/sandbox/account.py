"""Bot API methods about the bot itself and its chats: getMe, webhooks, the command menu, names
and descriptions, the menu button, getChat and getChatMember."""
from __future__ import annotations

import re

from . import rules
from .methods import METHODS, api_method
from .rules import Params, bad
from .state import World


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
                                    "unique_gifts": False, "premium_subscription": False,
                                    "gifts_from_channels": False}}


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
