"""The one-minute vocabulary check: real words from each band, made-up words that catch guessing."""
from __future__ import annotations

import random

import lemminflect
import pytest
from quiz_article import wordnet_lexicon
from wordfreq import zipf_frequency

from vocab.frequency import LEVEL_BANDS, band_of, family_zipf
from vocab.items import LEVELS
from vocab.vocabulary_check import (
    LEXTALE_NONWORDS,
    PSEUDOWORDS,
    WORDS_PER_BAND,
    CheckWord,
    band_limits,
    level_from_check,
    make_check,
)

SEEDS = range(8)


@pytest.fixture(scope="module")
def lexicon():
    return wordnet_lexicon()


@pytest.fixture(scope="module", params=["wordnet", "no wordnet"])
def checks(request, lexicon):
    lex = lexicon if request.param == "wordnet" else None
    return [make_check(random.Random(seed), lexicon=lex) for seed in SEEDS]


def answers(check, knows):
    """A simulated learner: says "yes" to each word for which knows(word) is true."""
    return {w.word: knows(w) for w in check}


@pytest.mark.parametrize("word", LEXTALE_NONWORDS)
def test_the_made_up_words_are_not_english(word):
    assert zipf_frequency(word, "en") == 0
    assert not lemminflect.getAllLemmas(word)


def test_a_check_has_about_twenty_words_from_every_band_and_five_made_up(checks):
    for check in checks:
        assert len(check) == len(LEVELS) * WORDS_PER_BAND + PSEUDOWORDS
        assert 18 <= len(check) <= 24
        assert len({w.word for w in check}) == len(check)
        assert sum(not w.real for w in check) == PSEUDOWORDS
        for band in LEVELS:
            assert sum(w.band == band for w in check) == WORDS_PER_BAND


def test_real_words_are_plain_dictionary_words_of_their_band(checks):
    for check in checks:
        for w in check:
            if not w.real:
                assert w.word in LEXTALE_NONWORDS and w.band == ""
                continue
            assert w.word.isalpha() and w.word.islower()
            assert any(w.word in lemmas for lemmas in lemminflect.getAllLemmas(w.word).values())  # no names
            assert band_of(family_zipf(w.word)) == w.band  # the bands of the word picking


def test_the_words_are_shuffled(checks):
    positions = {i for check in checks for i, w in enumerate(check) if not w.real}
    assert len(positions) > PSEUDOWORDS  # the made-up words are not always in the same places
    assert any([w.band for w in check if w.real] != sorted(w.band for w in check if w.real) for check in checks)


def test_the_same_seed_gives_the_same_check(lexicon):
    assert make_check(random.Random(3), lexicon=lexicon) == make_check(random.Random(3), lexicon=lexicon)


def test_bands_follow_the_level_bands_of_the_word_picking():
    limits = band_limits()
    assert list(limits) == list(LEVELS)
    for level, (low, high) in limits.items():
        assert low == LEVEL_BANDS[level] and high > low


def test_a_learner_who_knows_the_words_above_zipf_4_is_intermediate(checks):
    for check in checks:
        result = level_from_check(answers(check, lambda w: w.real and family_zipf(w.word) >= 4.0), check)
        assert result.level in ("B1", "B2"), result
        assert result.false_alarms == 0 and result.hits["A2"] == 1.0 and result.hits["C1"] == 0.0


def test_a_learner_who_says_yes_to_everything_is_caught_guessing(checks):
    for check in checks:
        result = level_from_check(answers(check, lambda w: True), check)
        assert result.level == "A2" and result.false_alarms == 1.0
        assert all(hit == 1.0 for hit in result.hits.values()) and not any(result.known.values())


def test_a_learner_who_knows_every_word_is_c1(checks):
    for check in checks:
        result = level_from_check(answers(check, lambda w: w.real), check)
        assert result.level == "C1" and result.false_alarms == 0.0


def test_one_false_alarm_lowers_the_estimate_but_not_a_strong_level(checks):
    for check in checks:
        fake = next(w.word for w in check if not w.real)
        honest = level_from_check(answers(check, lambda w: w.real), check)
        one_slip = level_from_check(answers(check, lambda w: w.real or w.word == fake), check)
        assert one_slip.false_alarms == pytest.approx(1 / PSEUDOWORDS)
        assert one_slip.estimated_words < honest.estimated_words
        assert one_slip.level == "C1"


def test_a_learner_who_knows_only_the_commonest_words_is_a2(checks):
    for check in checks:
        result = level_from_check(answers(check, lambda w: w.band == "A2"), check)
        assert result.level == "A2"


def test_guessing_half_the_time_scores_far_below_knowing(checks):
    rng = random.Random(0)
    for check in checks:
        guesser = level_from_check(answers(check, lambda w: rng.random() < 0.5 or w.band == "A2"), check)
        knower = level_from_check(answers(check, lambda w: w.real), check)
        assert guesser.estimated_words < knower.estimated_words
        assert LEVELS.index(guesser.level) < LEVELS.index("C1")


def test_unanswered_words_count_as_no():
    check = [CheckWord("summit", True, "B1"), CheckWord("mensible", False, "")]
    assert level_from_check({}, check).hits == {"B1": 0.0}
