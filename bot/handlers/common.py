"""Small helpers every handler uses: the learner's language and the reply to send."""
from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.texts import language_for

#: Where a learner's own language choice is kept, in PTB's per-user data.
LANGUAGE_CHOICE = "language"


def language_of(update: object, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The language to answer this update in: the learner's choice, else their Telegram language."""
    user = update.effective_user if isinstance(update, Update) else None
    stored = context.user_data.get(LANGUAGE_CHOICE) if user and context.user_data is not None else None
    return language_for(user.language_code if user else None, stored)
