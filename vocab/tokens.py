"""Splitting a sentence into running words, and the closed-class words of English.

A token is a word (letters, with inner hyphens: "long-range", "Jong-un"), a number ("2023",
"13:44", "1990s", "3rd"), a clitic ("'s", "n't") or a punctuation mark. Each word notes
whether it stands where English capitalises every word anyway (the start of a sentence, of a
quotation or after a colon), since a capital there says nothing about whether it is a name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    (?P<number>\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|%)?)
    |(?P<clitic>['’](?:s|re|ve|ll|d|m|t)\b)
    |(?P<word>[^\W\d_]+(?:[-‐][^\W\d_]+)*)
    |(?P<punct>[^\w\s])
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Marks after which English capitalises the next word whatever it is.
_OPENERS = frozenset('"“‘:([«—–•*')

#: Determiners and possessives: the word after one is a noun or an adjective before a noun.
DETERMINERS = frozenset(
    "a an the this that these those its their his her our your my some any no every each another "
    "either neither such what which whose much many more most few several all both".split()
)
#: Modal and auxiliary verbs: the word after one is a verb.
MODALS = frozenset("will would shall should can could may might must do does did to".split())
#: Forms of "be" and other linking verbs: an adjective often follows ("is strong", "getting closer").
LINKING_VERBS = frozenset(
    "be is are was were been being am get gets got getting become becomes became becoming "
    "seem seems seemed remain remains remained".split()
)
#: Forms of "have": a past participle follows ("has given").
HAVE_FORMS = frozenset("have has had having".split())
AUXILIARIES = LINKING_VERBS | HAVE_FORMS
#: Subject pronouns: the word after one is a verb.
SUBJECT_PRONOUNS = frozenset("i you we they he she it who".split())
#: Words that join clauses or open a subordinate one (used to gauge sentence structure).
SUBORDINATORS = frozenset(
    "that which who whom whose because although though while whereas if unless since when "
    "whenever where wherever after before until whether once".split()
)
#: Prepositions.
PREPOSITIONS = frozenset(
    "of in on at to for with from by about as into onto over under after before between among "
    "through during against without within across behind beyond toward towards upon around "
    "despite than via per off up down out".split()
)
#: Coordinating conjunctions.
CONJUNCTIONS = frozenset("and or but nor yet so".split())
#: All closed-class words: never vocabulary, never evidence for a word sense.
FUNCTION_WORDS = (
    DETERMINERS
    | MODALS
    | AUXILIARIES
    | SUBJECT_PRONOUNS
    | SUBORDINATORS
    | PREPOSITIONS
    | CONJUNCTIONS
    | frozenset(
        "me us him them mine yours ours theirs myself yourself itself himself herself ourselves "
        "themselves not n't 's also too very just only even there here then than how why "
        "yes no one ones".split()
    )
)


class Token(NamedTuple):
    """One token of a sentence: `kind` is "word", "number", "clitic" or "punct"; `opening` is
    True for a word in a place where English capitalises any word."""

    text: str
    kind: str
    opening: bool = False
    lower: str = ""


@lru_cache(maxsize=100_000)
def latin_form(word: str) -> str | None:
    """The word in plain ASCII letters ("café" -> "cafe"), or None when it is not written in
    the Latin alphabet (Korean, Cyrillic...): such a word is not English."""
    if word.isascii():
        return word
    stripped = "".join(
        char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char)
    ).replace("‐", "-")
    return stripped if stripped.isascii() else None


def tokenize(sentence: str) -> list[Token]:
    """The tokens of one sentence, in order ("don't" is "do" + "n't")."""
    tokens: list[Token] = []
    opening = True
    for match in _TOKEN.finditer(sentence):
        kind = match.lastgroup or "punct"
        text = match.group()
        if kind == "word":
            tokens.append(Token(text, kind, opening, text.lower()))
            opening = False
            continue
        if kind == "clitic" and text[1:].lower() == "t":  # "don't": the word took the n
            previous = tokens[-1] if tokens else None
            if previous is None or previous.kind != "word" or not previous.lower.endswith("n") or len(previous.text) < 2:
                tokens.append(Token(text, "punct", False, text))
                continue
            stem = previous.text[:-1]
            tokens[-1] = previous._replace(text=stem, lower=stem.lower())
            text = previous.text[-1] + text
        tokens.append(Token(text, kind, False, text.lower()))
        if kind == "punct" and text in _OPENERS:
            opening = True
    return tokens


def is_headline(tokens: list[Token]) -> bool:
    """True for a title-cased line ("Scientists Find Enzyme That Eats Plastic"): there, as at
    a sentence start, a capital is no evidence of a name."""
    long_words = [t.text for t in tokens if t.kind == "word" and len(t.text) > 3]
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return len(long_words) >= 3 and capitalised >= 0.7 * len(long_words)
