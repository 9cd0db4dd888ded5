"""A short English gloss: the WordNet sense that fits the sentence (simplified Lesk).

Most words have several senses, and the first (most frequent) one is often not the one in the
article: "bank" is a river's edge or a place for money. Lesk's idea (1986) is that the right
sense shares words with the context. Each sense gets a signature: the content words of its
definition and examples, its synonyms, broader and narrower terms (hypernyms, hyponyms: "plant"
as a living thing has "flower" and "herb" below it), all reduced to
dictionary forms; the sense whose signature shares most words with the sentence's content words
wins, and ties go to the more frequent sense (WordNet lists senses commonest first). Senses of
the part of speech the word has in the sentence come first; other parts of speech are used only
when WordNet has none for it.

Glosses are cut to about `MAX_GLOSS` characters: the first of several definitions, without
asides in brackets, cut at a word boundary.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from vocab.frequency import zipf
from vocab.lemmas import lemminflect_forms
from vocab.lexicon import Lexicon
from vocab.tokens import FUNCTION_WORDS

#: head start of the commonest sense: one chance shared word ("deal" in "arms deal" against
#: "a person who deals tactfully") must not outweigh how much more frequent it is
FIRST_SENSE_PRIOR = 0.75
#: longest gloss shown to a learner, in characters (a line on a phone)
MAX_GLOSS = 120
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: words of WordNet's defining style that say nothing about a sense
_DEFINING_WORDS = frozenset(
    "something someone somebody especially usually often used etc act thing things person "
    "people way being make made cause give".split()
)
_signatures: dict[str, frozenset[str]] = {}


def normal_form(word: str) -> str:
    """The dictionary form used to compare words (first lemma lemminflect gives, else the word)."""
    forms = lemminflect_forms(word)
    return next(iter(forms.values())) if forms else word


def content_words(words: Iterable[str]) -> set[str]:
    """Dictionary forms of the content words among `words` (lowercase)."""
    return {
        normal_form(word)
        for word in words
        if len(word) > 2 and word not in FUNCTION_WORDS and word not in _DEFINING_WORDS
    }


def signature(synset) -> frozenset[str]:
    """The content words that describe one WordNet sense (cached per sense)."""
    name = synset.name()
    found = _signatures.get(name)
    if found is None:
        text = " ".join([synset.definition(), *synset.examples()]).lower()
        words = set(_WORD.findall(text))
        for related in (synset, *synset.hypernyms(), *synset.hyponyms()):
            for lemma_name in related.lemma_names():
                words.update(lemma_name.lower().split("_"))
        found = _signatures[name] = frozenset(content_words(words))
    return found


def weight(word: str) -> float:
    """How much a shared word tells about a sense: rarer words tell more ("mortgage" more
    than "money"), like the inverse document frequency of information retrieval."""
    return max(0.2, 6.5 - zipf(word)) / 2


def choose_sense(lexicon: Lexicon, lemma: str, pos: str | None, context: set[str]):
    """The WordNet sense of `lemma` that best fits the context words, or None."""
    senses = (lexicon.synsets(lemma, pos) if pos else ()) or lexicon.synsets(lemma)
    if not senses:
        return None
    key = lemma.lower().replace(" ", "_")
    own = [s for s in senses if key in s.lemma_names()]  # written in lowercase: not a name sense
    own = own or [s for s in senses if key in (n.lower() for n in s.lemma_names())] or list(senses)
    context = context - {normal_form(part) for part in key.split("_")}
    best, best_score = own[0], -1.0
    for rank, sense in enumerate(own):  # commonest first, so a tie keeps the more frequent sense
        score = sum(weight(word) for word in signature(sense) & context)
        if rank == 0:
            score += FIRST_SENSE_PRIOR
        if score > best_score:
            best, best_score = sense, score
    return best


def trim(definition: str, limit: int = MAX_GLOSS) -> str:
    """A definition made short and clean for a learner."""
    parts = [part.strip() for part in definition.split(";")]
    parts = [part for part in parts if part and not part.startswith("-")]
    text = re.sub(r"^\([^)]*\)\s*", "", "; ".join(parts))  # a leading usage note: "(often followed by `to')"
    if len(text) > limit and len(parts) > 1:
        text = parts[0]
    if len(text) > limit:
        text = re.sub(r"\s*\([^)]*\)", "", text)
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def gloss(lexicon: Lexicon, lemma: str, pos: str | None, sentence_words: Iterable[str]) -> str:
    """A short English gloss of `lemma` as used in a sentence ("" without WordNet or entry)."""
    if not lexicon.available:
        return ""
    sense = choose_sense(lexicon, lemma, pos, content_words(w.lower() for w in sentence_words))
    return trim(sense.definition()) if sense is not None else ""
