"""Typed recall answers: case, spacing, inflection and one slipped letter are forgiven; the slip is named."""
from __future__ import annotations

import pytest

from vocab.typed_answers import TypedResult, check_typed, is_one_slip, normalize

MUNITION_FORMS = ("munition", "munitions")


@pytest.mark.parametrize(
    "answer",
    ["munitions", "Munitions", "MUNITIONS", "  munitions  ", "munitions.", '"munitions"', "“munitions”!", "munition"],
)
def test_case_spacing_punctuation_and_other_forms_are_exactly_right(answer):
    result = check_typed(answer, "munitions", MUNITION_FORMS)
    assert result.correct and result.exact and result.slip is None


@pytest.mark.parametrize(
    "answer,slip",
    [
        ("munitons", "munitons -> munitions"),  # a letter left out
        ("munitionns", "munitionns -> munitions"),  # a letter too many
        ("munitiins", "munitiins -> munitions"),  # a wrong letter
        ("muntiions", "muntiions -> munitions"),  # two neighbours swapped
        ("Munitons ", "munitons -> munitions"),  # and the case and spaces still forgiven
    ],
)
def test_one_slipped_letter_is_accepted_and_pointed_out(answer, slip):
    assert check_typed(answer, "munitions", MUNITION_FORMS) == TypedResult(
        correct=True, exact=False, slip=slip, matched="munitions"
    )


def test_a_slip_in_an_inflected_form_is_named_against_that_form():
    result = check_typed("escalted", "escalate", ("escalate", "escalated", "escalates", "escalating"))
    assert result.correct and not result.exact and result.slip == "escalted -> escalated"


@pytest.mark.parametrize(
    "answer",
    ["muntons", "munitoins s", "weapons", "", "   ", "...", "munitionsss", "unitons"],
)
def test_two_slips_another_word_or_nothing_is_wrong(answer):
    result = check_typed(answer, "munitions", MUNITION_FORMS)
    assert not result.correct and result.slip is None


@pytest.mark.parametrize(
    "expected,answer,correct",
    [
        ("war", "wat", False),  # three letters: one letter is a third of the word
        ("arm", "amr", False),
        ("deal", "deel", True),  # four letters: a slip is forgiven
        ("deal", "dael", True),
    ],
)
def test_slips_are_forgiven_only_from_four_letters(expected, answer, correct):
    assert check_typed(answer, expected).correct is correct


def test_phrases_forgive_spacing_and_one_slip():
    assert check_typed("constructive   role", "constructive role").exact
    result = check_typed("Constructive rle", "constructive role")
    assert result.correct and result.slip == "constructive rle -> constructive role"


def test_curly_apostrophes_match_straight_ones():
    assert check_typed("someone’s", "someone's").exact


def test_a_slip_that_makes_another_word_is_not_forgiven_when_asked():
    def common_words(word):
        return word in {"effect", "from"}

    assert check_typed("effect", "affect").correct  # the plain rule: one letter
    assert not check_typed("effect", "affect", is_other_word=common_words).correct
    assert check_typed("afect", "affect", is_other_word=common_words).slip == "afect -> affect"


@pytest.mark.parametrize(
    "given,target,expected",
    [("abcd", "abdc", True), ("abcd", "abcd", False), ("abcd", "ab", False), ("abc", "abd", False)],
)
def test_is_one_slip(given, target, expected):
    assert is_one_slip(given, target) is expected


def test_normalize_keeps_inner_hyphens_and_apostrophes():
    assert normalize("  Long–Range! ") == "long-range"
    assert normalize("North’s") == "north's"
