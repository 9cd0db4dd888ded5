"""AssignmentRepository contract: the same behaviour from the in-memory fake and from TinyDB."""
from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date, timedelta

import pytest

from lessons.assignments import new_assignment
from lessons.classes import new_class
from tests.store.conftest import T0

LESSON, OTHER_LESSON = "0123456789ab", "ba9876543210"


def setup_classes(store):
    """Two tutors' classes; learner 1 in the first, learner 2 in both."""
    first = new_class("First", 500, T0, secrets)
    second = new_class("Second", 600, T0, secrets)
    for class_ in (first, second):
        store.classes.create(class_)
    store.classes.add_learner(first.class_id, 1)
    store.classes.add_learner(first.class_id, 2)
    store.classes.add_learner(second.class_id, 2)
    return first, second


def test_a_stored_assignment_comes_back_exactly(backend):
    first, _ = setup_classes(backend.store)
    due = new_assignment(first, LESSON, T0, secrets, due=date(2024, 3, 8))
    undated = new_assignment(first, OTHER_LESSON, T0 + timedelta(hours=1), secrets)
    backend.store.assignments.add(due)
    backend.store.assignments.add(undated)
    assignments = backend.reopen().assignments
    assert assignments.get(due.assignment_id) == due and due.due == date(2024, 3, 8)
    assert assignments.get(undated.assignment_id) == undated and undated.due is None


@pytest.mark.parametrize("forged", ["000000000000", "../index", "", "ABCDEF012345", 3, None])
def test_an_unknown_or_forged_assignment_id_names_none(backend, forged):
    first, _ = setup_classes(backend.store)
    backend.store.assignments.add(new_assignment(first, LESSON, T0, secrets))
    assert backend.store.assignments.get(forged) is None


def test_a_taken_assignment_id_is_refused(backend):
    first, second = setup_classes(backend.store)
    kept = new_assignment(first, LESSON, T0, secrets)
    backend.store.assignments.add(kept)
    with pytest.raises(ValueError):
        backend.store.assignments.add(replace(new_assignment(second, OTHER_LESSON, T0, secrets), assignment_id=kept.assignment_id))
    assert backend.reopen().assignments.get(kept.assignment_id) == kept


def test_a_class_lists_its_own_assignments_oldest_first(backend):
    first, second = setup_classes(backend.store)
    later = new_assignment(first, LESSON, T0 + timedelta(days=1), secrets)
    earlier = new_assignment(first, OTHER_LESSON, T0, secrets)
    theirs = new_assignment(second, LESSON, T0, secrets)
    for assignment in (later, theirs, earlier):
        backend.store.assignments.add(assignment)
    assignments = backend.reopen().assignments
    assert assignments.for_class(first.class_id) == (earlier, later)
    assert assignments.for_class(second.class_id) == (theirs,)
    assert assignments.for_class("0123456789ab") == ()


def test_a_learner_sees_the_assignments_of_the_classes_they_are_in_now(backend):
    first, second = setup_classes(backend.store)
    a = new_assignment(first, LESSON, T0, secrets)
    b = new_assignment(second, OTHER_LESSON, T0 + timedelta(hours=2), secrets)
    backend.store.assignments.add(a)
    backend.store.assignments.add(b)
    store = backend.reopen()
    assert store.assignments.for_learner(1) == (a,)
    assert store.assignments.for_learner(2) == (a, b)
    assert store.assignments.for_learner(500) == ()  # the tutor is no learner of their class
    store.classes.remove_learner(second.class_id, 2)
    assert backend.reopen().assignments.for_learner(2) == (a,)


def test_assignments_due_in_a_range_are_found_for_the_reminders(backend):
    first, second = setup_classes(backend.store)
    today = T0.date()
    due = {n: new_assignment(first if n % 2 else second, LESSON, T0 + timedelta(minutes=n), secrets,
                             due=today + timedelta(days=n)) for n in range(4)}
    undated = new_assignment(first, OTHER_LESSON, T0, secrets)
    for assignment in (*due.values(), undated):
        backend.store.assignments.add(assignment)
    assignments = backend.reopen().assignments
    assert assignments.due_between(today + timedelta(days=1), today + timedelta(days=2)) == (due[1], due[2])
    assert assignments.due_between(today, today) == (due[0],)
    assert assignments.due_between(today + timedelta(days=5), today + timedelta(days=9)) == ()
