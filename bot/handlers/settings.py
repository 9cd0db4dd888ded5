"""/settings: the learner's language and level, with buttons that change them, and the buttons to the
reminder, daily goal and review screens (bot/handlers/reminder_settings.py)."""
from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot import reminder_screens
from bot.callback_data import BadCallbackData, pack, unpack
from bot.handlers.common import language_of, learner_of, store_of
from bot.handlers.level import CHECK_DATA, pressed_in_private, show_in_place
from bot.texts import Html, text
from vocab.items import LEVELS
from vocab.progress import Learner

VERB = "st"
#: Each language named in itself, as language pickers do: a learner finds their own at a glance.
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
#: What a settings button changes: "st:lang:ko" -> Learner.language, "st:level:B2" -> Learner.level.
FIELDS = {"lang": ("language", tuple(LANGUAGE_NAMES)), "level": ("level", LEVELS)}
CHOSEN_MARK = "✓ "


def _button(label: str, chosen: bool, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(CHOSEN_MARK + label if chosen else label, callback_data=data)


def settings_screen(learner: Learner) -> tuple[str, InlineKeyboardMarkup]:
    """The settings message in the learner's language, the current choices ticked."""
    lang = learner.language
    if learner.level:
        level = Html(f"<b>{learner.level}</b> ({text(lang, f'level.{learner.level}')})")
    else:
        level = text(lang, "settings.no_level")
    body = text(lang, "settings.body", language=LANGUAGE_NAMES[lang], level=level,
                **reminder_screens.settings_lines(learner))
    keyboard = [
        [_button(name, code == lang, pack(VERB, "lang", code)) for code, name in LANGUAGE_NAMES.items()],
        [_button(level, level == learner.level, pack(VERB, "level", level)) for level in LEVELS],
        [InlineKeyboardButton(text(lang, "level.take_check"), callback_data=CHECK_DATA)],
        reminder_screens.settings_row(lang),
    ]
    return body, InlineKeyboardMarkup(keyboard)


async def show_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the learner's settings with buttons to change them."""
    body, keyboard = settings_screen(learner_of(update, context))
    await update.effective_message.reply_text(body, reply_markup=keyboard)


async def change_setting(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Save the language or level the learner pressed, say so, and show the settings again."""
    query = update.callback_query
    try:
        what, value = unpack(query.data, VERB, 2)
        if what not in FIELDS or value not in FIELDS[what][1] or pressed_in_private(query) is None:
            raise BadCallbackData(query.data)
    except BadCallbackData:
        await query.answer(text(language_of(update, context), "button.expired"))
        return
    field = FIELDS[what][0]
    learner = learner_of(update, context)
    if getattr(learner, field) == value:
        await query.answer(text(learner.language, "settings.unchanged"))
    else:
        learner = replace(learner, **{field: value})
        store_of(context).learners.save(learner)
        saved = "settings.language_saved" if field == "language" else "settings.level_saved"
        await query.answer(text(learner.language, saved, level=value))
    await show_in_place(query, *settings_screen(learner))
