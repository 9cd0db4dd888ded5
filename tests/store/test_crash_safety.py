"""kill -9 at any moment never leaves an unreadable file, and never loses an acknowledged answer.

A child process records quiz answers in a loop through the real Store and acknowledges each
one on a pipe after `record_answer` returns (as the bot replies only after the write). The
test kills it with SIGKILL at a random moment, 200 times, and after every kill the learner's
file must be valid JSON holding every acknowledged answer (and at most the one in flight).
Children are forked, not spawned, so that 200 kills fit in a few seconds.
"""
from __future__ import annotations

import json
import os
import random
import select
import signal
import time
from dataclasses import replace
from datetime import date, timedelta

from bot.store import Store
from tests.store.conftest import T0, vocab_item
from vocab.progress import QuizAnswer, WordStatus

USER = 4242
KILLS = 200
LESSON = "0123456789ab"


def write_answers_forever(data_dir, ack_fd: int) -> None:
    store = Store.open(data_dir)
    progress = store.progress(USER)
    done = len(progress.answers())
    word = progress.word("munition") or WordStatus.first_met(vocab_item("munition"), LESSON, T0)
    sizes = random.Random(os.getpid())
    while True:
        done += 1
        at = T0 + timedelta(seconds=done)
        # the file shrinks and grows: an in-place rewrite would leave a torn tail here
        word = replace(word.answered(done % 3 != 0, at), gloss="weapons " * sizes.randrange(4000))
        progress.record_answer(QuizAnswer(LESSON, f"q{done}", "munition", "meaning", done % 3 != 0, at), word, date(2024, 3, 1))
        os.write(ack_fd, f"{done}\n".encode())


def run_once_and_kill(data_dir, delay: float) -> int:
    """Start a writer, let it write for `delay` seconds after its first ack, SIGKILL it; the last ack."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            os.close(read_end)
            write_answers_forever(data_dir, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 10)
        assert ready, "the writer acknowledged nothing within 10 s"
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        acks = b""
        while chunk := os.read(read_end, 65536):
            acks += chunk
    finally:
        os.close(read_end)
    return int(acks.split()[-1])


def test_kill_9_never_corrupts_the_file_nor_loses_an_acknowledged_answer(tmp_path):
    data_dir = tmp_path / "data"
    path = Store.open(data_dir)._learner_files.path_for(USER)
    rng = random.Random(20240301)
    killed_mid_write = 0
    for kill in range(KILLS):
        last_ack = run_once_and_kill(data_dir, delay=rng.uniform(0, 0.012))
        killed_mid_write += path.with_name(path.name + ".tmp").exists()
        data = json.loads(path.read_bytes())  # never a half-written file
        kept = [doc["question_id"] for doc in data["answers"].values()]
        assert len(kept) in (last_ack, last_ack + 1), f"kill {kill}: acked {last_ack}, file has {len(kept)}"
        assert kept == [f"q{n}" for n in range(1, len(kept) + 1)], f"kill {kill}: an answer went missing"
        word = data["words"]["munition"]
        assert word["right"] + word["wrong"] == len(kept), f"kill {kill}: the answer and its word were split"
    store = Store.open(data_dir)
    assert len(store.progress(USER).answers()) == len(kept) >= last_ack
    print(f"{KILLS} kills, {killed_mid_write} of them between the temp file's creation and its rename")
    assert killed_mid_write > 0, "no kill landed during a write: the test proved nothing"
