"""A quiz as the learner lives it: which of a lesson's items it asks, and how it ended.

`vocab.quiz` (which loads nltk) is imported inside the functions, so that the bot can import
this module at start-up for free.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from .items import VocabItem
from .progress import QuizAnswer, QuizSession

if TYPE_CHECKING:
    from .quiz import QuizResult


def items_to_quiz(vocabulary: Sequence[VocabItem], settled: Collection[str],
                  minimum: int | None = None) -> list[VocabItem]:
    """The lesson's items without those the learner has settled (marked "I know it" or learned):
    practice goes where it is needed. Settled items come back, in article order, only when
    fewer than `minimum` (a quiz's smallest size) are left, so that a quiz is still a quiz."""
    if minimum is None:
        from .quiz import MIN_QUESTIONS as minimum
    open_items = [item for item in vocabulary if item.lemma not in settled]
    if len(open_items) >= minimum:
        return open_items
    topping = [item for item in vocabulary if item.lemma in settled][: minimum - len(open_items)]
    chosen = {item.lemma for item in (*open_items, *topping)}
    return [item for item in vocabulary if item.lemma in chosen]


def session_answers(session: QuizSession, answers: Iterable[QuizAnswer]) -> dict[str, QuizAnswer]:
    """The answer given to each of the session's questions (question id -> the latest answer
    given since the quiz started), from all the answers stored for its lesson."""
    asked = {q["id"] for q in session.questions}
    given: dict[str, QuizAnswer] = {}
    for answer in sorted(answers, key=lambda a: a.answered_at):
        if (answer.lesson_id == session.lesson_id and answer.question_id in asked
                and answer.answered_at >= session.started_at):
            given[answer.question_id] = answer
    return given


def session_result(session: QuizSession, answers: Iterable[QuizAnswer]) -> QuizResult:
    """The score of a finished quiz out of its questions, and the items missed, in question order
    (a question left without an answer counts as missed)."""
    from .quiz import QuizResult

    given = session_answers(session, answers)
    missed: list[str] = []
    right: list[str] = []
    for question in session.questions:
        answer = given.get(question["id"])
        (right if answer is not None and answer.correct else missed).append(question["lemma"])
    return QuizResult(score=len(right), total=len(session.questions),
                      missed=tuple(dict.fromkeys(missed)), right=tuple(dict.fromkeys(right)))
