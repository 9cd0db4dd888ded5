"""Is a text English? Measured by the share of its words that are common English words.

wordfreq's 50,000 most frequent English words cover about 95% of the running words of a news
article (names of people and places included). Other languages written in the Latin alphabet
share many short words with English lists (loanwords, names, "de", "la"), so a Spanish, French
or German text still scores only about 0.4-0.55. Text in another script scores near 0.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: Words looked up: wordfreq's most frequent English words.
ENGLISH_LEXICON_SIZE = 50_000
#: A text whose share of English words is below this is not English (English news: ~0.95;
#: Spanish, French, German: 0.4-0.55).
MIN_ENGLISH_SHARE = 0.7
#: A line of a few words is judged only when it has at least this many words.
MIN_WORDS_TO_JUDGE_A_LINE = 4

#: English function words that other languages written in the Latin alphabet rarely use
#: ("de", "la", "die", "in", "on", "was" are left out: they are words in French, Spanish,
#: German or Dutch too). A line holding one of them is English even when it is full of names
#: ("Gyeongbokgung, Changdeokgung and Deoksugung reopen").
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to with that were are has have would for from by said this his her their they she it its "
    "which who been not but or after about we you our".split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """wordfreq's most frequent English words (loaded once per process)."""
    from wordfreq import top_n_list

    return frozenset(top_n_list("en", ENGLISH_LEXICON_SIZE))


def letter_words(text: str) -> list[str]:
    """Lower-cased words of letters (any script), apostrophes kept."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def english_share(words: list[str]) -> float:
    """Share of the words that are common English words (0.0 for no words)."""
    if not words:
        return 0.0
    lexicon = english_words()
    return sum(1 for w in words if w in lexicon) / len(words)


def latin_share(text: str) -> float:
    """Share of the letters that are Latin-script (English letters and accented Latin ones)."""
    letters = len(_LETTER.findall(text))
    if not letters:
        return 0.0
    if text.isascii():
        return 1.0
    return 1.0 - len(_NON_LATIN_LETTER.findall(text)) / letters


def is_foreign_line(line: str) -> bool:
    """A line that is not English: mostly another script, or (when long enough to judge) few
    English words and no English function word. Short Latin-script lines are given the
    benefit of the doubt (names)."""
    if not any(ch.isalpha() for ch in line):
        return False
    if latin_share(line) < 0.5:
        return True
    words = letter_words(line)
    if len(words) < MIN_WORDS_TO_JUDGE_A_LINE or any(w in ENGLISH_FUNCTION_WORDS for w in words):
        return False
    return english_share(words) < MIN_ENGLISH_SHARE - 0.2
