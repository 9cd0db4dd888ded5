"""Review cards made as the learner meets words: one call from each place a word is met as new.

- "New to me" pressed while reading (reading.mark_word): the word becomes a card, due at once.
- A quiz answer missed (quiz.record): the word becomes a card, its miss counted as an Again
  review, so it comes back tomorrow.
- A tutor's item (VocabItem.from_tutor) becomes a card when the part holding it is shown:
  the tutor chose it, so it is reviewed whatever the learner's level.
In each case right quiz answers the word already has start the card with that evidence
(vocab.review.new_card). A lemma has one card at most: a word met again keeps its card and its
schedule.

"I know it" on a word that already has a card leaves the card as it is: the learner's own
judgement is not evidence of recall, the next reviews are, and a word really known is rated
Easy once or twice and then spaced months apart. (Suspending it instead would also drop a tutor's
word that the tutor wants practised.)
"""
from __future__ import annotations

from datetime import datetime

from telegram.ext import ContextTypes

from bot.handlers.common import store_of
from lessons.article import Lesson
from vocab.progress import DEFAULT_RETENTION, ProgressRepository, WordStatus
from vocab.review import ReviewCard, new_card, review


def desired_retention(context: ContextTypes.DEFAULT_TYPE, user_id: int) -> float:
    """The learner's desired retention (/settings), FSRS's default 0.9 when unset."""
    learner = store_of(context).learners.get(user_id)
    return learner.desired_retention if learner else DEFAULT_RETENTION


def card_for_new_word(context: ContextTypes.DEFAULT_TYPE, progress: ProgressRepository, word: WordStatus,
                      at: datetime) -> ReviewCard | None:
    """"New to me": a card for the word unless it has one; the card made, or None."""
    if progress.card(word.lemma) is not None:
        return None
    card = new_card(word, at, answered_right=word.right,
                    desired_retention=desired_retention(context, progress.user_id))
    progress.save_cards(card)
    return card


def card_after_answer(context: ContextTypes.DEFAULT_TYPE, progress: ProgressRepository, word: WordStatus,
                      correct: bool, at: datetime) -> ReviewCard | None:
    """A quiz answer (`word` is the status after it): a miss on a word without a card makes one,
    with the word's right answers as evidence and the miss as an Again review. A right answer
    changes no card (it is evidence for a card made later)."""
    if correct or progress.card(word.lemma) is not None:
        return None
    retention = desired_retention(context, progress.user_id)
    card = review(new_card(word, at, answered_right=word.right, desired_retention=retention), "again", at, retention)
    progress.save_cards(card)
    return card


def cards_for_tutor_items(context: ContextTypes.DEFAULT_TYPE, progress: ProgressRepository, lesson: Lesson,
                          lesson_id: str, part: int, at: datetime) -> tuple[ReviewCard, ...]:
    """The tutor's items in `part`, now shown to the learner, become cards (those without one)."""
    items = [i for i in lesson.vocabulary if i.from_tutor and i.chunk == part and progress.card(i.lemma) is None]
    if not items:
        return ()
    retention = desired_retention(context, progress.user_id)
    cards = []
    for item in items:
        known = progress.word(item.lemma)  # quiz answers from before count; the sentence is this one
        cards.append(new_card(WordStatus.first_met(item, lesson_id, at), at,
                              answered_right=known.right if known else 0, desired_retention=retention))
    progress.save_cards(*cards)
    return tuple(cards)
