"""/start: the first thing a learner sees."""
from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import language_of
from bot.texts import text


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the learner and say what the bot is for."""
    name = update.effective_user.first_name if update.effective_user else ""
    await update.effective_message.reply_text(text(language_of(update, context), "start.welcome", name=name))
