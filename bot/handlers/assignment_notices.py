"""Messages about assignments that the bot sends on its own: the new assignment to every learner
of the class (and its group), the tutor's finish notices and daily digest, the day-before reminder.

A learner who blocked the bot, or a group the bot was removed from, is logged and skipped: one
unreachable chat never stops the others from getting their messages.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import ChatMigrated, Forbidden, TelegramError

from bot.handlers.assignment_views import group_keyboard, group_message, learner_message, start_keyboard
from bot.handlers.class_views import fit
from bot.store import Repositories
from bot.texts import text
from lessons.assignment_progress import Finish
from lessons.assignments import Assignment
from lessons.classes import Class
from vocab.progress import Learner

_log = logging.getLogger(__name__)


def language(learner: Learner | None) -> str:
    return learner.language if learner else "en"


def name_of(store: Repositories, user_id: int) -> str:
    person = store.learners.get(user_id)
    return person.name if person and person.name else str(user_id)


def title_of(store: Repositories, assignment: Assignment) -> str:
    """The title of the tutor's article (as in their library)."""
    entry = store.lessons.entry(assignment.lesson_id)
    return entry.title if entry else ""


async def deliver(bot: Bot, chat_id: int, message: str, markup: InlineKeyboardMarkup | None = None) -> bool:
    """Send one message; False (logged) if the chat cannot be reached."""
    try:
        await bot.send_message(chat_id, message, reply_markup=markup)
    except Forbidden as refused:  # blocked the bot, or removed it from the group
        _log.info("chat %s cannot be reached (%s); going on", chat_id, refused.message)
        return False
    except TelegramError as error:
        _log.warning("could not send to chat %s (%s); going on", chat_id, error)
        return False
    return True


async def announce(bot: Bot, store: Repositories, assignment: Assignment) -> None:
    """Send the new assignment to every learner of its class, then announce it in the class's group."""
    class_ = store.classes.get(assignment.class_id)
    if class_ is None:
        return
    title, tutor = title_of(store, assignment), store.learners.get(class_.tutor_id)
    sent = 0
    for learner_id in class_.learner_ids:
        lang = language(store.learners.get(learner_id))
        message = learner_message(lang, assignment, title, class_, name_of(store, class_.tutor_id))
        sent += await deliver(bot, learner_id, message, start_keyboard(lang, assignment.assignment_id))
    if class_.group_chat_id is not None:
        lang = language(tutor)
        message = group_message(lang, assignment, title, class_)
        markup = group_keyboard(lang, bot.username, assignment.assignment_id)
        try:
            await bot.send_message(class_.group_chat_id, message, reply_markup=markup)
        except ChatMigrated as moved:  # the group became a supergroup: follow it there
            store.classes.link_group(class_.class_id, moved.new_chat_id)
            await deliver(bot, moved.new_chat_id, message, markup)
        except TelegramError as error:
            _log.info("group %s cannot be reached (%s); going on", class_.group_chat_id, error)
    _log.info("assignment %s sent to %d of %d learners", assignment.assignment_id, sent, class_.size)


async def send_open_assignments(bot: Bot, store: Repositories, class_: Class, learner_id: int, today: date) -> int:
    """Send a learner who has just joined `class_` its assignments that are not overdue, each with
    its start button (those given before they joined count for them too); how many were sent."""
    learner = store.learners.get(learner_id)
    lang, tutor = language(learner), name_of(store, class_.tutor_id)
    sent = 0
    for assignment in store.assignments.for_class(class_.class_id):
        if assignment.is_overdue(today):
            continue
        message = learner_message(lang, assignment, title_of(store, assignment), class_, tutor)
        sent += await deliver(bot, learner_id, message, start_keyboard(lang, assignment.assignment_id))
    return sent


def finish_lines(store: Repositories, lang: str, finishes: Sequence[Finish], key: str) -> list[str]:
    """One line per finish: who, in which class, which article, the score (or that there was no
    quiz: the learner knew every word of it already)."""
    lines = []
    for finish in finishes:
        assignment = store.assignments.get(finish.assignment_id)
        class_ = store.classes.get(assignment.class_id) if assignment else None
        if assignment is None or class_ is None:
            continue
        lines.append(text(lang, key if finish.total else f"{key}.no_quiz", learner=name_of(store, finish.learner_id),
                          name=class_.name, title=title_of(store, assignment), score=finish.score, total=finish.total))
    return lines


async def tell_tutor(bot: Bot, store: Repositories, tutor_id: int, finish: Finish) -> None:
    """The tutor hears that a learner finished: now, or in the evening's digest if they chose it."""
    tutor = store.learners.get(tutor_id)
    if tutor is not None and tutor.daily_digest:
        store.assignment_progress.hold_for_digest(tutor_id, finish)
        return
    for line in finish_lines(store, language(tutor), [finish], "assign.finished"):
        await deliver(bot, tutor_id, line)


def digest_message(store: Repositories, lang: str, finishes: Sequence[Finish]) -> str | None:
    """The held finishes as one message (cut to Telegram's length), or None if none is left."""
    lines = finish_lines(store, lang, finishes, "assign.digest.line")
    return fit("\n".join([text(lang, "assign.digest.head"), *lines])) if lines else None


async def send_digest(bot: Bot, store: Repositories, tutor_id: int, day: date) -> None:
    """Send the tutor's held finishes as one message and forget them (`day`: the tutor's date);
    sent once, like every notice (the finishes stay in the tutor's /report)."""
    tutor = store.learners.get(tutor_id)
    message = digest_message(store, language(tutor), store.assignment_progress.held(tutor_id))
    if message is not None:
        await deliver(bot, tutor_id, message)
    store.assignment_progress.digest_sent(tutor_id, day)


async def remind(bot: Bot, store: Repositories, assignment: Assignment, class_: Class, learner_id: int,
                 at: datetime) -> None:
    """The day-before reminder, with the button to go on reading; kept as sent (a blocked learner
    too: they are not tried again on every tick)."""
    lang = language(store.learners.get(learner_id))
    message = text(lang, "assign.reminder", title=title_of(store, assignment), tutor=name_of(store, class_.tutor_id),
                   due=assignment.due.isoformat() if assignment.due else "")
    await deliver(bot, learner_id, message, start_keyboard(lang, assignment.assignment_id))
    store.assignment_progress.mark_reminded(assignment.assignment_id, learner_id, at)
