"""What the quiz looks like in Telegram: quiz polls within Telegram's limits, typed-answer
clues, the verdict on a typed answer, and the result at the end.

The core's questions carry data (the sentence with its gap, the word, the gloss, the letters);
every stem and instruction around them comes from the catalogues, in the learner's language,
while the article's sentence and the English options stay as they are."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from telegram import InputPollOption, Poll

from bot.texts import DEFAULT_LANGUAGE, Html, text
from vocab.items import VocabItem
from vocab.quiz_records import current_record, hidden_letter_counts, letter_shape

#: Telegram's limits on a quiz poll: question 300 characters, option 100, explanation 200
#: with at most 2 line feeds.
POLL_QUESTION_LIMIT = 300
POLL_OPTION_LIMIT = 100
EXPLANATION_LIMIT = 200
#: A missed word's gloss is cut at this length in the result, so ten of them stay readable.
RESULT_GLOSS_LIMIT = 150
#: The catalogue stem of each kind of poll, and the name its template gives the question's data.
#: Poll questions are plain text: the data goes in as `Html`, i.e. unescaped ("&" stays "&").
POLL_STEMS = {"gap_fill": ("quiz.ask_gap_fill", "sentence"), "meaning": ("quiz.ask_meaning", "word")}


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


def poll_question(lang: str, question: Mapping[str, Any], number: int, total: int) -> str:
    """"3/8 · " and the question in the learner's language, within Telegram's 300 characters: the
    stem whole, the sentence trimmed around its gap (a kind without a stem: its text as it is)."""
    record = current_record(question)
    number_part = f"{number}/{total} · "
    room = POLL_QUESTION_LIMIT - len(number_part)
    if record.get("kind") not in POLL_STEMS:
        return number_part + _fit_question(record["question"], room)
    key, field = POLL_STEMS[record["kind"]]
    room -= len(text(lang, key, **{field: Html("")}))
    return number_part + text(lang, key, **{field: Html(_fit_question(record["question"], room))})


def poll_arguments(question: Mapping[str, Any], number: int, total: int,
                   lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Keyword arguments of `bot.send_poll` for a gap-fill or word -> meaning question: a
    non-anonymous quiz (so the answer arrives as a poll_answer), its text sent as plain text."""
    return dict(
        question=poll_question(lang, question, number, total),
        question_parse_mode=None,  # the article's sentence is plain text, "<" and "&" included
        options=[InputPollOption(_cut(o, POLL_OPTION_LIMIT), text_parse_mode=None) for o in question["options"]],
        type=Poll.QUIZ,
        is_anonymous=False,
        correct_option_ids=[question["correct_option_id"]],  # Bot API 9.6; correct_option_id is deprecated
        explanation=_cut(question["explanation"], EXPLANATION_LIMIT) or None,
        explanation_parse_mode=None,
    )


def letter_hint_text(lang: str, word: str, shape: str | None = None) -> str:
    """The first letters and the count in the learner's language (Telegram HTML):
    "m________ (9 letters)", "m________ (9글자)". `shape` as the question keeps it, else made here;
    the count is of the letters the shape hides ("u____________ restrictions (13 letters)")."""
    shape = letter_shape(word) if shape is None else shape
    return text(lang, "quiz.letter_hint", shape=shape, counts=" + ".join(map(str, hidden_letter_counts(shape, word))))


def typed_clue(lang: str, question: Mapping[str, Any], number: int, total: int) -> str:
    """The gloss (the word masked in it) and the letter hint: "m________ (9 letters)"."""
    record = current_record(question)
    hint = letter_hint_text(lang, record["answer"], record["hint"])
    return text(lang, "quiz.typed", number=number, total=total, clue=record["clue"], hint=Html(hint))


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
