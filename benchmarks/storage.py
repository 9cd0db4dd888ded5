"""What one quiz answer costs the storage with 100, 1,000 and 10,000 learners stored, and memory.

    python benchmarks/storage.py                 # 100, 1,000, 10,000 learners
    python benchmarks/storage.py --learners 500 --answers 1000
    python benchmarks/storage.py --baseline      # also one TinyDB file for everyone (stock JSONStorage)

An answer is what the quiz handler does: read the word, record the answer with the word's new
status and the active day in one crash-safe write (fsynced), and return. "cold" answers go to
random learners (their file mostly not open yet), "warm" ones to 50 learners answering in turn.
Learners are made by copying one realistic learner file (40 words, 30 answers, 3 readings).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.store import Store  # noqa: E402
from vocab.items import VocabItem  # noqa: E402
from vocab.progress import Learner, QuizAnswer, ReadingState, WordStatus  # noqa: E402

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=9)))
LESSONS = ("0123456789ab", "123456789abc", "23456789abcd")


def item(n: int) -> VocabItem:
    lemma = f"lemma{n}"
    return VocabItem(
        item=lemma, lemma=lemma, kind="word", forms=(lemma,), pos="noun", zipf=2.8, level="C1", count=2,
        sentence=f"North Korea said on Saturday that {lemma} will remain strong despite the warning.",
        chunk=n % 4, gloss="a short English gloss from WordNet, as the bot shows it",
    )


def template_learner(data_dir: Path) -> bytes:
    """One realistic learner file, as the store writes it."""
    store = Store.open(data_dir)
    progress = store.progress(0)
    with progress.batch():
        store.learners.save(Learner(0, "learner", T0, language="ko", level="B2"))
        for i, lesson in enumerate(LESSONS):
            progress.save_reading(ReadingState(lesson, T0 + timedelta(days=i)).at_part(1).at_part(2))
        for n in range(40):
            word = WordStatus.first_met(item(n), LESSONS[n % 3], T0)
            if n < 30:
                at = T0 + timedelta(minutes=n)
                word = word.answered(n % 4 != 0, at)
                answer = QuizAnswer(LESSONS[n % 3], f"meaning:lemma{n}", word.lemma, "meaning", n % 4 != 0, at)
                progress.record_answer(answer, word, (T0 + timedelta(days=n // 3)).date())
            else:
                progress.save_words(word)
    raw = store._learner_files.path_for(0).read_bytes()
    store.close()
    return raw


def make_learners(data_dir: Path, count: int) -> None:
    template = template_learner(data_dir)
    data = json.loads(template)
    shards: set[Path] = set()
    for user_id in range(1, count + 1):
        data["learner"]["1"]["user_id"] = user_id
        path = data_dir / "learners" / f"{user_id % 100:02d}" / f"{user_id}.json"
        if path.parent not in shards:
            path.parent.mkdir(parents=True, exist_ok=True)
            shards.add(path.parent)
        path.write_bytes(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    (data_dir / "learners" / "00" / "0.json").unlink()


def answer_once(store: Store, user_id: int, n: int) -> float:
    """One quiz answer as the handler records it; seconds taken."""
    at = T0 + timedelta(days=30, seconds=n)
    started = time.perf_counter()
    progress = store.progress(user_id)
    with progress.batch():
        word = progress.word("lemma35") or WordStatus.first_met(item(35), LESSONS[0], T0)
        correct = n % 3 != 0
        progress.record_answer(
            QuizAnswer(LESSONS[0], f"gap_fill:lemma35:{n}", "lemma35", "gap_fill", correct, at), word.answered(correct, at),
            date(2024, 3, 31),
        )
    return time.perf_counter() - started


def figures(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return f"median {statistics.median(ms):6.2f} ms   p99 {p99:6.2f} ms"


def run(count: int, answers: int, open_learners: int) -> tuple[list[float], list[float]]:
    """Time `answers` cold and warm answers with `count` learners stored; prints and returns them (seconds)."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:  # on the disk the bot uses, not tmpfs
        data_dir = Path(tmp)
        made = time.perf_counter()
        make_learners(data_dir, count)
        made = time.perf_counter() - made
        os.sync()  # the copies' writeback must not slow the fsyncs being timed
        opened = time.perf_counter()
        store = Store.open(data_dir, open_learners=open_learners)
        opened = time.perf_counter() - opened
        rng = random.Random(count)
        for n in range(20):  # warm-up, untimed: the first fsyncs after the copies wait for the journal
            answer_once(store, rng.randint(1, count), -1 - n)
        cold = [answer_once(store, rng.randint(1, count), n) for n in range(answers)]
        warm = [answer_once(store, 1 + n % min(50, count), n) for n in range(answers)]
        tracemalloc.start()  # memory apart from the timings: tracing slows every allocation
        for n in range(answers):
            answer_once(store, rng.randint(1, count), answers + n)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = (data_dir / "learners" / "01" / "1.json").stat().st_size
        print(f"{count:>6,} learners stored (made in {made:.1f} s, {size:,} bytes each; Store.open {opened * 1000:.1f} ms)")
        print(f"         one answer, cold: {figures(cold)}")
        print(f"         one answer, warm: {figures(warm)}")
        print(f"         traced peak while answering ({answers} more, cold): {peak / 1e6:.1f} MB;"
              f" learner files open: {store.open_learner_files}")
        store.close()
        return cold, warm


def baseline(count: int, answers: int) -> None:
    """The layout this store replaces: every learner in one TinyDB file, stock JSONStorage."""
    from tinydb import TinyDB, where

    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        template = json.loads(template_learner(Path(tmp)))
        db = TinyDB(Path(tmp) / "everyone.json")
        rows = [
            {"user_id": u, **doc} for u in range(1, count + 1) for doc in template["answers"].values()
        ]
        db.table("answers").insert_multiple(rows)
        taken = []
        for n in range(answers):
            started = time.perf_counter()
            db.table("answers").insert({"user_id": 1 + n % count, "question_id": f"q{n}", "correct": True})
            db.table("words").upsert({"user_id": 1 + n % count, "lemma": "lemma35", "right": n}, where("lemma") == "x")
            taken.append(time.perf_counter() - started)
        print(f"{count:>6,} learners in ONE file (stock TinyDB): {figures(taken)}")
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, nargs="*", default=[100, 1_000, 10_000])
    parser.add_argument("--answers", type=int, default=500, help="answers timed at each size (cold and warm)")
    parser.add_argument("--open-learners", type=int, default=256, help="the LRU of open learner files")
    parser.add_argument("--baseline", action="store_true", help="also time one file for everyone (slow)")
    args = parser.parse_args()
    for count in args.learners:
        run(count, args.answers, args.open_learners)
    if args.baseline:
        for count in (100, 1_000):
            baseline(count, 10)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {rss:.0f} MB")


if __name__ == "__main__":
    main()
