"""A transparent derivative of a known word is easier than an opaque word of the same frequency."""
from __future__ import annotations

import pytest
from vocab_texts import require_wordnet, sentences

from vocab import find_vocabulary
from vocab.frequency import family_zipf
from vocab.lexicon import Lexicon
from vocab.morphology import learner_zipf, transparent_base


@pytest.mark.parametrize(
    "word, base",
    [("reconfirm", "confirm"), ("irresponsible", "responsible"), ("unhappy", "happy"), ("kindness", "kind"),
     ("overestimate", "estimate"), ("hopelessness", "hopeless")],
)  # fmt: skip
def test_transparent_words_are_rated_by_their_base(word, base):
    lexicon = require_wordnet()
    found = transparent_base(word, lexicon)
    assert found is not None and found[0] == base
    assert learner_zipf(word, lexicon) > family_zipf(word)
    assert learner_zipf(word, lexicon) < learner_zipf(base, lexicon)  # a little harder than the base


@pytest.mark.parametrize("word", ["reside", "relent", "provocative", "munition", "discover"])
def test_a_false_or_missing_base_does_not_make_a_word_easy(word):
    lexicon = require_wordnet()
    assert transparent_base(word, lexicon) is None
    assert learner_zipf(word, lexicon) == family_zipf(word)


def test_without_wordnet_only_the_most_regular_affixes_count():
    bare = Lexicon(None)
    assert transparent_base("reconfirm", bare)[0] == "confirm"  # re-: Bauer & Nation's regular prefixes
    assert transparent_base("irresponsible", bare) is None  # ir-: needs WordNet's antonym to confirm it


def test_a_transparent_word_is_not_picked_where_an_opaque_one_of_like_frequency_is():
    lexicon = require_wordnet()
    assert abs(family_zipf("reconfirm") - family_zipf("relent")) < 1.0
    text = "The ministry moved to reconfirm the plan, and the rebels did not relent."
    picked = {item.lemma for item in find_vocabulary(sentences(text), "B2", lexicon=lexicon, limit=20)}
    assert "relent" in picked
    assert "reconfirm" not in picked
