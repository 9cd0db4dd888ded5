"""Choosing a level: the level buttons of /start and /settings, and what the learner does next."""
from __future__ import annotations

import html
import re
from dataclasses import replace

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.callback_data import BadCallbackData, pack, unpack
from bot.handlers.common import language_of, learner_of, store_of
from bot.texts import Html, text
from vocab.items import LEVELS

VERB = "lv"
#: The button that starts the one-minute vocabulary check (handled in level_check.py).
CHECK_DATA = pack("vc", "new")

_TAG = re.compile(r"<[^>]+>")


def level_lines(lang: str) -> Html:
    """One line per level: "<b>B2</b>: I read news with a dictionary now and then"."""
    return Html("\n".join(f"<b>{level}</b>: {text(lang, f'level.{level}')}" for level in LEVELS))


def level_keyboard(lang: str) -> InlineKeyboardMarkup:
    """The levels in one row, and the vocabulary check under them."""
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(level, callback_data=pack(VERB, level)) for level in LEVELS],
        [InlineKeyboardButton(text(lang, "level.take_check"), callback_data=CHECK_DATA)],
    ])


def level_chosen(lang: str, level: str) -> str:
    """The level the learner now has, and how to bring an article."""
    chosen = text(lang, "level.chosen", level=level, description=Html(text(lang, f"level.{level}")))
    return f"{chosen}\n\n{text(lang, 'level.next')}"


def pressed_in_private(query: CallbackQuery) -> Message | None:
    """The message a button was pressed on, if the bot can still edit it and it is a private chat."""
    message = query.message
    if isinstance(message, Message) and message.chat.type == ChatType.PRIVATE:
        return message
    return None


def shows(message: Message, html_text: str, markup: InlineKeyboardMarkup | None) -> bool:
    """Whether `message` already shows this text and keyboard (Telegram refuses an edit that changes nothing)."""
    return message.text == html.unescape(_TAG.sub("", html_text)).strip() and message.reply_markup == markup


async def show_in_place(query: CallbackQuery, html_text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit the pressed message to show `html_text` and `markup`, unless it already does."""
    if not shows(query.message, html_text, markup):
        await query.edit_message_text(html_text, reply_markup=markup)


async def choose_level(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Save the level the learner picked and tell them what to do next."""
    query = update.callback_query
    try:
        [level] = unpack(query.data, VERB, 1)
        if level not in LEVELS or pressed_in_private(query) is None:
            raise BadCallbackData(query.data)
    except BadCallbackData:
        await query.answer(text(language_of(update, context), "button.expired"))
        return
    learner = replace(learner_of(update, context), level=level)
    store_of(context).learners.save(learner)
    await query.answer()
    await show_in_place(query, level_chosen(learner.language, level))
