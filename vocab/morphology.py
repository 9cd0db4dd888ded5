"""Transparent derivatives: "reconfirm" is easy for a learner who knows "confirm".

Frequency alone would rate "reconfirm" (Zipf 2.0) as rarer than "munition" (3.3), yet any
reader who knows "confirm" and the prefix re- understands it on sight, while "munition" has to
be learned. Bauer & Nation (1993) grade English affixes by how regular and productive they are;
the ones a learner can see through are their levels 3-6 (un-, non-, re-, pre-, mis-, -ness,
-ly, -less, -ful, -er, -able, -ment, -ity, -ize ...). For a word beyond the learner's level we
look for such an affix around a much more frequent base, and rate the word as that base made a
little harder (`AFFIX_COST`, in Zipf points: the more regular the affix, the cheaper).

Stripping letters finds false bases too ("re-side", "re-lent"), so with WordNet the relation
must be confirmed by the dictionary: the base appears in the word's definition ("reconfirm:
confirm once again"), or is its antonym ("irresponsible" - "responsible"), pertainym
("quickly" - "quick") or derivationally related form ("kindness" - "kind"). Without WordNet
only the most regular affixes (Bauer & Nation level 3 and re-) are trusted.
"""
from __future__ import annotations

import re
from functools import lru_cache

from vocab.frequency import LEVEL_BANDS, family_zipf
from vocab.lemmas import lemminflect_forms
from vocab.lexicon import Lexicon

#: prefix -> cost in Zipf points of reading through it.
PREFIXES = {
    "re": 0.3, "un": 0.3, "non": 0.3, "pre": 0.4, "mis": 0.4, "over": 0.3, "under": 0.4,
    "out": 0.4, "co": 0.4, "anti": 0.3, "counter": 0.4, "inter": 0.5, "sub": 0.5, "super": 0.4,
    "post": 0.4, "semi": 0.3, "mid": 0.3, "dis": 0.5, "in": 0.5, "im": 0.5, "il": 0.5, "ir": 0.5,
}  # fmt: skip
#: suffix -> cost in Zipf points.
SUFFIXES = {
    "ness": 0.3, "ly": 0.2, "less": 0.3, "ful": 0.3, "er": 0.3, "ish": 0.3, "able": 0.4,
    "ment": 0.4, "ity": 0.5, "ism": 0.4, "ist": 0.4, "ize": 0.4, "ise": 0.4, "hood": 0.3,
    "ship": 0.4, "ation": 0.5,
}  # fmt: skip
#: affixes trusted without a dictionary to confirm the relation (Bauer & Nation level 3, and re-).
REGULAR_AFFIXES = frozenset({"un", "non", "re", "ness", "ly", "less", "ful", "er", "ish", "able"})
#: a base must be at least this much more frequent than the derivative to explain it.
MIN_GAIN = 0.5
_WORD = re.compile(r"[a-z]+")
#: a family this common is known at every level: no need to look for a base
_KNOWN_TO_ALL = max(LEVEL_BANDS.values())


def _base_spellings(stem: str, suffix: str) -> list[str]:
    """Spellings of the base a suffix may have changed: happi-ness, mak-er, runn-er, simpl-y."""
    options = [stem]
    if stem.endswith("i"):
        options.append(stem[:-1] + "y")
    if suffix in ("er", "able", "ation", "ity", "ize", "ise", "ism", "ist", "ish", "ly"):
        options.append(stem + "e")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        options.append(stem[:-1])
    if suffix == "ly" and stem.endswith("l"):
        options.append(stem + "e")  # simply -> simple
    if suffix == "ation":
        options.append(stem + "ate")
    return options


def candidate_bases(word: str) -> list[tuple[str, str]]:
    """(base, affix) pairs the spelling allows, before any frequency or dictionary check."""
    found = []
    if "-" in word:  # "co-operate", "self-reliance": the part after the hyphen
        prefix, _, rest = word.partition("-")
        if prefix in PREFIXES and rest:
            found.append((rest, prefix))
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 3:
            found.append((rest, prefix))
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            found.extend((base, suffix) for base in _base_spellings(stem, suffix))
    return found


def _dictionary_links(word: str, lexicon: Lexicon) -> set[str]:
    """Words WordNet relates to `word`: its definitions' words, antonyms, pertainyms and
    derivationally related forms."""
    links: set[str] = set()
    for synset in lexicon.synsets(word):
        links.update(_WORD.findall(synset.definition().lower()))
        for lemma in synset.lemmas():
            if lemma.name().lower() != word:
                continue
            for related in (*lemma.antonyms(), *lemma.pertainyms(), *lemma.derivationally_related_forms()):
                links.add(related.name().lower())
    return links


def _related(base: str, links: set[str]) -> bool:
    if base in links:
        return True
    forms = lemminflect_forms(base)
    return any(form in links for form in forms.values())


@lru_cache(maxsize=50_000)
def transparent_base(word: str, lexicon: Lexicon | None = None) -> tuple[str, str, float] | None:
    """(base, affix, learner Zipf) when `word` is a transparent derivative of a more frequent
    word, else None. The learner Zipf is the base family's Zipf less the affix's cost."""
    word = word.lower()
    own = family_zipf(word)
    candidates = []
    for base, affix in candidate_bases(word):
        if not lemminflect_forms(base):
            continue
        base_zipf = learner_zipf(base, lexicon)  # a base may be derived itself: hope-less-ness
        if base_zipf >= own + MIN_GAIN:
            cost = PREFIXES.get(affix, SUFFIXES.get(affix, 0.5))
            candidates.append((round(base_zipf - cost, 2), base, affix))
    if not candidates:
        return None
    links = _dictionary_links(word, lexicon) if lexicon is not None and lexicon.available else set()
    for score, base, affix in sorted(candidates, reverse=True):
        if links and not _related(base, links):
            continue
        if not links and affix not in REGULAR_AFFIXES:  # nothing to confirm it: only the most regular
            continue
        return base, affix, score
    return None


def learner_zipf(lemma: str, lexicon: Lexicon | None = None) -> float:
    """How familiar a lemma is to a learner, on the Zipf scale: its family's Zipf, raised to
    that of a transparent base (less the affix's cost) when there is one."""
    own = family_zipf(lemma)
    if " " in lemma or own >= _KNOWN_TO_ALL:
        return own
    derived = transparent_base(lemma, lexicon)
    return max(own, derived[2]) if derived else own
