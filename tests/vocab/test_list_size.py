"""The vocabulary list grows with the article, but slower than the article."""
from __future__ import annotations

from vocab_texts import ECONOMICS, SCIENCE, SPORTS, sentences

from vocab import find_vocabulary
from vocab.picking import suggested_size


def test_a_400_word_article_gets_8_to_15_items():
    assert 8 <= suggested_size(400) <= 15


def test_size_grows_sublinearly_within_bounds():
    sizes = [suggested_size(n) for n in (0, 50, 100, 400, 1000, 4000, 10_000, 100_000)]
    assert sizes == sorted(sizes)
    assert sizes[0] >= 3 and sizes[-1] <= 40
    assert suggested_size(1600) < 4 * suggested_size(400)


def test_the_default_cap_and_an_explicit_limit_are_kept():
    read = sentences(" ".join([SCIENCE, ECONOMICS, SPORTS]))
    running = sum(len(s.text.split()) for s in read)
    everything = find_vocabulary(read, "A2", limit=1000)
    capped = find_vocabulary(read, "A2")
    assert len(capped) <= suggested_size(running) + 1 < len(everything)
    assert len(find_vocabulary(read, "A2", limit=5)) == 5
    assert find_vocabulary(read, "A2", limit=0) == []


def test_a_word_repeated_in_the_article_counts_every_time():
    text = "The sediment was thick. Sediment covered the floor. They studied the sediment for weeks."
    item = next(i for i in find_vocabulary(sentences(text), "B2") if i.lemma == "sediment")
    assert item.count == 3 and item.forms == ("sediment",)
