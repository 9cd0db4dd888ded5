"""Read an article part by part: Next part, the words of a part, "I know it" / "New to me",
/read to go on where the learner stopped and /words for the article's items.

Buttons carry no authority: each press is checked against the presser's own current reading
(the lesson exists, it is the one they are reading, the part or item is in it). Anything else
is answered with a friendly line, and nothing changes.
"""
from __future__ import annotations

import asyncio

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import keyboards, render
from bot.callback_data import BadCallbackData, unpack, unpack_int
from bot.handlers import review_cards
from bot.handlers.common import language_of, local_today, now, store_of
from bot.texts import Html, text
from lessons.article import Lesson
from vocab.progress import ReadingState, WordStatus


class StalePress(Exception):
    """A button that is not for the presser's current reading (forged, or left from before)."""


def known_in(update: Update, context: ContextTypes.DEFAULT_TYPE) -> set[str]:
    """Lemmas the learner marked "I know it": no longer in bold when they read."""
    progress = store_of(context).progress(update.effective_user.id)
    return {w.lemma for w in progress.words() if w.status == "known"}


def current_lesson(update: Update, context: ContextTypes.DEFAULT_TYPE, lesson_id: str) -> tuple[Lesson, ReadingState]:
    """The lesson a press names, if it is the presser's current reading; else StalePress."""
    state = store_of(context).progress(update.effective_user.id).current_reading()
    if state is None or state.lesson_id != lesson_id:
        raise StalePress(lesson_id)
    lesson = store_of(context).lessons.get(lesson_id)
    if lesson is None:
        raise StalePress(lesson_id)
    return lesson, state


def checked_press(update: Update, context: ContextTypes.DEFAULT_TYPE, verb: str, arity: int):
    """(lesson, state, fields after the lesson id) of a press, or StalePress."""
    try:
        lesson_id, *rest = unpack(update.callback_query.data, verb, arity)
    except BadCallbackData:
        raise StalePress(update.callback_query.data) from None
    lesson, state = current_lesson(update, context, lesson_id)
    return lesson, state, rest


def part_number(field: str, lesson: Lesson) -> int:
    """A part index of the lesson, or StalePress."""
    try:
        return unpack_int(field, 0, len(lesson.chunks) - 1)
    except BadCallbackData:
        raise StalePress(field) from None


async def answer_stale(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.callback_query.answer(text(language_of(update, context), "reading.stale"))


async def pressed_part(update: Update, context: ContextTypes.DEFAULT_TYPE,
                       verb: str) -> tuple[Lesson, ReadingState, int] | None:
    """(lesson, state, part) of a press naming a part of the current lesson, the press answered;
    None, the press answered as stale, for any other."""
    try:
        lesson, state, (field,) = checked_press(update, context, verb, 2)
        part = part_number(field, lesson)
    except StalePress:
        await answer_stale(update, context)
        return None
    await update.callback_query.answer()
    return lesson, state, part


async def show_part(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the part pressed for (Start reading, Next part, Read it again) and save the place."""
    pressed = await pressed_part(update, context, keyboards.READ)
    if pressed is not None:  # the old keyboard goes and the new part comes at once: one round trip, not two
        await asyncio.gather(retire_keyboard(update.callback_query), send_part(update, context, *pressed))


async def send_part(
    update: Update, context: ContextTypes.DEFAULT_TYPE, lesson: Lesson, state: ReadingState, part: int
) -> None:
    """Save that the learner is at `part` (finished at the last), then send it with its buttons."""
    first_time = part not in state.parts_read
    state = state.at_part(part)
    if part == len(lesson.chunks) - 1:
        state = state.finished(now(context))
    progress = store_of(context).progress(update.effective_user.id)
    with progress.batch():
        progress.save_reading(state)
        if first_time:  # a part read for the first time counts toward the daily goal
            progress.add_activity(local_today(context, progress.user_id), parts=1)
        review_cards.cards_for_tutor_items(context, progress, lesson, state.lesson_id, part, now(context))
    lang = language_of(update, context)
    targets = render.target_items(lesson, known_in(update, context))
    await context.bot.send_message(
        update.effective_chat.id,
        render.part_message(lesson, part, targets, lang),
        reply_markup=keyboards.part_keyboard(state.lesson_id, part, len(lesson.chunks), lang),
    )


async def retire_keyboard(query: CallbackQuery) -> None:
    """Take Next part / Start reading off the message pressed, so it is not pressed twice."""
    message = query.message
    if not isinstance(message, Message):  # too old for the bot to see it
        return
    before = message.reply_markup
    after = keyboards.retired(before)
    if after == before:
        return
    try:
        await query.edit_message_reply_markup(reply_markup=after)
    except BadRequest:  # deleted or too old meanwhile: the new part is sent all the same
        pass


async def show_words_of_part(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the cards of a part's items with "I know it" / "New to me" for each."""
    pressed = await pressed_part(update, context, keyboards.WORDS)
    if pressed is None:
        return
    lesson, state, part = pressed
    lang = language_of(update, context)
    message, shown = render.words_in_part(lesson, part, lang)
    markup = words_markup(update, context, state.lesson_id, shown, lang)
    await context.bot.send_message(update.effective_chat.id, message, reply_markup=markup)


def words_markup(update, context, lesson_id: str, shown, lang: str) -> InlineKeyboardMarkup | None:
    """The know/new keyboard of the items shown, with the choices the learner already made."""
    progress = store_of(context).progress(update.effective_user.id)
    rows = []
    for index, item in shown:
        word = progress.word(item.lemma)
        rows.append((index, item, word.status if word else None))
    return keyboards.words_keyboard(lesson_id, rows, lang)


async def mark_word(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Record "I know it" / "New to me" for an item and show the choice on its button."""
    query = update.callback_query
    try:
        lesson, state, (index_field, choice) = checked_press(update, context, keyboards.KNOW, 3)
        index = unpack_int(index_field, 0, len(lesson.vocabulary) - 1)
        if choice not in (keyboards.KNOWN, keyboards.NEW):
            raise StalePress(choice)
    except (StalePress, BadCallbackData):
        await answer_stale(update, context)
        return
    item = lesson.vocabulary[index]
    at = now(context)
    progress = store_of(context).progress(update.effective_user.id)
    word = progress.word(item.lemma) or WordStatus.first_met(item, state.lesson_id, at)
    word = word.marked_known(at) if choice == keyboards.KNOWN else word.marked_new(at)
    progress.save_words(word)
    if choice == keyboards.NEW:  # a word new to the learner is reviewed from now on
        review_cards.card_for_new_word(context, progress, word, at)
    lang = language_of(update, context)
    noted = "words.noted_known" if choice == keyboards.KNOWN else "words.noted_new"
    await query.answer(text(lang, noted, item=Html(item.item)))
    shown = render.items_in_part(lesson, item.chunk)
    await replace_keyboard(query, words_markup(update, context, state.lesson_id, shown, lang))


async def replace_keyboard(query: CallbackQuery, markup: InlineKeyboardMarkup | None) -> None:
    """Show `markup` on the pressed message, unless it shows it already."""
    message = query.message
    if not isinstance(message, Message) or message.reply_markup == markup:
        return
    try:
        await query.edit_message_reply_markup(reply_markup=markup)
    except BadRequest:
        pass


async def resume(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/read: send the part where the learner stopped, or say what to do next."""
    message = update.effective_message
    lang = language_of(update, context)
    store = store_of(context)
    state = store.progress(update.effective_user.id).current_reading()
    lesson = store.lessons.get(state.lesson_id) if state else None
    if state is None or lesson is None:
        await message.reply_text(text(lang, "reading.nothing_yet"))
    elif state.is_finished and state.part == len(lesson.chunks) - 1:
        await message.reply_text(
            text(lang, "reading.finished", title=lesson.article.title),
            reply_markup=keyboards.finished_keyboard(state.lesson_id, lang),
        )
    else:
        await send_part(update, context, lesson, state, state.part)


async def list_words(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/words: every item of the current article with its gloss."""
    message = update.effective_message
    lang = language_of(update, context)
    store = store_of(context)
    state = store.progress(update.effective_user.id).current_reading()
    lesson = store.lessons.get(state.lesson_id) if state else None
    if lesson is None:
        await message.reply_text(text(lang, "reading.nothing_yet"))
        return
    for part in render.words_overview(lesson, known_in(update, context), lang):
        await message.reply_text(part)
