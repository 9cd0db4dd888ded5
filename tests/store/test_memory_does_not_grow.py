"""Memory follows the learners who are active, not the number stored: an LRU of open files."""
from __future__ import annotations

import gc
import json
import tracemalloc
from datetime import date

from bot.store import Store
from tests.store.conftest import T0, vocab_item
from vocab.progress import Learner, ReadingState, WordStatus

LESSON = "0123456789ab"


def fill(data_dir, learners: int) -> None:
    """`learners` learners with 30 words each: one written by the Store, the others copies of it."""
    store = Store.open(data_dir, open_learners=8)
    progress = store.progress(0)
    with progress.batch():
        store.learners.save(Learner(0, "learner 0", T0))
        progress.save_words(*(WordStatus.first_met(vocab_item(f"word{i}"), LESSON, T0) for i in range(30)))
    files = store._learner_files
    template = json.loads(files.path_for(0).read_text(encoding="utf-8"))
    for user_id in range(1, learners):
        template["learner"]["1"].update(user_id=user_id, name=f"learner {user_id}")
        files.path_for(user_id).parent.mkdir(exist_ok=True)
        files.path_for(user_id).write_text(json.dumps(template), encoding="utf-8")
    store.close()


def test_at_most_the_lru_size_of_learner_files_stay_open(tmp_path):
    fill(tmp_path, 40)
    store = Store.open(tmp_path, open_learners=8)
    for user_id in range(40):
        assert store.learners.get(user_id).name == f"learner {user_id}"
        assert len(store.progress(user_id).words()) == 30
        assert store.open_learner_files == min(user_id + 1, 8)


def test_memory_stays_flat_while_more_learners_are_served(tmp_path):
    fill(tmp_path, 400)
    store = Store.open(tmp_path, open_learners=16)
    tracemalloc.start()
    try:
        def serve(user_ids):
            for user_id in user_ids:
                store.learners.get(user_id)
                store.progress(user_id).words()
            gc.collect()
            return tracemalloc.get_traced_memory()[0]

        after_100 = serve(range(100))
        after_400 = serve(range(100, 400))
    finally:
        tracemalloc.stop()
    # Kept open, the 300 more learners' files would hold about 9 MB here.
    assert after_400 - after_100 < 500_000, f"grew by {after_400 - after_100:,} bytes"


def test_a_file_evicted_while_in_use_stays_the_one_copy_of_that_learner(tmp_path):
    store = Store.open(tmp_path, open_learners=2)
    held = store.progress(1)
    held.mark_active(date(2024, 3, 1))
    for user_id in range(2, 10):  # learner 1 is evicted while `held` still uses it
        store.progress(user_id).mark_active(date(2024, 3, 1))
    assert held.active_days() == (date(2024, 3, 1),)  # `held` reads (and caches) the file again
    store.progress(1).save_reading(ReadingState(LESSON, T0))
    held.mark_active(date(2024, 3, 2))
    reopened = Store.open(tmp_path).progress(1)
    assert reopened.current_reading() == ReadingState(LESSON, T0)
    assert reopened.active_days() == (date(2024, 3, 1), date(2024, 3, 2))
