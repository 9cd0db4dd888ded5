"""The /settings screens of the daily reminder, the time zone, the daily goal and the review target.

Callback data (verb "rm"; the handlers in bot/handlers/reminder_settings.py re-check every field):
    rm:rem                   the reminder screen            rm:at:<HHMM>           remind at that time
    rm:zones:<HHMM|->        the time zone screen           rm:tz:<zone>:<HHMM|->  that zone (and time)
    rm:type:time             ask for a typed time           rm:type:zone:<HHMM|->  ask for a typed zone
    rm:off                   reminders off                  rm:goal / rm:goal:<n>  the goal screen / goal
    rm:ret / rm:ret:<pct>    the review target screen / it  rm:back                the main settings
A time zone travels as its index in `TIME_ZONES` ("/" may not appear in callback data); a time
chosen before the learner's zone is known travels with the zone question, so nothing is saved
until both are known.
"""
from __future__ import annotations

from datetime import time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import pack
from bot.texts import Html, text
from vocab.daily_goal import GOAL_CHOICES
from vocab.progress import Learner

VERB = "rm"
NO_TIME = "-"
CHOSEN_MARK = "✓ "

#: Reminder times offered as buttons: before work or school, lunch, after work, the evening.
TIME_CHOICES: tuple[time, ...] = tuple(time(h) for h in (7, 8, 9, 12, 18, 20, 21, 22))

#: Time zones offered as buttons. Asia/Seoul first (the bot's learners are mostly in Korea; it
#: is marked as the suggestion for Korean speakers), UTC, then the zones of the largest groups
#: of English learners abroad and of their tutors. Any other IANA name can be typed.
TIME_ZONES: tuple[str, ...] = (
    "Asia/Seoul", "UTC", "Asia/Tokyo", "Asia/Shanghai", "Asia/Singapore", "Asia/Kolkata",
    "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney",
)
SUGGESTED_FOR = {"ko": "Asia/Seoul"}

#: Desired retention choices: FSRS's recall probability at which a card falls due. Below 0.8
#: lapses pile up; above 0.95 the reviews grow steeply for little gain (FSRS's own guidance).
RETENTION_CHOICES: tuple[float, ...] = (0.8, 0.85, 0.9, 0.95)


def time_field(moment: time | None) -> str:
    """A time as callback data: 07:30 -> "0730"; none -> "-"."""
    return NO_TIME if moment is None else f"{moment.hour:02d}{moment.minute:02d}"


def shown_time(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def percent(retention: float) -> int:
    return round(retention * 100)


def zone_name(learner: Learner) -> str:
    return learner.timezone or "UTC"


def _button(label: str, *data: object, chosen: bool = False) -> InlineKeyboardButton:
    return InlineKeyboardButton(CHOSEN_MARK + label if chosen else label, callback_data=pack(VERB, *data))


def _back(lang: str) -> list[InlineKeyboardButton]:
    return [_button(text(lang, "reminders.back"), "back")]


def reminder_state(learner: Learner) -> str:
    """"every day at 07:30 (Asia/Seoul)" or "off", for the settings screens."""
    lang = learner.language
    if learner.reminder_time is None:
        return text(lang, "reminders.off")
    return text(lang, "reminders.at", time=shown_time(learner.reminder_time), zone=zone_name(learner))


def settings_lines(learner: Learner) -> dict[str, object]:
    """The values the main settings message shows for reminders, goal and review target."""
    return {"reminder": Html(reminder_state(learner)), "goal": learner.daily_goal,
            "retention": percent(learner.desired_retention)}


def settings_row(lang: str) -> list[InlineKeyboardButton]:
    """The main settings screen's buttons to these screens."""
    return [_button(text(lang, "reminders.button"), "rem"), _button(text(lang, "goal.button"), "goal"),
            _button(text(lang, "retention.button"), "ret")]


def reminder_screen(learner: Learner) -> tuple[str, InlineKeyboardMarkup]:
    """The reminder's time and zone, with times to choose, typing, the zone, and off."""
    lang = learner.language
    body = text(lang, "reminders.body", state=Html(reminder_state(learner)))
    times = [_button(shown_time(t), "at", time_field(t), chosen=t == learner.reminder_time) for t in TIME_CHOICES]
    zone_label = text(lang, "reminders.zone_button", zone=zone_name(learner)) if learner.timezone \
        else text(lang, "reminders.zone_unset")
    rows = [times[:4], times[4:], [_button(text(lang, "reminders.type_time"), "type", "time")],
            [_button(zone_label, "zones", NO_TIME)]]
    if learner.reminder_time is not None:
        rows.append([_button(text(lang, "reminders.off_button"), "off")])
    return body, InlineKeyboardMarkup([*rows, _back(lang)])


def zones_screen(learner: Learner, remind_at: time | None) -> tuple[str, InlineKeyboardMarkup]:
    """"Which time zone are you in?", with common zones, typing one, and back."""
    lang = learner.language
    if remind_at is None:
        body = text(lang, "reminders.zones_body")
    else:
        body = text(lang, "reminders.zones_for_time", time=shown_time(remind_at))
    suggested = SUGGESTED_FOR.get(lang)
    buttons = []
    for index, name in enumerate(TIME_ZONES):
        label = text(lang, "reminders.suggested", zone=name) if name == suggested else name
        buttons.append(_button(label, "tz", index, time_field(remind_at), chosen=name == learner.timezone))
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button(text(lang, "reminders.type_zone"), "type", "zone", time_field(remind_at))])
    return body, InlineKeyboardMarkup([*rows, _back(lang)])


def goal_screen(learner: Learner) -> tuple[str, InlineKeyboardMarkup]:
    lang = learner.language
    body = text(lang, "goal.body", goal=learner.daily_goal)
    choices = [_button(text(lang, "goal.choice", goal=g), "goal", g, chosen=g == learner.daily_goal)
               for g in GOAL_CHOICES]
    return body, InlineKeyboardMarkup([choices[:3], choices[3:], _back(lang)])


def retention_screen(learner: Learner) -> tuple[str, InlineKeyboardMarkup]:
    lang = learner.language
    body = text(lang, "retention.body", percent=percent(learner.desired_retention))
    choices = [_button(f"{percent(r)}%", "ret", percent(r), chosen=percent(r) == percent(learner.desired_retention))
               for r in RETENTION_CHOICES]
    return body, InlineKeyboardMarkup([choices, _back(lang)])


def question_screen(lang: str, kind: str) -> tuple[str, InlineKeyboardMarkup]:
    """The prompt for a typed time or time zone, with a way back (which also drops the question)."""
    return text(lang, f"reminders.ask_{kind}"), InlineKeyboardMarkup([_back(lang)])
