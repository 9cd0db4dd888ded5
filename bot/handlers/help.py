"""/help: what the bot can do."""
from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import language_of
from bot.texts import text


async def show_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the commands the bot knows."""
    await update.effective_message.reply_text(text(language_of(update, context), "help.body"))
