"""Reading a text word by word: what each running word is, its dictionary form and part of speech.

Both the vocabulary picker and the difficulty rating start here, so a word is a name, an
abbreviation or vocabulary in the same way for both.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from vocab.lemmas import choose_part_of_speech, dictionary_forms, rather_noun
from vocab.lexicon import Lexicon
from vocab.names import collect_casing, is_abbreviation, mark_names
from vocab.tokens import FUNCTION_WORDS, Token, latin_form, tokenize

#: the kind of running word that is vocabulary; the others are "function" (the, of, would),
#: "name", "abbreviation", "foreign", "unknown" (no dictionary knows it), and the non-words
#: "number", "clitic", "punct"
VOCABULARY_KIND = "word"


class Word(NamedTuple):
    """One token as the engine understands it."""

    text: str  # as written
    kind: str  # "word", "function", "name", "abbreviation", "foreign", "unknown", or a non-word
    pos: str | None = None  # "noun", "verb", "adjective", "adverb" for kind "word"
    lemma: str | None = None  # lowercase dictionary form for kind "word"
    lower: str = ""  # the text in lowercase

    @property
    def is_running_word(self) -> bool:
        """True for anything a reader reads as a word (not numbers or punctuation)."""
        return self.kind not in _NON_WORDS


_NON_WORDS = frozenset({"number", "clitic", "punct"})


def _hyphenated_forms(word: str, lexicon: Lexicon | None) -> dict[str, str]:
    """Dictionary forms of a hyphenated compound whose parts are all known: the compound's
    part of speech is its last part's ("long-range": noun/verb of "range"; "year-old")."""
    parts = word.split("-")
    if not all(part and dictionary_forms(part, lexicon) for part in parts):
        return {}
    head = dictionary_forms(parts[-1], lexicon)
    stem = "-".join(parts[:-1])
    return {pos: f"{stem}-{lemma}" for pos, lemma in head.items()}


def _options(token: Token, lexicon: Lexicon | None) -> dict[str, str]:
    word = latin_form(token.lower)
    if word is None:
        return {}
    forms = dictionary_forms(word, lexicon)
    if not forms and "-" in word:
        forms = _hyphenated_forms(word, lexicon)
    return forms


#: the last text read, with its lexicon: the picker and the difficulty rating read the same text
_last_read: tuple | None = None


def read_text(sentences: Sequence[str], lexicon: Lexicon | None = None) -> tuple[tuple[Word, ...], ...]:
    """The words of each sentence, with names told apart using evidence from the whole text."""
    global _last_read
    key = (tuple(sentences), lexicon)
    last = _last_read
    if last is not None and last[0] == key:
        return last[1]
    tokenized = [tokenize(sentence) for sentence in key[0]]
    casing = collect_casing(tokenized)
    names = mark_names(tokenized, casing, lexicon)
    is_rather_noun = rather_noun(lexicon)
    result: list[tuple[Word, ...]] = []
    for tokens, name_marks in zip(tokenized, names):
        options = [_options(t, lexicon) if t.kind == "word" else {} for t in tokens]
        parts = choose_part_of_speech(tokens, options, name_marks, is_rather_noun)
        words = []
        for token, name, opts, pos in zip(tokens, name_marks, options, parts):
            text, lower = token.text, token.lower
            if token.kind != "word":
                words.append(Word(text, token.kind, lower=lower))
            elif latin_form(text) is None:
                words.append(Word(text, "foreign", lower=lower))
            elif is_abbreviation(text):
                words.append(Word(text, "abbreviation", lower=lower))
            elif name:
                words.append(Word(text, "name", lower=lower))
            elif lower in FUNCTION_WORDS:
                words.append(Word(text, "function", lower=lower))
            elif pos is None:
                words.append(Word(text, "unknown", lower=lower))
            else:
                words.append(Word(text, VOCABULARY_KIND, pos, opts[pos], lower))
        result.append(tuple(words))
    read = tuple(result)
    _last_read = (key, read)
    return read
