"""The global error handler: log what broke, and tell the learner in their language."""
from __future__ import annotations

import logging

from telegram import Update
from telegram.error import NetworkError, TelegramError
from telegram.ext import ContextTypes

from bot.handlers.common import language_of
from bot.texts import text

_log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error and apologise to the learner whose update caused it."""
    error = context.error
    where = f"update {update.update_id}" if isinstance(update, Update) else "the bot"
    if isinstance(error, NetworkError):  # transient or a refusal: one line is enough
        _log.warning("%s failed: %s: %s", where, type(error).__name__, error)
    else:
        _log.error("%s failed", where, exc_info=error)
    if not isinstance(update, Update):
        return
    apology = text(language_of(update, context), "error.generic")
    if not update.effective_chat:
        return
    try:  # a message, not a callback answer: the handler may have answered the button already
        await context.bot.send_message(update.effective_chat.id, apology)
    except TelegramError as second:
        _log.warning("could not tell the learner about it either: %s", second)
