"""Splitting sentences into running words: clitics, hyphens, numbers, and where capitals mean nothing."""
from __future__ import annotations

import threading

import pytest
from vocab_texts import ECONOMICS, SCIENCE, SPORTS, sentences

from vocab import find_vocabulary
from vocab.lexicon import load_lexicon
from vocab.tokens import tokenize


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("They don't know.", ["They", "do", "n't", "know", "."]),
        ("Seoul's long-range plan", ["Seoul", "'s", "long-range", "plan"]),
        ("Published : Nov. 11, 2023 - 13:44", ["Published", ":", "Nov", ".", "11", ",", "2023", "-", "13:44"]),
        ("the United States' warning", ["the", "United", "States", "'", "warning"]),
        ("in the 1990s and the 3rd round", ["in", "the", "1990s", "and", "the", "3rd", "round"]),
    ],
)
def test_tokens(sentence, expected):
    assert [t.text for t in tokenize(sentence)] == expected


def test_capitals_after_a_quotation_mark_or_colon_are_sentence_starts():
    tokens = {t.text: t.opening for t in tokenize('He said: "Nobody came." Then Moreover left.') if t.kind == "word"}
    assert tokens["He"] and tokens["Nobody"] and not tokens["Moreover"]


def test_empty_and_wordless_texts_give_no_vocabulary():
    assert find_vocabulary([]) == []
    assert find_vocabulary(sentences("... !!! 2023 13:44")) == []


def test_threads_sharing_one_lexicon_get_the_same_answers():
    lexicon = load_lexicon()
    texts = [sentences(t) for t in (SCIENCE, ECONOMICS, SPORTS)]
    expected = [find_vocabulary(t, "A2", lexicon=lexicon, limit=30) for t in texts]
    results: dict[int, list] = {}

    def work(n: int) -> None:
        results[n] = find_vocabulary(texts[n % 3], "A2", lexicon=lexicon, limit=30)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[n] == expected[n % 3] for n in range(9))
