"""/progress: articles finished, words learned, quiz accuracy and the streak, in one message, then
a chart of them as a photo (bot/handlers/progress_chart.py)."""
from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.handlers.common import language_of, learner_of, now, private_only, store_of
from bot.handlers.progress_chart import send_progress_chart
from bot.texts import Html, text
from vocab.progress_summary import ProgressSummary, local_date, summarize_progress


def progress_message(lang: str, summary: ProgressSummary) -> str:
    """The summary in the learner's language (with the daily goal when the summary has it)."""
    if summary.accuracy_percent is None:
        accuracy = text(lang, "progress.accuracy_none")
    else:
        accuracy = text(lang, "progress.accuracy", percent=summary.accuracy_percent,
                        right=summary.right_answers, total=summary.answers)
    return text(
        lang, "progress.body",
        articles=summary.articles_finished,
        learned=summary.words_learned,
        from_quizzes=summary.words_learned - summary.words_known,
        known=summary.words_known,
        in_progress=summary.words_in_progress,
        accuracy=Html(accuracy),
        streak=summary.streak,
    ) + goal_lines(lang, summary)


def goal_lines(lang: str, summary: ProgressSummary) -> str:
    """Today's count toward the daily goal and the days in a row it was met."""
    goal = summary.goal
    if goal is None:
        return ""
    return "\n" + text(lang, "progress.goal", done=goal.done_today, goal=goal.goal, streak=goal.streak)


async def show_progress(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the learner what they have read and learned so far."""
    message = update.effective_message
    lang = language_of(update, context)
    if not await private_only(update, context, "progress", "quiz.private_only"):
        return
    learner = learner_of(update, context)
    progress = store_of(context).progress(learner.user_id)
    summary = summarize_progress(
        readings=progress.readings(),
        words=progress.words(),
        answers=progress.answers(),
        active_days=progress.active_days(),
        today=local_date(now(context), learner.timezone),
        activity=progress.activity(),
        daily_goal=learner.daily_goal,
    )
    await message.reply_text(progress_message(lang, summary))
    await send_progress_chart(update, context, learner, progress)
