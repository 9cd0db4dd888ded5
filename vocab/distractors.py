"""Wrong options for quiz questions that are plausible and never a second right answer.

A distractor for a target word must be:

- the same part of speech, so grammar does not give the answer away, and mainly that part of
  speech (WordNet has more senses of "null" as an adjective than as a noun: no "nulls");
- of similar word-family frequency (Zipf within ZIPF_WINDOWS of the target, tried narrowest
  first), so a learner cannot pick the right option just because it is the rarer word;
- not a form of the target ("munition" for "munitions") nor a word of the same stem ("escalator"
  for "escalate"), not a name, not offensive;
- not a second right answer: with WordNet, no word that shares a sense with the target (a
  synonym in any sense), no word whose gloss equals the target's, and none of the words one step
  up or down the hierarchy (hypernyms/hyponyms) or listed as "similar to" / "see also" / the same
  verb group, since those would also fit the gap-fill sentence.

Other items of the same article are preferred: learners have just met them, which makes them
the most plausible wrong answers and practises them again.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from . import word_pool
from .items import VocabItem

#: Zipf distances tried in turn: half a Zipf point is about a factor of three in frequency.
ZIPF_WINDOWS = (0.5, 1.0, 1.5)
#: Two words sharing this many first letters are treated as one stem ("constructive" and
#: "construction"); English derivational stems are rarely shorter than this.
STEM_LETTERS = 5
#: How many pool words to look at per window before widening it.
TRIES_PER_WINDOW = 300


@dataclass(frozen=True)
class Target:
    """What the distractors are chosen against: the word (or a phrase's first word) to replace."""

    lemma: str
    pos: str  # "noun", "verb", "adjective", "adverb"
    zipf: float
    gloss: str = ""
    tags: tuple[str, ...] = ()  # Penn tags of the form in the sentence; () = no inflection needed
    avoid: frozenset[str] = frozenset()  # words that must not be offered (e.g. the sentence's)


def first_clause(gloss: str) -> str:
    """The core of a WordNet gloss: its first clause, without trailing example debris
    ("serving to provoke; stimulating ...; ; - Anthony Trollope" -> "serving to provoke")."""
    for part in gloss.split(";"):
        part = part.strip(" ,;")
        if part and not part.startswith("-"):
            return part
    return ""


@lru_cache(maxsize=8192)
def wordnet_gloss(reader, word: str, pos: str) -> str:
    """First clause of the commonest WordNet sense where `word` is a lower-case lemma, or ""."""
    for synset in own_synsets(reader, word, pos):
        gloss = first_clause(synset.definition())
        if gloss:
            return gloss
    return ""


def own_synsets(reader, word: str, pos: str) -> list:
    """Synsets of this part of speech in which `word` itself (lower case, not a name) is a lemma."""
    wn_pos = word_pool.WORDNET_POS.get(pos)
    if reader is None or wn_pos is None:
        return []
    key = word.replace(" ", "_")
    synsets = reader.synsets(key, wn_pos)
    if wn_pos == "a":
        synsets = synsets + [s for s in reader.synsets(key, "s") if s not in synsets]
    return [s for s in synsets if key in s.lemma_names()]


def _sense_counts(reader, word: str) -> dict[str, int]:
    """part of speech -> number of WordNet senses of the word, from the lemma index alone."""
    key = word.replace(" ", "_")
    index = getattr(reader, "_lemma_pos_offset_map", None)  # nltk's lemma index, read lazily
    if index is None:
        return {p: len(reader.synsets(key, letter)) for p, letter in word_pool.WORDNET_POS.items()}
    entry = index.get(key) or {}
    return {p: len(entry.get(letter, ())) for p, letter in word_pool.WORDNET_POS.items()}


def _tagged_count(reader, word: str, pos: str) -> int:
    key = word.replace(" ", "_")
    return sum(lemma.count() for s in own_synsets(reader, word, pos) for lemma in s.lemmas() if lemma.name() == key)


@lru_cache(maxsize=8192)
def is_mainly(reader, word: str, pos: str) -> bool:
    """True when `pos` is the word's main part of speech: the one with most WordNet senses, and
    on a tie the one whose senses were tagged most often in WordNet's sense-tagged corpus
    (SemCor counts). "dim" and "null" are mainly adjectives: "dimmed" or "nulls" would be odd
    options. The word must also be a lower-case lemma of that part of speech (not only "Paris")."""
    counts = _sense_counts(reader, word)
    rivals = [p for p in counts if p != pos and counts[p] >= counts.get(pos, 0)]
    if not counts.get(pos) or any(counts[p] > counts[pos] for p in rivals):
        return False
    if not own_synsets(reader, word, pos):
        return False
    tagged = _tagged_count(reader, word, pos) if rivals else 0
    return all(_tagged_count(reader, word, p) <= tagged for p in rivals)


@lru_cache(maxsize=4096)
def is_offensive(reader, word: str, pos: str) -> bool:
    """True for a blocklisted word or one with a sense WordNet labels obscene or a slur."""
    if word in word_pool.BLOCKLIST:
        return True
    for synset in own_synsets(reader, word, pos):
        if any(domain.name() in word_pool.OFFENSIVE_USAGE for domain in synset.usage_domains()):
            return True
    return False


@lru_cache(maxsize=4096)
def too_close(reader, lemma: str, pos: str) -> frozenset[str]:
    """Words that could be a second right answer for `lemma`: all its synonyms in every sense,
    and the lemmas one step away (hypernyms, hyponyms, similar-to, also-see, verb group)."""
    wn_pos = word_pool.WORDNET_POS.get(pos)
    if reader is None or wn_pos is None:
        return frozenset()
    key = lemma.replace(" ", "_")
    words: set[str] = set()
    for synset in reader.synsets(key, wn_pos):
        neighbours = [synset]
        for relation in ("hypernyms", "hyponyms", "similar_tos", "also_sees", "verb_groups"):
            neighbours.extend(getattr(synset, relation)())
        for neighbour in neighbours:
            words.update(name.lower().replace("_", " ") for name in neighbour.lemma_names())
    return frozenset(words)


def _same_stem(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    if shorter >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    prefix = 0
    for x, y in zip(a, b):
        if x != y:
            break
        prefix += 1
    return prefix >= min(STEM_LETTERS, shorter)


def inflected_like(word: str, target: Target) -> str | None:
    """`word` in the same inflection as the target's form, or None when English cannot say it
    unambiguously (the form's tags would give different spellings, e.g. "reached" is VBD and VBN
    but "took" and "taken" differ; or the word does not inflect: "informations")."""
    if not target.tags:
        return word
    spellings = {word_pool.inflect(word, tag)[:1] for tag in target.tags}
    if len(spellings) != 1:
        return None
    (spelling,) = spellings
    if not spelling:
        return None
    if any(tag not in word_pool.BASE_TAGS for tag in target.tags):
        inflected = {s for tag in target.tags for s in word_pool.inflect(word, tag)}
        if word in inflected:
            return None
    return spelling[0]


class Chooser:
    """Checks candidates against one target; remembers what it has already accepted."""

    def __init__(self, target: Target, reader, need_gloss: bool):
        self.target = target
        self.reader = reader
        self.need_gloss = need_gloss
        self.target_forms = word_pool.all_forms(target.lemma, target.pos) | {target.lemma}
        self.close = too_close(reader, target.lemma, target.pos)
        self.chosen: list[tuple[str, str, str]] = []  # (lemma, shown form, gloss)

    def offer(self, word: str, gloss: str = "", *, from_article: bool = False) -> bool:
        """Accept `word` as a distractor if it passes every rule (cheap checks first); True when
        accepted."""
        t = self.target
        word = word.lower()
        if word in self.target_forms or word in t.avoid or word in self.close:
            return False
        if any(word == lemma for lemma, _, _ in self.chosen):
            return False
        if " " not in word and " " not in t.lemma and _same_stem(word, t.lemma):
            return False
        if not from_article and not word_pool.is_base_form(word, t.pos):
            return False
        shown = inflected_like(word, t)
        if shown is None or shown.lower() in t.avoid or shown.lower() in self.target_forms:
            return False
        if any(shown == s for _, s, _ in self.chosen):
            return False
        if self.reader is not None and not from_article:
            if not is_mainly(self.reader, word, t.pos):
                return False  # a name only ("Paris"), or mainly another part of speech
            if is_offensive(self.reader, word, t.pos):
                return False
        elif word in word_pool.BLOCKLIST:
            return False
        if self.reader is not None and not gloss:
            gloss = wordnet_gloss(self.reader, word, t.pos)
        if t.gloss and gloss and first_clause(gloss).lower() == first_clause(t.gloss).lower():
            return False
        if self.need_gloss and (not gloss or any(gloss == g for _, _, g in self.chosen)):
            return False
        self.chosen.append((word, shown, gloss))
        return True


def choose_distractors(
    target: Target,
    rng: random.Random,
    *,
    article_items: Sequence[VocabItem] = (),
    lexicon=None,
    need: int = 3,
    need_gloss: bool = False,
) -> list[tuple[str, str, str]]:
    """Up to `need` distractors as (lemma, form to show, gloss), article items first, then pool
    words of similar frequency. Fewer than `need` only when no acceptable word exists."""
    reader = word_pool.wordnet_of(lexicon)
    chooser = Chooser(target, reader, need_gloss)
    same_pos = [i for i in article_items if i.kind == "word" and i.pos == target.pos]
    for item in sorted(same_pos, key=lambda i: (abs(i.zipf - target.zipf), i.lemma)):
        if len(chooser.chosen) >= need:
            break
        chooser.offer(item.lemma, item.gloss, from_article=True)
    for window in ZIPF_WINDOWS:
        if len(chooser.chosen) >= need:
            break
        # own Zipf <= family Zipf, so look a little lower on the own-Zipf index
        pool = word_pool.in_zipf_window(target.pos, reader, target.zipf - window - 0.5, target.zipf + window)
        for index in rng.sample(range(len(pool)), min(len(pool), TRIES_PER_WINDOW)):
            word = pool[index][1]
            if not word_pool.is_base_form(word, target.pos):
                continue
            family = word_pool.family_zipf(word, target.pos)
            if abs(family - target.zipf) <= window and chooser.offer(word):
                if len(chooser.chosen) >= need:
                    break
    return chooser.chosen[:need]
