"""Review cards and the review session in the learner's file: the same behaviour from the
in-memory fake and from TinyDB, across a restart (`backend.reopen()`)."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.store.conftest import T0, vocab_item
from vocab.progress import WordStatus
from vocab.review import new_card, review
from vocab.review_session import ReviewSession

LESSON = "0123456789ab"


def card_for(lemma: str, at=T0, **kwargs):
    word = WordStatus.first_met(vocab_item(lemma, gloss=f"gloss of {lemma}"), LESSON, at)
    return new_card(word, at, **kwargs)


def test_a_learner_with_nothing_stored_has_no_cards_and_no_review(backend):
    progress = backend.store.progress(1)
    assert progress.cards() == () and progress.card("munition") is None and progress.review_session() is None


def test_cards_are_kept_one_per_lemma_in_the_order_first_made(backend):
    progress = backend.store.progress(1)
    first, second = card_for("munition"), card_for("provocation", T0 + timedelta(minutes=1))
    progress.save_cards(first, second)
    rated = review(first, "good", T0 + timedelta(hours=1))
    progress.save_cards(rated)
    reopened = backend.reopen().progress(1)
    assert reopened.cards() == (rated, second)
    assert reopened.card("munition") == rated and reopened.card("missing") is None


def test_a_card_keeps_its_fsrs_state_and_glosses_across_a_restart(backend):
    word = WordStatus.first_met(vocab_item("constructive role", kind="phrase", gloss="helpful part"), LESSON, T0)
    card = review(new_card(replace(word, tutor_gloss="건설적 역할"), T0, answered_right=1), "hard", T0 + timedelta(days=2))
    backend.store.progress(1).save_cards(card)
    again = backend.reopen().progress(1).card("constructive role")
    assert again == card and again.tutor_gloss == "건설적 역할" and again.stability == card.stability
    assert review(again, "good", again.due) == review(card, "good", card.due)


def test_each_learner_has_their_own_cards(backend):
    backend.store.progress(1).save_cards(card_for("munition"))
    backend.store.progress(2).save_cards(card_for("provocation"))
    reopened = backend.reopen()
    assert [c.lemma for c in reopened.progress(1).cards()] == ["munition"]
    assert [c.lemma for c in reopened.progress(2).cards()] == ["provocation"]


def test_the_review_on_screen_survives_a_restart_and_closes(backend):
    progress = backend.store.progress(1)
    question = {"id": "gap_fill:munition", "lemma": "munition", "question": "The ____ arrived.",
                "options": ["munitions", "a", "b", "c"], "correct_option_id": 0, "explanation": "", "kind": "gap_fill"}
    session = ReviewSession.start(T0, due=5).showing("munition", "poll").with_poll("poll-7", question)
    progress.save_review_session(session)
    reopened = backend.reopen().progress(1)
    assert reopened.review_session() == session
    rated = session.rated("good").showing("provocation", "recognition").revealing()
    reopened.save_review_session(rated)
    assert backend.reopen().progress(1).review_session() == rated
    backend.store.progress(1).save_review_session(None)
    assert backend.reopen().progress(1).review_session() is None


def test_a_card_and_the_review_saved_in_one_batch_are_kept_together_or_not_at_all(backend):
    progress = backend.store.progress(1)
    card, session = card_for("munition"), ReviewSession.start(T0, due=1).showing("munition", "recall")
    progress.save_cards(card)
    progress.save_review_session(session)
    try:
        with progress.batch():
            progress.save_cards(review(card, "good", T0))
            progress.save_review_session(session.rated("good"))
            raise RuntimeError("the bot stopped half-way")
    except RuntimeError:
        pass
    reopened = backend.reopen().progress(1)
    assert reopened.card("munition") == card and reopened.review_session() == session
    with reopened.batch():
        reopened.save_cards(review(card, "good", T0))
        reopened.save_review_session(session.rated("good"))
    after = backend.reopen().progress(1)
    assert after.card("munition").reviews == 1 and after.review_session().counts == (0, 0, 1, 0)


def test_cards_do_not_touch_the_words_or_the_quiz(backend):
    progress = backend.store.progress(1)
    progress.save_cards(card_for("munition"))
    reopened = backend.reopen().progress(1)
    assert reopened.words() == () and reopened.open_quiz() is None
