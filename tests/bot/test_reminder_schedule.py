"""The daily reminders' schedule and who is due one, on both stores (no Telegram): the heap keeps one
live time per learner, the schedule read at start-up holds only learners who set a reminder, and
a reminder goes only when something waits and none went out that local day."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from bot.daily_reminders import CATCH_UP, Reminder, ReminderSchedule, read_schedule, reminder_for
from bot.store import Store
from lessons.assignment_progress import Finish
from lessons.assignments import Assignment
from lessons.classes import Class
from tests.store.conftest import make_lesson, vocab_item
from tests.store.fakes import FakeStore
from vocab.progress import Learner, ReadingState, WordStatus
from vocab.review import new_card

UTC = timezone.utc
T0 = datetime(2024, 3, 10, 12, 0, tzinfo=UTC)
CLASS_ID, ASSIGNMENT_ID = "c1a55c1a55c1", "a551a551a551"


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_the_schedule_hands_out_due_learners_earliest_first_once():
    schedule = ReminderSchedule()
    schedule.built([(at(30), 3), (at(10), 1), (at(20), 2)])
    assert schedule.due(at(5)) == []
    assert schedule.due(at(20)) == [(at(10), 1), (at(20), 2)]
    assert schedule.due(at(20)) == [] and len(schedule) == 1
    assert schedule.due(at(99)) == [(at(30), 3)]


def test_a_changed_time_replaces_the_old_one():
    schedule = ReminderSchedule()
    schedule.built([(at(10), 1)])
    schedule.set(1, at(50))
    assert schedule.due(at(20)) == []  # the old entry is dead
    schedule.set(1, None)
    assert schedule.due(at(60)) == [] and schedule.when(1) is None


def test_changes_while_the_schedule_is_read_win_over_what_was_read():
    schedule = ReminderSchedule()
    schedule.set(1, at(40))  # the learner changed their time while storage was being read
    schedule.set(2, None)  # and this one turned reminders off
    schedule.built([(at(10), 1), (at(10), 2), (at(10), 3)])
    assert schedule.due(at(20)) == [(at(10), 3)]
    assert schedule.when(1) == at(40) and schedule.when(2) is None


def test_many_changes_do_not_grow_the_heap_without_bound():
    schedule = ReminderSchedule()
    schedule.built([])
    for n in range(10_000):
        schedule.set(n % 10, at(n))
    assert len(schedule) == 10 and len(schedule._heap) <= 2 * 10 + 65


@pytest.fixture(params=["memory", "tinydb"])
def store(request, tmp_path):
    store = FakeStore() if request.param == "memory" else Store.open(tmp_path / "data")
    yield store
    store.close()


def learner(user_id: int, reminder: time | None = time(7, 0), zone: str | None = "Asia/Seoul") -> Learner:
    return Learner(user_id, "Minji", T0 - timedelta(days=3), timezone=zone, reminder_time=reminder)


def test_start_up_reads_only_learners_with_a_reminder(store):
    for user_id in range(100):
        store.learners.save(learner(user_id, reminder=time(7, 0) if user_id % 25 == 0 else None))
    store.progress(500).mark_active(T0.date())  # progress, but no profile
    entries = read_schedule(store, T0)
    assert sorted(user for _, user in entries) == [0, 25, 50, 75]
    assert {moment for moment, _ in entries} == {datetime(2024, 3, 10, 22, 0, tzinfo=UTC)}  # 07:00 in Seoul


def test_a_reminder_missed_during_a_short_restart_is_still_due(store):
    store.learners.save(learner(1, reminder=time(21, 0)))  # 12:00 UTC
    [(moment, _)] = read_schedule(store, T0 + CATCH_UP - timedelta(minutes=1))
    assert moment == T0
    [(moment, _)] = read_schedule(store, T0 + CATCH_UP + timedelta(minutes=1))
    assert moment == T0 + timedelta(days=1)


def with_card(store, user_id: int, due: datetime) -> None:
    word = WordStatus.first_met(vocab_item("munition"), "0123456789ab", due)
    store.progress(user_id).save_cards(new_card(word, due))


def test_a_reminder_goes_only_when_a_card_is_due_and_once_a_local_day(store):
    store.learners.save(learner(1))
    moment = datetime(2024, 3, 10, 22, 0, tzinfo=UTC)  # 07:00 on the 11th in Seoul
    assert reminder_for(store, 1, moment, moment) == "nothing due"
    with_card(store, 1, moment + timedelta(hours=1))
    assert reminder_for(store, 1, moment, moment) == "nothing due"  # not due yet
    sent = reminder_for(store, 1, moment, moment + timedelta(hours=1))
    assert isinstance(sent, Reminder) and (sent.cards_due, sent.assignments) == (1, ())
    assert str(sent.day) == "2024-03-11" and store.progress(1).last_reminded() == sent.day
    assert reminder_for(store, 1, moment + timedelta(hours=2), moment + timedelta(hours=2)) == "already sent"
    assert isinstance(reminder_for(store, 1, moment + timedelta(days=1), moment + timedelta(days=1)), Reminder)


def test_a_learner_who_turned_reminders_off_gets_none(store):
    store.learners.save(learner(1, reminder=None))
    with_card(store, 1, T0)
    assert reminder_for(store, 1, T0, T0) == "off"
    assert reminder_for(store, 2, T0, T0) == "off"  # never seen


def test_an_open_assignment_brings_a_reminder_until_it_is_finished(store):
    store.learners.save(learner(1))
    lesson_id = store.lessons.add(make_lesson(title="Libraries lend tools"), 9, T0 - timedelta(days=1))
    store.classes.create(Class(CLASS_ID, "Thursday", 9, T0 - timedelta(days=2), "i" * 24, learner_ids=(1,)))
    store.assignments.add(Assignment(ASSIGNMENT_ID, CLASS_ID, lesson_id, T0 - timedelta(days=1)))
    sent = reminder_for(store, 1, T0, T0)
    assert isinstance(sent, Reminder) and sent.assignments == ((ASSIGNMENT_ID, "Libraries lend tools"),)
    store.progress(1).save_reading(ReadingState(lesson_id, T0, assignment_id=ASSIGNMENT_ID).at_part(1))
    assert reminder_for(store, 1, T0 + timedelta(days=1), T0 + timedelta(days=1)) == "nothing due"  # every part read
    store.progress(1).save_reading(ReadingState(lesson_id, T0, parts_read=frozenset(), assignment_id=ASSIGNMENT_ID))
    store.assignment_progress.record_finish(Finish(ASSIGNMENT_ID, 1, lesson_id, 3, 4, T0))
    assert reminder_for(store, 1, T0 + timedelta(days=2), T0 + timedelta(days=2)) == "nothing due"  # quiz done
