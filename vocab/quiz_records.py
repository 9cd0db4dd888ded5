"""Quiz questions as stored records (an open `QuizSession` keeps them as JSON-able dicts), read
whatever version of the bot wrote them.

A question says WHAT is asked in no particular language: the article sentence with its gap, the
word, the gloss, the letters to type. The bot puts that into a stem in the learner's language
("What does 'munitions' mean?", "'munitions'의 뜻은 무엇일까요?"). Records written before that
carried English instead: the stem "What does 'munitions' mean?" and the hint
"m________ (9 letters)". `current_record` turns those into today's shape, so a quiz left open
across an upgrade still renders and grades.

Light on purpose (no word lists): the bot reads records while it sends each question.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: How word -> meaning questions were stored before the stem moved to the message catalogues.
_OLD_MEANING_STEM = re.compile(r"What does '(?P<word>.+)' mean\?", re.DOTALL)
#: How typed-recall hints were stored before the letter count moved to the message catalogues.
_OLD_LETTER_HINT = re.compile(r"(?P<shape>.+?) \((?:\d+)(?: \+ \d+)* letters\)", re.DOTALL)


def letter_shape(word: str) -> str:
    """The first letter of each word and a slot for every other letter: "munitions" ->
    "m________", "constructive role" -> "c___________ r___", "long-range" -> "l___-_____"."""
    return " ".join(w[0] + "".join(c if not c.isalpha() else "_" for c in w[1:]) for w in word.split())


def phrase_shape(phrase: str) -> str:
    """A phrase's hint: its first word as a letter shape, the words after it as they are
    ("unprecedented restrictions" -> "u____________ restrictions", "rely on" -> "r___ on").

    The first word carries the meaning the learner recalls: the gloss of a collocation is its
    advanced word's, which comes first ("constructive role"), and in a phrasal verb or idiom the
    verb comes first and the particle after it ("give rise to"). A learner given the gloss of
    "unprecedented" cannot be expected to guess that "restrictions" followed it."""
    first, _, rest = phrase.strip().partition(" ")
    return " ".join(part for part in (letter_shape(first), rest.strip()) if part)


def hidden_letter_counts(shape: str, answer: str) -> tuple[int, ...]:
    """Letters in each word the hint hides, for its count: every word of `answer` whose place in
    `shape` has slots ("u____________ restrictions" -> (13,)). A one-letter word counts, since
    its shape looks the same hidden or not (a "t___ a t___" hint of an older quiz: (4, 1, 4))."""
    shown = shape.split()
    words = answer.split()
    if len(shown) != len(words):  # not this answer's shape: count the whole answer
        return letter_counts(answer)
    return tuple(sum(c.isalpha() for c in word) for word, slot in zip(words, shown)
                 if "_" in slot or len(slot) == 1)


def letter_counts(word: str) -> tuple[int, ...]:
    """Letters in each word of the answer, as the hint tells them: "constructive role" -> (12, 4)
    ("long-range" -> (9,): a hyphen is shown in the hint, not counted)."""
    return tuple(sum(c.isalpha() for c in part) for part in word.split())


def current_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record in today's shape: an old English stem or hint becomes the data it was made from."""
    upgraded = dict(record)
    kind = upgraded.get("kind")
    if kind == "meaning":
        old = _OLD_MEANING_STEM.fullmatch(str(upgraded.get("question", "")))
        if old:
            upgraded["question"] = old["word"]
    elif kind == "typed":
        old = _OLD_LETTER_HINT.fullmatch(str(upgraded.get("hint", "")))
        if old:
            upgraded["hint"] = old["shape"]
    return upgraded
