"""/progress shows today's count toward the daily goal (words reviewed + parts read, in the
learner's own day) and the days in a row the goal was met; /settings changes the goal."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from quiz_learner import CLOCK_FILE, set_clock

from bot.store import Store
from bot.texts import text
from vocab.progress import Learner

#: 15:30 UTC is 00:30 the next day in Seoul: the goal counts Seoul days, not UTC ones.
NOW = datetime(2024, 3, 10, 15, 30, tzinfo=timezone.utc)
SEOUL_TODAY = date(2024, 3, 11)

pytestmark = pytest.mark.bot_env(CLOCK_FILE=CLOCK_FILE)


@pytest.fixture(autouse=True)
def learner(tmp_path):
    """Two Seoul days that met the goal of 10 (reviews alone; reviews and reading) and a start on
    today's, which is still the day before in UTC."""
    set_clock(tmp_path, NOW)
    store = Store.open(tmp_path / "data")
    try:
        for user_id, language in ((1001, "en"), (1002, "ko")):
            store.learners.save(Learner(user_id, "Jiwoo", NOW - timedelta(days=5), language=language,
                                        level="B2", timezone="Asia/Seoul"))
            progress = store.progress(user_id)
            progress.add_activity(SEOUL_TODAY - timedelta(days=2), reviews=10)
            progress.add_activity(SEOUL_TODAY - timedelta(days=1), reviews=6, parts=3)
            progress.add_activity(SEOUL_TODAY - timedelta(days=1), parts=1)
            progress.add_activity(SEOUL_TODAY, reviews=2, parts=1)
    finally:
        store.close()


@pytest.mark.parametrize("user_id, lang", [(1001, "en"), (1002, "ko")])
def test_progress_shows_today_against_the_goal_and_the_days_met(emu, user_id, lang):
    jiwoo = emu.user(user_id, "Jiwoo", language_code=lang)
    emu.send_text(jiwoo, "/progress")
    [shown] = emu.wait_for_messages(jiwoo)
    assert shown.html.endswith("\n" + text(lang, "progress.goal", done=3, goal=10, streak=2))


def test_a_new_goal_counts_from_now_on(emu):
    jiwoo = emu.user(1001, "Jiwoo")
    emu.send_text(jiwoo, "/settings")
    [settings] = emu.wait_for_messages(jiwoo)
    emu.press(jiwoo, text("en", "goal.button"))
    emu.press(jiwoo, text("en", "goal.choice", goal=5), message=emu.wait_for_edit(settings))
    emu.wait_until(lambda: "✓ " + text("en", "goal.choice", goal=5) in emu.message(jiwoo, settings.message_id).button_labels)
    emu.send_text(jiwoo, "/progress")
    [shown] = emu.wait_for_messages(jiwoo)
    # the days are judged by the goal of today: 10 met 5 too, and today's 3 is not 5 yet
    assert shown.html.endswith("\n" + text("en", "progress.goal", done=3, goal=5, streak=2))
