"""Group chats: the bot reads with each learner in private, so learner commands get a pointer there."""
from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes
from telegram.helpers import create_deep_linked_url

from bot.handlers.common import language_of, store_of
from bot.texts import text

#: Commands about a learner's own reading: in a group they are answered with the pointer.
#: /help stays answered in groups (it says what the bot does); plain chatter is not answered at all.
LEARNER_COMMANDS = ("start", "read", "words", "quiz", "review", "progress", "settings")


async def point_to_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a learner command sent in a group with a button that opens the private chat."""
    lang = language_of(update, context)
    name = update.effective_user.first_name if update.effective_user else ""
    button = InlineKeyboardButton(text(lang, "group.open_chat"), url=create_deep_linked_url(context.bot.username))
    await update.effective_message.reply_text(
        text(lang, "group.go_private", name=name), reply_markup=InlineKeyboardMarkup.from_button(button)
    )


def migration_of(message) -> tuple[int, int] | None:
    """(old chat id, new chat id) when a message says a group became a supergroup, else None.

    Telegram says it twice: in the old group (`migrate_to_chat_id`) and in the new supergroup
    (`migrate_from_chat_id`); either is enough, and following both is harmless."""
    if message.migrate_to_chat_id:
        return message.chat.id, message.migrate_to_chat_id
    if message.migrate_from_chat_id:
        return message.migrate_from_chat_id, message.chat.id
    return None


def follow_group(context: ContextTypes.DEFAULT_TYPE, old_chat_id: int, new_chat_id: int) -> None:
    """Move a class's group link from a group's old id to its new one (no class: nothing to do)."""
    classes = store_of(context).classes
    linked = classes.class_for_group(old_chat_id)
    if linked is not None and classes.class_for_group(new_chat_id) is None:
        classes.link_group(linked.class_id, new_chat_id)


async def follow_migration(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Keep a class linked to its group when the group becomes a supergroup (a new chat id)."""
    moved = migration_of(update.effective_message)
    if moved:
        follow_group(context, *moved)
