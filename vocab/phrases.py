"""Collocations and phrasal verbs, taken from the article's own text.

Some advanced words are best learned with the word they keep company with: "constructive" with
"role", "intensify" with "pressure". And some phrases are harder than any of their words:
"give rise to" is made of two everyday words, yet means "cause". Without collocation counts
(wordfreq has single words only) we use word order, parts of speech and WordNet:

* adjective+noun: an advanced adjective right before a known noun ("constructive role"). Not
  when the adjective is coordinated with another ("irresponsible and provocative remarks"):
  then it describes the noun only loosely and is learned alone; nor when a second noun follows
  (the adjective may modify a compound).
* verb+noun: an advanced verb whose object is a known noun, right after it or after an
  article or possessive ("intensify pressure", "escalate the tension").
* phrasal verbs and idioms: a verb followed by a particle or a noun that WordNet lists as one
  verb ("give_rise", "carry_out", "shake_hands"), plus "to", "of" or "with" when the next
  word is one of those (verb+noun idioms govern their object through it: "give rise to",
  "make use of", "shake hands with"); "in", "on", "at" usually start a place or time instead.
  Such a phrase is rated as its rarest word made harder by `IDIOM_COST`: more when WordNet's
  definition shares no word with the phrase (opaque: "give rise" = "cause to happen"), less
  when it does (transparent: "shake hands" = "take someone's hands and shake them").
  Separated phrasal verbs ("give it up") are not found.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vocab.frequency import family_forms, family_zipf
from vocab.lexicon import Lexicon
from vocab.words import Word

#: adverb particles of phrasal verbs
PARTICLES = frozenset("up down out off away back over on in about through around along apart".split())
#: prepositions that introduce the object of a verb+noun idiom
OBJECT_PREPOSITIONS = frozenset({"to", "of", "with"})
#: articles and possessives allowed between a verb and its object noun
_ARTICLES = frozenset("a an the its their his her our your my this these those".split())
#: Zipf points an idiom is harder than its rarest word: (opaque, transparent)
IDIOM_COST = {"noun": (1.0, 0.3), "particle": (0.6, 0.2)}
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Phrase:
    """One occurrence of a phrase in the article."""

    lemma: str  # dictionary form: "constructive role", "give rise to"
    text: str  # as written: "constructive role", "given rise to"
    pattern: str  # "adjective+noun", "verb+noun" or "phrasal verb"
    sentence: int  # index of the sentence
    start: int  # token span in that sentence
    end: int
    key: str | None  # lemma of the advanced word a collocation is built around; None for idioms
    zipf: float  # family Zipf of its rarest word
    learner_zipf: float  # how familiar the whole phrase is, on the Zipf scale
    wordnet_lemma: str | None = None  # WordNet's entry for an idiom ("give_rise")


def _is_known_noun(word: Word | None, hard: Callable[[Word], bool]) -> bool:
    return word is not None and word.kind == "word" and word.pos == "noun" and not hard(word)


def _span_text(words: Sequence[Word], start: int, end: int) -> str:
    return " ".join(w.text for w in words[start:end]).lower()


def _collocations(
    words: Sequence[Word], index: int, hard: Callable[[Word], bool], learner_zipf: Callable[[str], float]
) -> list[Phrase]:
    found = []
    for i, word in enumerate(words):
        if word.kind != "word" or not hard(word):
            continue
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        if word.pos == "adjective" and _is_known_noun(after, hard):
            coordinated = before is not None and before.lower in ("and", "or", ",", "but")
            second_noun = i + 2 < len(words) and words[i + 2].kind == "word" and words[i + 2].pos == "noun"
            if not coordinated and not second_noun:
                lemma = f"{word.lemma} {after.lower}"
                found.append(_collocation(words, index, i, i + 2, lemma, "adjective+noun", word, learner_zipf))
        elif word.pos == "verb":
            j = i + 1
            if after is not None and after.lower in _ARTICLES:
                j += 1
            obj = words[j] if j < len(words) else None
            follows = words[j + 1] if j + 1 < len(words) else None
            if _is_known_noun(obj, hard) and not (follows is not None and follows.pos == "noun"):
                lemma = " ".join([word.lemma, *(w.lower for w in words[i + 1 : j + 1])])
                found.append(_collocation(words, index, i, j + 1, lemma, "verb+noun", word, learner_zipf))
    return found


def _collocation(words, index, start, end, lemma, pattern, key: Word, learner_zipf) -> Phrase:
    zipf = min(family_zipf(w.lemma) for w in words[start:end] if w.lemma)
    return Phrase(lemma, _span_text(words, start, end), pattern, index, start, end, key.lemma,
                  round(zipf, 2), learner_zipf(key.lemma))  # fmt: skip


def _opaque(entry: str, lexicon: Lexicon) -> bool:
    """True when WordNet's first definition of the idiom shares no word with it."""
    senses = lexicon.synsets(entry, "verb")
    if not senses:
        return True
    defined = set(_WORD.findall(senses[0].definition().lower()))
    parts = [part for part in entry.split("_") if part not in PARTICLES]
    return not any(form in defined for part in parts for form in family_forms(part))


def _idioms(words: Sequence[Word], index: int, lexicon: Lexicon) -> list[Phrase]:
    found = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.kind != "word" or word.pos != "verb":
            i += 1
            continue
        match = None
        for size in (3, 2):
            following = words[i + 1 : i + size]
            if len(following) < size - 1 or any(w.kind not in ("word", "function") for w in following):
                continue
            last = following[-1]
            if size == 2 and not (last.lower in PARTICLES or last.kind == "word"):
                continue
            for tail in ([w.lower for w in following], [w.lemma or w.lower for w in following]):
                entry = "_".join([word.lemma, *tail])
                if lexicon.has_entry(entry, "verb"):
                    match = (entry, i + size, "particle" if last.lower in PARTICLES else "noun")
                    break
            if match:
                break
        if match is None:
            i += 1
            continue
        entry, end, ends_with = match
        lemma = entry.replace("_", " ")
        nxt = words[end] if end < len(words) else None
        if ends_with == "noun" and nxt is not None and nxt.lower in OBJECT_PREPOSITIONS:
            lemma, end = f"{lemma} {nxt.lower}", end + 1
        content = [w.lemma or w.lower for w in words[i:end] if w.lower not in PARTICLES | OBJECT_PREPOSITIONS]
        zipf = min(family_zipf(part) for part in content)
        opaque_cost, transparent_cost = IDIOM_COST[ends_with]
        cost = opaque_cost if _opaque(entry, lexicon) else transparent_cost
        found.append(Phrase(lemma, _span_text(words, i, end), "phrasal verb", index, i, end, None,
                            round(zipf, 2), round(zipf - cost, 2), entry))  # fmt: skip
        i = end
    return found


def find_phrases(
    sentences: Sequence[Sequence[Word]],
    hard: Callable[[Word], bool],
    learner_zipf: Callable[[str], float],
    lexicon: Lexicon | None,
) -> list[Phrase]:
    """Every phrase occurrence in the text, in reading order. `hard(word)` says whether a word
    is beyond the learner; `learner_zipf(lemma)` rates a collocation's advanced word."""
    found: list[Phrase] = []
    wordnet = lexicon is not None and lexicon.available
    for index, words in enumerate(sentences):
        if wordnet:
            found.extend(_idioms(words, index, lexicon))
        taken = {(p.sentence, k) for p in found for k in range(p.start, p.end)}
        for phrase in _collocations(words, index, hard, learner_zipf):
            if not any((index, k) in taken for k in range(phrase.start, phrase.end)):
                found.append(phrase)
    return found
