"""Which items a quiz asks (not the settled ones, unless too few are left) and how it ended."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from vocab.items import VocabItem
from vocab.progress import QuizAnswer, QuizSession
from vocab.quiz_session import items_to_quiz, session_answers, session_result

T0 = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)


def item(lemma: str) -> VocabItem:
    return VocabItem(item=lemma, lemma=lemma, kind="word", forms=(lemma,), pos="noun", zipf=3.0, level="B2",
                     count=1, sentence=f"A {lemma}.", chunk=0, gloss="")


VOCABULARY = [item(w) for w in "alpha bravo charlie delta echo foxtrot golf".split()]


@pytest.mark.parametrize("settled, expected", [
    (set(), "alpha bravo charlie delta echo foxtrot golf"),
    ({"bravo", "echo"}, "alpha charlie delta foxtrot golf"),
    ({"alpha", "bravo", "charlie"}, "alpha delta echo foxtrot golf"),  # topped up to 5, in article order
    (set("alpha bravo charlie delta echo foxtrot golf".split()), "alpha bravo charlie delta echo"),
])
def test_settled_items_are_left_out_while_enough_remain(settled, expected):
    assert [i.lemma for i in items_to_quiz(VOCABULARY, settled, minimum=5)] == expected.split()


def test_the_default_minimum_is_the_smallest_quiz():
    assert len(items_to_quiz(VOCABULARY, {i.lemma for i in VOCABULARY})) == 5


def session(started=T0) -> QuizSession:
    questions = tuple({"id": f"typed:{w}", "lemma": w, "kind": "typed"} for w in ("alpha", "bravo", "charlie"))
    return QuizSession("lesson", started, questions, position=3)


def answered(lemma: str, correct: bool, at: datetime, lesson: str = "lesson") -> QuizAnswer:
    return QuizAnswer(lesson, f"typed:{lemma}", lemma, "typed", correct, at)


def test_the_result_counts_this_quizs_answers_and_names_the_missed():
    answers = [
        answered("alpha", True, T0 - timedelta(days=1)),  # an earlier quiz on the same lesson
        answered("alpha", False, T0 + timedelta(seconds=1)),
        answered("bravo", True, T0 + timedelta(seconds=2)),
        answered("charlie", True, T0 + timedelta(seconds=3), lesson="another"),
    ]
    result = session_result(session(), answers)
    assert (result.score, result.total) == (1, 3)
    assert result.missed == ("alpha", "charlie")  # charlie was never answered in this quiz
    assert result.right == ("bravo",)


def test_answers_at_the_very_moment_the_quiz_started_belong_to_it():
    given = session_answers(session(), [answered("alpha", True, T0)])
    assert list(given) == ["typed:alpha"]
