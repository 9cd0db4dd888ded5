"""Daily activity and the last daily reminder: the same behaviour from the in-memory fake and TinyDB."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from bot.store.files import LearnerFiles
from tests.store.conftest import T0, vocab_item
from vocab.progress import DayActivity, QuizAnswer, WordStatus

DAY = date(2024, 3, 1)


def test_a_learner_with_nothing_stored_did_nothing_and_was_never_reminded(backend):
    progress = backend.store.progress(1)
    assert progress.activity() == {}
    assert progress.last_reminded() is None
    assert list(backend.store.learners.ids()) == []  # reading created no one


def test_reviews_and_parts_add_up_per_day_and_survive_a_restart(backend):
    progress = backend.store.progress(1)
    progress.add_activity(DAY, parts=1)
    progress.add_activity(DAY, reviews=3)
    progress.add_activity(DAY, reviews=2, parts=1)
    progress.add_activity(DAY + timedelta(days=2), reviews=4)
    progress = backend.reopen().progress(1)
    assert progress.activity() == {DAY: DayActivity(reviews=5, parts=2), DAY + timedelta(days=2): DayActivity(4, 0)}
    assert progress.activity()[DAY].total == 7


def test_a_day_with_activity_is_an_active_day(backend):
    progress = backend.store.progress(1)
    progress.add_activity(DAY, parts=1)
    assert progress.active_days() == (DAY,)


def test_a_day_active_only_through_quiz_answers_did_nothing_toward_the_goal(backend):
    progress = backend.store.progress(1)
    word = WordStatus.first_met(vocab_item("munition"), "0123456789ab", T0)
    progress.record_answer(QuizAnswer("0123456789ab", "q1", "munition", "meaning", True, T0), word, DAY)
    progress.mark_active(DAY + timedelta(days=1))
    progress.add_activity(DAY + timedelta(days=1), reviews=1)
    progress.mark_active(DAY + timedelta(days=1))  # marking a day active again keeps its counts
    assert backend.reopen().progress(1).activity() == {DAY: DayActivity(0, 0), DAY + timedelta(days=1): DayActivity(1, 0)}


def test_activity_in_a_batch_that_fails_is_not_kept(backend):
    progress = backend.store.progress(1)
    progress.add_activity(DAY, reviews=1)
    with pytest.raises(RuntimeError):
        with progress.batch():
            progress.add_activity(DAY, reviews=5)
            raise RuntimeError("the handler failed half-way")
    assert backend.reopen().progress(1).activity() == {DAY: DayActivity(1, 0)}


def test_the_last_reminder_day_is_kept_and_replaced(backend):
    progress = backend.store.progress(1)
    progress.mark_reminded(DAY)
    assert backend.reopen().progress(1).last_reminded() == DAY
    backend.store.progress(1).mark_reminded(DAY + timedelta(days=1))
    assert backend.reopen().progress(1).last_reminded() == DAY + timedelta(days=1)
    assert backend.store.progress(2).last_reminded() is None


def test_learners_keep_their_own_activity(backend):
    backend.store.progress(1).add_activity(DAY, parts=2)
    backend.store.progress(2).add_activity(DAY, reviews=1)
    store = backend.reopen()
    assert store.progress(1).activity() == {DAY: DayActivity(0, 2)}
    assert store.progress(2).activity() == {DAY: DayActivity(1, 0)}


def test_days_written_by_older_files_read_as_active_with_nothing_done(tmp_path):
    """A file written before activity was counted has {} per day: active, nothing toward the goal."""
    from bot.store import Store

    store = Store.open(tmp_path / "data")
    store.progress(7).mark_active(DAY)
    store.close()
    path = LearnerFiles(tmp_path / "data" / "learners").path_for(7)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["days"] == {DAY.isoformat(): {}}
    store = Store.open(tmp_path / "data")
    assert store.progress(7).activity() == {DAY: DayActivity(0, 0)}
    store.progress(7).add_activity(DAY, parts=1)
    assert store.progress(7).activity() == {DAY: DayActivity(0, 1)}
    store.close()
