"""A quiz question becomes a poll Telegram accepts, and only short text is taken as a typed answer."""
from __future__ import annotations

import pytest
from telegram import Poll

from bot.handlers.quiz import looks_like_answer
from bot.handlers.quiz_messages import poll_arguments, result_message
from vocab.items import VocabItem


def question(**changes) -> dict:
    data = {"id": "gap_fill:munition", "lemma": "munition", "kind": "gap_fill",
            "question": "The North provided Russia with a large amount of _____ & weapons.",
            "options": ["munitions", "gardens", "songs", "tunnels"], "correct_option_id": 2,
            "explanation": "munitions: weapons considered collectively"}
    return {**data, **changes}


def test_a_question_becomes_a_non_anonymous_quiz_with_its_number():
    args = poll_arguments(question(), 3, 8)
    assert args["type"] == Poll.QUIZ and args["is_anonymous"] is False
    assert args["correct_option_ids"] == [2]
    assert args["question"] == "3/8 · The North provided Russia with a large amount of _____ & weapons."
    assert args["question_parse_mode"] is None and args["explanation_parse_mode"] is None  # "&" stays text
    assert [o.text for o in args["options"]] == ["munitions", "gardens", "songs", "tunnels"]
    assert all(o.text_parse_mode is None for o in args["options"])


def test_a_long_gap_fill_keeps_its_number_and_its_blank():
    sentence = "Word " * 40 + "_____" + " word" * 30
    args = poll_arguments(question(question=sentence), 10, 10)
    assert args["question"].startswith("10/10 · …") and "_____" in args["question"]
    assert len(args["question"]) <= 300


@pytest.mark.parametrize("changes", [
    {"question": "w" * 300},
    {"question": "w " * 150},
    {"explanation": "e " * 150},
    {"explanation": "line\none\ntwo\nthree\nfour"},
    {"options": ["o" * 120, "b", "c", "d"]},
])
def test_every_part_stays_within_telegrams_limits(changes):
    args = poll_arguments(question(**changes), 10, 10)
    assert len(args["question"]) <= 300
    assert len(args["explanation"]) <= 200 and args["explanation"].count("\n") <= 2
    assert all(1 <= len(o.text) <= 100 for o in args["options"])


@pytest.mark.parametrize("typed, taken", [
    ("munitions", True),
    ("  Give rise to ", True),
    ("gave rise to the prospect", True),
    ("", False),
    ("/quiz", False),
    ("https://www.koreaherald.com/view.php?ud=2023", False),
    ("North Korea said Saturday that its relations with Russia will remain strong", False),
])
def test_only_a_word_or_a_short_phrase_is_taken_as_an_answer(typed, taken):
    assert looks_like_answer(typed) is taken


def test_the_result_names_the_missed_words_with_their_glosses():
    munitions = VocabItem("munitions", "munition", "word", ("munitions",), "noun", 3.0, "C1", 1,
                          "s", 0, "weapons <considered> collectively")
    shown = result_message("en", 1, 2, ["munition", "unheard"], [munitions])
    assert "1 of 2 right" in shown
    assert "<b>munitions</b>: weapons &lt;considered&gt; collectively" in shown
    assert "<b>unheard</b>" in shown
