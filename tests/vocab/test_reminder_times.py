"""Reminder times as learners type them, IANA time zones, and the next reminder in UTC across
daylight saving time."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from vocab.reminder_times import ReminderError, check_timezone, next_reminder, parse_reminder_time, zone

UTC = timezone.utc


@pytest.mark.parametrize("typed, expected", [
    ("07:30", time(7, 30)), ("7:30", time(7, 30)), ("19:00", time(19, 0)), (" 0:05 ", time(0, 5)),
    ("23:59", time(23, 59)), ("21 : 00", time(21, 0)),
    ("7：30", time(7, 30)), ("１９：００", time(19, 0)),  # a full-width keyboard's colon and digits
])
def test_typed_times_are_read(typed, expected):
    assert parse_reminder_time(typed) == expected


@pytest.mark.parametrize("typed, reason", [
    ("25:00", "no_such_time"), ("24:00", "no_such_time"), ("7:60", "no_such_time"), ("99:99", "no_such_time"),
    ("7pm?", "not_a_time"), ("7pm", "not_a_time"), ("0730", "not_a_time"), ("7.30", "not_a_time"),
    ("", "not_a_time"), ("07:30:00", "not_a_time"), ("7:3", "not_a_time"), ("-1:30", "not_a_time"),
    ("morning", "not_a_time"),
])
def test_anything_else_is_refused_with_a_reason(typed, reason):
    with pytest.raises(ReminderError) as refused:
        parse_reminder_time(typed)
    assert refused.value.reason == reason


@pytest.mark.parametrize("typed, name", [
    ("Asia/Seoul", "Asia/Seoul"), ("asia/seoul", "Asia/Seoul"), (" Europe/London ", "Europe/London"),
    ("UTC", "UTC"), ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
])
def test_iana_time_zones_are_accepted_in_any_case(typed, name):
    assert check_timezone(typed) == name


@pytest.mark.parametrize("typed", ["Mars/Olympus", "Seoul", "KST+9", "", "../../etc/passwd", "/etc/localtime",
                                   "Asia/Seoul/", "Asia\\Seoul"])
def test_unknown_time_zones_are_refused(typed):
    with pytest.raises(ReminderError) as refused:
        check_timezone(typed)
    assert refused.value.reason == "unknown_timezone"


def test_an_unset_or_vanished_zone_means_utc():
    assert zone(None) is UTC and zone("Mars/Olympus") is UTC


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize("local, tz, after, expected", [
    # Seoul is UTC+9 all year: 07:30 there is 22:30 UTC the day before
    (time(7, 30), "Asia/Seoul", at(2024, 3, 10, 12, 0), at(2024, 3, 10, 22, 30)),
    (time(7, 30), "Asia/Seoul", at(2024, 3, 10, 22, 29), at(2024, 3, 10, 22, 30)),
    (time(7, 30), "Asia/Seoul", at(2024, 3, 10, 22, 30), at(2024, 3, 11, 22, 30)),  # strictly after
    (time(21, 0), "Asia/Seoul", at(2024, 3, 10, 11, 0), at(2024, 3, 10, 12, 0)),
    (time(0, 0), "UTC", at(2024, 12, 31, 23, 59), at(2025, 1, 1, 0, 0)),
    (time(9, 0), None, at(2024, 3, 10, 8, 0), at(2024, 3, 10, 9, 0)),  # no zone: UTC
    # New York springs forward on 2024-03-10: 07:30 EST (12:30 UTC) becomes 07:30 EDT (11:30 UTC)
    (time(7, 30), "America/New_York", at(2024, 3, 9, 13, 0), at(2024, 3, 10, 11, 30)),
    (time(7, 30), "America/New_York", at(2024, 3, 8, 13, 0), at(2024, 3, 9, 12, 30)),
    # 02:30 does not exist that night: it comes at 03:30 EDT, the moment the skipped hour would be
    (time(2, 30), "America/New_York", at(2024, 3, 10, 0, 0), at(2024, 3, 10, 7, 30)),
    # New York falls back on 2024-11-03: 01:30 happens twice, the reminder comes the first time only
    (time(1, 30), "America/New_York", at(2024, 11, 3, 0, 0), at(2024, 11, 3, 5, 30)),
    (time(1, 30), "America/New_York", at(2024, 11, 3, 5, 30), at(2024, 11, 4, 6, 30)),
    # London: 08:00 GMT in March is 08:00 UTC; after 31 March it is BST, 07:00 UTC
    (time(8, 0), "Europe/London", at(2024, 3, 30, 9, 0), at(2024, 3, 31, 7, 0)),
])
def test_the_next_reminder_is_at_the_learners_local_time(local, tz, after, expected):
    found = next_reminder(local, tz, after)
    assert found == expected and found.utcoffset() == timedelta(0)


def test_the_next_reminder_accepts_any_aware_start():
    seoul_noon = datetime(2024, 3, 10, 12, 0, tzinfo=timezone(timedelta(hours=9)))
    assert next_reminder(time(13, 0), "Asia/Seoul", seoul_noon) == at(2024, 3, 10, 4, 0)
