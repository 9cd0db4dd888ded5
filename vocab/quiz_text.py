"""Fitting article text into quiz questions: finding the item in its sentence, blanking it out,
and trimming to Telegram's quiz-poll limits without cutting words in half."""
from __future__ import annotations

import re

from . import word_pool
from .items import VocabItem
from .quiz_records import letter_counts, letter_shape  # noqa: F401  (letter_shape: part of this module's API)

#: Telegram quiz polls: question 1-300 characters, each option 1-100, explanation 0-200.
QUESTION_LIMIT = 300
OPTION_LIMIT = 100
EXPLANATION_LIMIT = 200

#: The gap a learner fills: five underscores read as one missing word or phrase.
BLANK = "_____"
ELLIPSIS = "…"

_WORD_CHAR = r"[^\W_]"  # a letter or digit: a match must not start or end inside a word


def _pattern(alternatives: list[str]) -> re.Pattern:
    body = "|".join(r"\s+".join(map(re.escape, alt.split())) for alt in alternatives if alt.strip())
    return re.compile(rf"(?<!{_WORD_CHAR})(?:{body})(?!{_WORD_CHAR})", re.IGNORECASE)


def find_in_sentence(item: VocabItem, sentence: str | None = None) -> tuple[int, int] | None:
    """Where the item occurs in its sentence as (start, end), matching the form actually used,
    case-insensitively: first the forms seen in the article, then any inflection of the lemma
    (of a phrase's words, allowing one word in between: "launch a satellite")."""
    sentence = item.sentence if sentence is None else sentence
    known = sorted({*item.forms, item.item, item.lemma}, key=len, reverse=True)
    match = _pattern(known).search(sentence)
    if match is None:
        words = item.lemma.split()
        parts = []
        for word in words:
            forms = sorted(word_pool.all_forms(word), key=len, reverse=True)
            parts.append("(?:" + "|".join(map(re.escape, forms)) + ")")
        gap = rf"(?:\s+{_WORD_CHAR}+)?\s+"
        pattern = rf"(?<!{_WORD_CHAR})" + gap.join(parts) + rf"(?!{_WORD_CHAR})"
        match = re.search(pattern, sentence, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def trim_words(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, ending with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—(") + ELLIPSIS


def trim_around(text: str, start: int, end: int, limit: int) -> str:
    """`text` cut to at most `limit` characters keeping text[start:end] whole and as much of its
    surroundings as fits, with "…" where words were dropped on either side."""
    if len(text) <= limit:
        return text
    left, middle, right = text[:start], text[start:end], text[end:]
    budget = max(0, limit - len(middle) - 2 * len(ELLIPSIS))
    keep_left = min(len(left), budget // 2)
    keep_right = min(len(right), budget - keep_left)
    keep_left = min(len(left), budget - keep_right)
    if keep_left < len(left):
        tail = left[len(left) - keep_left :]
        if tail and not tail[0].isspace() and " " in tail:
            tail = tail[tail.index(" ") :]  # drop the half word at the cut
        left = ELLIPSIS + tail.lstrip()
    if keep_right < len(right):
        head = right[:keep_right]
        if head and " " in head and keep_right < len(right) and not right[keep_right].isspace():
            head = head[: head.rindex(" ")]
        right = head.rstrip(" ,;:") + ELLIPSIS
    return left + middle + right


def blank_out(sentence: str, span: tuple[int, int], limit: int = QUESTION_LIMIT) -> str:
    """The sentence with the span replaced by BLANK, trimmed around the blank to `limit`."""
    start, end = span
    text = sentence[:start] + BLANK + sentence[end:]
    return trim_around(text, start, start + len(BLANK), limit)


def letter_hint(word: str) -> str:
    """The shape with the count in English: "munitions" -> "m________ (9 letters)",
    "constructive role" -> "c___________ r___ (12 + 4 letters)". For English-only output; the
    bot's messages say the count in the learner's language (`quiz_messages.letter_hint_text`)."""
    return f"{letter_shape(word)} ({' + '.join(map(str, letter_counts(word)))} letters)"


def match_case(option: str, model: str) -> str:
    """Give an option the capitalisation of the text it replaces ("Escalating" at a sentence start)."""
    if model[:1].isupper() and not model.isupper():
        return option[:1].upper() + option[1:]
    return option


def mask(text: str, forms: set[str] | frozenset[str]) -> str:
    """`text` with every given word form blanked out, so a clue does not contain its answer
    ("a role that is constructive" -> "a role that is _____")."""
    if not forms:
        return text
    return _pattern(sorted(forms, key=len, reverse=True)).sub(BLANK, text)
