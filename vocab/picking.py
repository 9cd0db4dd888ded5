"""Picking the words and phrases of an article that a learner at a given level would not know.

The signals, and why each is there:

1. Frequency of the word family (`vocab.frequency`). How often a word occurs is the best single
   predictor of whether a learner knows it, and CEFR levels map onto frequency bands. A rare
   inflection of a common word is not advanced: "readying" is rated as "ready".
2. Transparency (`vocab.morphology`). A derivative of a known word with a regular affix
   ("reconfirm", "irresponsible", "hopelessness") is understood without study, so it is rated
   as its base made a little harder. Opaque words keep their own frequency.
3. Not a name, number, abbreviation or foreign word (`vocab.names`, `vocab.words`), judged
   from the whole article's capitalisation and from the dictionaries.
4. Collocations and idioms (`vocab.phrases`). An advanced word that comes with its partner is
   offered as the phrase ("constructive role", "intensify pressure"); an idiom of common words
   whose meaning is not their sum ("give rise to") is rated harder than its words.

Among the words beyond the learner's level, items are ranked by how worth learning they are:

* usefulness beyond the article: the most frequent of the unknown words pay back first
  (Nation's advice to learn by frequency), but words far rarer than the learner's level are
  specialist and only matter to this article. So the score peaks `SWEET_SPOT` Zipf points
  below the level's band and falls off on both sides;
* repetition in the article: a word met several times matters to understanding it, and
  repeated meetings help it stick (log2 of the count, so 4 times is worth +2 steps, not +4);
* length: longer words are harder to recognise and remember (Laufer 1997), a small bonus per
  letter beyond six;
* a phrase gives a word with its context, a small bonus.

The list is capped by the article's length: the number of distinct new words in a text grows
roughly with the square root of its length (Heaps' law), so the cap is 0.6 * sqrt(running
words), kept between 3 and 40: 12 for 400 words, 19 for 1,000, 40 from about 4,400 on.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from vocab.frequency import band_of, family_zipf, known_at, zipf
from vocab.glosses import gloss
from vocab.items import DEFAULT_LEVEL, Sentence, VocabItem
from vocab.lexicon import Lexicon, load_lexicon
from vocab.morphology import learner_zipf
from vocab.phrases import Phrase, find_phrases
from vocab.words import VOCABULARY_KIND, Word, read_text

#: Zipf points below a level's band where an unknown word is most worth learning.
SWEET_SPOT = 0.6
#: How wide (in Zipf points) the usefulness peak is; words this far from the sweet spot score 0.
USEFUL_WIDTH = 2.0


def suggested_size(running_words: int) -> int:
    """How many items to offer for an article of this many running words (see module docstring)."""
    return max(3, min(40, round(0.6 * math.sqrt(max(running_words, 0)))))


@dataclass
class _Entry:
    """What the article says about one candidate item."""

    kind: str
    lemma: str
    learner_zipf: float
    zipf: float
    first: int  # sentence index
    order: tuple[int, int]  # (sentence, token) of first occurrence, for stable ordering
    forms: list[str] = field(default_factory=list)
    parts_of_speech: Counter = field(default_factory=Counter)
    count: int = 0
    phrase: Phrase | None = None

    def seen(self, form: str, pos: str) -> None:
        self.count += 1
        self.parts_of_speech[pos] += 1
        if form not in self.forms:
            self.forms.append(form)


def worth(entry: _Entry, threshold: float) -> float:
    """How worth learning an item is (higher is better); see the module docstring."""
    sweet = threshold - SWEET_SPOT
    usefulness = max(0.0, 1.0 - abs(entry.learner_zipf - sweet) / USEFUL_WIDTH)
    repetition = 0.35 * math.log2(entry.count)
    longest = max(len(word) for word in entry.lemma.split())
    length = 0.03 * min(max(longest - 6, 0), 6)
    return usefulness + repetition + length + (0.1 if entry.kind == "phrase" else 0.0)


def _display(entry: _Entry) -> str:
    """What the learner sees: the lemma, or a plural that is commoner than its singular
    ("munitions", "arms")."""
    if entry.kind == "word" and entry.parts_of_speech.most_common(1)[0][0] == "noun":
        plurals = [form for form in entry.forms if form != entry.lemma and form.endswith("s")]
        if plurals and zipf(plurals[0]) > zipf(entry.lemma):
            return plurals[0]
    return entry.lemma


class _NewTo:
    """Whether a running word is vocabulary beyond a learner's level."""

    def __init__(self, threshold: float, lexicon: Lexicon) -> None:
        self.threshold = threshold
        self.lexicon = lexicon

    def __call__(self, word: Word) -> bool:
        if word.kind != VOCABULARY_KIND or not word.lemma or len(word.lemma) < 3:
            return False
        if not word.lemma.replace("-", "").isalpha():
            return False
        return learner_zipf(word.lemma, self.lexicon) < self.threshold


def _collect(
    read: Sequence[Sequence[Word]], phrases: list[Phrase], is_new: _NewTo, known: set[str], lexicon: Lexicon
) -> dict[str, _Entry]:
    """One entry per item: phrases first (they claim their words), then the remaining words."""
    entries: dict[str, _Entry] = {}
    in_phrase: dict[tuple[int, int], str] = {}
    by_key: dict[str, str] = {}
    for phrase in phrases:
        if phrase.lemma in known or phrase.key in known or phrase.learner_zipf >= is_new.threshold:
            continue
        if phrase.key and phrase.key in by_key and by_key[phrase.key] != phrase.lemma:
            entries[by_key[phrase.key]].count += 1  # one item per advanced word: its first phrase
            for k in range(phrase.start, phrase.end):
                in_phrase[(phrase.sentence, k)] = by_key[phrase.key]
            continue
        entry = entries.get(phrase.lemma)
        if entry is None:
            entry = entries[phrase.lemma] = _Entry(
                "phrase", phrase.lemma, phrase.learner_zipf, phrase.zipf, phrase.sentence,
                (phrase.sentence, phrase.start), phrase=phrase,
            )  # fmt: skip
        entry.seen(phrase.text, phrase.pattern)
        if phrase.key:
            by_key.setdefault(phrase.key, phrase.lemma)
        for k in range(phrase.start, phrase.end):
            in_phrase[(phrase.sentence, k)] = phrase.lemma
    for s, words in enumerate(read):
        for t, word in enumerate(words):
            if (s, t) in in_phrase or not is_new(word) or word.lemma in known or word.lower in known:
                continue
            target = by_key.get(word.lemma)
            if target is not None:  # the advanced word of a collocation, met again alone
                entries[target].count += 1
                continue
            entry = entries.get(word.lemma)
            if entry is None:
                entry = entries[word.lemma] = _Entry(
                    "word", word.lemma, learner_zipf(word.lemma, lexicon), family_zipf(word.lemma), s, (s, t)
                )
            entry.seen(word.lower, word.pos)
    return entries


def find_vocabulary(
    sentences: Sequence[Sentence],
    level: str = DEFAULT_LEVEL,
    lexicon: Lexicon | None = None,
    limit: int | None = None,
    exclude: Collection[str] = (),
) -> list[VocabItem]:
    """The words and phrases of the text a learner at `level` is unlikely to know, most worth
    learning first, at most `limit` (default: by the text's length). Lemmas in `exclude` (the
    learner already knows them) are never picked."""
    threshold = known_at(level)
    lexicon = load_lexicon() if lexicon is None else lexicon
    with lexicon.lock:
        return _find(sentences, threshold, lexicon, limit, exclude)


def _find(
    sentences: Sequence[Sentence], threshold: float, lexicon: Lexicon, limit: int | None, exclude: Collection[str]
) -> list[VocabItem]:
    read = read_text([sentence.text for sentence in sentences], lexicon)
    known = {word.strip().lower() for word in exclude}
    is_new = _NewTo(threshold, lexicon)
    phrases = find_phrases(read, is_new, lambda lemma: learner_zipf(lemma, lexicon), lexicon)
    entries = _collect(read, phrases, is_new, known, lexicon)

    running = sum(1 for words in read for word in words if word.is_running_word)
    size = suggested_size(running) if limit is None else max(0, limit)
    ranked = sorted(entries.values(), key=lambda e: (-worth(e, threshold), e.order))[:size]

    return [_item(entry, sentences, read, lexicon) for entry in ranked]


def _item(entry: _Entry, sentences: Sequence[Sentence], read, lexicon: Lexicon) -> VocabItem:
    """The finished item, glossed in the sense of its first sentence."""
    if entry.kind == "phrase":
        phrase = entry.phrase
        pos = phrase.pattern
        if phrase.wordnet_lemma:  # an idiom: WordNet's sense of the whole phrase
            gloss_lemma, gloss_pos = phrase.wordnet_lemma, "verb"
        else:  # a collocation: the sense of its advanced word, which comes first
            gloss_lemma, gloss_pos = phrase.key, read[phrase.sentence][phrase.start].pos
    else:
        pos = entry.parts_of_speech.most_common(1)[0][0]
        gloss_lemma, gloss_pos = entry.lemma, pos
    first = sentences[entry.first]
    return VocabItem(
        item=_display(entry),
        lemma=entry.lemma,
        kind=entry.kind,
        forms=tuple(entry.forms),
        pos=pos,
        zipf=round(entry.zipf, 2),
        level=band_of(entry.learner_zipf),
        count=entry.count,
        sentence=first.text,
        chunk=first.chunk,
        gloss=gloss(lexicon, gloss_lemma, gloss_pos, [word.text for word in read[entry.first]]),
    )
