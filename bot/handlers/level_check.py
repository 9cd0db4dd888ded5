"""The one-minute vocabulary check in one message, edited word by word; the buttons carry the state.

A press sends "vc:<seed>:<answered>:<answers>": the seed that makes the check (make_check is
deterministic for a seed, so the same words come back after a restart), how many words are
answered, and the answers as a hex bit field (bit i = "yes" to word i). Nothing is stored until
the last answer; then the level is saved. Data no button of a check could carry is answered with
a friendly line and changes nothing.
"""
from __future__ import annotations

import asyncio
import random
import re
import secrets
from dataclasses import dataclass, replace
from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.callback_data import BadCallbackData, pack, unpack, unpack_int
from bot.handlers.common import language_of, learner_of, store_of
from bot.handlers.level import CHECK_DATA, pressed_in_private, show_in_place
from bot.texts import Html, text
from vocab.vocabulary_check import CheckResult, CheckWord, band_sizes, level_from_check, make_check

VERB = "vc"
#: Seeds are 1 .. 2**31 - 1: ten digits at most, so a button's data stays far below 64 bytes.
SEED_LIMIT = 2**31
#: The answers of up to 28 words as hex digits (a check has 21).
_ANSWER_BITS = re.compile(r"[0-9a-f]{1,7}")
#: "Yes" to this share of the made-up words (2 of 5) is guessing, not a slip: the result says so.
#: One made-up word can pass for a half-known real one; LexTALE-style tests read more as a pattern.
GUESSING_SHARE = 0.4


@dataclass(frozen=True)
class CheckStep:
    """Where a learner is in a check: its seed, how many words they answered, and the answers."""

    seed: int
    answered: int
    answers: int  # bit i set = "yes, I know it" to word i


@lru_cache(maxsize=128)
def check_of(seed: int) -> tuple[CheckWord, ...]:
    """The words of the check made from `seed`: the same words in the same order every time."""
    from vocab.lexicon import load_lexicon

    lexicon = load_lexicon()
    with lexicon.lock:  # nltk's WordNet reader is not safe to share between threads
        return tuple(make_check(random.Random(seed), lexicon=lexicon))


def parse_step(data: str | None) -> CheckStep:
    """The step a check button carries; BadCallbackData for anything no check button could send."""
    seed, answered, answers = unpack(data, VERB, 3)
    step = CheckStep(unpack_int(seed, 1, SEED_LIMIT - 1), unpack_int(answered, 1, 28),
                     int(answers, 16) if _ANSWER_BITS.fullmatch(answers) else -1)
    if not 0 <= step.answers < 1 << step.answered:
        raise BadCallbackData(data)
    return step


def word_screen(lang: str, step: CheckStep, check: tuple[CheckWord, ...]) -> tuple[str, InlineKeyboardMarkup]:
    """Word number `step.answered + 1` with the buttons that answer it."""
    index = step.answered
    body = text(lang, "check.word", word=check[index].word, number=index + 1, total=len(check))
    yes = pack(VERB, step.seed, index + 1, format(step.answers | 1 << index, "x"))
    no = pack(VERB, step.seed, index + 1, format(step.answers, "x"))
    return body, InlineKeyboardMarkup([[InlineKeyboardButton(text(lang, "check.yes"), callback_data=yes),
                                        InlineKeyboardButton(text(lang, "check.no"), callback_data=no)]])


def score(step: CheckStep) -> tuple[tuple[CheckWord, ...], dict[str, bool], CheckResult]:
    """The check's words, the learner's answers to them, and the level they give."""
    check = check_of(step.seed)
    answers = {word.word: bool(step.answers >> i & 1) for i, word in enumerate(check)}
    return check, answers, level_from_check(answers, check)


def result_text(lang: str, check, answers: dict[str, bool], result: CheckResult) -> str:
    """The level, the estimated vocabulary, a word on guessing if needed, and what to do next."""
    description = Html(text(lang, f"level.{result.level}"))
    paragraphs = [text(lang, "check.result", level=result.level, description=description,
                       words=f"{result.estimated_words:,}", total=f"{sum(band_sizes().values()):,}")]
    if result.false_alarms >= GUESSING_SHARE:
        made_up = [word.word for word in check if not word.real]
        paragraphs.append(text(lang, "check.guessing", fakes=sum(answers[w] for w in made_up),
                               pseudowords=len(made_up)))
    paragraphs.append(text(lang, "level.next"))
    return "\n\n".join(paragraphs)


async def answer_word(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start the check, show the next word, or after the last one save the level it gives."""
    query = update.callback_query
    lang = language_of(update, context)
    try:
        if pressed_in_private(query) is None:
            raise BadCallbackData(query.data)
        new = query.data == CHECK_DATA
        step = CheckStep(secrets.randbelow(SEED_LIMIT - 1) + 1, 0, 0) if new else parse_step(query.data)
    except BadCallbackData:
        await query.answer(text(lang, "check.broken"))
        return
    if new:
        await query.answer()  # building the first check of a process takes a few seconds
    check = await asyncio.to_thread(check_of, step.seed)
    if step.answered > len(check):
        await query.answer(text(lang, "check.broken"))
        return
    if not new:
        await query.answer()
    if step.answered < len(check):
        await show_in_place(query, *word_screen(lang, step, check))
        return
    check, answers, result = await asyncio.to_thread(score, step)
    learner = replace(learner_of(update, context), level=result.level)
    store_of(context).learners.save(learner)
    await show_in_place(query, result_text(learner.language, check, answers, result))
