"""The picture under /progress: words over time, quiz accuracy and the reviews of the next two weeks."""
from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import ContextTypes

from bot.charts import progress_chart
from bot.handlers.common import language_of, now
from bot.texts import text
from vocab.progress import Learner, ProgressRepository
from vocab.progress_chart_data import chart_data
from vocab.progress_summary import local_date
from vocab.review import forecast


async def send_progress_chart(update: Update, context: ContextTypes.DEFAULT_TYPE, learner: Learner,
                              progress: ProgressRepository) -> None:
    """Send the learner's chart as a photo; nothing for a learner with nothing to draw yet."""
    today = local_date(now(context), learner.timezone)
    data = chart_data(progress.words(), progress.answers(), forecast(progress.cards(), today, learner.timezone),
                      today, learner.timezone)
    if data.is_empty:
        return
    png = await progress_chart(data)
    await update.effective_message.reply_photo(
        InputFile(png, filename="progress.png"), caption=text(language_of(update, context), "chart.caption"))
