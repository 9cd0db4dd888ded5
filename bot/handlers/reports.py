"""Reports: /report and its "rp" buttons.

    /report                              the tutor's classes as buttons (and "My own assignments")
    /report <class name>                 that class: a message, a CSV file and a chart
    /report <class name> <number|name>   one learner of that class: a message and a CSV file

Who sees what (issue 5, "Who may do what"): a class's report and its learners' reports are for
the class's tutor alone; every command and every press asks `lessons.classes.can_manage` again,
and a learner's report also that the learner is in the class now. A class name is looked up only
among the sender's own classes, and a forged or stale button gets one refusal whether its class
exists or not, so nothing about other tutors' classes leaks. A learner who sends /report (and
teaches no class) sees their own progress in their classes' assignments and nothing of anyone
else: no classmates, no class's hardest words, no CSV. Reports are sent in private chats only.
"""
from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.callback_data import BadCallbackData, pattern, unpack, unpack_int
from bot.handlers.common import language_of, learner_of, now, private_only, store_of
from bot.handlers.report_views import (
    CLASS, LEARNER, OWN, VERB, class_chooser, class_report_messages, csv_filename, csv_words, learner_keyboard,
    learner_name, learner_report_messages, own_report_messages,
)
from bot.store import Repositories
from bot.texts import text
from lessons.classes import Class, can_manage, find_class, is_member
from lessons.report_csv import report_csv_file
from lessons.reports import ClassReport, LearnerActivity, class_report, last_active
from vocab.progress_summary import local_date

#: For CallbackQueryHandler(on_button, pattern=BUTTONS) in bot/app.py.
BUTTONS = pattern(VERB)
#: Telegram user ids fit in 52 bits; a bigger number in callback data is forged.
MAX_USER_ID = 2**52


def activity_of(store: Repositories, user_id: int) -> LearnerActivity:
    """Everything a report reads about one learner, from their progress and profile."""
    progress = store.progress(user_id)
    learner = store.learners.get(user_id)
    return LearnerActivity(user_id, learner.name if learner else "", progress.readings(), progress.answers(),
                           progress.words(), progress.active_days(), progress.open_quiz())


def report_on(store: Repositories, class_: Class, learner_ids: Sequence[int], today: date,
              zone: str | None) -> tuple[ClassReport, dict[int, str]]:
    """The report on `learner_ids` of the class, and every class learner's name by user id."""
    assignments = store.assignments.for_class(class_.class_id)
    activities = [activity_of(store, uid) for uid in learner_ids]
    counted = {a.assignment_id for a in assignments}
    wanted = {a.lesson_id for a in assignments}
    wanted |= {r.lesson_id for act in activities for r in act.readings if r.assignment_id in counted}
    lessons = {lesson_id: lesson for lesson_id in wanted if (lesson := store.lessons.get(lesson_id)) is not None}
    names = {uid: (learner.name if (learner := store.learners.get(uid)) else "") for uid in class_.learner_ids}
    return class_report(class_, assignments, activities, lessons, today, zone), names


def _today_and_zone(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> tuple[date, str | None]:
    """The person's today and time zone (a report's days are the reader's days)."""
    person = store_of(context).learners.get(user_id)
    zone = person.timezone if person else None
    return local_date(now(context), zone), zone


async def send_class_report(context: ContextTypes.DEFAULT_TYPE, chat_id: int, lang: str, class_: Class) -> None:
    """Send the class report: the message(s) with a button per learner, the CSV file and the chart."""
    from bot.charts import draw
    from bot.report_chart import class_chart

    today, zone = _today_and_zone(context, class_.tutor_id)
    report, names = await asyncio.to_thread(report_on, store_of(context), class_, class_.learner_ids, today, zone)
    messages = class_report_messages(lang, report, class_)
    keyboard = learner_keyboard(lang, class_, names) if report.assignments else None
    for i, message in enumerate(messages):
        await context.bot.send_message(chat_id, message, reply_markup=keyboard if i == len(messages) - 1 else None)
    if not report.rows:
        return
    headers, statuses = csv_words(lang)
    await context.bot.send_document(chat_id, report_csv_file(report, headers, statuses),
                                    filename=csv_filename(class_.name, today),
                                    caption=text(lang, "report.csv_caption", name=class_.name))
    words = tuple((key, text(lang, f"report.chart.{key}")) for key in ("parts", "quiz", "learner"))
    chart = await draw(class_chart, report, words)
    await context.bot.send_photo(chat_id, chart, caption=text(lang, "report.chart_caption", name=class_.name))


async def send_learner_report(context: ContextTypes.DEFAULT_TYPE, chat_id: int, lang: str, class_: Class,
                              learner_id: int) -> None:
    """Send one learner's report in the class (for its tutor): the message and the CSV file."""
    today, zone = _today_and_zone(context, class_.tutor_id)
    store = store_of(context)
    report, names = await asyncio.to_thread(report_on, store, class_, (learner_id,), today, zone)
    number = class_.learner_ids.index(learner_id) + 1
    name = learner_name(lang, names.get(learner_id, ""), number)
    active = last_active(activity_of(store, learner_id), zone)
    for message in learner_report_messages(lang, report, name, active):
        await context.bot.send_message(chat_id, message)
    if report.rows:
        headers, statuses = csv_words(lang)
        await context.bot.send_document(chat_id, report_csv_file(report, headers, statuses),
                                        filename=csv_filename(f"{class_.name}-{number}", today),
                                        caption=text(lang, "report.csv_caption", name=f"{class_.name}: {name}"))


async def send_own_report(context: ContextTypes.DEFAULT_TYPE, chat_id: int, lang: str, user_id: int) -> None:
    """Send a learner their own progress in the assignments of every class they are in."""
    store = store_of(context)
    today, zone = _today_and_zone(context, user_id)
    reports = [(await asyncio.to_thread(report_on, store, c, (user_id,), today, zone))[0]
               for c in store.classes.for_learner(user_id)]
    active = last_active(activity_of(store, user_id), zone)
    for message in own_report_messages(lang, reports, today, active):
        await context.bot.send_message(chat_id, message)


def class_and_learner(classes: Sequence[Class], words: Sequence[str]) -> tuple[Class, str] | None:
    """The class named by the longest start of `words` (any case, any spacing), and the rest (a
    learner's number or name, "" for none); None if no class of `classes` is named."""
    for end in range(len(words), 0, -1):
        found = find_class(classes, " ".join(words[:end]))
        if found is not None:
            return found, " ".join(words[end:])
    return None


def learner_in(store: Repositories, class_: Class, who: str) -> int | None:
    """The user id of the class's learner `who`: their number in the report, or their name (the
    first learner of that name; numbers are never ambiguous)."""
    if who.isdigit():
        number = int(who)
        return class_.learner_ids[number - 1] if 1 <= number <= len(class_.learner_ids) else None
    for uid in class_.learner_ids:
        learner = store.learners.get(uid)
        if learner is not None and " ".join(learner.name.split()).casefold() == " ".join(who.split()).casefold():
            return uid
    return None


async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show a class's report, one learner's report, or the sender's own assignments."""
    message, lang = update.effective_message, language_of(update, context)
    if not await private_only(update, context, "report"):
        return
    user_id = learner_of(update, context).user_id
    store = store_of(context)
    teaching = store.classes.for_tutor(user_id)
    if context.args:
        found = class_and_learner(teaching, context.args)
        if found is None:  # the same answer whether another tutor has such a class or not
            await message.reply_text(text(lang, "report.unknown_class", name=" ".join(context.args)))
            return
        class_, who = found
        if not who:
            await send_class_report(context, message.chat_id, lang, class_)
            return
        learner_id = learner_in(store, class_, who)
        if learner_id is None:
            await message.reply_text(text(lang, "report.unknown_learner", who=who, name=class_.name))
            return
        await send_learner_report(context, message.chat_id, lang, class_, learner_id)
        return
    learning = store.classes.for_learner(user_id)
    if teaching:
        keyboard = class_chooser(lang, teaching, own_too=bool(learning))
        await message.reply_text(text(lang, "report.choose"), reply_markup=keyboard)
    elif learning:
        await send_own_report(context, message.chat_id, lang, user_id)
    else:
        await message.reply_text(text(lang, "report.none"))


def _pressed(data: str | None) -> tuple[str, str | None, int | None]:
    """(action, class id, learner id) of an "rp" button; BadCallbackData for anything else."""
    fields = (data or "").split(":")
    if len(fields) == 2 and fields[1] == OWN:
        return OWN, None, None
    if len(fields) == 3 and fields[1] == CLASS:
        return CLASS, unpack(data, VERB, 2)[1], None
    if len(fields) == 4 and fields[1] == LEARNER:
        _, class_id, learner = unpack(data, VERB, 3)
        return LEARNER, class_id, unpack_int(learner, 1, MAX_USER_ID)
    raise BadCallbackData(data)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the report a button names, if the person pressing it may see it."""
    query, lang = update.callback_query, language_of(update, context)
    try:
        action, class_id, learner_id = _pressed(query.data)
    except BadCallbackData:
        await query.answer(text(lang, "button.expired"))
        return
    user_id, chat = query.from_user.id, update.effective_chat
    class_ = store_of(context).classes.get(class_id) if class_id else None
    allowed = action == OWN or (can_manage(class_, user_id) and (action == CLASS or is_member(class_, learner_id)))
    if not allowed or chat is None or chat.type != ChatType.PRIVATE:
        await query.answer(text(lang, "report.refused"))  # one answer for unknown, other tutors' and forged ids
        return
    await query.answer()
    if action == OWN:
        await send_own_report(context, chat.id, lang, user_id)
    elif action == CLASS:
        await send_class_report(context, chat.id, lang, class_)
    else:
        await send_learner_report(context, chat.id, lang, class_, learner_id)
