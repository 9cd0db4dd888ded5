"""/export: the learner's words as a CSV spreadsheet and an Anki deck, sent as two documents."""
from __future__ import annotations

import asyncio

from telegram import InputFile, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.export_files import APKG_NAME, CSV_NAME, anki_deck, words_csv
from bot.handlers import groups
from bot.handlers.common import language_of, learner_of, now, store_of
from bot.texts import text
from vocab.word_export import ExportRow, export_rows


def learner_rows(context: ContextTypes.DEFAULT_TYPE, user_id: int, timezone_name: str | None) -> list[ExportRow]:
    """Every word of the learner, with its article's title, its forms there and its next review."""
    store = store_of(context)
    progress = store.progress(user_id)
    words = progress.words()
    titles, forms = {}, {}
    for lesson_id in {word.lesson_id for word in words}:
        lesson = store.lessons.get(lesson_id)
        if lesson is not None:
            titles[lesson_id] = lesson.article.title
            forms.update({item.lemma: item.forms for item in lesson.vocabulary})
    due = {card.lemma: card.due for card in progress.cards()}
    return export_rows(words, titles, due, timezone_name, forms)


async def export_words(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the learner's words as a spreadsheet and an Anki deck (or say there are none yet)."""
    message = update.effective_message
    if message.chat.type != ChatType.PRIVATE:
        await groups.point_to_private(update, context)
        return
    lang = language_of(update, context)
    learner = learner_of(update, context)
    rows = learner_rows(context, learner.user_id, learner.timezone)
    if not rows:
        await message.reply_text(text(lang, "export.none"))
        return
    deck_name = text(lang, "export.deck_name")
    stamp = now(context).timestamp()
    sheet, deck = await asyncio.gather(
        asyncio.to_thread(words_csv, rows),
        asyncio.to_thread(anki_deck, rows, learner.user_id, deck_name, stamp),
    )
    await message.reply_document(InputFile(sheet, filename=CSV_NAME),
                                 caption=text(lang, "export.csv_caption", count=len(rows)))
    await message.reply_document(InputFile(deck, filename=APKG_NAME), caption=text(lang, "export.apkg_caption"))
