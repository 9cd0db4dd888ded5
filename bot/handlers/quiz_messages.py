"""What the quiz looks like in Telegram: quiz polls within Telegram's limits, typed-answer
clues, the verdict on a typed answer, and the result at the end."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from telegram import InputPollOption, Poll

from bot.texts import Html, text
from vocab.items import VocabItem

#: Telegram's limits on a quiz poll: question 300 characters, option 100, explanation 200
#: with at most 2 line feeds.
POLL_QUESTION_LIMIT = 300
POLL_OPTION_LIMIT = 100
EXPLANATION_LIMIT = 200
#: A missed word's gloss is cut at this length in the result, so ten of them stay readable.
RESULT_GLOSS_LIMIT = 150


def _cut(value: str, limit: int) -> str:
    """One line of at most `limit` characters (an ellipsis marks a cut)."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _fit_question(question: str, limit: int) -> str:
    """The question within `limit` characters, a gap-fill's blank kept with the words around it."""
    if len(question) <= limit:
        return question
    from vocab.quiz_text import BLANK, trim_around  # loads the word lists: only when needed

    blank = question.find(BLANK)
    return trim_around(question, blank, blank + len(BLANK), limit) if blank >= 0 else _cut(question, limit)


def poll_arguments(question: Mapping[str, Any], number: int, total: int) -> dict[str, Any]:
    """Keyword arguments of `bot.send_poll` for a gap-fill or word -> meaning question: a
    non-anonymous quiz (so the answer arrives as a poll_answer), its text sent as plain text."""
    number_part = f"{number}/{total} · "
    return dict(
        question=number_part + _fit_question(question["question"], POLL_QUESTION_LIMIT - len(number_part)),
        question_parse_mode=None,  # the article's sentence is plain text, "<" and "&" included
        options=[InputPollOption(_cut(o, POLL_OPTION_LIMIT), text_parse_mode=None) for o in question["options"]],
        type=Poll.QUIZ,
        is_anonymous=False,
        correct_option_ids=[question["correct_option_id"]],  # Bot API 9.6; correct_option_id is deprecated
        explanation=_cut(question["explanation"], EXPLANATION_LIMIT) or None,
        explanation_parse_mode=None,
    )


def typed_clue(lang: str, question: Mapping[str, Any], number: int, total: int) -> str:
    """The gloss (the word masked in it) and the letter hint: "m________ (9 letters)"."""
    return text(lang, "quiz.typed", number=number, total=total, clue=question["clue"], hint=question["hint"])


def typed_verdict(lang: str, question: Mapping[str, Any], correct: bool, slip: str | None) -> str:
    """Right, right with the slip pointed out ("munitons -> munitions"), or wrong with the word."""
    if correct and slip:
        return text(lang, "quiz.typed_slip", slip=slip)
    if correct:
        return text(lang, "quiz.typed_right", word=question["answer"])
    return text(lang, "quiz.typed_wrong", word=question["answer"], sentence=question["explanation"])


def result_message(lang: str, score: int, total: int, missed: Sequence[str],
                   vocabulary: Sequence[VocabItem]) -> str:
    """The score, the words missed with their glosses, and what to do next."""
    items = {item.lemma: item for item in vocabulary}
    lines = [text(lang, "quiz.result", score=score, total=total)]
    if missed:
        words = []
        for lemma in missed:
            item = items.get(lemma)
            word, gloss = (item.item, item.gloss) if item else (lemma, "")
            key = "quiz.missed_word" if gloss else "quiz.missed_word_bare"
            words.append(text(lang, key, word=word, gloss=_cut(gloss, RESULT_GLOSS_LIMIT)))
        lines.append(text(lang, "quiz.result_missed", words=Html("\n".join(words))))
    else:
        lines.append(text(lang, "quiz.result_perfect"))
    lines.append(text(lang, "quiz.next_article"))
    return "\n\n".join(lines)
