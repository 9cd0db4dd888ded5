"""Group chats: the bot reads with each learner in private, so learner commands get a pointer there."""
from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes
from telegram.helpers import create_deep_linked_url

from bot.handlers.common import language_of
from bot.texts import text

#: Commands about a learner's own reading: in a group they are answered with the pointer.
#: /help stays answered in groups (it says what the bot does); plain chatter is not answered at all.
LEARNER_COMMANDS = ("start", "read", "words", "quiz", "progress", "settings")


async def point_to_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a learner command sent in a group with a button that opens the private chat."""
    lang = language_of(update, context)
    name = update.effective_user.first_name if update.effective_user else ""
    button = InlineKeyboardButton(text(lang, "group.open_chat"), url=create_deep_linked_url(context.bot.username))
    await update.effective_message.reply_text(
        text(lang, "group.go_private", name=name), reply_markup=InlineKeyboardMarkup.from_button(button)
    )
