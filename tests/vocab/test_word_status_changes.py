"""How a word's status moves: met, marked by the learner, answered in quizzes."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from vocab.items import VocabItem
from vocab.progress import RIGHT_TO_LEARN, WordStatus

T0 = datetime(2024, 3, 1, tzinfo=timezone.utc)
ITEM = VocabItem(
    item="munitions", lemma="munition", kind="word", forms=("munitions",), pos="noun", zipf=2.9,
    level="C1", count=3, sentence="Russia is buying munitions.", chunk=1, gloss="weapons and ammunition",
)


def met() -> WordStatus:
    return WordStatus.first_met(ITEM, "0123456789ab", T0)


def test_a_word_met_for_the_first_time_is_new_with_its_sentence():
    word = met()
    assert (word.lemma, word.item, word.status, word.right, word.wrong) == ("munition", "munitions", "new", 0, 0)
    assert (word.sentence, word.gloss, word.first_seen, word.updated_at) == (ITEM.sentence, ITEM.gloss, T0, T0)


@pytest.mark.parametrize(
    "answers,status",
    [
        ("", "new"),
        ("R", "learning"),
        ("W", "learning"),
        ("RR", "learned"),
        ("WRR", "learned"),
        ("RWR", "learned"),
        ("WW", "learning"),
    ],
)
def test_a_word_is_learned_after_two_right_answers(answers, status):
    word = met()
    for i, mark in enumerate(answers):
        word = word.answered(mark == "R", T0 + timedelta(minutes=i + 1))
    assert word.status == status
    assert (word.right, word.wrong) == (answers.count("R"), answers.count("W"))
    assert word.is_settled == (status == "learned")
    assert RIGHT_TO_LEARN == 2


def test_i_know_it_settles_a_word_until_a_quiz_misses_it():
    known = met().marked_known(T0 + timedelta(minutes=1))
    assert known.status == "known" and known.is_settled and known.updated_at == T0 + timedelta(minutes=1)
    assert known.answered(True, T0).status == "known"
    assert known.answered(False, T0).status == "learning"


def test_new_to_me_after_answers_means_still_learning():
    assert met().marked_known(T0).marked_new(T0).status == "new"
    assert met().answered(True, T0).answered(True, T0).marked_new(T0).status == "learning"
