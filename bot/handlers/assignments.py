"""Assigning: /assign (in one line, or step by step with buttons: article, class, due date), the
"as" buttons, and /digest. The learner's side is in assignment_reading.py.

"Type a date" asks for the due date: the tutor's next short text is taken as it (`typed_due_date`,
run before the other text handlers) while the question is open, DUE_QUESTION_MINUTES of the bot's
clock, in memory only; the message also shows the one-line /assign command that does the same later.

Every command and press asks again what the store holds now: the tutor owns the article
(`LibraryEntry.owner_id`) and manages the class (`lessons.classes.can_manage`). A refused press
gets the same answer whether the article or class exists or not, so nothing about other tutors'
things leaks.
"""
from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from telegram import Message, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.callback_data import BadCallbackData, pattern, unpack, unpack_int
from bot.handlers import assignment_reading
from bot.handlers import assignment_views as views
from bot.handlers.assignment_notices import announce, digest_message
from bot.handlers.assignment_reading import Refused
from bot.handlers.class_views import fit
from bot.handlers.common import (
    TYPED_QUESTION, could_be_typed_answer, in_private, language_of, learner_of, now, private_only, store_of,
)
from bot.texts import text
from lessons.assignment_progress import local_moment
from lessons.assignments import new_assignment, parse_due
from lessons.classes import Class, ClassError, can_manage, find_class
from lessons.library import LibraryEntry
from vocab.progress import Learner

#: For CallbackQueryHandler(on_button, pattern=BUTTONS) in bot/app.py.
BUTTONS = pattern(views.VERB)
#: Fields after the verb of each button (bot/handlers/assignment_views.py).
ARITY = {views.ARTICLE: 2, views.CLASS: 3, views.DUE: 4, views.TYPE_DATE: 3, views.START: 2}
#: The last word of "/assign 2 Thursday B2 2024-03-15" is a due date when it starts like one
#: (a digit or "+"); parse_due then reads it or says what is wrong with it.
DATE_LIKE = re.compile(r"[+\d][\w./+-]*")
#: How long "Type a date" waits for the date: enough to look at a calendar.
DUE_QUESTION_MINUTES = 10


@dataclass(frozen=True)
class DueDateQuestion:
    """"Type a date" was pressed: the tutor's next short text is the due date of this article for this class."""

    lesson_id: str
    class_id: str
    expires: datetime


def tutor_today(context: ContextTypes.DEFAULT_TYPE, tutor: Learner) -> date:
    """The tutor's calendar day (their time zone, else UTC): what due dates are counted from."""
    return local_moment(now(context), tutor.timezone).date()


def find_article(library: Sequence[LibraryEntry], ref: str) -> LibraryEntry | None:
    """The article numbered `ref` in the library (1 = the oldest, as /library lists them) or with
    that lesson id."""
    if ref.isdigit() and 1 <= int(ref) <= len(library):
        return library[int(ref) - 1]
    return next((e for e in library if e.lesson_id == ref.lower()), None)


def split_class_and_due(classes: Sequence[Class], words: Sequence[str]) -> tuple[Class | None, str | None]:
    """The class named by `words` and the due date typed after it, if any."""
    whole = find_class(classes, " ".join(words))
    if whole is not None or len(words) < 2 or not DATE_LIKE.fullmatch(words[-1]):
        return whole, None
    return find_class(classes, " ".join(words[:-1])), words[-1]


def _number_of(library: Sequence[LibraryEntry], entry: LibraryEntry) -> str:
    ids = [e.lesson_id for e in library]
    return str(ids.index(entry.lesson_id) + 1) if entry.lesson_id in ids else entry.lesson_id


def _date_error(lang: str, error: ClassError, today: date) -> str:
    return text(lang, f"assign.error.{error.reason}", example=views.date_example(today))


def assign_to(update: Update, context: ContextTypes.DEFAULT_TYPE, tutor: Learner, entry: LibraryEntry | None,
              class_: Class | None, due: date | None, today: date) -> str:
    """Give the class the article (Refused if the tutor may not, or it is empty or given already);
    the learners' messages go out in the background. Returns the tutor's confirmation."""
    lang = tutor.language
    if entry is None or entry.owner_id != tutor.user_id or not can_manage(class_, tutor.user_id):
        raise Refused(text(lang, "assign.button.refused"))
    store = store_of(context)
    if class_.size == 0:
        raise Refused(text(lang, "assign.error.empty_class", name=class_.name))
    if any(a.lesson_id == entry.lesson_id for a in store.assignments.for_class(class_.class_id)):
        raise Refused(text(lang, "assign.error.already_assigned", title=entry.title, name=class_.name))
    try:
        assignment = new_assignment(class_, entry.lesson_id, now(context), secrets, due=due, today=today)
    except ClassError as refused:
        raise Refused(_date_error(lang, refused, today)) from None
    store.assignments.add(assignment)
    context.application.create_task(announce(context.bot, store, assignment), update=update)
    return views.done_message(lang, assignment, entry.title, class_)


async def assign(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Give one of the sender's classes an article of their library, with an optional due date."""
    message = update.effective_message
    lang = language_of(update, context)
    if not await private_only(update, context, "assign"):
        return
    tutor = learner_of(update, context)
    store = store_of(context)
    classes, library = store.classes.for_tutor(tutor.user_id), store.lessons.list_for(tutor.user_id)
    today = tutor_today(context, tutor)
    try:
        if not classes:
            raise Refused(text(lang, "assign.no_class"))
        if not library:
            raise Refused(text(lang, "assign.empty_library"))
        if not context.args:
            await message.reply_text(text(lang, "assign.choose_article", name=classes[0].name,
                                          example=views.date_example(today)),
                                     reply_markup=views.article_keyboard(lang, library))
            return
        entry = find_article(library, context.args[0])
        if entry is None:
            raise Refused(text(lang, "assign.unknown_article", ref=context.args[0]))
        if len(context.args) == 1:
            await message.reply_text(text(lang, "assign.choose_class", title=entry.title),
                                     reply_markup=views.class_keyboard(entry.lesson_id, classes))
            return
        class_, typed_due = split_class_and_due(classes, context.args[1:])
        if class_ is None:
            raise Refused(text(lang, "tutor.unknown_class", name=" ".join(context.args[1:])))
        try:
            due = parse_due(typed_due, today) if typed_due else None
        except ClassError as refused:
            raise Refused(_date_error(lang, refused, today)) from None
        await message.reply_text(assign_to(update, context, tutor, entry, class_, due, today))
    except Refused as refused:
        await message.reply_text(refused.args[0])


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Go one step further in assigning (article, class, due date), or start an assignment."""
    query = update.callback_query
    lang = language_of(update, context)
    try:
        action, *fields = unpack(query.data, views.VERB, ARITY.get(_action_of(query.data), -1))
        days = _days(fields[2]) if action == views.DUE else None
    except BadCallbackData:
        await query.answer(text(lang, "button.expired"))
        return
    if action == views.START:
        await assignment_reading.start_pressed(update, context, fields[0])
        return
    store, user_id = store_of(context), update.effective_user.id
    entry = store.lessons.entry(fields[0])
    class_ = store.classes.get(fields[1]) if len(fields) > 1 else None
    owned = entry is not None and entry.owner_id == user_id and in_private(update)
    if not owned or (len(fields) > 1 and not can_manage(class_, user_id)):
        await query.answer(text(lang, "assign.button.refused"))
        return
    await query.answer()
    tutor = learner_of(update, context)
    try:
        body, markup = _next_step(update, context, tutor, action, entry, class_, days)
    except Refused as refused:
        body, markup = refused.args[0], None
    if action == views.ARTICLE and not _all_ours(query.message):  # under the library's preview: keep it
        await context.bot.send_message(update.effective_chat.id, body, reply_markup=markup)
    else:
        await query.edit_message_text(body, reply_markup=markup)


def _all_ours(message: object) -> bool:
    """Whether every button on the pressed message is an assigning one (so the message is ours to edit)."""
    markup = message.reply_markup if isinstance(message, Message) else None
    buttons = [b for row in markup.inline_keyboard for b in row] if markup else []
    return bool(buttons) and all(str(b.callback_data or "").startswith(views.VERB + ":") for b in buttons)


def _action_of(data: str | None) -> str:
    parts = (data or "").split(":")
    return parts[1] if len(parts) > 1 else ""


def _days(field: str) -> int:
    """Days from today of a due-date button (0: no due date); BadCallbackData for any other."""
    days = unpack_int(field, 0, max(views.DUE_CHOICES))
    if days not in views.DUE_CHOICES:
        raise BadCallbackData(field)
    return days


def _next_step(update: Update, context: ContextTypes.DEFAULT_TYPE, tutor: Learner, action: str,
               entry: LibraryEntry, class_: Class | None, days: int | None):
    """(message, keyboard) after the press: the next question, or the assignment made."""
    lang, store = tutor.language, store_of(context)
    if action == views.ARTICLE:
        classes = store.classes.for_tutor(tutor.user_id)
        if not classes:
            raise Refused(text(lang, "assign.no_class"))
        return text(lang, "assign.choose_class", title=entry.title), views.class_keyboard(entry.lesson_id, classes)
    if class_.size == 0:
        raise Refused(text(lang, "assign.error.empty_class", name=class_.name))
    if action == views.CLASS:
        return (text(lang, "assign.choose_due", title=entry.title, name=class_.name),
                views.due_keyboard(lang, entry.lesson_id, class_.class_id))
    today = tutor_today(context, tutor)
    if action == views.TYPE_DATE:
        expires = now(context) + timedelta(minutes=DUE_QUESTION_MINUTES)
        context.user_data[TYPED_QUESTION] = DueDateQuestion(entry.lesson_id, class_.class_id, expires)
        number = _number_of(store.lessons.list_for(tutor.user_id), entry)
        return text(lang, "assign.type_date", title=entry.title, name=class_.name, number=number,
                    example=views.date_example(today)), None
    due = None if not days else today + timedelta(days=days)
    return assign_to(update, context, tutor, entry, class_, due, today), None


async def typed_due_date(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take the due date "Type a date" asked for and assign; let any other message through."""
    question = context.user_data.get(TYPED_QUESTION)
    if not isinstance(question, DueDateQuestion):  # none open, or another handler's (a reminder time)
        return
    message = update.effective_message
    if question.expires < now(context) or not could_be_typed_answer(message.text or ""):
        context.user_data.pop(TYPED_QUESTION)  # a command or an article: the question is dropped
        return
    tutor, store = learner_of(update, context), store_of(context)
    today = tutor_today(context, tutor)
    try:
        due = parse_due(message.text, today)
    except ClassError as refused:  # still open: the tutor can type it again
        await message.reply_text(_date_error(tutor.language, refused, today))
        raise ApplicationHandlerStop from None
    context.user_data.pop(TYPED_QUESTION)
    entry, class_ = store.lessons.entry(question.lesson_id), store.classes.get(question.class_id)
    try:
        await message.reply_text(assign_to(update, context, tutor, entry, class_, due, today))
    except Refused as refused:  # the class or the article changed meanwhile
        await message.reply_text(refused.args[0])
    raise ApplicationHandlerStop


async def digest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/digest on|off: learners' finishes as one message a day at 18:00, or one message each."""
    message = update.effective_message
    lang = language_of(update, context)
    if not await private_only(update, context, "digest"):
        return
    tutor = learner_of(update, context)
    store = store_of(context)
    if not store.classes.for_tutor(tutor.user_id):
        await message.reply_text(text(lang, "assign.no_class"))
        return
    choice = (context.args or [""])[0].lower()
    if choice not in ("on", "off"):
        await message.reply_text(text(lang, "assign.digest.usage_on" if tutor.daily_digest else "assign.digest.usage_off"))
        return
    store.learners.save(replace(tutor, daily_digest=choice == "on"))
    if choice == "on":
        await message.reply_text(text(lang, "assign.digest.on"))
        return
    waiting = digest_message(store, lang, store.assignment_progress.held(tutor.user_id))
    store.assignment_progress.digest_sent(tutor.user_id, None)  # sent now, in this answer
    if waiting is None:
        await message.reply_text(text(lang, "assign.digest.off"))
    else:
        await message.reply_text(fit(text(lang, "assign.digest.off_held") + "\n\n" + waiting))
