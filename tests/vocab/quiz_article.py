"""Vocabulary items of the sample lesson (The Korea Herald, 11 Nov 2023), for the quiz tests.

The sentences are the article's own; frequency, band and gloss are computed the way the
vocabulary engine computes them (family Zipf, LEVEL_BANDS, WordNet's first sense), so the quiz
is tested on what it will really receive.
"""
from __future__ import annotations

import pytest

from vocab.distractors import first_clause
from vocab.frequency import band_of, family_zipf
from vocab.items import VocabItem
from vocab.lexicon import load_lexicon

TRANSFERS = (
    "North Korea said Saturday that its relations with Russia will remain strong despite the United "
    "States' warning against their arms transfers."
)
ACCUSTOMED = (
    "In a statement issued by a spokesperson for the North's foreign ministry, Pyongyang also said "
    "the US should be accustomed to the new reality of growing relations between the North and Russia."
)
INTENSIFY = (
    "After talks with Seoul's foreign minister Park Jin, Blinken also said the two sides discussed "
    "ways to intensify pressure on Moscow not to transfer military technology to Pyongyang."
)
REMARKS = (
    'Pyongyang said, "the irresponsible and provocative remarks of Blinken only escalate the '
    "dangerous political and military tension in the Korean peninsula and the region and, moreover, "
    'do not help relieve the US of its "concern."'
)
MUNITIONS = (
    "The talks between the top diplomats from Seoul and Washington came after revelations that the "
    "North provided Russia with a large amount of munitions and weapons for use in the war in Ukraine "
    "under an arms deal apparently reached at the rare September summit between North Korean leader "
    "Kim Jong-un and Russian President Vladimir Putin."
)
COOPERATION = (
    "The deeper military cooperation between the North and Russia has given rise to the prospect that "
    "Pyongyang could be receiving Moscow's technical assistance for its long-range missile program."
)
READYING = (
    "Seoul officials said the North appears to be readying for a third attempt to launch a military "
    "spy satellite after failed attempts in May and August."
)
CONSTRUCTIVE = (
    'Blinken also highlight the importance of China\'s "constructive role" at a time when Pyongyang '
    "appears to be getting closer to Moscow."
)

#: (as shown, lemma, kind, part of speech, sentence)
ENTRIES = [
    ("transfers", "transfer", "word", "noun", TRANSFERS),
    ("spokesperson", "spokesperson", "word", "noun", ACCUSTOMED),
    ("accustomed", "accustomed", "word", "adjective", ACCUSTOMED),
    ("intensify", "intensify", "word", "verb", INTENSIFY),
    ("irresponsible", "irresponsible", "word", "adjective", REMARKS),
    ("provocative", "provocative", "word", "adjective", REMARKS),
    ("escalate", "escalate", "word", "verb", REMARKS),
    ("peninsula", "peninsula", "word", "noun", REMARKS),
    ("revelations", "revelation", "word", "noun", MUNITIONS),
    ("munitions", "munition", "word", "noun", MUNITIONS),
    ("apparently", "apparently", "word", "adverb", MUNITIONS),
    ("summit", "summit", "word", "noun", MUNITIONS),
    ("prospect", "prospect", "word", "noun", COOPERATION),
    ("assistance", "assistance", "word", "noun", COOPERATION),
    ("readying", "ready", "word", "verb", READYING),
    ("satellite", "satellite", "word", "noun", READYING),
    ("constructive role", "constructive role", "phrase", "adjective+noun", CONSTRUCTIVE),
    ("given rise", "give rise", "phrase", "phrasal verb", COOPERATION),
]


def wordnet_gloss(lexicon, lemma: str, pos: str) -> str:
    """First clause of the first WordNet sense, as the engine glosses an item ("" without WordNet)."""
    if lexicon is None:
        return ""
    letter = {"noun": "n", "verb": "v", "adjective": "a", "adverb": "r"}.get(pos)
    synsets = lexicon.reader.synsets(lemma.replace(" ", "_"), letter) if letter else []
    if not synsets and " " in lemma:
        synsets = lexicon.reader.synsets(lemma.replace(" ", "_"))
    return first_clause(synsets[0].definition()) if synsets else ""


def make_item(shown, lemma, kind, pos, sentence, lexicon=None, gloss=None) -> VocabItem:
    zipf = family_zipf(lemma)
    return VocabItem(
        item=shown, lemma=lemma, kind=kind, forms=(shown,), pos=pos, zipf=zipf, level=band_of(zipf),
        count=1, sentence=sentence, chunk=0,
        gloss=wordnet_gloss(lexicon, lemma, pos) if gloss is None else gloss,
    )


def article_items(lexicon=None) -> list[VocabItem]:
    """The sample article's items; glossed only when a lexicon with WordNet is given."""
    return [make_item(*entry, lexicon=lexicon) for entry in ENTRIES]


def wordnet_lexicon():
    """The installed WordNet, or skip the test where it is not installed."""
    lexicon = load_lexicon()
    if not lexicon.available:
        pytest.skip("WordNet is not installed here")
    return lexicon
