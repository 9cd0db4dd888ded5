"""Which words become review cards, and when: "New to me", a quiz miss, a tutor's item shown in
reading; one card per word; right answers carried as evidence; "I know it" leaves a card alone.
The hooks run against the in-memory store (tests/store/fakes.py) with the handlers' context shape."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from bot.handlers.common import STORE
from bot.handlers.review_cards import card_after_answer, card_for_new_word, cards_for_tutor_items
from tests.store.conftest import make_lesson, vocab_item
from tests.store.fakes import FakeStore
from vocab.progress import Learner, WordStatus
from vocab.review import new_card, review

T0 = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
LESSON = "0123456789ab"
USER = 7


@pytest.fixture
def store():
    store = FakeStore()
    store.learners.save(Learner(user_id=USER, name="Minji", created_at=T0, desired_retention=0.9))
    return store


@pytest.fixture
def context(store):
    return SimpleNamespace(bot_data={STORE: store})


def met(lemma: str = "munition") -> WordStatus:
    return WordStatus.first_met(vocab_item(lemma, gloss=f"gloss of {lemma}"), LESSON, T0)


def test_new_to_me_makes_a_card_due_at_once_and_only_once(context, store):
    progress = store.progress(USER)
    word = met().marked_new(T0)
    card = card_for_new_word(context, progress, word, T0)
    assert card is not None and card.due == T0 and progress.cards() == (card,)
    assert card_for_new_word(context, progress, word, T0 + timedelta(hours=1)) is None
    assert progress.cards() == (card,), "one card per word"


def test_a_word_answered_right_before_it_became_a_card_starts_further_on(context, store):
    progress = store.progress(USER)
    right_once = met().answered(True, T0).marked_new(T0)
    card = card_for_new_word(context, progress, right_once, T0)
    assert card.reviews == 1 and card.due > T0 + timedelta(days=1)


def test_a_quiz_miss_makes_a_card_due_tomorrow_and_a_right_answer_none(context, store):
    progress = store.progress(USER)
    assert card_after_answer(context, progress, met("munition").answered(True, T0), True, T0) is None
    assert progress.cards() == ()
    card = card_after_answer(context, progress, met("provocation").answered(False, T0), False, T0)
    assert card.due == T0 + timedelta(days=1) and card.reviews == 1 and card.difficulty > 5
    assert card_after_answer(context, progress, met("provocation").answered(False, T0), False, T0) is None


def test_a_miss_after_a_right_answer_keeps_the_evidence(context, store):
    progress = store.progress(USER)
    word = met().answered(True, T0).answered(False, T0 + timedelta(minutes=1))
    card = card_after_answer(context, progress, word, False, T0 + timedelta(minutes=1))
    fresh_miss = card_after_answer(context, store.progress(USER + 1), met().answered(False, T0), False, T0)
    assert card.reviews == 2 and card.stability > fresh_miss.stability
    # both come back tomorrow; remembered then, the one with evidence is spaced further
    assert card.due == fresh_miss.due + timedelta(minutes=1)
    assert review(card, "good", card.due).due - card.due > review(fresh_miss, "good", fresh_miss.due).due - fresh_miss.due


def test_a_miss_on_a_word_with_a_card_leaves_its_schedule(context, store):
    progress = store.progress(USER)
    card = card_for_new_word(context, progress, met().marked_new(T0), T0)
    card_after_answer(context, progress, met().answered(False, T0), False, T0 + timedelta(minutes=5))
    assert progress.cards() == (card,)


def test_the_tutors_items_become_cards_when_their_part_is_shown(context, store):
    lesson = make_lesson(words=("munition", "provocation", "sanction"))
    tutor_items = tuple(replace(item, from_tutor=True, tutor_gloss="군수품") if item.lemma != "provocation" else item
                        for item in lesson.vocabulary)
    lesson = replace(lesson, vocabulary=tutor_items)  # munition and sanction (parts 0 and 0) from the tutor
    progress = store.progress(USER)
    assert cards_for_tutor_items(context, progress, lesson, LESSON, 1, T0) == ()
    made = cards_for_tutor_items(context, progress, lesson, LESSON, 0, T0)
    assert [c.lemma for c in made] == ["munition", "sanction"] and all(c.tutor_gloss == "군수품" for c in made)
    assert cards_for_tutor_items(context, progress, lesson, LESSON, 0, T0 + timedelta(days=1)) == ()
    assert [c.lemma for c in progress.cards()] == ["munition", "sanction"]


def test_i_know_it_leaves_the_card_as_it_is(context, store):
    progress = store.progress(USER)
    word = met().marked_new(T0)
    card = card_for_new_word(context, progress, word, T0)
    progress.save_words(word.marked_known(T0 + timedelta(minutes=1)))
    assert progress.card("munition") == card


def test_the_learners_desired_retention_sets_the_first_interval(context, store):
    strict = Learner(user_id=USER + 2, name="Jun", created_at=T0, desired_retention=0.97)
    store.learners.save(strict)
    word = met().answered(True, T0).answered(True, T0).marked_new(T0)
    relaxed = card_for_new_word(context, store.progress(USER), word, T0)
    careful = card_for_new_word(context, store.progress(USER + 2), word, T0)
    assert careful.due < relaxed.due
    assert relaxed == new_card(word, T0, answered_right=2, desired_retention=0.9)
