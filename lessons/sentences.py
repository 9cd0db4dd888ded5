"""Split English text into sentences with nltk's Punkt, built in code (no data download).

Punkt is usually loaded from the trained `punkt`/`punkt_tab` data package, which would have
to be downloaded at run time; the project runs offline, so the parameters Punkt would learn
from a corpus are written down here instead. Punkt needs four things:

- abbreviation types: words that end in a period without ending the sentence ("Mr.", "Nov.",
  "U.S."). Written without the final period and lower-cased, as Punkt stores them.
- collocations: (word, next word) pairs where the period is never a sentence end. "No." is only
  an abbreviation before a number ("No. 1"); as an answer ("He said, "No."") it ends a sentence.
- orthographic context: how a word is capitalised where it occurs. Marking closed-class words
  (the, he, but...) as "seen lower-case inside sentences" tells Punkt that a capitalised "The"
  after a period starts a new sentence, even after an abbreviation ("...in the U.S. The rest").
- sentence starters: the same words, for Punkt's "abbreviation + frequent sentence starter" rule.

Single-letter initials ("J. K. Rowling", "George W. Bush") are not listed as abbreviations: Punkt
has its own rule for them (an initial before a capitalised word that is never seen lower-case is
not a sentence end), and leaving them out lets "...in group A. The next..." still split.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize.punkt import (
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktParameters,
    PunktSentenceTokenizer,
)

#: Titles before names (Mr., Dr., Gen., Sen.), company and list words (Inc., etc.), months as
#: news style abbreviates them (Nov., Sept.), dotted abbreviations (U.S., e.g., a.m.) and the
#: U.S. state abbreviations of AP style that are not also common words ("Calif.", "Fla.").
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms messrs dr prof gen sen rep gov st jr sr rev hon pres lt col capt cmdr adm maj sgt
    cpl pvt supt mt ft
    inc corp co ltd llc plc bros dept univ assn est approx fig vol ed eds pp vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.s.a u.k u.n e.u d.c l.a n.y n.j n.c n.h n.m n.d s.c s.d r.i w.va
    e.g i.e a.m p.m a.d b.c ph.d m.d b.a m.a
    ala ariz ark calif colo conn fla kan ky md mich minn mont neb nev okla tenn vt va wis wyo
    """.split()
)

#: (word, next word) pairs whose period never ends a sentence. Punkt writes every number as
#: "##number##", so ("no", "##number##") is "No. 1" and nothing else.
COLLOCATIONS: frozenset[tuple[str, str]] = frozenset({("no", "##number##"), ("nos", "##number##")})

#: Function words that are written lower-case inside a sentence, so a capitalised one after a
#: period begins a new sentence. Modal "will"/"may" and nouns are left out on purpose: they are
#: also names ("Will Smith", "Theresa May", "Gen. Mark Milley") that follow abbreviations.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    the a an this that these those there here it its he she they we i you his her their our my
    but and or so yet then also still however meanwhile instead moreover furthermore nevertheless
    in on at after before when while if as for with from by of to since during despite although
    though because what who why how where which some many most both all several each neither
    """.split()
)

#: A sentence that starts with a lower-case word continues the one before it: Punkt cuts after a
#: question or exclamation inside quotes ("Why?" he asked.) and after some abbreviations.
_STARTS_LOWER = re.compile(r"[\"'“‘(\[]*[a-z][a-z'’-]*\b")


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer with the parameters above, built once per process."""
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.collocations = set(COLLOCATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    for word in SENTENCE_STARTERS:
        params.ortho_context[word] = _ORTHO_MID_LC | _ORTHO_BEG_UC
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of each sentence in `text`, whitespace excluded.

    Cached, because cleaning and chunking split the same paragraphs (a benchmark of a first
    analysis calls `sentence_spans.cache_clear()`)."""
    spans: list[tuple[int, int]] = []
    for start, end in sentence_tokenizer().span_tokenize(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if spans and _STARTS_LOWER.match(text, start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, in order, each exactly as written."""
    return [text[start:end] for start, end in sentence_spans(text)]
