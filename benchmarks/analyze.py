"""Speed and memory of the analysis engine.

Prints, for the sample lesson and for a 10,000-word text: cold time (a new process from start to
result), warm time per article (data already loaded), and peak memory. Goals on the 2-core
development machine: warm under 100 ms for the sample lesson, growing linearly with length;
cold under 3 s.

    python benchmarks/analyze.py [--repeat 20]
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "lessons" / "samples" / "korea-herald-2023-11-11.txt"


def long_text(words: int, seed: int = 7) -> str:
    """A news-like text of about `words` words: real English words drawn by frequency, in
    sentences of 12-30 words and paragraphs of 3-5 sentences, all distinct."""
    from wordfreq import top_n_list

    vocab = [w for w in top_n_list("en", 20000) if w.isalpha() and len(w) > 1]
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            n = rng.randint(12, 30)
            picked = [vocab[min(int(rng.paretovariate(0.6)) - 1, len(vocab) - 1)] for _ in range(n)]
            sentences.append(" ".join(picked).capitalize() + ".")
            count += n
        paragraphs.append(" ".join(sentences))
    return "Generated benchmark article\n\n" + "\n\n".join(paragraphs)


def cold_seconds(path: Path) -> float:
    """Wall time of a new `companion analyze --json` process on one file."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "analyze", "--json", str(path)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )
    return time.perf_counter() - start


def warm_ms(text: str, lexicon, repeat: int) -> tuple[float, float]:
    """Median and best time of `analyse` in ms with the data already loaded."""
    from lessons.analysis import analyse

    import vocab.words
    from lessons.sentences import sentence_spans

    analyse(text, lexicon=lexicon)  # fill per-word caches as a running bot would have them
    times = []
    for _ in range(repeat):
        sentence_spans.cache_clear()  # forget this text itself: each run is a new article
        vocab.words._last_read = None
        start = time.perf_counter()
        analyse(text, lexicon=lexicon)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from lessons.analysis import analyse
    from vocab.lexicon import load_lexicon

    sample_text = SAMPLE.read_text(encoding="utf-8")
    big_text = long_text(10_000)
    with tempfile.TemporaryDirectory() as tmp:
        big_path = Path(tmp) / "long.txt"
        big_path.write_text(big_text, encoding="utf-8")
        cold = {"sample lesson": cold_seconds(SAMPLE), "10,000 words": cold_seconds(big_path)}

    tracemalloc.start()
    lexicon = load_lexicon()
    analyse(sample_text, lexicon=lexicon)
    _, peak_sample = tracemalloc.get_traced_memory()
    analyse(big_text, lexicon=lexicon)
    _, peak_big = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rows = [
        ("sample lesson", len(sample_text.split()), sample_text, peak_sample),
        ("10,000 words", len(big_text.split()), big_text, peak_big),
    ]
    print(f"{'text':<15} {'words':>6} {'cold s':>7} {'warm ms (median/best)':>22} {'ms/1k words':>11} {'peak MB':>8}")
    for name, words, text, peak in rows:
        median, best = warm_ms(text, lexicon, args.repeat if words < 2000 else max(3, args.repeat // 5))
        print(
            f"{name:<15} {words:>6} {cold[name]:>7.2f} {median:>12.1f} / {best:<7.1f} {median / words * 1000:>11.1f} {peak / 1e6:>8.1f}"
        )
    print("goals: warm < 100 ms for the sample lesson, linear in length; cold < 3 s")


if __name__ == "__main__":
    main()
