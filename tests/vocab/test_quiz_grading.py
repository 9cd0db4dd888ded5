"""Grading poll and typed answers, the quiz result, and which words are not picked again."""
from __future__ import annotations

import random

import pytest
from quiz_article import article_items

from vocab.quiz import (
    RIGHT_ANSWERS_TO_KNOW,
    GapFill,
    Grade,
    TypedRecall,
    WordMeaning,
    grade,
    known_lemmas,
    make_quiz,
    quiz_result,
)
from vocab.quiz_questions import make_typed_recall

POLL = GapFill(
    id="gap_fill:munition", lemma="munition", question="a large amount of _____ and weapons",
    options=("peninsulas", "munitions", "revelations", "satellites"), correct_option_id=1,
    explanation="munitions: weapons considered collectively",
)
MEANING = WordMeaning(
    id="meaning:summit", lemma="summit", question="summit",
    options=("a meeting of heads of government", "a large mass of land", "weapons", "the possibility of success"),
    correct_option_id=0, explanation="the rare September summit",
)
TYPED = make_typed_recall(article_items()[9])  # munitions, recalled from its sentence


@pytest.mark.parametrize(
    "answer,correct,given",
    [(1, True, "munitions"), ([1], True, "munitions"), ("1", True, "munitions"), (0, False, "peninsulas"),
     ([3], False, "satellites"), (7, False, ""), (-1, False, ""), ([], False, ""), ([0, 1], False, "")],
)
def test_a_poll_answer_is_graded_by_option_index(answer, correct, given):
    result = grade(POLL, answer)
    assert (result.correct, result.given, result.expected) == (correct, given, "munitions")
    assert result.question_id == "gap_fill:munition" and result.lemma == "munition"
    assert result.explanation == POLL.explanation


def test_a_meaning_poll_is_graded_the_same_way():
    assert grade(MEANING, 0).correct and not grade(MEANING, 2).correct


@pytest.mark.parametrize(
    "answer,correct,slip",
    [("munitions", True, None), (" Munition ", True, None), ("munitons", True, "munitons -> munitions"),
     ("weapons", False, None), ("", False, None)],
)
def test_a_typed_answer_is_graded_with_the_slip_named(answer, correct, slip):
    assert TYPED.answer == "munitions"
    result = grade(TYPED, answer)
    assert (result.correct, result.slip) == (correct, slip)
    assert result.expected == "munitions"


def test_a_typed_slip_that_lands_on_a_common_word_is_a_different_word():
    question = TypedRecall(id="typed:affect", lemma="affect", clue="have an influence upon", hint="a_____ (6 letters)",
                           answer="affect", forms=("affect", "affected", "affects", "affecting"), explanation="")
    assert not grade(question, "effect").correct  # "effect" is a word of its own
    assert grade(question, "afect").slip == "afect -> affect"


def test_feedback_reads_right_with_the_slip_or_the_answer():
    assert grade(TYPED, "munitons").feedback == "Right, with one slip: munitons -> munitions."
    assert grade(POLL, 1).feedback == "Right!"
    assert "munitions" in grade(POLL, 0).feedback


def test_the_result_counts_the_score_and_names_the_missed_words():
    grades = [grade(POLL, 0), grade(MEANING, 0), grade(TYPED, "munitions"), grade(POLL, 2)]
    result = quiz_result(grades)
    assert (result.score, result.total) == (2, 4)
    assert result.missed == ("munition",)
    assert result.right == ("summit", "munition")
    assert result.accuracy == 0.5


def test_a_whole_quiz_answered_right_misses_nothing():
    items = article_items()
    quiz = make_quiz(items, random.Random(5))
    grades = [grade(q, q.correct_option_id if q.is_poll else q.answer) for q in quiz]
    assert quiz_result(grades).missed == () and quiz_result(grades).score == len(quiz)
    wrong = [grade(q, (q.correct_option_id + 1) % 4 if q.is_poll else "zzzz") for q in quiz]
    assert set(quiz_result(wrong).missed) == {q.lemma for q in quiz}


def test_an_empty_quiz_has_no_accuracy():
    assert quiz_result([]) == quiz_result(()) and quiz_result([]).accuracy == 0.0


@pytest.mark.parametrize(
    "marked_known,right_count,known",
    [(True, 0, True), (False, RIGHT_ANSWERS_TO_KNOW, True), (False, 3, True), (False, 1, False),
     (False, 0, False), (True, 1, True)],
)
def test_words_marked_known_or_right_twice_are_not_picked_again(marked_known, right_count, known):
    assert ("munition" in known_lemmas({"munition": (marked_known, right_count)})) is known


def test_known_lemmas_over_a_learners_words():
    statuses = {"munition": (False, 2), "summit": (True, 0), "prospect": (False, 1), "peninsula": (False, 0)}
    assert known_lemmas(statuses) == {"munition", "summit"}
    assert RIGHT_ANSWERS_TO_KNOW == 2


def test_a_grade_is_a_frozen_value():
    result = grade(POLL, 1)
    assert isinstance(result, Grade)
    with pytest.raises(AttributeError):
        result.correct = False  # type: ignore[misc]
