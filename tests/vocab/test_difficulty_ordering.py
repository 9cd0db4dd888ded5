"""The difficulty score orders texts the way teachers level them."""
from __future__ import annotations

import pytest
from vocab_texts import ACADEMIC, CHILDREN, ECONOMICS, SCIENCE, SPORTS, sample_reading_text, split

from vocab.difficulty import LABELS, label_of, rate_difficulty, syllables
from vocab.items import LEVELS

ORDER = [label for _, label in LABELS]


def test_children_s_story_news_and_academic_abstract_are_in_order():
    children, news, academic = (rate_difficulty(split(t)) for t in (CHILDREN, sample_reading_text(), ACADEMIC))
    assert children.score < news.score < academic.score
    assert ORDER.index(children.level) < ORDER.index(news.level) < ORDER.index(academic.level)
    assert children.level in ("A1", "A2") and academic.level in ("C1", "C2")


@pytest.mark.parametrize("text", [SCIENCE, ECONOMICS, SPORTS])
def test_news_reports_sit_between_a_story_and_a_paper(text):
    score = rate_difficulty(split(text)).score
    assert rate_difficulty(split(CHILDREN)).score < score < rate_difficulty(split(ACADEMIC)).score


def test_longer_sentences_of_the_same_words_are_harder():
    short = split(CHILDREN)
    joined = [" and ".join(s.rstrip(".") for s in short) + "."]
    assert rate_difficulty(joined).score > rate_difficulty(short).score


def test_the_unknown_share_shrinks_as_the_reader_s_level_rises():
    text = split(sample_reading_text())
    shares = [rate_difficulty(text, level).unknown_share for level in LEVELS]
    assert shares == sorted(shares, reverse=True) and shares[0] > shares[-1]
    assert 0 < shares[-1] and shares[0] < 0.5


def test_names_do_not_count_as_unknown_words():
    with_names = rate_difficulty(["Okafor met Nagel and Otieno in Nairobi."], "B2")
    assert with_names.unknown_share == 0


def test_empty_text_rates_zero():
    assert rate_difficulty([]).score == 0 and rate_difficulty([]).unknown_share == 0


@pytest.mark.parametrize("score, label", [(0, "A1"), (19.9, "A1"), (20, "A2"), (50, "B2"), (79, "C1"), (100, "C2")])
def test_labels(score, label):
    assert label_of(score) == label


@pytest.mark.parametrize("word, count", [("cat", 1), ("table", 2), ("important", 3), ("international", 5), ("make", 1)])
def test_syllables(word, count):
    assert syllables(word) == count
