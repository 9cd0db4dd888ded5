"""Daily reminders through the emulator with the real bot: a learner reads, marks a word new (a
review card), sets a reminder in /settings and gets it at her local time, never twice a day, and
still the next day after a restart. The bot's clock is a file the test rewrites (no sleeping)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from quiz_learner import set_clock
from reading_steps import OWN_ARTICLE, bring, learner_file, press_and_wait
from reminder_steps import ENV, WAIT, reminder, restart, wait_for_log

from bot.store.review_records import CARDS_TABLE
from bot.texts import text

pytestmark = pytest.mark.bot_env(**ENV)


@pytest.fixture(autouse=True)
def clock(tmp_path):
    """The bot starts at noon UTC on 10 March 2024: 21:00 in Seoul."""
    set_clock(tmp_path, datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc))


def test_the_reminder_comes_at_the_local_time_once_a_day_and_after_a_restart(running_bot, tmp_path):
    emu = running_bot.emu
    minji = emu.user(1001, "민지", language_code="ko")
    # she reads an article and marks a word "new to me": a review card, due at once
    bring(emu, minji, OWN_ARTICLE)
    press_and_wait(emu, minji, text("ko", "article.start"))
    [words] = press_and_wait(emu, minji, text("ko", "reading.words"))
    emu.press(minji, text("ko", "words.new"), message=words)
    emu.wait_for_edit(words)
    stored = learner_file(running_bot.data_dir, 1001)
    assert len(stored[CARDS_TABLE]) == 1
    assert stored["days"] == {"2024-03-10": {"reviews": 0, "parts": 1}}  # a part read counts toward the goal
    # her reminder at 07:00 in Seoul (asked for her time zone the first time)
    emu.send_text(minji, "/settings")
    [settings] = emu.wait_for_messages(minji)
    emu.press(minji, text("ko", "reminders.button"))
    emu.press(minji, "07:00", message=emu.wait_for_edit(settings))
    zones = emu.wait_until(lambda: emu.message(minji, settings.message_id).html.startswith("🌏") and
                           emu.message(minji, settings.message_id))
    emu.press(minji, text("ko", "reminders.suggested", zone="Asia/Seoul"), message=zones)
    emu.wait_for_edit(zones)

    set_clock(tmp_path, datetime(2024, 3, 10, 22, 0, 30, tzinfo=timezone.utc))  # 07:00:30 on the 11th in Seoul
    [first] = emu.wait_for_messages(minji, timeout=WAIT)
    assert first.html == reminder("ko", cards=1)

    # she moves it to 09:00 the same morning: today's reminder is sent already
    emu.send_text(minji, "/settings")
    [settings] = emu.wait_for_messages(minji)
    emu.press(minji, text("ko", "reminders.button"))
    emu.press(minji, "09:00", message=emu.wait_for_edit(settings))
    emu.wait_until(lambda: "✓ 09:00" in emu.message(minji, settings.message_id).button_labels)
    set_clock(tmp_path, datetime(2024, 3, 11, 0, 0, 30, tzinfo=timezone.utc))  # 09:00:30 in Seoul
    wait_for_log(running_bot, "daily reminders done: 1 already sent")

    restart(running_bot)  # the schedule is rebuilt from storage; nothing is sent twice
    wait_for_log(running_bot, "daily reminders done: 1 already sent", count=2)
    set_clock(tmp_path, datetime(2024, 3, 12, 0, 0, 30, tzinfo=timezone.utc))  # 09:00:30 on the 12th
    [second] = emu.wait_for_messages(minji, timeout=WAIT)
    assert second.html == reminder("ko", cards=1)
    assert learner_file(running_bot.data_dir, 1001)["state"]["reminder"] == {"day": "2024-03-12"}
    wait_for_log(running_bot, "daily reminders done: 1 sent", count=2)
    assert emu.messages(minji)[-1].message_id == second.message_id  # one reminder a day, no more
