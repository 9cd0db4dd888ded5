"""Classes in the core: names, invite codes, who may do what, joining and leaving, due dates."""
from __future__ import annotations

import random
import re
import secrets
from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from lessons.assignments import Assignment, can_see_assignment, check_due, new_assignment, parse_due
from lessons.classes import (
    MAX_CLASSES_PER_TUTOR,
    MAX_LEARNERS_PER_CLASS,
    Class,
    ClassError,
    can_manage,
    can_view,
    check_group_link,
    class_name,
    find_class,
    is_invite_code,
    is_member,
    joined,
    left,
    new_class,
    new_invite_code,
)

AT = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
TODAY = date(2024, 3, 1)
TUTOR, LEARNER, STRANGER = 10, 20, 30
#: Telegram's rule for a /start deep-link payload.
DEEP_LINK_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


class Recorded:
    """A seeded randomness source that remembers how many bytes were asked for."""

    def __init__(self, seed: int):
        self._random = random.Random(seed)
        self.asked: list[int] = []

    def token_bytes(self, nbytes: int) -> bytes:
        self.asked.append(nbytes)
        return self._random.randbytes(nbytes)


def a_class(**changes) -> Class:
    return replace(new_class("Thursday B2", TUTOR, AT, Recorded(1)), **{"learner_ids": (LEARNER,), **changes})


def test_an_invite_code_is_a_deep_link_payload_with_at_least_128_random_bits():
    source = Recorded(7)
    code = new_invite_code(source)
    assert DEEP_LINK_PAYLOAD.fullmatch(code) and is_invite_code(code)
    assert sum(source.asked) * 8 >= 128
    codes = {new_invite_code(secrets) for _ in range(500)}
    assert len(codes) == 500 and all(DEEP_LINK_PAYLOAD.fullmatch(c) for c in codes)


def test_the_same_random_bytes_give_the_same_class():
    assert new_class("A", TUTOR, AT, Recorded(3)) == new_class("A", TUTOR, AT, Recorded(3))
    assert new_class("A", TUTOR, AT, Recorded(3)) != new_class("A", TUTOR, AT, Recorded(4))


@pytest.mark.parametrize("typed, name", [
    ("Thursday B2", "Thursday B2"),
    ("  Thursday \n  B2\t", "Thursday B2"),
    ("목요일 반", "목요일 반"),
    ("x" * 64, "x" * 64),
])
def test_a_class_name_is_tidied(typed, name):
    assert class_name(typed) == name


@pytest.mark.parametrize("typed, reason", [("", "no_name"), ("   \n ", "no_name"), ("x" * 65, "name_too_long")])
def test_a_class_name_must_say_something_short(typed, reason):
    with pytest.raises(ClassError) as refused:
        class_name(typed)
    assert refused.value.reason == reason


def test_a_tutor_cannot_have_two_classes_of_the_same_name_but_two_tutors_can():
    mine = new_class("Thursday B2", TUTOR, AT, secrets)
    with pytest.raises(ClassError) as refused:
        new_class("thursday   b2", TUTOR, AT, secrets, existing=[mine])
    assert refused.value.reason == "name_taken"
    assert new_class("Thursday B2", STRANGER, AT, secrets, existing=[mine]).tutor_id == STRANGER
    assert find_class([mine], " THURSDAY b2 ") == mine and find_class([mine], "Friday") is None


def test_a_tutor_has_a_limited_number_of_classes():
    existing = [new_class(f"Class {n}", TUTOR, AT, secrets) for n in range(MAX_CLASSES_PER_TUTOR)]
    with pytest.raises(ClassError) as refused:
        new_class("One more", TUTOR, AT, secrets, existing=existing)
    assert refused.value.reason == "too_many_classes"


@pytest.mark.parametrize("user, manage, view, member", [
    (TUTOR, True, True, False),
    (LEARNER, False, True, True),
    (STRANGER, False, False, False),
])
def test_only_the_tutor_manages_and_only_tutor_and_learners_see(user, manage, view, member):
    class_ = a_class()
    assert (can_manage(class_, user), can_view(class_, user), is_member(class_, user)) == (manage, view, member)
    assert not (can_manage(None, user) or can_view(None, user) or is_member(None, user))


@pytest.mark.parametrize("user, reason", [(TUTOR, "own_class"), (LEARNER, "already_member")])
def test_joining_is_refused_to_the_tutor_and_to_members(user, reason):
    with pytest.raises(ClassError) as refused:
        joined(a_class(), user)
    assert refused.value.reason == reason


def test_joining_adds_the_learner_at_the_end_and_leaving_removes_them():
    class_ = joined(a_class(), STRANGER)
    assert class_.learner_ids == (LEARNER, STRANGER) and class_.size == 2
    assert left(class_, LEARNER).learner_ids == (STRANGER,)
    with pytest.raises(ClassError) as refused:
        left(a_class(), STRANGER)
    assert refused.value.reason == "not_member"


def test_a_full_class_takes_no_one_else():
    full = a_class(learner_ids=tuple(range(1000, 1000 + MAX_LEARNERS_PER_CLASS)))
    with pytest.raises(ClassError) as refused:
        joined(full, STRANGER)
    assert refused.value.reason == "class_full"


@pytest.mark.parametrize("user, in_group, linked_now, reason", [
    (TUTOR, False, None, "not_in_group"),
    (LEARNER, True, None, "not_tutor"),
    (STRANGER, True, None, "not_tutor"),
    (TUTOR, True, "another tutor's", "group_taken"),
])
def test_only_the_tutor_links_a_group_no_other_tutor_holds(user, in_group, linked_now, reason):
    other = new_class("Theirs", STRANGER, AT, secrets) if linked_now else None
    with pytest.raises(ClassError) as refused:
        check_group_link(a_class(), user, in_group=in_group, linked_now=other)
    assert refused.value.reason == reason


def test_a_tutor_may_move_a_group_between_their_own_classes():
    mine, other_of_mine = a_class(), new_class("Friday", TUTOR, AT, secrets)
    assert check_group_link(mine, TUTOR, in_group=True, linked_now=other_of_mine) == mine
    assert check_group_link(mine, TUTOR, in_group=True, linked_now=None) == mine


@pytest.mark.parametrize("bad", [
    dict(class_id="XYZ"), dict(invite_code="short"), dict(level="Z9"), dict(learner_ids=(1, 1)),
    dict(learner_ids=(TUTOR,)),
])
def test_a_class_that_cannot_exist_is_refused(bad):
    with pytest.raises(ValueError):
        a_class(**bad)


@pytest.mark.parametrize("typed, due", [
    ("2024-03-01", date(2024, 3, 1)),
    ("2024-3-15", date(2024, 3, 15)),
    (" 2025-02-28 ", date(2025, 2, 28)),
    ("+0", TODAY),
    ("+3", date(2024, 3, 4)),
    ("+7d", date(2024, 3, 8)),
])
def test_a_due_date_is_a_date_or_days_from_today(typed, due):
    assert parse_due(typed, TODAY) == due


@pytest.mark.parametrize("typed, reason", [
    ("2024-02-29", "past_date"),
    ("2023-12-31", "past_date"),
    ("2024-02-30", "bad_date"),
    ("tomorrow", "bad_date"),
    ("03/05", "bad_date"),
    ("", "bad_date"),
    ("-1", "bad_date"),
    ("2205-03-01", "due_too_far"),
    ("+400", "due_too_far"),
])
def test_a_due_date_in_the_past_or_unreadable_is_refused(typed, reason):
    with pytest.raises(ClassError) as refused:
        parse_due(typed, TODAY)
    assert refused.value.reason == reason


def test_an_assignment_checks_its_due_date_against_today():
    class_ = a_class()
    assignment = new_assignment(class_, "0123456789ab", AT, secrets, due=date(2024, 3, 2))
    assert (assignment.class_id, assignment.due) == (class_.class_id, date(2024, 3, 2))
    assert not assignment.is_overdue(date(2024, 3, 2)) and assignment.is_overdue(date(2024, 3, 3))
    with pytest.raises(ClassError):
        new_assignment(class_, "0123456789ab", AT, secrets, due=date(2024, 2, 29))
    assert check_due(TODAY, TODAY) == TODAY


@pytest.mark.parametrize("user, sees", [(TUTOR, True), (LEARNER, True), (STRANGER, False)])
def test_only_the_class_sees_its_assignments(user, sees):
    class_ = a_class()
    assignment = new_assignment(class_, "0123456789ab", AT, secrets)
    other = new_class("Other", STRANGER, AT, secrets)
    assert can_see_assignment(assignment, class_, user) is sees
    assert not can_see_assignment(assignment, other, user)  # a class that is not the assignment's
    assert not can_see_assignment(None, class_, user)
    assert isinstance(assignment, Assignment)
