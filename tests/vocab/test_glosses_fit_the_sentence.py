"""The gloss is the WordNet sense that fits the sentence, not blindly the first one; short and clean."""
from __future__ import annotations

import pytest
from vocab_texts import require_wordnet

from vocab.glosses import MAX_GLOSS, gloss, trim
from vocab.tokens import tokenize


def words(sentence: str) -> list[str]:
    return [token.text for token in tokenize(sentence)]


@pytest.mark.parametrize(
    "lemma, sentence, expected",
    [
        ("bank", "She deposited the money in the bank and asked about a loan.", "financial institution"),
        ("bank", "We sat on the grassy bank of the river and watched the water.", "sloping land"),
        ("interest", "The central bank raised the interest rate on loans and mortgages.", "borrowing money"),
        ("interest", "She showed great interest in music and painting.", "curiosity"),
        ("court", "The judge told the court that the defendant was guilty.", "judicial"),
        ("court", "The players left the tennis court after the match.", "game is played"),
        ("plant", "The car plant employs thousands of factory workers.", "industrial"),
        ("plant", "Water the plant in the garden so its leaves and flowers grow.", "living organism"),
    ],
)
def test_the_sense_follows_the_context(lemma, sentence, expected):
    lexicon = require_wordnet()
    assert expected in gloss(lexicon, lemma, "noun", words(sentence))


def test_a_name_sense_is_not_a_gloss_for_a_common_word():
    lexicon = require_wordnet()
    # WordNet's "Court" is also a tennis player; the common word must get a common sense
    assert "player" not in gloss(lexicon, "court", "noun", words("The players left the tennis court."))


def test_a_phrasal_verb_gets_the_phrase_s_own_sense():
    lexicon = require_wordnet()
    assert "cause" in gloss(lexicon, "give_rise", "verb", words("The deal has given rise to fears."))


@pytest.mark.parametrize(
    "definition, expected",
    [
        ("weapons considered collectively", "weapons considered collectively"),
        ("(often followed by `to') in the habit of or adapted to", "in the habit of or adapted to"),
        ("serving to provoke; stimulating discussion; ; ; - Anthony Trollope", "serving to provoke; stimulating discussion"),
    ],
)
def test_definitions_are_cleaned(definition, expected):
    assert trim(definition) == expected


def test_long_definitions_are_cut_at_a_word():
    long = "a " + " ".join(["very"] * 60) + " long definition (with an aside)"
    short = trim(long)
    assert len(short) <= MAX_GLOSS and short.endswith("…") and not short[:-1].endswith(" ")
    assert trim("first sense of it; " + "x " * 80) == "first sense of it"
