"""How common a word is, and which learner level knows it.

Frequency is measured with wordfreq's Zipf scale: log10 of a word's frequency per billion words
(so 7 = "the", 5 = "pressure", 4 = "peninsula", 3 = "intensify", 2 = "reconfirm"), pooled over
subtitles, books, news, Wikipedia and the web.

Word families, not word forms
-----------------------------
Learners know words, not spellings: someone who knows "ready" reads "readying" although that
form alone is rare (Zipf 2.6 against 4.9 for "ready"). So a lemma is rated by its family: the
lemma and all its inflections (lemminflect lists them for every part of speech: ready, readies,
readied, readying, readier, readiest), and the family's Zipf is the highest Zipf among them.
This is Bauer & Nation's (1993) level-2 family. Derived words ("reconfirm" from "confirm") are
not pooled here, because derivation is not always transparent ("provocative" is not obviously
"provoke"); `vocab.morphology` credits the transparent ones separately.

Levels as frequency bands
-------------------------
Vocabulary-size research ties CEFR levels to how many of the most frequent words a learner
knows. Milton (2010, "The development of vocabulary breadth across the CEFR levels") measured
with X_Lex roughly 1,500-2,500 of the 5,000 most frequent lemmas at A2, 2,750-3,250 at B1,
3,250-3,750 at B2 and 3,750-4,500 at C1 (the test stops at 5,000, so upper levels are
underestimated); Laufer & Ravenhorst-Kalovski (2010) put "minimal" unassisted reading (95%
coverage) at 4,000-5,000 word families, and Nation (2006) adequate reading of newspapers and
novels (98%) at 8,000-9,000 families, which C1-C2 readers approach. Counting the distinct
lemmas (as lemminflect knows them) among wordfreq's most frequent English words gives these
cut-offs: Zipf 4.5 ~ the top 2,000 lemmas, 4.2 ~ 3,100, 3.9 ~ 4,800, 3.5 ~ 7,700. Hence
`LEVEL_BANDS`: a learner at a level is taken to know the families at or above its Zipf.
These are averages: real learners know some rarer words and miss some common ones, which is
why a few other signals (see `vocab.picking`) adjust the frequency.
"""
from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections
from wordfreq import zipf_frequency

from vocab.items import LEVELS

#: level -> lowest family Zipf a learner at that level is expected to know (see module docstring).
LEVEL_BANDS: dict[str, float] = {"A2": 4.5, "B1": 4.2, "B2": 3.9, "C1": 3.5}

#: band names from easiest to hardest: the band of a word is the lowest level that knows it;
#: words rarer than the C1 band are "C2".
BANDS: tuple[str, ...] = (*LEVELS, "C2")


def check_level(level: str) -> str:
    """The level itself, or ValueError naming the levels we know."""
    if level not in LEVEL_BANDS:
        raise ValueError(f"unknown learner level {level!r}; choose one of {', '.join(LEVELS)}")
    return level


def known_at(level: str) -> float:
    """The lowest family Zipf a learner at `level` knows."""
    return LEVEL_BANDS[check_level(level)]


def band_of(zipf: float) -> str:
    """The CEFR-like band of a word with this (family) Zipf: "A2" (A1-A2), "B1", "B2", "C1" or "C2"."""
    for level in LEVELS:
        if zipf >= LEVEL_BANDS[level]:
            return level
    return "C2"


def is_beyond(zipf: float, level: str) -> bool:
    """True when a word of this Zipf is beyond what a learner at `level` knows."""
    return zipf < known_at(level)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of one English word form (0.0 when unseen)."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=100_000)
def family_forms(lemma: str) -> tuple[str, ...]:
    """The lemma and all its inflections for every part of speech it can have."""
    lemma = lemma.lower()
    forms = [lemma]
    for inflections in getAllInflections(lemma).values():
        forms.extend(form for form in inflections if form not in forms)
    return tuple(forms)


@lru_cache(maxsize=100_000)
def family_zipf(lemma: str) -> float:
    """Zipf of the lemma's word family: the highest among its forms.

    A multiword lemma ("give rise") is rated by its rarest word's family."""
    words = lemma.lower().replace("_", " ").split()
    if len(words) > 1:
        return min(family_zipf(word) for word in words)
    if "-" in lemma:  # a hyphenated compound is as hard as its hardest part ("long-range")
        parts = [part for part in lemma.split("-") if part]
        whole = max(zipf(form) for form in family_forms(lemma))
        return max(whole, min(family_zipf(part) for part in parts)) if parts else whole
    return max(zipf(form) for form in family_forms(lemma))
