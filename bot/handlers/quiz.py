"""The after-reading quiz: /quiz and the "Take the quiz" button, poll answers, typed answers.

The quiz in progress is a `QuizSession` in the learner's file, saved before its first question
is sent, so a restart resumes it (/quiz sends the current question again). Each answer, the
word's new status and the quiz's next position are written together, and the next question is
sent only once they are on disk: a question on screen means the answer before it is kept.
"""
from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.callback_data import BadCallbackData, pattern, unpack
from bot.handlers import assignment_reading
from bot.handlers import review_cards
from bot.handlers.common import language_of, learner_of, now, private_only, store_of
from bot.handlers.quiz_messages import poll_arguments, result_message, typed_clue, typed_verdict
from bot.texts import text
from vocab.items import VocabItem
from vocab.progress import ProgressRepository, QuizAnswer, QuizSession, WordStatus
from vocab.progress_summary import local_date
from vocab.quiz_session import items_to_quiz, session_result

_log = logging.getLogger(__name__)

#: The verb of the "Take the quiz" button: "qz:<lesson id>".
QUIZ_VERB = "qz"
QUIZ_BUTTONS = pattern(QUIZ_VERB)  # what CallbackQueryHandler routes here

#: A typed answer is a word or a short phrase ("give rise to"); a longer text or a link is the
#: learner bringing an article, and goes on to the article handlers.
MAX_ANSWER_WORDS = 6


def looks_like_answer(message_text: str | None) -> bool:
    """True for text that can be a typed answer: a few words, not a command or a link."""
    if not message_text or message_text.lstrip().startswith("/") or "://" in message_text:
        return False
    return 0 < len(message_text.split()) <= MAX_ANSWER_WORDS


def make_questions(vocabulary: Sequence[VocabItem], settled: set[str], seed: str) -> list[dict]:
    """A new quiz on the items the learner has not settled yet, as JSON-able question records
    (CPU-heavy: run it in a thread)."""
    from vocab.lexicon import load_lexicon
    from vocab.quiz import make_quiz, question_to_dict

    settled = settled - {item.lemma for item in vocabulary if item.from_tutor}  # the tutor's items: always taught
    questions = make_quiz(items_to_quiz(vocabulary, settled), random.Random(seed), lexicon=load_lexicon())
    return [question_to_dict(q) for q in questions]


async def quiz_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resume the open quiz on the current article, or start one."""
    message = update.effective_message
    lang = language_of(update, context)
    if not await private_only(update, context, "quiz", "quiz.private_only"):
        return
    learner = learner_of(update, context)
    progress = store_of(context).progress(learner.user_id)
    session, reading = progress.open_quiz(), progress.current_reading()
    if session is not None and (reading is None or session.lesson_id == reading.lesson_id):
        await ask(context, message.chat_id, progress, session, lang, lead=text(lang, "quiz.resume"))
    elif reading is None:
        await message.reply_text(text(lang, "quiz.no_article"))
    else:  # a new quiz on the current article (an open one on an older article is dropped)
        await begin(context, message.chat_id, progress, reading.lesson_id, lang)


async def quiz_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Start (or resume) the quiz on the article the pressed button was under."""
    query = update.callback_query
    lang = language_of(update, context)
    try:
        [lesson_id] = unpack(query.data, QUIZ_VERB, 1)
    except BadCallbackData:
        await query.answer(text(lang, "button.expired"))
        return
    progress = store_of(context).progress(query.from_user.id)
    reading = progress.current_reading()
    chat = update.effective_chat
    if reading is None or reading.lesson_id != lesson_id or chat is None or chat.type != ChatType.PRIVATE:
        await query.answer(text(lang, "quiz.not_yours"))
        return
    await query.answer()
    session = progress.open_quiz()
    if session is not None and session.lesson_id == lesson_id:
        await ask(context, chat.id, progress, session, lang)
    else:
        await begin(context, chat.id, progress, lesson_id, lang)


async def poll_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Grade a quiz poll answer, keep it, and ask the next question."""
    answer = update.poll_answer
    if answer.user is None:  # a vote cast as a chat: never a learner's quiz
        return
    progress = store_of(context).progress(answer.user.id)
    session = progress.open_quiz()
    question = session.question_for_poll(answer.poll_id) if session else None
    current = session.current if session else None
    if question is None or current is None or question["id"] != current["id"]:
        return  # a poll of an older quiz, answered again, or not ours: nothing to grade
    session, _ = record(context, progress, session, question, list(answer.option_ids))
    await ask(context, answer.user.id, progress, session, language_of(update, context))


async def typed_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take a typed quiz answer (no other handler sees it); let any other text through."""
    message = update.effective_message
    if not looks_like_answer(message.text):
        return
    progress = store_of(context).progress(update.effective_user.id)
    session = progress.open_quiz()
    current = session.current if session else None
    if current is None or current["kind"] != "typed":
        return
    session, grade = record(context, progress, session, current, message.text)
    lang = language_of(update, context)
    verdict = typed_verdict(lang, current, grade.correct, grade.slip)
    try:
        await ask(context, message.chat_id, progress, session, lang, lead=verdict)
    except TelegramError as error:  # the answer is kept; /quiz sends the next question again
        _log.warning("could not send the next quiz question: %s", error)
    raise ApplicationHandlerStop


async def begin(context: ContextTypes.DEFAULT_TYPE, chat_id: int, progress: ProgressRepository,
                lesson_id: str, lang: str) -> None:
    """Make a quiz on the lesson, keep it, and ask its first question."""
    lesson = store_of(context).lessons.get(lesson_id)
    if lesson is None:
        await context.bot.send_message(chat_id, text(lang, "quiz.no_article"))
        return
    started = now(context)
    settled = {w.lemma for w in progress.words() if w.is_settled}
    seed = f"{progress.user_id}:{lesson_id}:{started.isoformat()}"
    questions = await asyncio.to_thread(make_questions, lesson.vocabulary, settled, seed)
    if not questions:  # every word known already: an assignment is finished all the same
        await context.bot.send_message(chat_id, text(lang, "quiz.no_questions"))
        await assignment_reading.on_quiz_finished(context, progress.user_id, QuizSession(lesson_id, started, ()))
        return
    session = QuizSession(lesson_id=lesson_id, started_at=started, questions=tuple(questions))
    progress.save_quiz(session)
    await ask(context, chat_id, progress, session, lang)


async def ask(context: ContextTypes.DEFAULT_TYPE, chat_id: int, progress: ProgressRepository,
              session: QuizSession, lang: str, lead: str = "") -> None:
    """Send the session's current question (after `lead`, a verdict or a greeting), or the
    result when every question is answered (and close the quiz)."""
    bot = context.bot
    current = session.current
    if current is None:
        await bot.send_message(chat_id, _joined(lead, finished_quiz(context, progress, session, lang)))
        progress.save_quiz(None)
        await assignment_reading.on_quiz_finished(context, progress.user_id, session)  # tell the tutor
        return
    number, total = session.position + 1, len(session.questions)
    if current["kind"] == "typed":
        await bot.send_message(chat_id, _joined(lead, typed_clue(lang, current, number, total)))
        return
    if lead:
        await bot.send_message(chat_id, lead)
    sent = await bot.send_poll(chat_id, **poll_arguments(current, number, total, lang))
    progress.save_quiz(session.with_poll(sent.poll.id, current["id"]))


def record(context: ContextTypes.DEFAULT_TYPE, progress: ProgressRepository, session: QuizSession,
           question: Mapping[str, Any], given: Sequence[int] | str):
    """Grade the answer to the current question and write it, the word's new status, the active
    day and the quiz's next position at once; returns the advanced session and the grade."""
    from vocab.quiz import grade as grade_answer, question_from_dict

    grade = grade_answer(question_from_dict(dict(question)), given)
    moment = now(context)
    word = progress.word(grade.lemma) or _first_met(context, session.lesson_id, question, moment)
    answer = QuizAnswer(
        lesson_id=session.lesson_id, question_id=grade.question_id, lemma=grade.lemma,
        kind=question["kind"], correct=grade.correct, answered_at=moment, given=grade.given,
    )
    learner = store_of(context).learners.get(progress.user_id)
    advanced = session.advanced()
    with progress.batch():
        progress.record_answer(answer, word.answered(grade.correct, moment),
                               day=local_date(moment, learner.timezone if learner else None))
        progress.save_quiz(advanced)
        review_cards.card_after_answer(context, progress, word.answered(grade.correct, moment), grade.correct, moment)
    return advanced, grade


def finished_quiz(context: ContextTypes.DEFAULT_TYPE, progress: ProgressRepository,
                  session: QuizSession, lang: str) -> str:
    """The result message of a quiz whose every question is answered."""
    result = session_result(session, progress.answers(session.lesson_id))
    lesson = store_of(context).lessons.get(session.lesson_id)
    return result_message(lang, result.score, result.total, result.missed, lesson.vocabulary if lesson else ())


def _first_met(context: ContextTypes.DEFAULT_TYPE, lesson_id: str, question: Mapping[str, Any],
               at: datetime) -> WordStatus:
    """The status of a word quizzed before the learner opened "Words in this part"."""
    lesson = store_of(context).lessons.get(lesson_id)
    item = next((i for i in (lesson.vocabulary if lesson else ()) if i.lemma == question["lemma"]), None)
    if item is not None:
        return WordStatus.first_met(item, lesson_id, at)
    return WordStatus(lemma=question["lemma"], item=question["lemma"], status="new", lesson_id=lesson_id,
                      sentence="", gloss="", first_seen=at, updated_at=at)


def _joined(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)
