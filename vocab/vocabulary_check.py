"""The one-minute vocabulary check that sets a learner's level.

It is a Yes/No test, the format of Meara & Jones's Eurocentres Vocabulary Size Test (1990), Meara's
X_Lex and LexTALE (Lemhöfer & Broersma 2012): the learner sees words one at a time and says
whether they know each. Real words come from several frequency bands, because how many words of
each band a learner knows rises with their CEFR level (Milton 2010). A few
made-up words that look English catch guessing: saying "yes" to "mensible" shows that some of the
"yes" answers to real words are not knowledge either.

Scoring, per band b, corrected for guessing (Meara & Buxton 1987; Huibregtse, Admiraal & Meara
2002 compare the corrections): known(b) = max(0, hit rate(b) - false-alarm rate), the share of
the band's words the learner really knows. A learner who says "yes" to everything scores zero.
The estimated vocabulary is sum_b known(b) * size(b) (as X_Lex does), and the level is the highest
one whose vocabulary the learner has LEVEL_SHARE of.

Bands are those of the vocabulary engine (`vocab.frequency.LEVEL_BANDS`: a learner at a level
knows the word families at or above its Zipf), so the check and the word picking agree. With
the bands of this writing: A2 = Zipf 4.5+ (tested up to A2_CEILING), B1 = 4.2-4.5, B2 = 3.9-4.2,
C1 = 3.5-3.9; a level is reached with 80% of the families of its band and the easier ones.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

import lemminflect

from . import word_pool
from .distractors import is_offensive, own_synsets
from .frequency import LEVEL_BANDS
from .items import LEVELS

#: Real words shown per band; 4 bands x 4 + 5 made-up words = 21 answers, about a minute.
WORDS_PER_BAND = 4
PSEUDOWORDS = 5
#: The easiest band is tested below this Zipf: words above it ("make", "time") every learner knows.
A2_CEILING = 5.2
#: Share of a level's vocabulary a learner must know to be placed at that level.
LEVEL_SHARE = 0.8

#: Nonwords of LexTALE (Lemhöfer & Broersma 2012, English version): strings that follow English
#: spelling and sound patterns but are not words (wordfreq gives each Zipf 0; a test checks it).
LEXTALE_NONWORDS: tuple[str, ...] = (
    "platery", "mensible", "kermshaw", "alberation", "plaudate", "spaunch", "exprate",
    "rebondicate", "skave", "kilp", "interfate", "crumper", "magrity", "abergy", "proom",
    "fellick", "destription", "purrage", "pulsh", "quirty", "pudour",
)

_CONTENT_UPOS = ("NOUN", "VERB", "ADJ", "ADV")
_POS_OF = {"NOUN": "noun", "VERB": "verb", "ADJ": "adjective", "ADV": "adverb"}


@dataclass(frozen=True)
class CheckWord:
    """One word of the check; `band` is "" for a made-up word."""

    word: str
    real: bool
    band: str


@dataclass(frozen=True)
class CheckResult:
    """The level the check sets, and the evidence for it."""

    level: str
    hits: dict[str, float]  # band -> share of its real words answered "yes"
    false_alarms: float  # share of made-up words answered "yes"
    known: dict[str, float] = field(default_factory=dict)  # band -> hits corrected for guessing
    estimated_words: int = 0  # word families the learner is estimated to know (up to the C1 band)


def band_limits() -> dict[str, tuple[float, float]]:
    """band -> (lowest Zipf, Zipf it stops below), easiest band first."""
    limits, upper = {}, A2_CEILING
    for level in LEVELS:
        limits[level] = (LEVEL_BANDS[level], upper)
        upper = LEVEL_BANDS[level]
    return limits


def _content_pos(word: str) -> list[str]:
    """Parts of speech for which `word` is a dictionary form (lemminflect has no names)."""
    lemmas = lemminflect.getAllLemmas(word)
    return [_POS_OF[upos] for upos in _CONTENT_UPOS if word in lemmas.get(upos, ())]


def _is_real_word(word: str, reader) -> bool:
    poses = _content_pos(word)
    if not poses:
        return False
    if reader is None:
        return word not in word_pool.BLOCKLIST
    owned = [pos for pos in poses if own_synsets(reader, word, pos)]
    return bool(owned) and not any(is_offensive(reader, word, pos) for pos in owned)


@lru_cache(maxsize=1)
def band_sizes() -> dict[str, int]:
    """How many dictionary forms wordfreq's top list holds per band (by their own Zipf; the
    easiest band counts every word above its floor): each band's weight in the estimate."""
    sizes = {}
    for level, (low, high) in band_limits().items():
        top = 99.0 if level == LEVELS[0] else high
        words = word_pool.in_zipf_window("", None, low, top - 0.001)
        sizes[level] = sum(1 for _, word in words if _content_pos(word)) or 1
    return sizes


def make_check(rng: random.Random, *, lexicon=None, words_per_band: int = WORDS_PER_BAND,
               pseudowords: int = PSEUDOWORDS) -> list[CheckWord]:
    """Real words sampled from each band and made-up words, shuffled."""
    reader = word_pool.wordnet_of(lexicon)
    check: list[CheckWord] = []
    for band, (low, high) in band_limits().items():
        pool = word_pool.in_zipf_window("", None, low - 0.6, high)
        picked: list[str] = []
        for index in rng.sample(range(len(pool)), len(pool)):
            word = pool[index][1]
            if len(word) >= 4 and _is_real_word(word, reader) and low <= word_pool.family_zipf(word) < high:
                picked.append(word)
                if len(picked) == words_per_band:
                    break
        check.extend(CheckWord(word, True, band) for word in picked)
    check.extend(CheckWord(word, False, "") for word in rng.sample(LEXTALE_NONWORDS, pseudowords))
    rng.shuffle(check)
    return check


def level_from_check(answers: Mapping[str, bool], check: list[CheckWord]) -> CheckResult:
    """Score the answers ("yes, I know it" = True; unanswered = no) and place the learner."""
    fakes = [w for w in check if not w.real]
    false_alarms = sum(bool(answers.get(w.word)) for w in fakes) / len(fakes) if fakes else 0.0
    hits, known = {}, {}
    for band in LEVELS:
        words = [w for w in check if w.real and w.band == band]
        if words:
            hits[band] = sum(bool(answers.get(w.word)) for w in words) / len(words)
            known[band] = max(0.0, hits[band] - false_alarms)
    sizes = band_sizes()
    estimate = sum(known.get(band, 0.0) * sizes[band] for band in LEVELS)
    level, needed = LEVELS[0], 0
    for band in LEVELS:
        needed += sizes[band]
        if band in known and estimate >= LEVEL_SHARE * needed:
            level = band
    return CheckResult(level, hits, false_alarms, known, round(estimate))
