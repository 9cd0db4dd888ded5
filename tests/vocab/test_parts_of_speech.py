"""Parts of speech from the dictionaries and word order, without a downloaded tagger."""
from __future__ import annotations

import pytest

from vocab.lexicon import Lexicon, load_lexicon
from vocab.words import read_text


def tagged(sentence: str) -> dict[str, tuple[str | None, str | None]]:
    return {w.text: (w.pos, w.lemma) for w in read_text([sentence], load_lexicon())[0]}


@pytest.mark.parametrize(
    "sentence, word, pos, lemma",
    [
        ("China played a constructive role in the talks.", "role", "noun", "role"),
        ("China played a constructive role in the talks.", "constructive", "adjective", "constructive"),
        ("Blinken also highlight the importance of the deal.", "highlight", "verb", "highlight"),
        ("The prospect worried the officials.", "prospect", "noun", "prospect"),
        ("The cooperation has given rise to fears.", "given", "verb", "give"),
        ("They want to transfer the money.", "transfer", "verb", "transfer"),
        ("Arms transfers worried them.", "transfers", "noun", "transfer"),
        ("Blinken (left) shakes hands with Park.", "shakes", "verb", "shake"),
        ("The US should be accustomed to the new reality.", "accustomed", "adjective", "accustomed"),
        ("It apparently reached a deal.", "apparently", "adverb", "apparently"),
        ("The North is readying a launch.", "readying", "verb", "ready"),
        ("The deeper military cooperation grew.", "deeper", "adjective", "deep"),
    ],
)
def test_part_of_speech_and_lemma(sentence, word, pos, lemma):
    assert tagged(sentence)[word] == (pos, lemma)


def test_parts_of_speech_a_lemma_can_have():
    lexicon = load_lexicon()
    assert lexicon.parts_of_speech("run") == {"noun", "verb"}
    assert lexicon.parts_of_speech("provocative") == {"adjective"}
    assert Lexicon(None).parts_of_speech("run") == {"noun", "verb"}
    assert Lexicon(None).parts_of_speech("qwertyuiop") == set()
