"""The pool quiz distractors are drawn from: frequent English words by part of speech and frequency.

Language facts behind it:

- A wrong option is only plausible when it is a word the learner could have met about as often as
  the right one. Frequency is measured on the Zipf scale (log10 of occurrences per billion words,
  Van Heuven et al. 2014): 6+ is "the", "have"; 4-5 everyday words; 3 news words like "munitions";
  below 2.5 rare words. wordfreq keeps its word list in buckets of 0.01 Zipf, so the bucket index
  gives a word's own Zipf without looking each word up.
- A word's *family* frequency (lemma and its inflections: "munition", "munitions") is what a
  learner's exposure depends on, so candidates are compared on family Zipf, like the items are
  (`vocab.frequency.family_zipf`).
- Part of speech comes from WordNet when it is installed, and from lemminflect's lexicon otherwise.
  A candidate must be a base form in lemminflect's lexicon, which has no proper names ("paris",
  "kim" are unknown to it), so names drop out even where WordNet lists them in lower case.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

import lemminflect
from wordfreq import get_frequency_list

from . import frequency

#: The pool: the most frequent 50,000 wordfreq entries (down to about Zipf 2.5, "bioengineering").
POOL_SIZE = 50_000
#: Shorter strings in the list are mostly abbreviations and letters ("ok", "uk", "tv").
MIN_LETTERS = 3

#: Our part-of-speech names -> lemminflect's Universal Dependencies tags and WordNet's letters.
UPOS = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV"}
WORDNET_POS = {"noun": "n", "verb": "v", "adjective": "a", "adverb": "r"}
#: Penn tags each part of speech inflects to (base form first).
PENN_TAGS = {
    "noun": ("NN", "NNS"),
    "verb": ("VB", "VBP", "VBZ", "VBD", "VBN", "VBG"),
    "adjective": ("JJ", "JJR", "JJS"),
    "adverb": ("RB", "RBR", "RBS"),
}
BASE_TAGS = frozenset({"NN", "VB", "VBP", "JJ", "RB"})

#: Words never offered as a distractor: profanity, slurs and sexual terms. WordNet's usage
#: labels (OFFENSIVE_USAGE) catch more when it is installed; this list works without it.
BLOCKLIST = frozenset(
    """
    anal arse arsehole ass asshole bastard bitch bollocks boner bullshit butt clit cock crap cum
    cunt damn dick dildo dyke fag faggot fuck fucker fucking horny jerk masturbate nazi negro
    nigga nigger orgasm penis piss porn porno pussy queer rape rapist retard retarded semen sex
    sexy shit slut spic tits twat vagina wank wanker whore
    """.split()
)
#: WordNet usage domains that mark a sense as offensive ("fuck", "kike", "chink").
OFFENSIVE_USAGE = frozenset(
    {"obscenity.n.02", "vulgarism.n.01", "ethnic_slur.n.01", "disparagement.n.01"}
)


def wordnet_of(lexicon) -> object | None:
    """The nltk WordNet reader behind a Lexicon (or a reader passed directly), or None."""
    if lexicon is None:
        return None
    for attribute in ("wordnet", "reader", "wn"):
        reader = getattr(lexicon, attribute, None)
        if reader is not None and hasattr(reader, "synsets"):
            return reader
    return lexicon if hasattr(lexicon, "synsets") else None


@lru_cache(maxsize=1)
def ranked_words() -> tuple[tuple[float, str], ...]:
    """Plain lower-case words of the pool as (own Zipf, word), rarest first (sorted, for bisect)."""
    words: list[tuple[float, str]] = []
    seen = 0
    for bucket, entries in enumerate(get_frequency_list("en")):
        zipf = round(9 - bucket / 100, 2)
        for word in entries:
            seen += 1
            if seen > POOL_SIZE:
                break
            if len(word) >= MIN_LETTERS and word.isascii() and word.isalpha() and word.islower():
                if word not in BLOCKLIST:
                    words.append((zipf, word))
        if seen > POOL_SIZE:
            break
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _own_zipf_table() -> dict[str, float]:
    return {word: zipf for zipf, word in ranked_words()}


def own_zipf(word: str) -> float:
    """Zipf frequency of this exact word form (0.0 when wordfreq has never seen it)."""
    zipf = _own_zipf_table().get(word)
    return frequency.zipf(word) if zipf is None else zipf


_INDEX_LEMMA = re.compile(r"^([^ \n]+) ", re.MULTILINE)  # first field; licence lines start with a space
_INDEX_FILES = {"n": "index.noun", "v": "index.verb", "a": "index.adj", "r": "index.adv"}


@lru_cache(maxsize=8)
def _wordnet_lemmas(reader, wordnet_pos: str) -> frozenset[str]:
    """Every lemma WordNet lists with this part of speech, read straight from its sorted index
    file (one lemma per line, licence lines start with a space): tens of ms, where walking the
    reader's lemma map can take seconds with a lazily loaded index."""
    with reader.open(_INDEX_FILES[wordnet_pos]) as stream:
        text = stream.read()
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return frozenset(_INDEX_LEMMA.findall(text))


@lru_cache(maxsize=16)
def pos_index(pos: str, reader=None) -> tuple[tuple[float, str], ...]:
    """Pool words that can be this part of speech, (own Zipf, word) rarest first.

    With WordNet the index holds only words WordNet lists with that part of speech (built once,
    a few ms after the pool); without it every pool word, checked lazily by `is_base_form`."""
    if reader is None or pos not in WORDNET_POS:
        return ranked_words()
    lemmas = _wordnet_lemmas(reader, WORDNET_POS[pos])
    return tuple(entry for entry in ranked_words() if entry[1] in lemmas)


def in_zipf_window(pos: str, reader, low: float, high: float) -> tuple[tuple[float, str], ...]:
    """Index entries whose own Zipf lies in [low, high]."""
    index = pos_index(pos, reader)
    return index[bisect_left(index, (low, "")) : bisect_right(index, (high, "\uffff"))]


@lru_cache(maxsize=65536)
def is_base_form(word: str, pos: str) -> bool:
    """True when lemminflect's lexicon lists `word` as a dictionary form of this part of speech."""
    upos = UPOS.get(pos)
    return bool(upos) and word in lemminflect.getAllLemmas(word, upos).get(upos, ())


_TAG_UPOS = {"NN": "NOUN", "VB": "VERB", "JJ": "ADJ", "RB": "ADV"}


@lru_cache(maxsize=65536)
def inflect(lemma: str, tag: str) -> tuple[str, ...]:
    """Spellings of `lemma` for a Penn tag ("weapon", "NNS" -> ("weapons",)); phrases inflect
    their first word ("give rise", "VBD" -> ("gave rise",)).

    A word in lemminflect's dictionary gets only the forms the dictionary lists: a noun listed
    without a plural is a mass noun ("dazzle", "information"), and gets none. The dictionary
    leaves out a regular past participle (it equals the past: "reached"). Words the dictionary
    lacks are inflected by rule, for nouns and verbs only (their endings are regular)."""
    head, _, rest = lemma.partition(" ")
    upos = _TAG_UPOS[tag[:2]]
    table = lemminflect.getAllInflections(head, upos)
    if table:
        forms = table.get(tag) or (table.get("VBD", ()) if tag == "VBN" else ())
    elif upos in ("NOUN", "VERB"):
        forms = lemminflect.getInflection(head, tag, inflect_oov=True)
    else:
        forms = ()
    if not forms and tag in BASE_TAGS:
        forms = (head,)
    return tuple(f"{form} {rest}" if rest else form for form in forms)


def tags_of(form: str, lemma: str, pos: str) -> tuple[str, ...]:
    """Penn tags under which `lemma` is spelled `form` ("reached" -> VBD and VBN). The lemma's
    own spelling is taken as the base form: "assistance" is NN, although lemminflect also lists
    it as the plural of a mass noun."""
    form = form.lower()
    tags = tuple(tag for tag in PENN_TAGS.get(pos, ()) if form in inflect(lemma, tag))
    if form == lemma.lower() and any(tag in BASE_TAGS for tag in tags):
        tags = tuple(tag for tag in tags if tag in BASE_TAGS)
    return tags


@lru_cache(maxsize=8192)
def all_forms(lemma: str, pos: str = "") -> frozenset[str]:
    """The lemma and every inflected spelling lemminflect's dictionary lists for it, for this
    part of speech or (without `pos`) any; a phrase inflects its first word ("gave rise").
    Rule-made forms only for nouns and verbs the dictionary lacks: their -s/-ed/-ing endings are
    regular, while adjectives mostly compare with "more" (no "accustomeder")."""
    head, _, rest = lemma.partition(" ")
    upos = UPOS.get(pos)
    table = lemminflect.getAllInflections(head, upos) if upos else lemminflect.getAllInflections(head)
    if not table and upos in ("NOUN", "VERB"):
        table = lemminflect.getAllInflectionsOOV(head, upos)
    forms = {lemma}
    for spellings in table.values():
        forms.update(f"{s} {rest}" if rest else s for s in spellings)
    return frozenset(form.lower() for form in forms)


def family_zipf(lemma: str, pos: str = "") -> float:
    """Zipf of the word family, measured exactly as the vocabulary engine measures items
    (`vocab.frequency.family_zipf`), so distractors and items are compared on one scale."""
    return frequency.family_zipf(lemma)
