"""AssignmentProgressRepository contract: finishes, reminders and digests, the same from the
in-memory fake and from TinyDB, and kept across a restart."""
from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import timedelta

import pytest

from lessons.assignment_progress import Finish
from lessons.assignments import new_assignment
from tests.store.conftest import T0
from tests.store.test_assignments_contract import LESSON, setup_classes

TUTOR, OTHER_TUTOR = 500, 600


def finish_of(assignment_id: str, learner_id: int, minutes: int = 0, score: int = 7, total: int = 9) -> Finish:
    return Finish(assignment_id, learner_id, "abcdef012345", score, total, T0 + timedelta(minutes=minutes))


@pytest.fixture
def assignment_ids(backend):
    first, second = setup_classes(backend.store)
    ids = []
    for class_ in (first, second):
        assignment = new_assignment(class_, LESSON, T0, secrets)
        backend.store.assignments.add(assignment)
        ids.append(assignment.assignment_id)
    return ids


def test_the_first_finish_is_kept_and_a_second_changes_nothing(backend, assignment_ids):
    a, b = assignment_ids
    progress = backend.store.assignment_progress
    first = finish_of(a, 1, minutes=5)
    assert progress.record_finish(first) is True
    assert progress.record_finish(replace(first, score=9, finished_at=T0 + timedelta(hours=1))) is False
    assert progress.record_finish(finish_of(a, 2, minutes=1)) is True
    progress = backend.reopen().assignment_progress
    assert progress.finish(a, 1) == first
    assert progress.finish(b, 1) is None and progress.finish(a, 3) is None
    assert progress.finishes(a) == (finish_of(a, 2, minutes=1), first)  # first finished first
    assert progress.finishes(b) == ()


@pytest.mark.parametrize("forged", ["000000000000", "../index", "", "ABCDEF012345", None])
def test_a_forged_assignment_id_names_no_finish_and_no_reminder(backend, assignment_ids, forged):
    progress = backend.store.assignment_progress
    progress.record_finish(finish_of(assignment_ids[0], 1))
    progress.mark_reminded(assignment_ids[0], 1, T0)
    assert progress.finish(forged, 1) is None
    assert progress.was_reminded(forged, 1) is False


def test_a_learner_is_reminded_once_per_assignment_across_a_restart(backend, assignment_ids):
    a, b = assignment_ids
    progress = backend.store.assignment_progress
    assert not progress.was_reminded(a, 1)
    progress.mark_reminded(a, 1, T0)
    progress.mark_reminded(a, 1, T0 + timedelta(minutes=1))  # again: still once
    progress = backend.reopen().assignment_progress
    assert progress.was_reminded(a, 1)
    assert not progress.was_reminded(a, 2) and not progress.was_reminded(b, 1)


def test_finishes_held_for_a_digest_wait_until_it_is_sent(backend, assignment_ids):
    a, b = assignment_ids
    progress = backend.store.assignment_progress
    later, earlier = finish_of(a, 1, minutes=30), finish_of(a, 2, minutes=10)
    progress.hold_for_digest(TUTOR, later)
    progress.hold_for_digest(TUTOR, earlier)
    progress.hold_for_digest(TUTOR, earlier)  # held once
    progress.hold_for_digest(OTHER_TUTOR, finish_of(b, 2))
    progress = backend.reopen().assignment_progress
    assert progress.held(TUTOR) == (earlier, later)
    assert progress.finish(a, 1) == later  # a held finish is a kept finish
    assert progress.tutors_with_held() == (TUTOR, OTHER_TUTOR)
    assert progress.last_digest(TUTOR) is None

    progress.digest_sent(TUTOR, T0.date())
    progress = backend.reopen().assignment_progress
    assert progress.held(TUTOR) == () and progress.tutors_with_held() == (OTHER_TUTOR,)
    assert progress.last_digest(TUTOR) == T0.date()
    assert progress.finishes(a) == (earlier, later)  # sent, not forgotten

    progress.digest_sent(OTHER_TUTOR, None)  # sent at once (digest turned off): no daily digest yet
    progress = backend.reopen().assignment_progress
    assert progress.tutors_with_held() == () and progress.last_digest(OTHER_TUTOR) is None
    assert progress.held(12345) == () and progress.last_digest(12345) is None
