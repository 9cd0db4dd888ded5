"""/start: the first thing a learner sees: a welcome in their language and a level to choose."""
from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import learner_of
from bot.handlers.level import level_keyboard, level_lines
from bot.texts import text

_log = logging.getLogger(__name__)


def welcome(lang: str, name: str, level: str | None) -> str:
    """The greeting, then the levels to choose from (or the learner's level and how to change it)."""
    greeting = text(lang, "start.welcome", name=name)
    if level is None:
        choice = text(lang, "start.choose_level", levels=level_lines(lang))
    else:
        choice = text(lang, "start.your_level", level=level, levels=level_lines(lang))
    return f"{greeting}\n\n{choice}"


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the learner and offer a level: pick one or take the vocabulary check."""
    from bot.handlers import assignment_reading, classes  # "/start <invite code>" joins a class;
    # "/start as-<assignment id>" (a group's announcement) opens the assignment

    if context.args and await classes.join_with_code(update, context, context.args[0]):
        return
    if context.args and await assignment_reading.start_from_link(update, context, context.args[0]):
        return
    if context.args:  # "/start <payload>" from a deep link; no payload means anything yet
        _log.debug("ignoring the /start payload %r", context.args[0][:64])
    learner = learner_of(update, context)
    name = update.effective_user.first_name or ""
    await update.effective_message.reply_text(
        welcome(learner.language, name, learner.level), reply_markup=level_keyboard(learner.language)
    )
