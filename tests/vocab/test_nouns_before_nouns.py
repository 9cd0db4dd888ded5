"""A noun before a noun is a noun used as a modifier ("coral bleaching"), not an adjective, when
the word is really a noun; a word that is an adjective too stays one there ("concrete proposal")."""
from __future__ import annotations

import pytest

from lessons.analysis import analyse
from vocab.lexicon import Lexicon, load_lexicon
from vocab.words import read_text


def pos_of(sentence: str, word: str, lexicon: Lexicon) -> str | None:
    return next(w.pos for w in read_text([sentence], lexicon)[0] if w.text == word)


@pytest.mark.parametrize(
    "sentence, word, pos",
    [
        ("The heatwave triggered widespread coral bleaching.", "coral", "noun"),
        ("The steel plant closed last year.", "steel", "noun"),
        ("They met in the capital city.", "capital", "noun"),
        ("The council built a brick wall.", "brick", "noun"),
        ("They made a concrete proposal.", "concrete", "adjective"),
        ("He faces criminal charges.", "criminal", "adjective"),
        ("China played a constructive role in the talks.", "constructive", "adjective"),
        ("The chief executive resigned.", "chief", "adjective"),
    ],
)
def test_a_word_before_a_noun(sentence, word, pos):
    assert pos_of(sentence, word, load_lexicon()) == pos


def test_without_wordnet_a_word_before_a_noun_is_taken_for_an_adjective_as_before():
    assert pos_of("The heatwave triggered widespread coral bleaching.", "coral", Lexicon(None)) == "adjective"


def test_the_gloss_of_a_noun_modifier_is_a_noun_sense():
    text = ("Ocean heatwaves bleach coral reefs\n\n"
            + "Marine biologists say an unusually prolonged heatwave has triggered widespread coral bleaching "
              "across the western Pacific, threatening fisheries that sustain millions of coastal residents. " * 3
            + "Bleaching occurs when corals, stressed by abnormally warm water, expel the colourful algae that "
              "live in their tissues and supply most of their nutrients.")
    lesson = analyse(text, "B2", lexicon=load_lexicon(), min_words=20)
    [coral] = [item for item in lesson.vocabulary if item.lemma == "coral"]
    assert coral.pos == "noun"
    assert "polyp" in coral.gloss  # the animal, not "of a strong pink to yellowish-pink color"
