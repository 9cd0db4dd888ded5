"""A word is rated by its family's frequency: a rare inflection of a common word is not advanced."""
from __future__ import annotations

import pytest
from vocab_texts import sentences

from vocab import find_vocabulary
from vocab.frequency import LEVEL_BANDS, band_of, family_forms, family_zipf, is_beyond, zipf
from vocab.items import LEVELS


@pytest.mark.parametrize(
    "lemma, rare_form",
    [("ready", "readying"), ("munition", "munition"), ("arm", "arming"), ("intensify", "intensifies")],
)
def test_the_family_is_as_common_as_its_commonest_form(lemma, rare_form):
    assert rare_form in family_forms(lemma)
    assert family_zipf(lemma) == max(zipf(form) for form in family_forms(lemma))
    assert family_zipf(lemma) >= zipf(rare_form)


def test_a_rare_inflection_of_a_common_word_is_not_picked():
    assert zipf("readying") < LEVEL_BANDS["C1"] < family_zipf("ready")
    text = "Officials said the North appears to be readying a third launch of its rocket after two failures."
    picked = {item.lemma for item in find_vocabulary(sentences(text), "C1", limit=50)}
    assert "ready" not in picked and "readying" not in picked


def test_a_multiword_lemma_is_as_rare_as_its_rarest_word():
    assert family_zipf("intensify pressure") == family_zipf("intensify")


def test_bands_follow_the_levels():
    thresholds = [LEVEL_BANDS[level] for level in LEVELS]
    assert thresholds == sorted(thresholds, reverse=True)  # higher levels know rarer words


@pytest.mark.parametrize(
    "value, band", [(6.0, "A2"), (4.5, "A2"), (4.3, "B1"), (4.0, "B2"), (3.6, "C1"), (3.4, "C2"), (1.0, "C2")]
)
def test_band_of(value, band):
    assert band_of(value) == band


@pytest.mark.parametrize("level", LEVELS)
def test_a_word_of_a_level_s_band_is_known_there_but_not_one_band_lower(level):
    z = LEVEL_BANDS[level]
    assert not is_beyond(z, level)
    assert is_beyond(z - 0.01, level)
