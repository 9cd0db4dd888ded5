"""A tutor's library: /add (the next article sent goes into the library), /library, "lb" buttons.

An article added to the library is read and analysed the way a learner's own article is
(bot/handlers/articles.py, with another `Destination`): at the tutor's level (B2 when unset),
with no words left out for what the tutor knows. It is stored as the tutor's, becomes the
article whose word list they edit (bot/handlers/word_lists.py), and is answered with a preview.

After /add the bot waits `ADD_WAIT` for the article. The wait is kept in the tutor's file, so it
survives a restart of the bot; after it the next article is the tutor's own reading again.
"""
from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, ContextTypes, MessageHandler, filters

from bot.callback_data import BadCallbackData, pack, pattern, unpack
from bot.handlers import articles, groups
from bot.handlers.common import in_private, language_of, learner_of, now, store_of
from bot.handlers.library_views import (
    CANCEL, LIBRARY, OPEN, added_preview, library_list, number_in, waiting_keyboard,
)
from bot.handlers.word_lists import owned_lesson, send_word_list
from bot.texts import text
from lessons.article import Lesson
from vocab.items import DEFAULT_LEVEL

#: How long after /add the next article goes into the library: time enough to find the article
#: and copy it, short enough that an article sent much later is not filed away by surprise.
ADD_WAIT = timedelta(minutes=10)
#: PTB handler group of the article sent after /add: before the groups of bot/app.py that take
#: typed replies (-2: /settings times, -1: quiz answers) and the article handlers, which would
#: otherwise make it the tutor's own reading. It takes only an article, never a short reply.
ADDING = -3
#: For CallbackQueryHandler(on_button, pattern=BUTTONS) in bot/app.py.
BUTTONS = pattern(LIBRARY)


def library_destination(update: Update, context: ContextTypes.DEFAULT_TYPE) -> articles.Destination:
    """The tutor's library: analysed at the tutor's level, nothing left out, kept by `keep_in_library`."""
    return articles.Destination(learner_of(update, context).level or DEFAULT_LEVEL, (), keep_in_library)


async def keep_in_library(update: Update, context: ContextTypes.DEFAULT_TYPE, lesson: Lesson) -> None:
    """Store the article as the tutor's, open its word list, and answer with its preview."""
    store, user_id = store_of(context), update.effective_user.id
    store.desk.stop_adding(user_id)
    lesson_id = store.lessons.add(lesson, owner_id=user_id, at=now(context))
    store.desk.open(user_id, lesson_id)
    stored = store.lessons.get(lesson_id) or lesson  # the same article added again keeps its edits
    number = number_in(store.lessons.list_for(user_id), lesson_id)
    body, keyboard = added_preview(stored, lesson_id, number, language_of(update, context))
    await update.effective_message.reply_text(body, reply_markup=keyboard)


async def add(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/add: wait for the article to put in the library; /add URL adds that page at once."""
    if not in_private(update):
        await groups.point_to_private(update, context)
        return
    message, lang = update.effective_message, language_of(update, context)
    link = articles.link_in(message) if context.args else None
    if link:
        await articles.make_lesson(update, context, lambda: articles.read_link(link),
                                   into=library_destination(update, context))  # fmt: skip
        return
    store_of(context).desk.start_adding(update.effective_user.id, now(context))
    minutes = int(ADD_WAIT.total_seconds() // 60)
    await message.reply_text(text(lang, "library.add_prompt", minutes=minutes), reply_markup=waiting_keyboard(lang))


def is_adding(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True while the user's /add waits for its article (a wait run out is forgotten)."""
    desk, user_id = store_of(context).desk, update.effective_user.id
    since = desk.adding_since(user_id)
    if since is None:
        return False
    if now(context) - since > ADD_WAIT:
        desk.stop_adding(user_id)
        return False
    return True


async def take_article(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Put the article sent after /add into the library (anything else goes on to other handlers)."""
    message = update.effective_message
    if not is_adding(update, context):
        return
    if message.document is None and articles.is_chatter(message, context):
        return  # "thanks", a typed quiz answer: not the article
    into = library_destination(update, context)
    if message.document is not None:
        await articles.bring_file(update, context, into)
    else:
        await articles.bring_text(update, context, into)
    raise ApplicationHandlerStop


def adding_handlers() -> list[BaseHandler]:
    """The handler of group ADDING (bot/app.py registers it)."""
    private_message = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    return [MessageHandler(private_message & (filters.Document.ALL | (filters.TEXT & ~filters.COMMAND)), take_article)]


async def show_library(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/library: the tutor's articles, numbered, each with a button to its word list."""
    if not in_private(update):
        await groups.point_to_private(update, context)
        return
    lang = language_of(update, context)
    for body, keyboard in library_list(store_of(context).lessons.list_for(update.effective_user.id), lang):
        await update.effective_message.reply_text(body, reply_markup=keyboard)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Open an article's word list (its owner only), or stop waiting after /add."""
    query = update.callback_query
    lang = language_of(update, context)
    user_id = update.effective_user.id
    if query.data == pack(LIBRARY, CANCEL):
        await query.answer()
        store_of(context).desk.stop_adding(user_id)
        await query.edit_message_text(text(lang, "library.cancelled"))
        return
    try:
        action, lesson_id = unpack(query.data, LIBRARY, 2)
        if action != OPEN:
            raise BadCallbackData(query.data)
    except BadCallbackData:
        await query.answer(text(lang, "button.expired"))
        return
    lesson = owned_lesson(context, lesson_id, user_id)
    if lesson is None or not in_private(update):
        await query.answer(text(lang, "library.refused"))  # unknown or someone else's: the same answer
        return
    await query.answer()
    store_of(context).desk.open(user_id, lesson_id)
    await send_word_list(update, context, lesson_id, lesson)
