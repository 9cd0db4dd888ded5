"""After assigning: who is finished, who gets the reminder the day before the due date (in their
own calendar), and when a tutor's daily digest goes out."""
from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta, timezone

import pytest

from lessons.assignment_progress import (
    Finish,
    digest_due,
    has_finished,
    local_moment,
    needs_reminder,
    reminder_due_dates,
    zone_of,
)
from lessons.assignments import new_assignment
from lessons.classes import new_class
from vocab.progress import ReadingState

ASSIGNED = datetime(2024, 3, 4, 3, 0, tzinfo=timezone.utc)  # Monday noon in Seoul, Sunday evening in New York
DUE = date(2024, 3, 8)  # Friday
CLASS = new_class("Thursday B2", 10, ASSIGNED, secrets)


def assignment(due: date | None = DUE, at: datetime = ASSIGNED):
    return new_assignment(CLASS, "0123456789ab", at, secrets, due=due, today=at.date())


def local(day: date, hour: int, minute: int = 0, zone: str | None = None) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=zone_of(zone))


@pytest.mark.parametrize("now, finished, reminded, expected", [
    (local(date(2024, 3, 7), 9), False, False, True),  # the day before, from 9:00
    (local(date(2024, 3, 7), 23, 59), False, False, True),
    (local(date(2024, 3, 7), 8, 59), False, False, False),  # not at night
    (local(date(2024, 3, 6), 12), False, False, False),  # two days before
    (local(date(2024, 3, 8), 12), False, False, False),  # the due day itself: too late for "tomorrow"
    (local(date(2024, 3, 7), 12), True, False, False),  # finished
    (local(date(2024, 3, 7), 12), False, True, False),  # reminded already
])
def test_a_learner_is_reminded_once_on_the_day_before_the_due_date(now, finished, reminded, expected):
    assert needs_reminder(assignment(), now, finished=finished, reminded=reminded) is expected


def test_there_is_no_reminder_without_a_due_date():
    assert not needs_reminder(assignment(due=None), local(date(2024, 3, 7), 12), finished=False, reminded=False)


def test_an_assignment_due_tomorrow_is_not_reminded_on_the_day_it_arrives():
    given = datetime(2024, 3, 7, 10, 0, tzinfo=timezone.utc)
    due_tomorrow = assignment(due=date(2024, 3, 8), at=given)
    assert not needs_reminder(due_tomorrow, local(date(2024, 3, 7), 20), finished=False, reminded=False)


def test_tomorrow_is_the_learners_own_tomorrow():
    # 2024-03-07 01:00 UTC: already Thursday 10:00 in Seoul (due tomorrow), still Wednesday 20:00 in New York
    moment = datetime(2024, 3, 7, 1, 0, tzinfo=timezone.utc)
    assert needs_reminder(assignment(), local_moment(moment, "Asia/Seoul"), finished=False, reminded=False)
    assert not needs_reminder(assignment(), local_moment(moment, "America/New_York"), finished=False, reminded=False)
    assert not needs_reminder(assignment(), local_moment(moment, None), finished=False, reminded=False)  # UTC: 01:00


@pytest.mark.parametrize("moment", [
    datetime(2024, 3, 7, 0, 30, tzinfo=timezone.utc),
    datetime(2024, 3, 7, 23, 30, tzinfo=timezone.utc),
])
@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Asia/Seoul", "Europe/London", "America/New_York",
                                  "Pacific/Pago_Pago", None])
def test_every_due_date_that_is_tomorrow_somewhere_is_looked_at(moment, zone):
    first, last = reminder_due_dates(moment)
    tomorrow = local_moment(moment, zone).date() + timedelta(days=1)
    assert first <= tomorrow <= last


def test_an_unknown_time_zone_is_utc():
    assert zone_of("Mars/Olympus_Mons") == timezone.utc == zone_of(None) == zone_of("")
    assert local_moment(ASSIGNED, "Asia/Seoul").hour == 12


def reading(parts_read, finished_at=None):
    return ReadingState("abcdef012345", ASSIGNED, part=max(parts_read, default=0), parts_read=frozenset(parts_read),
                        finished_at=finished_at, assignment_id="a" * 12)


@pytest.mark.parametrize("state, parts, finish, expected", [
    (None, 3, None, False),  # not started
    (reading({0, 1}), 3, None, False),
    (reading({0, 1, 2}), 3, None, True),  # every part read
    (reading({0}, finished_at=ASSIGNED), 3, None, True),  # the last part was shown
    (reading({0, 7, 8}), 3, None, False),  # parts that are not in the lesson do not count
    (reading({0}), 3, Finish("a" * 12, 1, "abcdef012345", 2, 9, ASSIGNED), True),  # the quiz done
    (None, 3, Finish("a" * 12, 1, "abcdef012345", 0, 9, ASSIGNED), True),
])
def test_a_learner_has_finished_after_the_last_part_or_the_quiz(state, parts, finish, expected):
    assert has_finished(state, parts, finish) is expected


@pytest.mark.parametrize("now, last_sent, held, expected", [
    (local(date(2024, 3, 7), 18), None, 2, True),
    (local(date(2024, 3, 7), 22), date(2024, 3, 6), 1, True),
    (local(date(2024, 3, 7), 17, 59), None, 2, False),  # not yet
    (local(date(2024, 3, 7), 19), date(2024, 3, 7), 2, False),  # sent today already
    (local(date(2024, 3, 7), 19), None, 0, False),  # nothing to tell
])
def test_the_digest_goes_out_once_a_day_from_six_in_the_evening(now, last_sent, held, expected):
    assert digest_due(now, last_sent, held) is expected
