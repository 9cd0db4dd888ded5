"""Telling names (Pyongyang, Blinken, Yonhap, Park Jin) from vocabulary, with the article's own evidence.

English capitalises names everywhere and common words only where any word is capitalised (the
start of a sentence or quotation, a title-cased headline). So the whole article is read first
and every word's spellings are counted:

1. a lowercase occurrence anywhere means it is a common word ("foreign ministry" makes
   "Foreign" in "Foreign Minister Park Jin" a common word too);
2. otherwise, a capital away from sentence starts means a name ("Park" in "minister Park Jin",
   "Pyongyang" mid-sentence), even when the spelling is also a common word: a learner should
   not study "park" from "Park Jin";
3. a word seen only at sentence starts is judged by the dictionaries: a name when neither
   lemminflect nor WordNet knows it as a common word, or WordNet knows it only as an instance
   or capitalised noun ("Moscow", "Putin");
4. a capitalised word at a sentence start right before a name is part of that name
   ("Antony Blinken said...", "North Korea said..."), unless it is a function word ("The North").

wordfreq cannot help here: it folds case, so "Park" and "park" share one count. All-capital
words of two letters or more (US, UN, NATO) are abbreviations, single letters are initials.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vocab.lemmas import lemminflect_forms
from vocab.lexicon import Lexicon
from vocab.tokens import FUNCTION_WORDS, Token, is_headline


@dataclass
class Casing:
    """How often a word was seen in lowercase, capitalised mid-sentence, and capitalised where
    every word is capitalised."""

    lower: int = 0
    inside: int = 0
    opening: int = 0


@lru_cache(maxsize=100_000)
def is_abbreviation(text: str) -> bool:
    """US, UN, NATO, and single letters such as the initials of "U.S." (but not "a" or "I")."""
    if len(text) == 1:
        return text not in ("a", "A", "I")
    letters = text.replace("-", "")
    return letters.isupper() and letters.isalpha()


def collect_casing(sentences: list[list[Token]]) -> dict[str, Casing]:
    """Casing evidence for every word of the article, keyed by its lowercase spelling."""
    casing: dict[str, Casing] = {}
    for tokens in sentences:
        headline = is_headline(tokens)
        for token in tokens:
            if token.kind != "word" or is_abbreviation(token.text):
                continue
            seen = casing.setdefault(token.lower, Casing())
            if not token.text[0].isupper():
                seen.lower += 1
            elif token.opening or headline:
                seen.opening += 1
            else:
                seen.inside += 1
    return casing


def known_common_word(word: str, lexicon: Lexicon | None) -> bool:
    """True when a dictionary knows the lowercase word as a common word."""
    if "-" in word:
        parts = [part for part in word.split("-") if part]
        return bool(parts) and all(known_common_word(part, lexicon) for part in parts)
    wordnet = lexicon is not None and lexicon.available
    if lemminflect_forms(word):
        return not (wordnet and lexicon.only_proper_noun(word))
    return wordnet and bool(lexicon.base_forms(word)) and not lexicon.only_proper_noun(word)


def is_name_word(word: str, casing: dict[str, Casing], lexicon: Lexicon | None) -> bool:
    """Rules 1-3 of the module docstring for one lowercase spelling."""
    seen = casing.get(word)
    if seen is None or seen.lower:
        return False
    if seen.inside:
        return True
    return not known_common_word(word, lexicon)


def mark_names(
    sentences: list[list[Token]], casing: dict[str, Casing], lexicon: Lexicon | None
) -> list[list[bool]]:
    """For each token of each sentence, True when it is (part of) a name."""
    verdicts: dict[str, bool] = {}
    marks: list[list[bool]] = []
    for tokens in sentences:
        row = []
        for token in tokens:
            name = False
            if token.kind == "word" and token.text[0].isupper() and not is_abbreviation(token.text):
                word = token.lower
                if word not in verdicts:
                    verdicts[word] = is_name_word(word, casing, lexicon)
                name = verdicts[word]
            row.append(name)
        for i in range(len(tokens) - 2, -1, -1):  # rule 4, right to left so chains join up
            token = tokens[i]
            if (
                not row[i]
                and token.kind == "word"
                and token.opening
                and token.text[0].isupper()
                and token.lower not in FUNCTION_WORDS
                and row[i + 1]
            ):
                row[i] = True
        marks.append(row)
    return marks
