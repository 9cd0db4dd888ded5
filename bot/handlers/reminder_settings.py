"""/settings for the daily reminder, the time zone, the daily goal and the review target: the
"rm" buttons (bot/reminder_screens.py) and the typed answers to "Type a time" / "Type a time zone".

A typed answer needs the bot to remember the question: it is kept in the learner's user_data
for `QUESTION_MINUTES` of the bot's clock (memory only: after a restart the learner taps the
button again). `typed_reply` runs before the typed quiz answers and the articles (bot/app.py),
takes the next text message while a question is open, and lets anything else through: a command,
or a long or multi-line text (an article being pasted), which also drops the question.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot import daily_reminders
from bot import reminder_screens as screens
from bot.callback_data import BadCallbackData, unpack, unpack_int
from bot.handlers.common import (
    LONGEST_TYPED_ANSWER, TYPED_QUESTION, could_be_typed_answer, language_of, learner_of, now, store_of,
)
from bot.handlers.level import pressed_in_private, show_in_place
from bot.handlers.settings import settings_screen
from bot.texts import text
from vocab.daily_goal import GOAL_CHOICES
from vocab.progress import Learner
from vocab.reminder_times import ReminderError, check_timezone, parse_reminder_time

VERB = screens.VERB
#: user_data key of the open question (shared with the other typed questions: one is open at a time).
QUESTION = TYPED_QUESTION
#: How long a "Type a time" question stays open: enough to look up a time zone's name.
QUESTION_MINUTES = 10


@dataclass(frozen=True)
class Question:
    """A question /settings asked, waiting for a typed answer."""

    kind: str  # "time" or "zone"
    remind_at: time | None  # a time chosen before the zone was known, saved with the zone
    expires: datetime


def parse_time_field(field: str) -> time | None:
    """"0730" -> 07:30, "-" -> None; BadCallbackData otherwise."""
    if field == screens.NO_TIME:
        return None
    if len(field) != 4 or not field.isdigit():
        raise BadCallbackData(field)
    try:
        return parse_reminder_time(f"{field[:2]}:{field[2:]}")
    except ReminderError:
        raise BadCallbackData(field) from None


def with_reminder(context: ContextTypes.DEFAULT_TYPE, learner: Learner, **changes) -> Learner:
    """Save the learner's new reminder time or zone and move their next reminder."""
    learner = replace(learner, **changes)
    store_of(context).learners.save(learner)
    daily_reminders.reschedule(context, learner)
    return learner


def reminder_saved(learner: Learner) -> str:
    return text(learner.language, "reminders.saved", time=screens.shown_time(learner.reminder_time),
                zone=screens.zone_name(learner))


async def change_reminder(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show a reminder, goal or review-target screen, or save the choice pressed on one."""
    query = update.callback_query
    try:
        fields = unpack(query.data, VERB, (query.data or "").count(":"))
        if pressed_in_private(query) is None or not fields:
            raise BadCallbackData(query.data)
        action, *args = fields
        learner = learner_of(update, context)
        notice, screen = press(context, learner, action, args)
    except BadCallbackData:
        await query.answer(text(language_of(update, context), "button.expired"))
        return
    await query.answer(notice)
    await show_in_place(query, *screen)


def press(context: ContextTypes.DEFAULT_TYPE, learner: Learner, action: str, args: list[str]):
    """(what the button's answer says, the screen to show) for one press; BadCallbackData for
    a press no screen offers."""
    lang = learner.language
    match action, args:
        case "back", []:
            if isinstance(context.user_data.get(QUESTION), Question):
                context.user_data.pop(QUESTION)
            return None, settings_screen(learner)
        case "rem", []:
            return None, screens.reminder_screen(learner)
        case "at", [field]:
            remind_at = parse_time_field(field)
            if remind_at is None:
                raise BadCallbackData(field)
            if learner.timezone is None:  # asked once, when reminders are first turned on
                return None, screens.zones_screen(learner, remind_at)
            learner = with_reminder(context, learner, reminder_time=remind_at)
            return reminder_saved(learner), screens.reminder_screen(learner)
        case "zones", [field]:
            return None, screens.zones_screen(learner, parse_time_field(field))
        case "tz", [index, field]:
            zone = screens.TIME_ZONES[unpack_int(index, 0, len(screens.TIME_ZONES) - 1)]
            remind_at = parse_time_field(field) or learner.reminder_time
            learner = with_reminder(context, learner, timezone=zone, reminder_time=remind_at)
            notice = reminder_saved(learner) if remind_at else text(lang, "reminders.zone_saved", zone=zone)
            return notice, screens.reminder_screen(learner)
        case "type", ["time"] | ["zone", _]:
            remind_at = parse_time_field(args[1]) if args[0] == "zone" else None
            expires = now(context) + timedelta(minutes=QUESTION_MINUTES)
            context.user_data[QUESTION] = Question(args[0], remind_at, expires)
            return None, screens.question_screen(lang, args[0])
        case "off", []:
            if learner.reminder_time is not None:
                learner = with_reminder(context, learner, reminder_time=None)
                return text(lang, "reminders.turned_off"), screens.reminder_screen(learner)
            return text(lang, "settings.unchanged"), screens.reminder_screen(learner)
        case "goal", []:
            return None, screens.goal_screen(learner)
        case "goal", [field]:
            goal = unpack_int(field, 1, max(GOAL_CHOICES))
            if goal not in GOAL_CHOICES:
                raise BadCallbackData(field)
            notice, learner = saved(context, learner, daily_goal=goal)
            return notice, screens.goal_screen(learner)
        case "ret", []:
            return None, screens.retention_screen(learner)
        case "ret", [field]:
            chosen = [r for r in screens.RETENTION_CHOICES if str(screens.percent(r)) == field]
            if not chosen:
                raise BadCallbackData(field)
            notice, learner = saved(context, learner, desired_retention=chosen[0])
            return notice, screens.retention_screen(learner)
    raise BadCallbackData(action)


def saved(context: ContextTypes.DEFAULT_TYPE, learner: Learner, **changes) -> tuple[str, Learner]:
    """Save a goal or review-target change: (what the button's answer says, the learner)."""
    lang = learner.language
    if all(getattr(learner, name) == value for name, value in changes.items()):
        return text(lang, "settings.unchanged"), learner
    learner = replace(learner, **changes)
    store_of(context).learners.save(learner)
    if "daily_goal" in changes:
        return text(lang, "goal.saved", goal=learner.daily_goal), learner
    return text(lang, "retention.saved", percent=screens.percent(learner.desired_retention)), learner


async def typed_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take the time or time zone the learner was asked to type; let any other message through."""
    question = context.user_data.get(QUESTION)
    if not isinstance(question, Question):  # none open, or another handler's (a due date)
        return
    context.user_data.pop(QUESTION)
    typed = update.effective_message.text or ""
    if question.expires < now(context) or not could_be_typed_answer(typed):
        return  # a command or an article: the question is dropped
    learner = learner_of(update, context)
    lang = learner.language
    message = update.effective_message
    try:
        if question.kind == "time":
            remind_at = parse_reminder_time(typed)
            if learner.timezone is None:
                body, markup = screens.zones_screen(learner, remind_at)
                await message.reply_text(body, reply_markup=markup)
                raise ApplicationHandlerStop
            learner = with_reminder(context, learner, reminder_time=remind_at)
            await message.reply_text(reminder_saved(learner))
        else:
            zone = check_timezone(typed)
            remind_at = question.remind_at or learner.reminder_time
            learner = with_reminder(context, learner, timezone=zone, reminder_time=remind_at)
            await message.reply_text(reminder_saved(learner) if remind_at else
                                     text(lang, "reminders.zone_saved", zone=zone))
    except ReminderError as refused:
        context.user_data[QUESTION] = question  # still open: the learner can type it again
        await message.reply_text(text(lang, f"reminders.{refused.reason}", typed=typed.strip()[:LONGEST_TYPED_ANSWER]))
    raise ApplicationHandlerStop
