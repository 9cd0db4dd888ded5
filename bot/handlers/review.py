"""/review: the learner's due cards one at a time (recall, recognition, now and then a quiz poll),
Show, then Again / Hard / Good / Easy; a summary at the end with when the next words are due.

The session is kept in the learner's file (the card on screen, shown or not, the poll sent) and
saved before a card is sent, so /review after a restart puts the same card back. A rating, the
card's new schedule, the session's counts and the day's activity are written together. Buttons
carry no authority: a press counts only if it names the presser's own session and the card on
screen; anything else gets a kind answer and changes nothing.
"""
from __future__ import annotations

import asyncio
import logging
import random

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.callback_data import BadCallbackData, pattern, unpack, unpack_int
from bot.handlers.common import language_of, learner_of, now, store_of
from bot.handlers.quiz_messages import poll_arguments
from bot.handlers.review_messages import (
    RATING_OF, SHOW, VERB, can_recall, card_text, keyboard, nothing_due_text, poll_verdict, rated_text,
    summary_text,
)
from bot.texts import text
from vocab.items import VocabItem
from vocab.progress import Learner, ProgressRepository
from vocab.progress_summary import local_date
from vocab.review import ReviewCard, days_until, due_cards, next_due, review
from vocab.review_session import SESSION_LIMIT, ReviewSession, mode_for, poll_rating, review_poll, word_span

_log = logging.getLogger(__name__)

BUTTONS = pattern(VERB)  # what CallbackQueryHandler routes here


async def review_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resume the review on screen, or start one on the cards due now."""
    message = update.effective_message
    learner = learner_of(update, context)
    lang = language_of(update, context)
    progress = store_of(context).progress(learner.user_id)
    at = now(context)
    stored = progress.review_session()
    # a review left on an earlier day is dropped: today's starts afresh
    session = stored if stored and days_until(at, stored.started_at, learner.timezone) == 0 else None
    card = progress.card(session.lemma) if session and session.lemma else None
    if session is not None and card is not None:
        await show(context, message.chat_id, progress, session, card, learner, lang, lead=text(lang, "review.resume"))
        return
    if session is None:
        cards = progress.cards()
        due = due_cards(cards, at)
        if not due:
            if stored is not None:
                progress.save_review_session(None)
            await message.reply_text(nothing_due_text(lang, next_due(cards, at), at, learner.timezone))
            return
        session = ReviewSession.start(at, len(due))
    await next_card(context, message.chat_id, progress, session, learner, lang)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the card's answer, or take its rating and move on to the next card."""
    query = update.callback_query
    lang = language_of(update, context)
    progress = store_of(context).progress(query.from_user.id)
    session, card, action = pressed(query, progress)
    if session is None or card is None or (action != SHOW and not session.revealed):
        await query.answer(text(lang, "review.stale"))
        return
    await query.answer()
    learner = learner_of(update, context)
    if action == SHOW:
        if session.revealed:  # pressed twice, or the press delivered again after a restart
            return
        session = session.revealing()
        progress.save_review_session(session)
        await deliver(context, query.from_user.id, card_text(lang, card, session, lesson_item(context, card)),
                      keyboard(session, lang), query)
        return
    session, card = rate(context, progress, session, card, RATING_OF[action], learner)
    lead = rated_text(lang, card, RATING_OF[action], now(context), learner.timezone)
    await next_card(context, query.from_user.id, progress, session, learner, lang, lead=lead, query=query)


def pressed(query: CallbackQuery, progress: ProgressRepository):
    """(session, card on screen, action) of a press on the presser's own card; Nones otherwise."""
    try:
        session_id, number, action = unpack(query.data, VERB, 3)
        number = unpack_int(number, 1, SESSION_LIMIT)
    except BadCallbackData:
        return None, None, None
    session = progress.review_session()
    if (session is None or session.session_id != session_id or session.number != number
            or session.lemma is None or session.mode == "poll" or (action != SHOW and action not in RATING_OF)):
        return None, None, None
    return session, progress.card(session.lemma), action


async def poll_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take the answer to the review poll on screen (right: Good, wrong: Again); any other poll
    answer goes on to the quiz."""
    answer = update.poll_answer
    if answer.user is None:
        return
    progress = store_of(context).progress(answer.user.id)
    session = progress.review_session()
    if session is None or not session.poll_id or session.poll_id != answer.poll_id or session.lemma is None:
        return
    card, learner = progress.card(session.lemma), store_of(context).learners.get(answer.user.id)
    if card is None or learner is None or session.poll_question is None:
        raise ApplicationHandlerStop
    rating = poll_rating(session.poll_question, answer.option_ids)
    session, card = rate(context, progress, session, card, rating, learner)
    lang = language_of(update, context)
    lead = poll_verdict(lang, card, rating, now(context), learner.timezone)
    await next_card(context, answer.user.id, progress, session, learner, lang, lead=lead)
    raise ApplicationHandlerStop


def rate(context: ContextTypes.DEFAULT_TYPE, progress: ProgressRepository, session: ReviewSession,
         card: ReviewCard, rating: str, learner: Learner) -> tuple[ReviewSession, ReviewCard]:
    """Schedule the card by the rating and keep it, the session's counts and the day's activity at once."""
    at = now(context)
    rated, session = review(card, rating, at, learner.desired_retention), session.rated(rating)
    with progress.batch():
        progress.save_cards(rated)
        progress.save_review_session(session)
        progress.add_activity(local_date(at, learner.timezone), reviews=1)
    return session, rated


async def next_card(context: ContextTypes.DEFAULT_TYPE, chat_id: int, progress: ProgressRepository,
                    session: ReviewSession, learner: Learner, lang: str, *, lead: str = "",
                    query: CallbackQuery | None = None) -> None:
    """Put the next due card on screen (after `lead`), or end the session with its summary."""
    at = now(context)
    cards = progress.cards()
    due = due_cards(cards, at)
    if session.is_full or not due:
        progress.save_review_session(None)
        if session.reviewed:
            summary = summary_text(lang, session, len(due), next_due(cards, at), at, learner.timezone)
        else:  # a session left between cards, and nothing due any more
            summary = nothing_due_text(lang, next_due(cards, at), at, learner.timezone)
        await deliver(context, chat_id, joined(lead, summary), None, query)
        return
    card, number = due[0], session.number + 1
    item = lesson_item(context, card)
    mode = mode_for(number, can_poll=item is not None)
    question = await make_poll(progress.user_id, session, card, item, context) if mode == "poll" else None
    if mode == "poll" and question is None:
        mode = "recall"
    if mode == "recall" and not can_recall(card, word_span(card, item)):
        mode = "recognition"
    session = session.showing(card.lemma, mode)
    if question is not None:
        session = session.with_poll("", question)
    progress.save_review_session(session)
    await show(context, chat_id, progress, session, card, learner, lang, lead=lead, query=query, item=item)


async def show(context: ContextTypes.DEFAULT_TYPE, chat_id: int, progress: ProgressRepository,
               session: ReviewSession, card: ReviewCard, learner: Learner, lang: str, *, lead: str = "",
               query: CallbackQuery | None = None, item: VocabItem | None = None) -> None:
    """Send the session's card: a message with its buttons, or its quiz poll (the poll's id kept)."""
    if session.mode != "poll" or session.poll_question is None:
        body = card_text(lang, card, session, item or lesson_item(context, card))
        await deliver(context, chat_id, joined(lead, body), keyboard(session, lang), query)
        return
    if lead:
        await deliver(context, chat_id, lead, None, query)
    total = max(session.total, session.number)
    sent = await context.bot.send_poll(chat_id, **poll_arguments(session.poll_question, session.number, total, lang))
    progress.save_review_session(session.with_poll(sent.poll.id, session.poll_question))


async def deliver(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message: str,
                  markup: InlineKeyboardMarkup | None, query: CallbackQuery | None) -> None:
    """Edit the pressed message into `message` (one message per card), or send it."""
    pressed_message = query.message if query is not None else None
    if isinstance(pressed_message, Message):
        try:
            await query.edit_message_text(message, reply_markup=markup)
            return
        except BadRequest as error:  # too old or deleted meanwhile: send it instead
            _log.info("could not edit a review card: %s", error)
    await context.bot.send_message(chat_id, message, reply_markup=markup)


def lesson_item(context: ContextTypes.DEFAULT_TYPE, card: ReviewCard) -> VocabItem | None:
    """The card's item in its lesson (forms, part of speech, frequency), when the lesson is kept."""
    lesson = store_of(context).lessons.get(card.lesson_id)
    return next((i for i in lesson.vocabulary if i.lemma == card.lemma), None) if lesson else None


async def make_poll(user_id: int, session: ReviewSession, card: ReviewCard, item: VocabItem | None,
                    context: ContextTypes.DEFAULT_TYPE) -> dict | None:
    """A quiz poll on the card (None when its word allows none), made in a thread."""
    if item is None:
        return None
    lesson = store_of(context).lessons.get(card.lesson_id)
    rng = random.Random(f"{user_id}:{session.session_id}:{session.number + 1}")

    def build() -> dict | None:
        from vocab.lexicon import load_lexicon

        return review_poll(card, item, rng, article_items=lesson.vocabulary if lesson else (), lexicon=load_lexicon())

    return await asyncio.to_thread(build)


def joined(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)

