"""What the class commands show: invite messages, class lists and the class-choosing buttons.

Callback data (bot/callback_data.py) of the buttons here, re-checked by bot/handlers/classes.py:
    cl:invite:<class id>   make a new invite link for that class (its tutor only)
    cl:leave:<class id>    leave that class (its learners only)
    cl:link:<class id>     link the group the button is in to that class (its tutor only)
"""
from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import MessageLimit
from telegram.helpers import create_deep_linked_url

from bot.callback_data import pack
from bot.texts import text
from lessons.classes import Class

VERB = "cl"
INVITE, LEAVE, LINK = "invite", "leave", "link"
ACTIONS = (INVITE, LEAVE, LINK)


def invite_link(bot_username: str, class_: Class) -> str:
    """https://t.me/<bot>?start=<invite code>: opening it starts the bot and joins the class."""
    return create_deep_linked_url(bot_username, class_.invite_code)


def invite_message(lang: str, key: str, class_: Class, bot_username: str) -> tuple[str, InlineKeyboardMarkup]:
    """The invite link of a class with a button to share it (`key`: newclass.done or invite.done)."""
    link = invite_link(bot_username, class_)
    body = text(lang, f"tutor.{key}", name=class_.name, link=link, code=class_.invite_code)
    share = "https://t.me/share/url?" + urlencode({"url": link})
    return body, InlineKeyboardMarkup.from_button(InlineKeyboardButton(text(lang, "tutor.invite.share"), url=share))


def join_button(lang: str, class_: Class, bot_username: str) -> InlineKeyboardMarkup:
    """Under the group-link message: opens the private chat and joins the class."""
    button = InlineKeyboardButton(text(lang, "tutor.link.join"), url=invite_link(bot_username, class_))
    return InlineKeyboardMarkup.from_button(button)


def choose_keyboard(classes: Sequence[Class], action: str) -> InlineKeyboardMarkup:
    """One button per class, each naming the class by id only."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(c.name, callback_data=pack(VERB, action, c.class_id))] for c in classes])


def class_list(lang: str, teaching: Sequence[Class], learning: Sequence[Class], tutor_names: dict[int, str]) -> str:
    """/classes: the classes taught (with sizes), then those the person is a learner in."""
    if not teaching and not learning:
        return text(lang, "tutor.classes.none")
    sections = []
    if teaching:
        lines = [text(lang, "tutor.classes.teaching")]
        for class_ in teaching:
            key = "tutor.classes.size_one" if class_.size == 1 else "tutor.classes.size_many"
            linked = text(lang, "tutor.classes.group_linked") if class_.group_chat_id is not None else ""
            lines.append(text(lang, key, name=class_.name, size=class_.size) + linked)
        lines.append(text(lang, "tutor.classes.tutor_help"))
        sections.append("\n".join(lines))
    if learning:
        lines = [text(lang, "tutor.classes.learning")]
        lines += [text(lang, "tutor.classes.member", name=c.name, tutor=tutor_names.get(c.tutor_id, "")) for c in learning]
        sections.append("\n".join(lines))
    return fit("\n\n".join(sections))


def fit(message: str) -> str:
    """Cut a long list at a line break so it stays one Telegram message (4096 characters)."""
    limit = MessageLimit.MAX_TEXT_LENGTH
    if len(message) <= limit:
        return message
    return message[: message.rfind("\n", 0, limit - 2)] + "\n…"

