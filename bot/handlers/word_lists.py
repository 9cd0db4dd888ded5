"""Editing an article's word list before assigning it: /wordlist, /addword, /removeword, /gloss
and the ✗ buttons ("wl").

The commands act on the article whose word list the tutor opened last (kept in their file), or
on the one a leading "#N" names (its number in /library). Every command and press checks again
that the article is the sender's own: callback data naming someone else's lesson is answered
exactly as an unknown one, and a command never reaches another tutor's article.
"""
from __future__ import annotations

import asyncio
import contextlib
import html
import re

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.callback_data import BadCallbackData, pattern, unpack, unpack_int
from bot.handlers import groups
from bot.handlers.common import language_of, store_of
from bot.handlers.library_views import REMOVE, WORD_LIST, item_check, number_in, word_list
from bot.render import short_title
from bot.texts import Html, text
from lessons.article import Lesson
from lessons.word_list import (
    MAX_PHRASE_WORDS, MAX_TUTOR_GLOSS, WordListError, add_item, find_item, remove_item, set_tutor_gloss,
)
from vocab.items import VocabItem

#: For CallbackQueryHandler(on_button, pattern=BUTTONS) in bot/app.py.
BUTTONS = pattern(WORD_LIST)
#: "/gloss munitions -": take the translation away.
NO_GLOSS = "-"
#: The longest item name a /gloss command is searched for (picked phrases: "highlight the importance").
LONGEST_ITEM_WORDS = 6
LIMITS = {"too_long": MAX_PHRASE_WORDS, "gloss_too_long": MAX_TUTOR_GLOSS}


class NoArticle(Exception):
    """The command names no article of the sender's; `message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def owned_lesson(context: ContextTypes.DEFAULT_TYPE, lesson_id: str, user_id: int) -> Lesson | None:
    """The lesson if `user_id` owns it; None for someone else's, an unknown or a malformed id."""
    store = store_of(context)
    entry = store.lessons.entry(lesson_id)
    if entry is None or entry.owner_id != user_id:
        return None
    return store.lessons.get(lesson_id)


def chosen_article(update: Update, context: ContextTypes.DEFAULT_TYPE, args: list[str]) -> tuple[str, Lesson, list[str]]:
    """(lesson id, lesson, the other arguments): the article "#N" names, else the one opened last,
    else the newest in the library. NoArticle when there is none."""
    store, user_id, lang = store_of(context), update.effective_user.id, language_of(update, context)
    entries = store.lessons.list_for(user_id)
    if not entries:
        raise NoArticle(text(lang, "library.empty"))
    if args and args[0].startswith("#"):
        number, args = args[0][1:], args[1:]
        if not number.isdigit() or not 1 <= int(number) <= len(entries):
            raise NoArticle(text(lang, "library.no_such_number", number=number))
        lesson_id = entries[int(number) - 1].lesson_id
    else:
        lesson_id = store.desk.open_lesson(user_id) or ""
    lesson = owned_lesson(context, lesson_id, user_id)
    if lesson is None:  # none opened yet (or not theirs): the newest of their own
        lesson_id = entries[-1].lesson_id
        lesson = owned_lesson(context, lesson_id, user_id)
    if lesson is None:
        raise NoArticle(text(lang, "library.empty"))
    store.desk.open(user_id, lesson_id)
    return lesson_id, lesson, args


async def send_word_list(update: Update, context: ContextTypes.DEFAULT_TYPE, lesson_id: str, lesson: Lesson) -> None:
    """Send the article's word list, with a ✗ button for each item."""
    number = number_in(store_of(context).lessons.list_for(update.effective_user.id), lesson_id)
    for body, keyboard in word_list(lesson, lesson_id, number, language_of(update, context)):
        await context.bot.send_message(update.effective_chat.id, body, reply_markup=keyboard)


async def _private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    if update.effective_chat.type == ChatType.PRIVATE:
        return True
    await groups.point_to_private(update, context)
    return False


async def show_word_list(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/wordlist [N]: the word list of article N of the library, or of the one opened last."""
    if not await _private(update, context):
        return
    args = list(context.args or ())
    if args and args[0].isdigit():
        args[0] = "#" + args[0]
    try:
        lesson_id, lesson, _ = chosen_article(update, context, args)
    except NoArticle as none:
        await update.effective_message.reply_text(none.message)
        return
    await send_word_list(update, context, lesson_id, lesson)


def item_named(lesson: Lesson, which: str) -> VocabItem | None:
    """The item `which` names: its number in the list, its text, lemma or a form of it."""
    if which.isdigit():
        index = int(which) - 1
        return lesson.vocabulary[index] if 0 <= index < len(lesson.vocabulary) else None
    return find_item(lesson, which)


def refusal(lang: str, error: WordListError, word: str, lesson: Lesson) -> str:
    if error.reason == "empty":
        return text(lang, "wordlist.usage.addword")
    return text(lang, f"wordlist.error.{error.reason}", word=word, title=short_title(lesson.article.title),
                max=LIMITS.get(error.reason, ""))  # fmt: skip


async def _edit(update: Update, context: ContextTypes.DEFAULT_TYPE, usage: str, minimum: int, change) -> None:
    """Run one word-list command: the article, then `change(lesson, args)` -> (edited lesson, reply)."""
    if not await _private(update, context):
        return
    lang, message = language_of(update, context), update.effective_message
    try:
        lesson_id, lesson, args = chosen_article(update, context, list(context.args or ()))
    except NoArticle as none:
        await message.reply_text(none.message)
        return
    if len(args) < minimum:
        await message.reply_text(text(lang, usage))
        return
    try:
        edited, reply = await change(lesson, args, lang)
    except WordListError as error:
        await message.reply_text(refusal(lang, error, error.args[0] if error.args else "", lesson))
        return
    store_of(context).lessons.replace(lesson_id, edited)
    await message.reply_text(reply)


async def add_word(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/addword WORD OR PHRASE: add a word or phrase of the article to its word list."""

    async def change(lesson: Lesson, args: list[str], lang: str):
        phrase = " ".join(args)
        try:
            edited = await asyncio.to_thread(_with_lexicon, add_item, lesson, phrase)
        except WordListError as error:
            raise WordListError(error.reason, phrase) from None
        item = edited.vocabulary[-1]
        return edited, text(lang, "wordlist.added_one", item=item.item, part=item.chunk + 1,
                            title=short_title(lesson.article.title),
                            gloss=item.gloss or text(lang, "wordlist.no_gloss"))  # fmt: skip

    await _edit(update, context, "wordlist.usage.addword", 1, change)


def _with_lexicon(edit, lesson: Lesson, phrase: str) -> Lesson:
    from vocab.lexicon import load_lexicon  # nltk: not at start-up

    return edit(lesson, phrase, load_lexicon())


async def remove_word(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/removeword WORD (or its number): take an item off the article's word list."""

    async def change(lesson: Lesson, args: list[str], lang: str):
        which = " ".join(args)
        item = item_named(lesson, which)
        if item is None:
            raise WordListError("not_in_list", which)
        return remove_item(lesson, item.item), text(lang, "wordlist.removed_one", item=item.item,
                                                    title=short_title(lesson.article.title))  # fmt: skip

    await _edit(update, context, "wordlist.usage.removeword", 1, change)


def split_gloss(lesson: Lesson, args: list[str]) -> tuple[VocabItem | None, str]:
    """The item a /gloss command names (its longest run of first words that names one) and the
    translation after it."""
    for size in range(min(len(args) - 1, LONGEST_ITEM_WORDS), 0, -1):
        item = item_named(lesson, " ".join(args[:size]))
        if item is not None:
            return item, " ".join(args[size:])
    return None, ""


async def gloss_word(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/gloss WORD TRANSLATION: show learners a translation beside the item's English gloss."""

    async def change(lesson: Lesson, args: list[str], lang: str):
        item, gloss = split_gloss(lesson, args)
        added = item is None
        if added:  # a word of the article not on the list yet: add it, then gloss it
            lesson, item, gloss = await asyncio.to_thread(_add_for_gloss, lesson, args)
        gloss = "" if gloss.strip() == NO_GLOSS else gloss
        edited = set_tutor_gloss(lesson, item.item, gloss)
        if not gloss:
            return edited, text(lang, "wordlist.gloss_cleared", item=item.item)
        reply = text(lang, "wordlist.glossed", item=item.item, gloss=" ".join(gloss.split()))
        return edited, (text(lang, "wordlist.added_for_gloss", item=item.item) + "\n" + reply) if added else reply

    await _edit(update, context, "wordlist.usage.gloss", 2, change)


def _add_for_gloss(lesson: Lesson, args: list[str]) -> tuple[Lesson, VocabItem, str]:
    """The lesson with the longest run of first words of a /gloss command that occurs in the
    article added to its list, that item, and the translation after it; WordListError
    "not_in_list" when no run of words occurs in the text."""
    for size in range(min(len(args) - 1, MAX_PHRASE_WORDS), 0, -1):
        try:
            edited = _with_lexicon(add_item, lesson, " ".join(args[:size]))
        except WordListError:
            continue
        return edited, edited.vocabulary[-1], " ".join(args[size:])
    raise WordListError("not_in_list", args[0])


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """✗ under a word list: take that item off, if the article is the presser's own."""
    query = update.callback_query
    lang, user_id = language_of(update, context), update.effective_user.id
    try:
        action, lesson_id, index_field, check = unpack(query.data, WORD_LIST, 4)
        index = unpack_int(index_field, 0, 999)
        if action != REMOVE:
            raise BadCallbackData(query.data)
    except BadCallbackData:
        await query.answer(text(lang, "button.expired"))
        return
    lesson = owned_lesson(context, lesson_id, user_id)
    if lesson is None or update.effective_chat.type != ChatType.PRIVATE:
        await query.answer(text(lang, "library.refused"))  # unknown or someone else's: the same answer
        return
    if index >= len(lesson.vocabulary) or item_check(lesson.vocabulary[index]) != check:
        await query.answer(text(lang, "wordlist.changed"))
    else:
        item = lesson.vocabulary[index]
        lesson = remove_item(lesson, item.item)
        store_of(context).lessons.replace(lesson_id, lesson)
        await query.answer(text(lang, "wordlist.pressed_removed", item=Html(item.item)))  # plain text: no escaping
    await refresh(update, context, lesson_id, lesson)


def _shows(message, body: str, keyboard) -> bool:
    """Whether the message shows this list already (Telegram refuses an edit that changes nothing)."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", body)).strip()
    return isinstance(message, Message) and message.reply_markup == keyboard and (message.text or "").strip() == plain


async def refresh(update: Update, context: ContextTypes.DEFAULT_TYPE, lesson_id: str, lesson: Lesson) -> None:
    """Show the list as it is now: in the pressed message when it fits one, else anew."""
    query = update.callback_query
    number = number_in(store_of(context).lessons.list_for(update.effective_user.id), lesson_id)
    pages = word_list(lesson, lesson_id, number, language_of(update, context))
    if len(pages) == 1:
        body, keyboard = pages[0]
        if not _shows(query.message, body, keyboard):
            with contextlib.suppress(BadRequest):  # deleted meanwhile
                await query.edit_message_text(body, reply_markup=keyboard)
        return
    with contextlib.suppress(BadRequest):  # the old buttons go; the longer list comes anew
        await query.edit_message_reply_markup(reply_markup=None)
    for body, keyboard in pages:
        await context.bot.send_message(update.effective_chat.id, body, reply_markup=keyboard)
