"""LearnerRepository contract: the same behaviour from the in-memory fake and from TinyDB."""
from __future__ import annotations

from dataclasses import replace
from datetime import time

from tests.store.conftest import T0
from vocab.progress import Learner


def test_an_unknown_learner_is_none(backend):
    assert backend.store.learners.get(42) is None


def test_a_new_learner_has_no_level_until_chosen(backend):
    backend.store.learners.save(Learner(42, "Min-jun", T0, language="ko"))
    learner = backend.reopen().learners.get(42)
    assert learner == Learner(42, "Min-jun", T0, language="ko")
    assert learner.level is None and learner.desired_retention == 0.9


def test_saving_again_replaces_every_setting(backend):
    store = backend.store
    store.learners.save(Learner(7, "Ada", T0))
    changed = replace(
        store.learners.get(7), level="C1", language="ko", timezone="Asia/Seoul",
        reminder_time=time(20, 15), daily_goal=25, desired_retention=0.85,
    )
    store.learners.save(changed)
    assert backend.reopen().learners.get(7) == changed


def test_learners_are_kept_apart(backend):
    store = backend.store
    store.learners.save(Learner(1, "One", T0, level="A2"))
    store.learners.save(Learner(2, "Two", T0, level="C1"))
    store.learners.save(replace(store.learners.get(1), name="Uno"))
    store = backend.reopen()
    assert store.learners.get(1).name == "Uno"
    assert store.learners.get(2) == Learner(2, "Two", T0, level="C1")


def test_ids_lists_everyone_saved_and_reading_creates_no_one(backend):
    store = backend.store
    for user_id in (5, 105, 123456789, 8):
        store.learners.save(Learner(user_id, f"user {user_id}", T0))
    store.learners.get(77)
    store.progress(78).words()
    assert sorted(backend.reopen().learners.ids()) == [5, 8, 105, 123456789]
