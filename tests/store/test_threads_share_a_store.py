"""Threads may share one Store: a batch holds the learner's file, so no update is lost."""
from __future__ import annotations

import threading
from datetime import date, timedelta

from bot.store import Store
from tests.store.conftest import T0, vocab_item
from vocab.progress import QuizAnswer, WordStatus

LESSON = "0123456789ab"
THREADS, ANSWERS = 8, 25


def answer_many(store: Store, thread: int, errors: list) -> None:
    try:
        for n in range(ANSWERS):
            for user_id in (1, 100 + thread):  # one learner everybody answers for, and one's own
                progress = store.progress(user_id)
                at = T0 + timedelta(seconds=thread * 1000 + n)
                with progress.batch():  # read, change and write the word as one step
                    word = progress.word("munition") or WordStatus.first_met(vocab_item("munition"), LESSON, T0)
                    progress.record_answer(
                        QuizAnswer(LESSON, f"t{thread}-q{n}", "munition", "meaning", n % 2 == 0, at),
                        word.answered(n % 2 == 0, at), date(2024, 3, 1),
                    )
    except BaseException as error:  # noqa: BLE001 (reported by the test)
        errors.append(error)


def test_answers_from_many_threads_are_all_kept(tmp_path):
    store = Store.open(tmp_path, open_learners=3)  # small: files are evicted while in use
    errors: list = []
    threads = [threading.Thread(target=answer_many, args=(store, t, errors)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    reopened = Store.open(tmp_path)
    shared = reopened.progress(1)
    assert len(shared.answers()) == THREADS * ANSWERS
    word = shared.word("munition")
    assert (word.right, word.wrong) == (THREADS * 13, THREADS * 12)
    for thread in range(THREADS):
        assert len(reopened.progress(100 + thread).answers()) == ANSWERS
