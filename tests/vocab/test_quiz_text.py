"""Fitting the article's sentences into quiz polls: the blank stays, words stay whole, limits hold."""
from __future__ import annotations

import pytest
from quiz_article import COOPERATION, MUNITIONS, make_item

from vocab.quiz_records import letter_counts
from vocab.quiz_text import (
    BLANK,
    ELLIPSIS,
    blank_out,
    find_in_sentence,
    letter_hint,
    letter_shape,
    mask,
    match_case,
    trim_around,
    trim_words,
)

LONG = " ".join(f"word{i}" for i in range(80))


@pytest.mark.parametrize(
    "shown,lemma,kind,pos,sentence,found",
    [
        ("munitions", "munition", "word", "noun", MUNITIONS, "munitions"),
        ("Munitions", "munition", "word", "noun", MUNITIONS, "munitions"),  # case-insensitive
        ("munition", "munition", "word", "noun", MUNITIONS, "munitions"),  # the form actually used
        ("given rise", "give rise", "phrase", "phrasal verb", COOPERATION, "given rise"),
        ("give rise", "give rise", "phrase", "phrasal verb", COOPERATION, "given rise"),
        ("arm", "arm", "word", "noun", MUNITIONS, "arms"),  # not the "arm" inside "warning"
    ],
)
def test_the_item_is_found_in_the_form_the_sentence_uses(shown, lemma, kind, pos, sentence, found):
    item = make_item(shown, lemma, kind, pos, sentence, gloss="")
    start, end = find_in_sentence(item)
    assert sentence[start:end] == found


def test_a_word_inside_another_word_is_not_found():
    item = make_item("war", "war", "word", "noun", "North Korea stressed its warning.", gloss="")
    assert find_in_sentence(item) is None


@pytest.mark.parametrize("limit", [60, 100, 200, 300])
@pytest.mark.parametrize("where", [0, 10, 40, 79])
def test_a_long_sentence_is_trimmed_around_the_blank(limit, where):
    sentence = LONG
    start = sentence.index(f"word{where} ") if where < 79 else sentence.index("word79")
    end = start + len(f"word{where}")
    text = blank_out(sentence, (start, end), limit)
    assert len(text) <= limit
    assert text.count(BLANK) == 1
    words = text.replace(ELLIPSIS, " ").split()
    assert all(w == BLANK or w in sentence.split() for w in words)  # no word cut in half
    assert text.startswith("word0 " if where else BLANK) or text.startswith(ELLIPSIS)
    assert text.endswith("word79") or text.endswith(ELLIPSIS) or where == 79
    assert len(text) >= limit - 2 * len("word00 ")  # only the half words at the cuts are given up


def test_a_short_sentence_is_left_whole():
    assert blank_out("It was a rare summit.", (9, 13)) == f"It was a {BLANK} summit."


def test_trim_around_gives_unused_room_to_the_other_side():
    text = "Short start " + LONG
    trimmed = trim_around(text, 0, 5, 100)
    assert trimmed.startswith("Short start") and trimmed.endswith(ELLIPSIS) and len(trimmed) <= 100


@pytest.mark.parametrize("limit", [20, 50, 100])
def test_glosses_are_cut_at_a_word_boundary(limit):
    gloss = "the activity of contributing to the fulfillment of a need or furtherance of an effort or purpose"
    trimmed = trim_words(gloss, limit)
    assert len(trimmed) <= limit
    if len(gloss) > limit:
        assert trimmed.endswith(ELLIPSIS) and trimmed[:-1] in gloss and gloss[len(trimmed) - 1] == " "
    else:
        assert trimmed == gloss


@pytest.mark.parametrize(
    "word,hint,shape,counts",
    [
        ("munitions", "m________ (9 letters)", "m________", (9,)),
        ("constructive role", "c___________ r___ (12 + 4 letters)", "c___________ r___", (12, 4)),
        ("long-range", "l___-_____ (9 letters)", "l___-_____", (9,)),
    ],
)
def test_letter_hints_show_the_first_letter_and_the_length(word, hint, shape, counts):
    assert letter_hint(word) == hint
    assert letter_shape(word) == shape  # what a question keeps: the bot words the count per language
    assert letter_counts(word) == counts


def test_a_clue_never_contains_its_answer():
    assert mask("a role that is constructive role-like", {"constructive", "constructives"}) == (
        f"a role that is {BLANK} role-like"
    )


def test_options_take_the_capital_of_a_sentence_start():
    assert match_case("escalating", "Readying") == "Escalating"
    assert match_case("escalating", "readying") == "escalating"
    assert match_case("escalating", "US") == "escalating"
