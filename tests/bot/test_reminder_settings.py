"""/settings for the daily reminder, the time zone, the daily goal and the review target, through
the emulator with the real bot: buttons, typed times and zones, bad input, forged buttons."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from quiz_learner import CLOCK_FILE, set_clock
from reading_steps import learner_file

from bot.handlers.settings import LANGUAGE_NAMES
from bot.reminder_screens import TIME_ZONES
from bot.texts import text

NOW = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)

pytestmark = pytest.mark.bot_env(CLOCK_FILE=CLOCK_FILE)


@pytest.fixture(autouse=True)
def clock(tmp_path):
    set_clock(tmp_path, NOW)


def stored_learner(running_bot, user_id: int) -> dict:
    return learner_file(running_bot.data_dir, user_id)["learner"]["1"]


def open_screen(emu, learner, lang: str, button: str):
    """/settings, then one of its buttons; returns the settings message as that screen shows it."""
    emu.send_text(learner, "/settings")
    [settings] = emu.wait_for_messages(learner)
    emu.press(learner, text(lang, button))
    return emu.wait_for_edit(settings)


def ticked(message) -> list[str]:
    return [label[2:] for label in message.button_labels if label.startswith("✓ ")]


def test_a_korean_learner_is_asked_the_time_zone_once_with_seoul_suggested(running_bot):
    emu = running_bot.emu
    minji = emu.user(1001, "Minji", language_code="ko")
    screen = open_screen(emu, minji, "ko", "reminders.button")
    assert screen.html == text("ko", "reminders.body", state=text("ko", "reminders.off"))
    assert text("ko", "reminders.off_button") not in screen.button_labels  # nothing to turn off yet

    emu.press(minji, "07:00")
    zones = emu.wait_for_edit(screen)
    assert zones.html == text("ko", "reminders.zones_for_time", time="07:00")
    assert zones.buttons[0][0] == (text("ko", "reminders.suggested", zone="Asia/Seoul"), "rm:tz:0:0700")
    assert "UTC" in zones.button_labels
    assert stored_learner(running_bot, 1001)["reminder_time"] is None  # nothing saved before the zone

    callback = emu.press(minji, text("ko", "reminders.suggested", zone="Asia/Seoul"))
    assert emu.callback_answer(callback)["text"] == text("ko", "reminders.saved", time="07:00", zone="Asia/Seoul")
    saved = emu.wait_for_edit(zones)
    assert saved.html == text("ko", "reminders.body",
                              state=text("ko", "reminders.at", time="07:00", zone="Asia/Seoul"))
    assert ticked(saved) == ["07:00"]
    stored = stored_learner(running_bot, 1001)
    assert (stored["timezone"], stored["reminder_time"]) == ("Asia/Seoul", "07:00:00")

    callback = emu.press(minji, "21:00")  # the zone is known now: no second question
    assert emu.callback_answer(callback)["text"] == text("ko", "reminders.saved", time="21:00", zone="Asia/Seoul")
    assert ticked(emu.wait_for_edit(saved)) == ["21:00"]
    assert stored_learner(running_bot, 1001)["reminder_time"] == "21:00:00"


def test_typed_times_and_zones_with_clear_answers_to_bad_ones(running_bot):
    emu = running_bot.emu
    tom = emu.user(1002, "Tom", language_code="en")
    open_screen(emu, tom, "en", "reminders.button")
    emu.press(tom, text("en", "reminders.type_time"))
    prompt = emu.wait_until(lambda: emu.last_message(tom).html == text("en", "reminders.ask_time") and emu.last_message(tom))

    for typed, reason in (("25:00", "no_such_time"), ("7pm?", "not_a_time")):
        emu.send_text(tom, typed)
        [answer] = emu.wait_for_messages(tom)
        assert answer.html == text("en", f"reminders.{reason}", typed=typed)
    emu.send_text(tom, "19:00")
    [zones] = emu.wait_for_messages(tom)  # no zone yet: asked now, with the time carried along
    assert zones.html == text("en", "reminders.zones_for_time", time="19:00")
    assert zones.buttons[0][0] == ("Asia/Seoul", "rm:tz:0:1900")  # suggested only to Korean speakers
    assert stored_learner(running_bot, 1002)["reminder_time"] is None

    emu.press(tom, text("en", "reminders.type_zone"), message=zones)
    emu.wait_for_edit(zones)
    emu.send_text(tom, "Mars/Olympus")
    [refused] = emu.wait_for_messages(tom)
    assert refused.html == text("en", "reminders.unknown_timezone", typed="Mars/Olympus")
    stored = stored_learner(running_bot, 1002)
    assert (stored["timezone"], stored["reminder_time"]) == (None, None)  # nothing changed

    emu.send_text(tom, "europe/london")
    [saved] = emu.wait_for_messages(tom)
    assert saved.html == text("en", "reminders.saved", time="19:00", zone="Europe/London")
    stored = stored_learner(running_bot, 1002)
    assert (stored["timezone"], stored["reminder_time"]) == ("Europe/London", "19:00:00")
    assert prompt.message_id != saved.message_id


def test_a_command_or_an_expired_question_lets_typed_text_through(running_bot, tmp_path):
    emu = running_bot.emu
    tom = emu.user(1003, "Tom", language_code="en")
    screen = open_screen(emu, tom, "en", "reminders.button")
    emu.press(tom, text("en", "reminders.type_time"))
    prompt = emu.wait_for_edit(screen)
    assert prompt.html == text("en", "reminders.ask_time")
    emu.send_text(tom, "/help")  # another command: the question is dropped
    [help_] = emu.wait_for_messages(tom)
    assert help_.html == text("en", "help.body")
    emu.send_text(tom, "07:30")
    [answer] = emu.wait_for_messages(tom)
    assert answer.html != text("en", "reminders.saved", time="07:30", zone="UTC")
    assert stored_learner(running_bot, 1003)["reminder_time"] is None

    emu.press(tom, text("en", "reminders.back"), message=prompt)  # the prompt's way back
    assert emu.wait_for_edit(prompt).html.startswith("<b>Settings</b>")
    screen = open_screen(emu, tom, "en", "reminders.button")
    emu.press(tom, text("en", "reminders.type_time"))
    emu.wait_for_edit(screen)
    set_clock(tmp_path, NOW + timedelta(minutes=11))  # the question was open for ten minutes
    emu.send_text(tom, "07:30")
    [late] = emu.wait_for_messages(tom)
    assert late.html != text("en", "reminders.saved", time="07:30", zone="UTC")
    assert stored_learner(running_bot, 1003)["reminder_time"] is None


def test_the_zone_can_be_changed_and_reminders_turned_off(running_bot):
    emu = running_bot.emu
    tom = emu.user(1004, "Tom", language_code="en")
    screen = open_screen(emu, tom, "en", "reminders.button")
    emu.press(tom, text("en", "reminders.zone_unset"))
    zones = emu.wait_for_edit(screen)
    assert zones.html == text("en", "reminders.zones_body")
    callback = emu.press(tom, "America/New_York")
    assert emu.callback_answer(callback)["text"] == text("en", "reminders.zone_saved", zone="America/New_York")
    screen = emu.wait_for_edit(zones)
    assert text("en", "reminders.zone_button", zone="America/New_York") in screen.button_labels
    emu.press(tom, "08:00")
    screen = emu.wait_for_edit(screen)
    assert stored_learner(running_bot, 1004)["reminder_time"] == "08:00:00"

    callback = emu.press(tom, text("en", "reminders.off_button"))
    assert emu.callback_answer(callback)["text"] == text("en", "reminders.turned_off")
    screen = emu.wait_for_edit(screen)
    assert screen.html == text("en", "reminders.body", state=text("en", "reminders.off"))
    stored = stored_learner(running_bot, 1004)
    assert (stored["timezone"], stored["reminder_time"]) == ("America/New_York", None)  # the zone stays

    emu.press(tom, text("en", "reminders.back"))
    main = emu.wait_for_edit(screen)
    assert main.html.startswith("<b>Settings</b>")


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_the_daily_goal_and_the_review_target(running_bot, language_code, lang):
    emu = running_bot.emu
    learner = emu.user(1005, "Jiwoo", language_code=language_code)
    screen = open_screen(emu, learner, lang, "goal.button")
    assert screen.html == text(lang, "goal.body", goal=10)
    assert ticked(screen) == [text(lang, "goal.choice", goal=10)]
    callback = emu.press(learner, text(lang, "goal.choice", goal=20))
    assert emu.callback_answer(callback)["text"] == text(lang, "goal.saved", goal=20)
    screen = emu.wait_for_edit(screen)
    assert ticked(screen) == [text(lang, "goal.choice", goal=20)]

    emu.press(learner, text(lang, "reminders.back"))
    screen = emu.wait_for_edit(screen)
    assert screen.html == text(lang, "settings.body", language=LANGUAGE_NAMES[lang], level=text(lang, "settings.no_level"),
                               reminder=text(lang, "reminders.off"), goal=20, retention=90)
    emu.press(learner, text(lang, "retention.button"))
    screen = emu.wait_for_edit(screen)
    assert screen.html == text(lang, "retention.body", percent=90)
    callback = emu.press(learner, "95%")
    assert emu.callback_answer(callback)["text"] == text(lang, "retention.saved", percent=95)
    assert ticked(emu.wait_for_edit(screen)) == ["95%"]
    stored = stored_learner(running_bot, 1005)
    assert (stored["daily_goal"], stored["desired_retention"]) == (20, 0.95)


FORGED = ["rm", "rm:", "rm:at:2500", "rm:at:0760", "rm:at:-", "rm:at:7:30", "rm:tz:99:0700", "rm:tz:-1:-",
          f"rm:tz:{len(TIME_ZONES)}:-", "rm:tz:0:abcd", "rm:goal:7", "rm:goal:0", "rm:goal:1000000", "rm:ret:99",
          "rm:ret:0.9", "rm:type:date", "rm:type:zone", "rm:off:1", "rm:launch", "rm:zones"]


def test_forged_buttons_are_answered_and_change_nothing(running_bot):
    emu = running_bot.emu
    tom = emu.user(1006, "Tom", language_code="en")
    screen = open_screen(emu, tom, "en", "reminders.button")
    before = stored_learner(running_bot, 1006)
    for data in FORGED:
        callback = emu.press_data(tom, screen.message_id, data)
        assert emu.callback_answer(callback)["text"] == text("en", "button.expired"), data
    assert emu.message(tom, screen.message_id).version == screen.version
    assert stored_learner(running_bot, 1006) == before
