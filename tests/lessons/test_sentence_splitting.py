"""Sentences are cut where English sentences end, not at every period (Punkt built in code)."""
from __future__ import annotations

import pytest

from lessons.chunking import split_sentences
from lessons.sentences import sentence_spans, sentence_tokenizer


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param(
            "North Korea said on Nov. 11 that talks failed. Seoul disagreed.",
            ["North Korea said on Nov. 11 that talks failed.", "Seoul disagreed."],
            id="month abbreviation before a day",
        ),
        pytest.param(
            "They met on Sept. 5, 2023 in Seoul. It rained.",
            ["They met on Sept. 5, 2023 in Seoul.", "It rained."],
            id="sept",
        ),
        pytest.param(
            "The U.S. and the U.K. agreed with the U.N. on the plan. Russia did not.",
            ["The U.S. and the U.K. agreed with the U.N. on the plan.", "Russia did not."],
            id="dotted country names inside a sentence",
        ),
        pytest.param(
            "Troops left the U.S. The rest stayed home.",
            ["Troops left the U.S.", "The rest stayed home."],
            id="U.S. ending a sentence",
        ),
        pytest.param(
            "Mr. Kim met Mrs. Lee, Dr. Park and Gen. Mark Milley. Sen. Bob Casey was late.",
            ["Mr. Kim met Mrs. Lee, Dr. Park and Gen. Mark Milley.", "Sen. Bob Casey was late."],
            id="titles before names",
        ),
        pytest.param(
            'He said, "No." Then he left.',
            ['He said, "No."', "Then he left."],
            id="sentence ending inside straight quotes",
        ),
        pytest.param(
            "He said, “No.” Then he left.",
            ["He said, “No.”", "Then he left."],
            id="sentence ending inside curly quotes",
        ),
        pytest.param(
            '"Why now?" he asked. Nobody knew.',
            ['"Why now?" he asked.', "Nobody knew."],
            id="question inside quotes continues the sentence",
        ),
        pytest.param(
            "J. K. Rowling wrote it. She is rich.",
            ["J. K. Rowling wrote it.", "She is rich."],
            id="initials",
        ),
        pytest.param(
            "George W. Bush met John F. Kennedy Jr. in Washington, D.C. on Monday. Nobody came.",
            ["George W. Bush met John F. Kennedy Jr. in Washington, D.C. on Monday.", "Nobody came."],
            id="middle initials and D.C.",
        ),
        pytest.param(
            "It ranked No. 1 last year. No. It did not.",
            ["It ranked No. 1 last year.", "No.", "It did not."],
            id="No. before a number, no as an answer",
        ),
        pytest.param(
            "The meeting began at 10 a.m. on Friday and ended at 3 p.m. The press waited.",
            ["The meeting began at 10 a.m. on Friday and ended at 3 p.m.", "The press waited."],
            id="a.m. and p.m.",
        ),
        pytest.param(
            "Apple Inc. and Samsung Co. grew, e.g. in Asia, i.e. Korea. Sales rose 5.5 percent.",
            ["Apple Inc. and Samsung Co. grew, e.g. in Asia, i.e. Korea.", "Sales rose 5.5 percent."],
            id="company words, e.g., i.e., decimals",
        ),
        pytest.param(
            "He was in group A. The others were in B.",
            ["He was in group A.", "The others were in B."],
            id="a capital letter ending a sentence is not an initial",
        ),
    ],
)
def test_sentences_end_where_english_sentences_end(text, expected):
    assert split_sentences(text) == expected


def test_the_seed_sentence_with_nested_quotes_stays_whole(sample_text):
    line = next(line for line in sample_text.splitlines() if line.startswith("Pyongyang said,"))
    assert split_sentences(line) == [line.strip()]


def test_sentences_are_exact_slices_of_the_text():
    text = "  First one.   Second  one!\nThird?  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second  one!", "Third?"]


def test_no_punkt_data_is_needed(monkeypatch):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [])
    sentence_tokenizer.cache_clear()
    sentence_spans.cache_clear()
    try:
        assert split_sentences("Mrs. Lee left. He came back.") == ["Mrs. Lee left.", "He came back."]
    finally:
        sentence_tokenizer.cache_clear()


def test_the_tokenizer_is_built_once():
    assert sentence_tokenizer() is sentence_tokenizer()


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []
