"""Who gets a daily reminder: a learner with an open assignment does, one with nothing due does
not, and one who blocked the bot is logged, skipped and has their reminder turned off; after a
restart the next day's reminders still come. Learners are laid down before the bot starts."""
from __future__ import annotations

from datetime import datetime, time as clock_time, timedelta, timezone

import pytest
from quiz_learner import set_clock
from reading_steps import learner_file
from reminder_steps import ENV, WAIT, reminder, restart, wait_for_log

from bot.store import Store
from bot.texts import text
from lessons.assignments import Assignment
from lessons.classes import Class
from tests.store.conftest import make_lesson, vocab_item
from vocab.progress import Learner, WordStatus
from vocab.review import new_card

#: 21:00 in Seoul, noon in UTC.
START = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)

pytestmark = pytest.mark.bot_env(**ENV)

BLOCKER, TUTOR, ASSIGNED, IDLE = 2001, 3000, 2002, 2003
CLASS_ID, ASSIGNMENT_ID = "c1a55c1a55c1", "a551a551a551"


@pytest.fixture(autouse=True)
def laid_down(tmp_path):
    """Before the bot starts: the clock, and learners with a reminder at 08:00 UTC on the 11th:
    one with a word due who blocked the bot, one with an open assignment, one with nothing due."""
    set_clock(tmp_path, START)
    store = Store.open(tmp_path / "data")
    try:
        for user_id, name in ((BLOCKER, "Sam"), (ASSIGNED, "Jiwoo"), (IDLE, "Alex"), (TUTOR, "Jina")):
            store.learners.save(Learner(user_id, name, START - timedelta(days=3), level="B2", timezone="UTC",
                                        reminder_time=None if user_id == TUTOR else clock_time(8, 0)))
        word = WordStatus.first_met(vocab_item("munition"), "0123456789ab", START)
        store.progress(BLOCKER).save_words(word)
        store.progress(BLOCKER).save_cards(new_card(word, START))
        lesson_id = store.lessons.add(make_lesson(title="Libraries lend tools"), TUTOR, START - timedelta(days=1))
        store.classes.create(Class(CLASS_ID, "Thursday B2", TUTOR, START - timedelta(days=2), "i" * 24,
                                   learner_ids=(ASSIGNED,)))
        store.assignments.add(Assignment(ASSIGNMENT_ID, CLASS_ID, lesson_id, START - timedelta(days=1)))
    finally:
        store.close()


def test_an_open_assignment_brings_a_reminder_and_nothing_due_none(running_bot, tmp_path):
    emu = running_bot.emu
    jiwoo, alex, sam = emu.user(ASSIGNED, "Jiwoo"), emu.user(IDLE, "Alex"), emu.user(BLOCKER, "Sam")
    for learner in (jiwoo, alex, sam):  # each has talked to the bot before (else it may not write first)
        emu.send_text(learner, "/help")
        emu.wait_for_messages(learner)
    emu.block(sam)
    set_clock(tmp_path, datetime(2024, 3, 11, 8, 0, 30, tzinfo=timezone.utc))
    [sent] = emu.wait_for_messages(jiwoo, timeout=WAIT)
    assert sent.html == reminder("en", assignments=("Libraries lend tools",))
    assert sent.buttons == [[(text("en", "assign.start"), f"as:go:{ASSIGNMENT_ID}")]]  # starts the reading
    wait_for_log(running_bot, "daily reminders done: 1 blocked, 1 nothing due, 1 sent")
    assert len(emu.messages(alex)) == 1  # /help's answer only
    # the learner who blocked the bot: logged, skipped, their reminder off
    assert f"learner {BLOCKER} blocked the bot" in running_bot.log()
    assert [(r.method, r.error_code, r.params.get("chat_id")) for r in emu.refusals] == [("sendMessage", 403, str(BLOCKER))]
    with emu.world.cond:  # the one refusal this test expects
        emu.world.refusals.clear()
    restart(running_bot)
    assert learner_file(running_bot.data_dir, BLOCKER)["learner"]["1"]["reminder_time"] is None
    assert learner_file(running_bot.data_dir, ASSIGNED)["state"]["reminder"] == {"day": "2024-03-11"}
    assert learner_file(running_bot.data_dir, IDLE).get("state", {}).get("reminder") is None

    set_clock(tmp_path, datetime(2024, 3, 12, 8, 0, 30, tzinfo=timezone.utc))  # the next day: still open
    [again] = emu.wait_for_messages(jiwoo, timeout=WAIT)
    assert again.html == sent.html
    wait_for_log(running_bot, "daily reminders done: 1 nothing due, 1 sent")
    assert len(emu.messages(alex)) == 1 and emu.refusals == []
