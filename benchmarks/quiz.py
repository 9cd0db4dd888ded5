"""Speed of the quiz core: the distractor candidate index, a whole quiz, the vocabulary check.

Prints, in a fresh process with WordNet already loaded (its loading is the analysis engine's
cost, printed for reference): the first build of the candidate index (wordfreq's top 50,000
words, then one index per part of speech), the first quiz, the median of later quizzes on the
sample lesson, and the first and later vocabulary checks. Goals on the 2-core development
machine: index under 300 ms the first time, a quiz in a few ms to tens of ms after that.

    python benchmarks/quiz.py [--repeat 30]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "lessons" / "samples" / "korea-herald-2023-11-11.txt"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from lessons.analysis import analyse
    from vocab.lexicon import load_lexicon

    start = time.perf_counter()
    lexicon = load_lexicon()
    print(f"WordNet loaded ({lexicon!r}):       {ms(time.perf_counter() - start)}  (not the quiz's cost)")
    lesson = analyse(SAMPLE.read_text(encoding="utf-8"), "B1", lexicon=lexicon)
    items = lesson.vocabulary
    print(f"sample lesson: {len(items)} items")

    from vocab import word_pool
    from vocab.quiz import make_quiz
    from vocab.vocabulary_check import level_from_check, make_check

    reader = word_pool.wordnet_of(lexicon)
    start, cpu = time.perf_counter(), time.process_time()
    pool = word_pool.ranked_words()
    indexes = {pos: word_pool.pos_index(pos, reader) for pos in word_pool.WORDNET_POS}
    first_index, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    sizes = ", ".join(f"{pos} {len(index):,}" for pos, index in indexes.items())
    print(f"candidate index, first build:        {ms(first_index)}  (CPU {ms(first_cpu).strip()}; "
          f"pool {len(pool):,}; {sizes})")
    start = time.perf_counter()
    for pos in word_pool.WORDNET_POS:
        word_pool.pos_index(pos, reader)
    print(f"candidate index, again (cached):     {ms(time.perf_counter() - start)}")

    start = time.perf_counter()
    make_quiz(items, random.Random(0), lexicon=lexicon)
    print(f"first quiz:                          {ms(time.perf_counter() - start)}")
    times = []
    for seed in range(1, args.repeat + 1):
        start = time.perf_counter()
        make_quiz(items, random.Random(seed), lexicon=lexicon)
        times.append(time.perf_counter() - start)
    print(f"quiz, median of {args.repeat} seeds:         {ms(statistics.median(times))}  (max {ms(max(times)).strip()})")
    times = []
    for seed in range(1, args.repeat + 1):
        start = time.perf_counter()
        make_quiz(items, random.Random(seed), lexicon=None)
        times.append(time.perf_counter() - start)
    print(f"quiz without WordNet, median:        {ms(statistics.median(times))}")

    start = time.perf_counter()
    check = make_check(random.Random(0), lexicon=lexicon)
    level_from_check({w.word: w.real for w in check}, check)
    print(f"vocabulary check, first:             {ms(time.perf_counter() - start)}")
    start = time.perf_counter()
    check = make_check(random.Random(1), lexicon=lexicon)
    level_from_check({w.word: w.real for w in check}, check)
    print(f"vocabulary check, again:             {ms(time.perf_counter() - start)}")


if __name__ == "__main__":
    main()
