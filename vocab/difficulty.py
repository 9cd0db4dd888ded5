"""How hard a text is to read: a 0-100 score, a CEFR-like label and the share of unknown words.

Teachers level a text by its words and by its sentences, and readability research agrees: the
Lexile measure combines word frequency with sentence length, and Flesch-Kincaid combines
syllables per word with words per sentence. The score here combines four measures, each scaled
to 0-1 between what a first reader and an academic paper show:

* rare words (weight 0.45): the mean rarity of the content words, where rarity is how far a
  word family's learner Zipf (frequency, credited for transparent derivatives) lies below
  everyday words (Zipf 5.5 = 0, Zipf 2.5 or rarer = 1). Names do not count: a reader need not
  know "Pyongyang" as a word;
* sentence length (0.30): log of the mean number of words per sentence, from 5 (0) to 35 (1);
  the log because each extra word adds less difficulty to an already long sentence;
* long words (0.15): the share of words of three syllables or more, up to 35%;
* clauses (0.10): subordinating and relative words ("because", "which", "although") and
  semicolons per sentence, up to 3: a measure of structure that length alone misses.

The score maps onto CEFR-like labels in steps of about 15 points (`LABELS`), calibrated so that
a children's story reads A1-A2, a news report B2-C1 and an academic abstract C2.
`unknown_share` is the share of running words beyond the reader's level (names are known).
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

from vocab.frequency import known_at
from vocab.items import DEFAULT_LEVEL, Difficulty
from vocab.lexicon import Lexicon, load_lexicon
from vocab.morphology import learner_zipf
from vocab.tokens import SUBORDINATORS
from vocab.words import VOCABULARY_KIND, read_text

WEIGHTS = {"rare words": 0.45, "sentence length": 0.30, "long words": 0.15, "clauses": 0.10}
#: (lowest score, label), easiest first
LABELS = ((0, "A1"), (20, "A2"), (35, "B1"), (50, "B2"), (65, "C1"), (80, "C2"))
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Syllables of an English word, by vowel groups less a silent final e (close enough to
    tell "cat" from "international")."""
    word = word.lower()
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def _scale(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def label_of(score: float) -> str:
    """The CEFR-like label of a 0-100 score."""
    return [label for lowest, label in LABELS if score >= lowest][-1]


def measures(sentences: Sequence[str], level: str = DEFAULT_LEVEL, lexicon: Lexicon | None = None) -> dict:
    """The four measures of the module docstring (each 0-1) and the unknown share."""
    threshold = known_at(level)
    read = read_text(list(sentences), lexicon)
    running = [w for words in read for w in words if w.is_running_word]
    content = [w for w in running if w.kind in (VOCABULARY_KIND, "unknown")]
    familiarity = [learner_zipf(w.lemma or w.lower, lexicon) for w in content]
    unknown = sum(1 for z in familiarity if z < threshold)
    n_sentences = max(1, sum(1 for words in read if any(w.is_running_word for w in words)))
    clause_marks = sum(
        1 for words in read for w in words if w.lower in SUBORDINATORS or w.text == ";"
    )
    rarity = [_scale(5.5 - z, 0.0, 3.0) for z in familiarity]
    return {
        "rare words": _scale(sum(rarity) / len(rarity), 0.0, 0.5) if rarity else 0.0,
        "sentence length": _scale(math.log(max(len(running), 1) / n_sentences), math.log(5), math.log(35)),
        "long words": _scale(sum(1 for w in running if syllables(w.text) >= 3) / max(len(running), 1), 0, 0.35),
        "clauses": _scale(clause_marks / n_sentences, 0, 3),
        "unknown share": unknown / len(running) if running else 0.0,
    }


def rate_difficulty(
    sentences: Sequence[str], level: str = DEFAULT_LEVEL, lexicon: Lexicon | None = None
) -> Difficulty:
    """How hard the text is: score 0-100, CEFR-like label, and the share of running words
    beyond a reader at `level`."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    with lexicon.lock:
        found = measures(sentences, level, lexicon)
    score = round(100 * sum(weight * found[name] for name, weight in WEIGHTS.items()), 1)
    return Difficulty(score=score, level=label_of(score), unknown_share=round(found["unknown share"], 3))
