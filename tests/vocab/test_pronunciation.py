"""IPA from the CMU Pronouncing Dictionary: stress before the stressed syllable, phrases, fallbacks."""
from __future__ import annotations

import pytest

from vocab.pronunciation import PRIMARY, SECONDARY, arpabet_to_ipa, ipa

#: (word, lemma, what the IPA holds, in order: stress marks sit before the syllable's onset)
CASES = [
    ("munitions", None, ["mjuː", "ˈnɪ", "ʃə", "nz"]),
    ("constructive", None, ["kən", "ˈstrʌk", "tɪv"]),  # "nstr": only "str" can start a syllable
    ("arduous", None, ["ˈɑː", "dʒuː", "əs"]),  # first syllable stressed: the mark leads the word
    ("pragmatic", None, ["præɡ", "ˈmæ", "tɪk"]),
    ("reinventing", None, ["ˌriː", "ɪn", "ˈven", "tɪŋ"]),  # secondary and primary stress
    ("renegotiated", None, ["ˌriː", "ˈɡoʊ", "ʃi", "ˌeɪ", "tɪd"]),
    ("jeopardise", None, ["ˈdʒe", "ˌdaɪz"]),  # British spelling, found as "jeopardize"
    ("soundproof", None, ["ˈsaʊnd", "ˌpruːf"]),  # a compound: stress on its first part
]


@pytest.mark.parametrize("word, lemma, pieces", CASES, ids=[c[0] for c in CASES])
def test_ipa_has_the_stress_and_phonemes_in_order(word, lemma, pieces):
    spelled = ipa(word, lemma)
    assert spelled is not None
    position = 0
    for piece in pieces:
        found = spelled.find(piece, position)
        assert found >= 0, f"{piece!r} not in {spelled!r} after position {position}"
        position = found + len(piece)


@pytest.mark.parametrize("word", ["role", "seeds", "vault", "drill"])
def test_a_one_syllable_word_has_no_stress_mark(word):
    spelled = ipa(word)
    assert spelled and PRIMARY not in spelled and SECONDARY not in spelled


def test_a_phrase_is_spelled_word_by_word():
    assert ipa("constructive role") == f"{ipa('constructive')} {ipa('role')}"
    assert ipa("constructive role").count(" ") == 1


@pytest.mark.parametrize("word, lemma", [("xzqvords", "xzqvord"), ("blorptastic", None)])
def test_a_word_the_dictionary_lacks_has_none(word, lemma):
    assert ipa(word, lemma) is None


def test_a_phrase_with_an_unknown_word_has_none():
    assert ipa("constructive xzqvords") is None


def test_an_inflected_form_the_dictionary_lacks_falls_back_to_the_lemma():
    assert ipa("xzqvords") is None
    assert ipa("xzqvords", "munition") == ipa("munition")
    assert ipa("munitions", "munition") == ipa("munitions") != ipa("munition")  # the form wins


def test_case_and_punctuation_do_not_matter():
    assert ipa("Munitions") == ipa("munitions")
    assert ipa("") is None and ipa("  ") is None


@pytest.mark.parametrize("arpabet, expected", [
    ("M Y UW0 N IH1 SH AH0 N Z", "mjuːˈnɪʃənz"),
    ("K AH0 N S T R AH1 K T IH0 V", "kənˈstrʌktɪv"),
    ("B AH1 T ER0", "ˈbʌtɚ"),  # stressed AH is "ʌ", unstressed ER is "ɚ"
    ("B ER1 D", "bɝːd"),
    ("S IH1 NG ER0", "ˈsɪŋɚ"),  # "ŋ" never begins a syllable: it stays in the first one
])
def test_arpabet_to_ipa(arpabet, expected):
    assert arpabet_to_ipa(arpabet.split()) == expected
