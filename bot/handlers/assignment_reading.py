"""A learner's side of an assignment: the start button and the group's deep link open it (their
own lesson made from the tutor's at the class's or their level), and the quiz's end counts as
finishing it.

Pressing start again goes on where the learner stopped. Every press and link is checked against
what the store holds now: the presser is a learner of the assignment's class
(`can_see_assignment`); anyone else gets the same answer whether the assignment exists or not.
"""
from __future__ import annotations

import asyncio
from dataclasses import replace

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers import assignment_views as views
from bot.handlers import reading
from bot.handlers.articles import typing_while_working
from bot.handlers.assignment_notices import tell_tutor
from bot.handlers.common import in_private, language_of, learner_of, now, store_of
from bot.texts import text
from lessons.assignment_progress import Finish
from lessons.assignments import Assignment, can_see_assignment
from lessons.classes import Class, can_manage
from vocab.items import DEFAULT_LEVEL
from vocab.progress import QuizSession, ReadingState
from vocab.quiz_session import session_result


class Refused(Exception):
    """A request answered with one message and nothing changed; `args[0]`: the message."""


def _assignment_for(context: ContextTypes.DEFAULT_TYPE, assignment_id: str, user_id: int,
                    lang: str) -> tuple[Assignment, Class]:
    """The assignment and its class if `user_id` is a learner in the class now; else Refused."""
    store = store_of(context)
    assignment = store.assignments.get(assignment_id)
    class_ = store.classes.get(assignment.class_id) if assignment else None
    if not can_see_assignment(assignment, class_, user_id):
        raise Refused(text(lang, "assign.start.not_yours"))
    if can_manage(class_, user_id):
        entry = store.lessons.entry(assignment.lesson_id)
        raise Refused(text(lang, "assign.start.tutor", title=entry.title if entry else "", name=class_.name))
    return assignment, class_


async def start_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE, assignment_id: str) -> None:
    """The start button of an assignment message or reminder."""
    query = update.callback_query
    lang = language_of(update, context)
    try:
        if not in_private(update):
            raise Refused(text(lang, "assign.start.not_yours"))
        assignment, class_ = _assignment_for(context, assignment_id, update.effective_user.id, lang)
    except Refused as refused:
        await query.answer(refused.args[0])
        return
    await query.answer()
    await open_assignment(update, context, assignment, class_)


async def start_from_link(update: Update, context: ContextTypes.DEFAULT_TYPE, payload: str) -> bool:
    """Open the assignment of a /start deep link ("as-<id>"); False (nothing said) for another payload."""
    assignment_id = views.assignment_id_in(payload)
    if assignment_id is None:
        return False
    lang = language_of(update, context)
    try:
        if not in_private(update):
            raise Refused(text(lang, "tutor.private_only", command="/start"))
        assignment, class_ = _assignment_for(context, assignment_id, update.effective_user.id, lang)
    except Refused as refused:
        await update.effective_message.reply_text(refused.args[0])
        return True
    await open_assignment(update, context, assignment, class_)
    return True


def lesson_for(tutor_lesson, level: str, known: set[str]):
    """The tutor's lesson remade for this learner (CPU-heavy: runs in a worker thread)."""
    from lessons.word_list import lesson_for_learner
    from vocab.lexicon import load_lexicon

    return lesson_for_learner(tutor_lesson, level=level, known=known, lexicon=load_lexicon())


async def open_assignment(update: Update, context: ContextTypes.DEFAULT_TYPE, assignment: Assignment,
                          class_: Class) -> None:
    """Go on with the learner's reading of the assignment, or make their lesson and send its first part."""
    store, learner = store_of(context), learner_of(update, context)
    progress = store.progress(learner.user_id)
    started = next((r for r in progress.readings() if r.assignment_id == assignment.assignment_id), None)
    if started is not None and store.lessons.get(started.lesson_id) is not None:
        progress.save_reading(started)  # their current reading again
        await reading.resume(update, context)
        return
    tutor_lesson = store.lessons.get(assignment.lesson_id)
    if tutor_lesson is None:
        await update.effective_message.reply_text(text(learner.language, "assign.start.gone"))
        return
    known = {w.lemma for w in progress.words() if w.is_settled}
    level = class_.level or learner.level or DEFAULT_LEVEL
    async with typing_while_working(context, update.effective_chat.id):
        lesson = await asyncio.to_thread(lesson_for, tutor_lesson, level, known)
    at = now(context)
    lesson_id = store.lessons.add(lesson, owner_id=learner.user_id, at=at)
    state = progress.reading(lesson_id) or ReadingState(lesson_id, started_at=at, parts_read=frozenset())
    state = replace(state, assignment_id=assignment.assignment_id)
    await reading.send_part(update, context, lesson, state, state.part)


async def on_quiz_finished(context: ContextTypes.DEFAULT_TYPE, learner_id: int, session: QuizSession) -> None:
    """Called by the quiz when every question is answered: if the lesson is a learner's reading of
    an assignment, keep the finish (the first one counts) and tell the tutor."""
    store = store_of(context)
    progress = store.progress(learner_id)
    state = progress.reading(session.lesson_id)
    assignment = store.assignments.get(state.assignment_id) if state and state.assignment_id else None
    class_ = store.classes.get(assignment.class_id) if assignment else None
    if assignment is None or not can_see_assignment(assignment, class_, learner_id) or can_manage(class_, learner_id):
        return
    result = session_result(session, progress.answers(session.lesson_id))
    finish = Finish(assignment.assignment_id, learner_id, session.lesson_id, result.score, result.total, now(context))
    if store.assignment_progress.record_finish(finish):
        await tell_tutor(context.bot, store, class_.tutor_id, finish)
