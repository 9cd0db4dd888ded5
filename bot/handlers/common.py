"""Small helpers every handler uses: the store, the clock, the learner and their language."""
from __future__ import annotations

from datetime import date, datetime

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.clock import Clock
from bot.store import Store
from bot.texts import language_for, text
from vocab.progress import Learner
from vocab.progress_summary import local_date

#: Keys of PTB's bot_data where build_application puts the shell's services.
STORE = "store"
CLOCK = "clock"

#: Key of PTB's user_data holding the one question the bot asked a user to answer by typing (a
#: reminder time, a time zone, a due date). One slot: asking another replaces it, so what the user
#: types next always answers the last question they were asked.
TYPED_QUESTION = "typed_question"
#: A typed answer is one short line; anything longer is an article, not a time, a zone or a date.
LONGEST_TYPED_ANSWER = 64


def could_be_typed_answer(typed: str) -> bool:
    """Whether a text can answer a typed question: one short line, not a command or a link
    (those go on to their own handlers, and drop the question)."""
    typed = typed.strip()
    return bool(typed) and not typed.startswith("/") and "\n" not in typed \
        and len(typed) <= LONGEST_TYPED_ANSWER and "://" not in typed


def store_of(context: ContextTypes.DEFAULT_TYPE) -> Store:
    """The TinyDB store opened at start-up."""
    return context.bot_data[STORE]


def now(context: ContextTypes.DEFAULT_TYPE) -> datetime:
    """The current time (UTC, aware) from the bot's clock."""
    clock: Clock = context.bot_data.get(CLOCK) or Clock()
    return clock.now()


def local_today(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> date:
    """Today's date where the learner lives (their time zone; UTC if none): the day their
    activity, goal and streak count in."""
    learner = store_of(context).learners.get(user_id)
    return local_date(now(context), learner.timezone if learner else None)


def learner_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Learner:
    """The stored learner for the update's user, created (and saved) on first contact."""
    user = update.effective_user
    store = store_of(context)
    learner = store.learners.get(user.id)
    if learner is None:
        learner = Learner(
            user_id=user.id,
            name=user.first_name or "",
            created_at=now(context),
            language=language_for(user.language_code),
        )
        store.learners.save(learner)
    return learner


def language_of(update: object, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The language to answer this update in: the learner's stored choice, else their Telegram language."""
    user = update.effective_user if isinstance(update, Update) else None
    if user is None:
        return language_for(None)
    store = context.bot_data.get(STORE)
    learner = store.learners.get(user.id) if store is not None else None
    return language_for(user.language_code, learner.language if learner else None)


def in_private(update: Update) -> bool:
    """Whether the update comes from a private chat with the bot."""
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


async def private_only(update: Update, context: ContextTypes.DEFAULT_TYPE, command: str,
                       message_id: str = "tutor.private_only") -> bool:
    """True in a private chat; in a group, answer that /`command` belongs in the private chat."""
    if in_private(update):
        return True
    await update.effective_message.reply_text(
        text(language_of(update, context), message_id, command=f"/{command.lstrip('/')}"))
    return False
