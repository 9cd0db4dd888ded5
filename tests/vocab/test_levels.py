"""Learner levels: a lower level is offered more and easier words; known words are never offered."""
from __future__ import annotations

import statistics

import pytest
from vocab_texts import ECONOMICS, SCIENCE, SPORTS, sample_reading_text, sentences

from vocab import find_vocabulary
from vocab.frequency import LEVEL_BANDS

TEXTS = {"news": sample_reading_text(), "science": SCIENCE, "economics": ECONOMICS, "sports": SPORTS}


@pytest.mark.parametrize("topic", TEXTS)
def test_a2_gets_more_and_easier_words_than_c1(topic):
    read = sentences(TEXTS[topic])
    a2 = find_vocabulary(read, "A2", limit=200)
    c1 = find_vocabulary(read, "C1", limit=200)
    assert len(a2) > len(c1)
    assert statistics.mean(i.zipf for i in a2) > statistics.mean(i.zipf for i in c1)
    assert {i.lemma for i in c1 if i.kind == "word"} <= {i.lemma for i in a2} | {
        w for i in a2 if i.kind == "phrase" for w in i.lemma.split()
    }


@pytest.mark.parametrize("level", list(LEVEL_BANDS))
def test_every_word_picked_is_beyond_the_level(level):
    for item in find_vocabulary(sentences(TEXTS["news"]), level, limit=200):
        assert LEVEL_BANDS[item.level] < LEVEL_BANDS[level] if item.level in LEVEL_BANDS else item.level == "C2"


def test_default_level_is_b2():
    read = sentences(TEXTS["economics"])
    assert find_vocabulary(read) == find_vocabulary(read, "B2")


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="A2, B1, B2, C1"):
        find_vocabulary(sentences(TEXTS["sports"]), "Z9")


def test_known_words_are_never_picked():
    read = sentences(TEXTS["news"])
    first = find_vocabulary(read, "B2")
    known = {first[0].lemma, "munition", "provocative", "constructive"}
    again = find_vocabulary(read, "B2", exclude=known)
    for item in again:
        assert item.lemma not in known
        assert not set(item.lemma.split()) & known
    assert {i.lemma for i in again} - {i.lemma for i in first}  # the freed places are filled
