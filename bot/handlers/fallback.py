"""What the bot does with what no other handler took: unknown commands, chatter, stale buttons."""
from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.handlers.common import language_of
from bot.texts import text


def addressed_elsewhere(command: str, bot_username: str) -> bool:
    """True for "/cmd@OtherBot": a command meant for another bot in the same group."""
    _, _, target = command.partition("@")
    return bool(target) and target.lower() != bot_username.lower()


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say the command is unknown and point to /help."""
    message = update.effective_message
    command = message.text.split(maxsplit=1)[0]
    if message.chat.type != ChatType.PRIVATE and addressed_elsewhere(command, context.bot.username):
        return
    name = command.partition("@")[0]
    await message.reply_text(text(language_of(update, context), "fallback.unknown_command", command=name))


async def chatter(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a private message the bot has no use for with a pointer to /help."""
    await update.effective_message.reply_text(text(language_of(update, context), "fallback.chatter"))


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell the learner a button the bot no longer knows has expired."""
    await update.callback_query.answer(text(language_of(update, context), "button.expired"))
