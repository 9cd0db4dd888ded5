"""A /review session: the due cards one at a time, in turns of recall, recognition and a poll.

Three ways of asking vary the retrieval (varied practice is remembered better than one drill):

- recall: the article sentence with the word hidden, and its gloss; the learner recalls the
  word (meaning -> form, the harder direction, and the one writing needs);
- recognition: the sentence with the word shown; the learner recalls what it means
  (form -> meaning, what reading needs); the gloss is revealed;
- poll: a Telegram quiz poll (a gap-fill or a word -> meaning question with three plausible
  distractors); right counts as Good, wrong as Again.

The session is kept in the learner's file (the card on screen, whether it is revealed, the poll
sent), so a restart resumes it. Pure: no clock, no randomness of its own.
"""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from .items import VocabItem
from .review import RATINGS, ReviewCard

Mode = Literal["recall", "recognition", "poll"]
MODES: tuple[str, ...] = ("recall", "recognition", "poll")

#: Cards in one session: about five minutes on a phone; the rest wait for the next /review.
SESSION_LIMIT = 20
#: Every third card is a quiz poll when one can be made for it (variety, not a test).
POLL_EVERY = 3


@dataclass(frozen=True)
class ReviewSession:
    """The review in progress: which card is on screen (number `number` of the session), how it
    is asked, and how the cards rated so far were rated."""

    session_id: str  # short, names the session in button data
    started_at: datetime
    total: int  # cards planned when it started (at most SESSION_LIMIT)
    number: int = 0  # cards shown so far; the one on screen is this one
    lemma: str | None = None  # the card on screen; None between cards
    mode: str = "recall"
    revealed: bool = False
    poll_id: str = ""  # the Telegram poll on screen, in poll mode
    poll_question: Mapping[str, Any] | None = None  # its question record (grades the answer)
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)  # ratings so far: again, hard, good, easy

    @classmethod
    def start(cls, started_at: datetime, due: int) -> ReviewSession:
        """A new session over `due` due cards (at most SESSION_LIMIT of them)."""
        return cls(session_id=session_id_for(started_at), started_at=started_at, total=min(due, SESSION_LIMIT))

    def showing(self, lemma: str, mode: str) -> ReviewSession:
        """The next card is on screen, asked in `mode`."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        return replace(self, number=self.number + 1, lemma=lemma, mode=mode, revealed=False, poll_id="",
                       poll_question=None)

    def with_poll(self, poll_id: str, question: Mapping[str, Any]) -> ReviewSession:
        return replace(self, poll_id=poll_id, poll_question=dict(question))

    def revealing(self) -> ReviewSession:
        return replace(self, revealed=True)

    def rated(self, rating: str) -> ReviewSession:
        """The card on screen was rated; nothing is on screen until the next card."""
        counts = list(self.counts)
        counts[RATINGS.index(rating)] += 1
        return replace(self, counts=tuple(counts), lemma=None, revealed=False, poll_id="", poll_question=None)

    @property
    def reviewed(self) -> int:
        return sum(self.counts)

    @property
    def is_full(self) -> bool:
        """SESSION_LIMIT cards shown: the rest wait for the next session."""
        return self.number >= SESSION_LIMIT

    def rating_counts(self) -> dict[str, int]:
        return dict(zip(RATINGS, self.counts))


def session_id_for(moment: datetime) -> str:
    """A short id for a session started at `moment` (base-36 seconds: "s8k2x1"): enough to tell
    this session's buttons from an older one's."""
    seconds = int(moment.timestamp())
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while seconds:
        seconds, rest = divmod(seconds, 36)
        out = digits[rest] + out
    return out or "0"


def mode_for(number: int, can_poll: bool = True) -> str:
    """How card `number` (1-based) of a session is asked: recall, recognition, poll, in turn;
    recall instead of a poll that cannot be made."""
    mode = MODES[(number - 1) % POLL_EVERY]
    return "recall" if mode == "poll" and not can_poll else mode


def card_item(card: ReviewCard, item: VocabItem | None = None) -> VocabItem:
    """The card as a vocabulary item: the lesson's own item when it is at hand (forms, part of
    speech, frequency), else one made from what the card keeps."""
    if item is not None and item.lemma == card.lemma:
        return replace(item, sentence=card.sentence, gloss=card.gloss or item.gloss)
    return VocabItem(item=card.item, lemma=card.lemma, kind="phrase" if " " in card.lemma else "word",
                     forms=(card.item,), pos="", zipf=0.0, level="", count=1, sentence=card.sentence,
                     chunk=0, gloss=card.gloss, tutor_gloss=card.tutor_gloss)


def word_span(card: ReviewCard, item: VocabItem | None = None) -> tuple[int, int] | None:
    """Where the word stands in the card's sentence (start, end), or None."""
    from .quiz_text import find_in_sentence

    return find_in_sentence(card_item(card, item)) if card.sentence else None


def review_poll(card: ReviewCard, item: VocabItem, rng: random.Random, *,
                article_items: Sequence[VocabItem] = (), lexicon=None) -> dict | None:
    """A quiz-poll question on the card (gap-fill, else word -> meaning) as a JSON-able record,
    or None when the word allows neither (CPU-heavy with a lexicon: run it in a thread)."""
    from .quiz_questions import make_gap_fill, make_word_meaning, question_to_dict

    target = card_item(card, item)
    builders = [make_gap_fill, make_word_meaning]
    rng.shuffle(builders)
    for build in builders:
        question = build(target, rng, article_items=article_items, lexicon=lexicon)
        if question is not None:
            return question_to_dict(question)
    return None


def poll_rating(question: Mapping[str, Any], option_ids: Sequence[int]) -> str:
    """A review poll's answer as a rating: the right option is Good, anything else Again."""
    return "good" if list(option_ids) == [question["correct_option_id"]] else "again"
