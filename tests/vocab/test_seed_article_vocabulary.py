"""The seed article (Korea Herald, 11 Nov 2023) at level B2: the words a tutor expects, no names."""
from __future__ import annotations

import pytest
from vocab_texts import require_wordnet, sample_reading_text, sentences

from vocab import find_vocabulary
from vocab.frequency import BANDS
from vocab.glosses import MAX_GLOSS

NAMES = ("pyongyang", "blinken", "yonhap", "park", "jin", "kim", "jong-un", "moscow", "putin", "seoul",
         "washington", "ukraine", "antony", "vladimir", "korea", "korean", "russia", "russian", "china", "us")  # fmt: skip


@pytest.fixture(scope="module")
def lesson():
    lexicon = require_wordnet()
    read = sentences(sample_reading_text())
    return read, find_vocabulary(read, "B2", lexicon=lexicon)


def test_the_expected_words_are_picked(lesson):
    _, items = lesson
    shown = {item.item for item in items}
    assert shown & {"munitions", "munition"}
    assert "provocative" in shown
    assert "constructive role" in shown


def test_no_name_is_picked(lesson):
    _, items = lesson
    for item in items:
        words = set(item.item.lower().split()) | set(item.lemma.split())
        assert not words & set(NAMES), item


def test_the_list_suits_an_article_of_this_length(lesson):
    _, items = lesson
    assert 8 <= len(items) <= 15


def test_every_item_is_filled_from_the_article(lesson):
    read, items = lesson
    chunk_of = {s.text: s.chunk for s in read}
    for item in items:
        assert item.kind in ("word", "phrase")
        assert item.forms and item.count >= len(item.forms) >= 1
        assert item.sentence in chunk_of and item.chunk == chunk_of[item.sentence]
        assert item.forms[0] in item.sentence.lower()
        assert item.level in BANDS and item.level in ("C1", "C2")  # beyond B2
        assert 0 < item.zipf < 7
        assert item.pos
        assert 0 < len(item.gloss) <= MAX_GLOSS


def test_phrase_items_are_the_article_s_own_words(lesson):
    _, items = lesson
    phrases = [item for item in items if item.kind == "phrase"]
    assert phrases
    for item in phrases:
        assert " " in item.lemma
        assert item.forms[0] in item.sentence.lower()
        assert item.pos in ("adjective+noun", "verb+noun", "phrasal verb")


def test_items_come_most_worth_learning_first(lesson):
    read, items = lesson
    fewer = find_vocabulary(read, "B2", limit=3)
    assert [i.item for i in fewer] == [i.item for i in items[:3]]
