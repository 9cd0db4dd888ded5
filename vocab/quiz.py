"""The after-reading quiz: which questions to ask, how answers are graded, what the learner knows.

Retrieval practice right after reading fixes new words better than rereading (the testing effect,
Roediger & Karpicke 2006); mixing recognition (polls) with recall (typing) makes it work for both
reading and writing. The question kinds are in `vocab.quiz_questions`.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from . import word_pool
from .items import VocabItem
from .quiz_questions import (  # noqa: F401  (re-exported: the quiz's public vocabulary)
    BUILDERS,
    KINDS,
    GapFill,
    Question,
    TypedRecall,
    WordMeaning,
    question_from_dict,
    question_to_dict,
)
from .typed_answers import check_typed

#: A quiz has 5-10 questions: enough to practise an article's words, short enough for a phone
#: session (about two minutes); 8 when the caller does not say.
MIN_QUESTIONS = 5
MAX_QUESTIONS = 10
DEFAULT_QUESTIONS = 8

#: Right answers in quizzes after which an item counts as known and is not picked again: one
#: right answer can be a lucky guess among four options, two on different days rarely are.
RIGHT_ANSWERS_TO_KNOW = 2

#: A typed answer one letter away from the word is a slip only if it is not itself a common
#: English word (Zipf 3+, e.g. "effect" for "affect"): then it is a different word, and wrong.
OTHER_WORD_ZIPF = 3.0


def quiz_size(available: int, size: int | None = None) -> int:
    """How many questions: `size` clamped to 5-10 (8 by default), never more than the items."""
    wanted = DEFAULT_QUESTIONS if size is None else max(MIN_QUESTIONS, min(MAX_QUESTIONS, size))
    return max(0, min(wanted, available))


def make_quiz(
    items: Sequence[VocabItem],
    rng: random.Random,
    *,
    lexicon=None,
    size: int | None = None,
) -> list[Question]:
    """One question per item for a random choice of the items, the three kinds kept in balance
    (each item gets the kind asked least so far that it can support)."""
    unique = list({item.lemma: item for item in reversed(items)}.values())[::-1]
    wanted = quiz_size(len(unique), size)
    counts = {kind: 0 for kind in KINDS}
    questions: list[Question] = []
    # the items a tutor added come first: they are always taught (a stable sort: the rest stay shuffled)
    for item in sorted(rng.sample(unique, len(unique)), key=lambda i: not i.from_tutor):
        if len(questions) >= wanted:
            break
        order = sorted(KINDS, key=lambda kind: (counts[kind], rng.random()))
        for kind in order:
            question = BUILDERS[kind](item, rng, article_items=unique, lexicon=lexicon)
            if question is not None:
                questions.append(question)
                counts[kind] += 1
                break
    return questions


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer, with what the bot needs to tell the learner."""

    question_id: str
    lemma: str
    correct: bool
    expected: str  # the right option or word
    given: str  # the chosen option or the typed text ("" for an impossible option index)
    slip: str | None = None  # "munitons -> munitions" when a slipped letter was forgiven
    explanation: str = ""

    @property
    def feedback(self) -> str:
        """A plain English line; the bot may build its own (Korean) text from the fields."""
        if self.correct and self.slip:
            return f"Right, with one slip: {self.slip}."
        if self.correct:
            return "Right!"
        return f"Not quite: the answer is \u201c{self.expected}\u201d."


def _is_other_word(word: str) -> bool:
    return all(part.isalpha() for part in word.split()) and word_pool.own_zipf(word) >= OTHER_WORD_ZIPF


def grade(question: Question, answer: int | Sequence[int] | str) -> Grade:
    """Grade a poll answer (the chosen option index, or Telegram's option_ids list) or a typed answer."""
    if isinstance(question, TypedRecall):
        result = check_typed(str(answer), question.answer, question.forms, is_other_word=_is_other_word)
        return Grade(question.id, question.lemma, result.correct, question.answer, str(answer).strip(),
                     result.slip, question.explanation)
    if isinstance(answer, str):
        index = int(answer) if answer.strip().isdigit() else -1
    elif isinstance(answer, int):
        index = answer
    else:
        index = answer[0] if len(answer) == 1 else -1
    valid = 0 <= index < len(question.options)
    return Grade(question.id, question.lemma, valid and index == question.correct_option_id,
                 question.options[question.correct_option_id], question.options[index] if valid else "",
                 None, question.explanation)


@dataclass(frozen=True)
class QuizResult:
    """The score and which items were missed (named in the result) or answered right."""

    score: int
    total: int
    missed: tuple[str, ...]  # lemmas, in question order
    right: tuple[str, ...]

    @property
    def accuracy(self) -> float:
        return self.score / self.total if self.total else 0.0


def quiz_result(grades: Iterable[Grade]) -> QuizResult:
    """Sum up a finished quiz."""
    grades = list(grades)
    missed = tuple(dict.fromkeys(g.lemma for g in grades if not g.correct))
    right = tuple(dict.fromkeys(g.lemma for g in grades if g.correct))
    return QuizResult(score=sum(g.correct for g in grades), total=len(grades), missed=missed, right=right)


def known_lemmas(statuses: Mapping[str, tuple[bool, int]]) -> set[str]:
    """Lemmas not to pick again: marked "I know it", or answered right RIGHT_ANSWERS_TO_KNOW times.

    `statuses` maps lemma -> (marked_known, right_count)."""
    return {
        lemma
        for lemma, (marked_known, right_count) in statuses.items()
        if marked_known or right_count >= RIGHT_ANSWERS_TO_KNOW
    }
