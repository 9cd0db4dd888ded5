"""Recording a learner's answer rewrites that learner's file and nothing else."""
from __future__ import annotations

from datetime import date, timedelta

from bot.store import Store
from tests.store.conftest import T0, make_lesson, vocab_item
from vocab.progress import Learner, QuizAnswer, ReadingState, WordStatus


def snapshot(data_dir):
    """Every file with its inode and mtime: a rewrite (temp file + rename) changes the inode."""
    return {p: (p.stat().st_ino, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.rglob("*") if p.is_file()}


def test_an_answer_touches_only_the_learners_own_file(tmp_path):
    data_dir = tmp_path / "data"
    store = Store.open(data_dir)
    lesson_id = store.lessons.add(make_lesson(), owner_id=1, at=T0)
    for user_id in range(1, 41):
        store.learners.save(Learner(user_id, f"learner {user_id}", T0, level="B1"))
        store.progress(user_id).save_reading(ReadingState(lesson_id, T0))
        store.progress(user_id).mark_active(date(2024, 3, 1))
    before = snapshot(data_dir)
    progress = store.progress(17)
    word = WordStatus.first_met(vocab_item("munition"), lesson_id, T0).answered(True, T0 + timedelta(minutes=3))
    progress.record_answer(
        QuizAnswer(lesson_id, "gap_fill:munition", "munition", "gap_fill", True, T0 + timedelta(minutes=3)), word, date(2024, 3, 1)
    )
    after = snapshot(data_dir)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    assert changed == {store._learner_files.path_for(17)}
    assert len(before) == 40 + 2  # 40 learners, one lesson, schema.json
