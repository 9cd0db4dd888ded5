"""What assigning shows: the article, class and due-date buttons, and the assignment messages.

Callback data (bot/callback_data.py) of the buttons here, re-checked by bot/handlers/assignments.py
on every press (the tutor owns the article, manages the class; the learner is in the class now):
    as:pick:<lesson id>                    the tutor chose an article (here or under the library's
                                           preview of it): which class?
    as:c:<lesson id>:<class id>            ... and a class: by when?
    as:d:<lesson id>:<class id>:<days>     ... and a due date, days from today (0: none): assign it
    as:t:<lesson id>:<class id>            ... and wants to type a date: show the command to send
    as:go:<assignment id>                  a learner starts (or goes on with) an assignment
A group announcement carries a deep link instead, https://t.me/<bot>?start=as-<assignment id>.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.helpers import create_deep_linked_url

from bot.callback_data import pack
from bot.texts import Html, text
from lessons.assignments import Assignment
from lessons.classes import Class
from lessons.library import LibraryEntry

VERB = "as"
ARTICLE, CLASS, DUE, TYPE_DATE, START = "pick", "c", "d", "t", "go"
#: Due dates offered on buttons, in days from the tutor's today (0: no due date): a few days for
#: a short article between two lessons, a week for a class that meets weekly.
DUE_CHOICES = (0, 3, 7)
#: The start payload of an assignment's deep link: "as-" and 12 hex digits, 15 characters, so it
#: is never taken for an invite code (exactly 24 characters).
LINK_PREFIX = "as-"
#: Articles offered on buttons (the newest); older ones are assigned by number in one line.
MAX_ARTICLE_BUTTONS = 20
#: A button shows this much of a title: a phone screen's width.
BUTTON_TITLE_CHARS = 48


def short(title: str, limit: int = BUTTON_TITLE_CHARS) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def date_example(today: date) -> str:
    """A due date two weeks from today, as a tutor would type it."""
    return (today + timedelta(days=14)).isoformat()


def _button(label: str, *fields: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=pack(VERB, *fields))


def article_keyboard(lang: str, library: Sequence[LibraryEntry]) -> InlineKeyboardMarkup:
    """One button per article (the newest `MAX_ARTICLE_BUTTONS`), numbered as in the library."""
    numbered = list(enumerate(library, start=1))[-MAX_ARTICLE_BUTTONS:]
    return InlineKeyboardMarkup([
        [_button(text(lang, "assign.article_button", number=n, title=Html(short(e.title))), ARTICLE, e.lesson_id)]
        for n, e in reversed(numbered)
    ])


def class_keyboard(lesson_id: str, classes: Sequence[Class]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(short(c.name), CLASS, lesson_id, c.class_id)] for c in classes])


def due_keyboard(lang: str, lesson_id: str, class_id: str) -> InlineKeyboardMarkup:
    """No due date / in 3 days / in 7 days / type a date."""
    choices = [
        _button(text(lang, "assign.due.none") if days == 0 else text(lang, "assign.due.days", days=days),
                DUE, lesson_id, class_id, days)
        for days in DUE_CHOICES
    ]
    return InlineKeyboardMarkup([choices[:1], choices[1:], [_button(text(lang, "assign.due.type"), TYPE_DATE, lesson_id, class_id)]])


def start_keyboard(lang: str, assignment_id: str) -> InlineKeyboardMarkup:
    """Under a learner's assignment message and reminder: start, or go on reading."""
    return InlineKeyboardMarkup.from_button(_button(text(lang, "assign.start"), START, assignment_id))


def link_payload(assignment_id: str) -> str:
    return LINK_PREFIX + assignment_id


def assignment_id_in(payload: str) -> str | None:
    """The assignment id of a /start payload, or None for a payload of another kind."""
    return payload[len(LINK_PREFIX):] if payload.startswith(LINK_PREFIX) else None


def group_keyboard(lang: str, bot_username: str, assignment_id: str) -> InlineKeyboardMarkup:
    """Under a group announcement: opens the private chat with the bot on this assignment."""
    url = create_deep_linked_url(bot_username, link_payload(assignment_id))
    return InlineKeyboardMarkup.from_button(InlineKeyboardButton(text(lang, "assign.group.open"), url=url))


def _due_key(prefix: str, assignment: Assignment) -> str:
    return f"{prefix}.due" if assignment.due else f"{prefix}.no_due"


def done_message(lang: str, assignment: Assignment, title: str, class_: Class) -> str:
    """The tutor's confirmation."""
    return text(lang, _due_key("assign.done", assignment), title=title, name=class_.name, due=_day(assignment.due))


def learner_message(lang: str, assignment: Assignment, title: str, class_: Class, tutor: str) -> str:
    """What each learner of the class gets."""
    return text(lang, _due_key("assign.new", assignment), title=title, name=class_.name, tutor=tutor,
                due=_day(assignment.due))


def group_message(lang: str, assignment: Assignment, title: str, class_: Class) -> str:
    return text(lang, _due_key("assign.group", assignment), title=title, name=class_.name, due=_day(assignment.due))


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""
