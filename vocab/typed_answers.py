"""Grading a typed answer the way a kind teacher would: the word counts, not the keyboard.

Forgiven:
- letter case, spaces and punctuation around the answer ("  Munitions. " is "munitions"), curly
  apostrophes and extra spaces inside a phrase;
- any inflected form of the word ("munition" for "munitions", "escalated" for "escalate"): the
  question asks for the word, the form is the sentence's business;
- one slipped letter: one insertion, deletion, substitution or swap of two neighbouring letters
  (Damerau-Levenshtein distance 1, in the restricted "optimal string alignment" form). About 80%
  of real spelling errors are of this single-slip kind (Damerau 1964), and they are pointed out.
  Only for words of MIN_SLIP_LETTERS letters or more: in a three-letter word one changed letter is
  a third of the word, and usually another word ("cat" / "cut").
"""
from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass
from typing import Callable, Sequence

from nltk.metrics.distance import edit_distance

#: Shortest word in which one slipped letter is still forgiven.
MIN_SLIP_LETTERS = 4
#: Slips forgiven per answer.
MAX_SLIPS = 1

_STRIP = string.punctuation + string.whitespace + "“”‘’«»…–—·"
_SAME = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


@dataclass(frozen=True)
class TypedResult:
    """How a typed answer was taken: right or not, exactly or with one slip ("munitons -> munitions")."""

    correct: bool
    exact: bool
    slip: str | None = None
    matched: str | None = None  # the accepted form the answer was taken as


def normalize(text: str) -> str:
    """Lower case, no surrounding spaces or punctuation, one space between words."""
    text = unicodedata.normalize("NFKC", text).translate(_SAME).lower()
    return " ".join(text.split()).strip(_STRIP)


def is_one_slip(given: str, target: str) -> bool:
    """True when `given` is `target` with exactly one slipped letter and the target is long enough."""
    letters = sum(ch.isalpha() for ch in target)
    if letters < MIN_SLIP_LETTERS or abs(len(given) - len(target)) > MAX_SLIPS:
        return False
    return edit_distance(given, target, transpositions=True) == MAX_SLIPS


def check_typed(
    answer: str,
    expected: str,
    forms: Sequence[str] = (),
    *,
    is_other_word: Callable[[str], bool] | None = None,
) -> TypedResult:
    """Grade `answer` against `expected` and its accepted `forms`.

    `is_other_word`, when given, names answers that are real words of their own ("effect" for
    "affect"): those are a different word, not a slip, and are not forgiven."""
    given = normalize(answer)
    accepted = [normalize(expected)] + [normalize(form) for form in forms]
    accepted = [form for i, form in enumerate(accepted) if form and form not in accepted[:i]]
    if not given:
        return TypedResult(correct=False, exact=False)
    if given in accepted:
        return TypedResult(correct=True, exact=True, matched=given)
    for form in accepted:
        if is_one_slip(given, form):
            if is_other_word is not None and is_other_word(given):
                break
            return TypedResult(correct=True, exact=False, slip=f"{given} -> {form}", matched=form)
    return TypedResult(correct=False, exact=False)
