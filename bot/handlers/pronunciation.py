"""🔊 under a word card: the word and its sentence as a voice note (espeak-ng), or how to get audio.

The press names a lesson and an item index (px:<lesson id>:<index>); it is honoured only for a
lesson the presser has opened (they have a reading of it), so a forged press cannot fetch
another learner's article text.
"""
from __future__ import annotations

import logging

from telegram import InputFile, Update
from telegram.ext import ContextTypes

from bot import keyboards, render, voice
from bot.callback_data import BadCallbackData, unpack, unpack_int
from bot.handlers.common import language_of, store_of
from bot.texts import Html, text
from vocab.items import VocabItem

_log = logging.getLogger(__name__)

#: Telegram's limit for a caption, in characters.
MAX_CAPTION_CHARS = 1024


def pressed_item(update: Update, context: ContextTypes.DEFAULT_TYPE) -> VocabItem | None:
    """The item a 🔊 press names, if it is in a lesson the presser has opened; else None."""
    try:
        lesson_id, index_field = unpack(update.callback_query.data, keyboards.PRONOUNCE, 2)
    except BadCallbackData:
        return None
    store = store_of(context)
    if store.progress(update.effective_user.id).reading(lesson_id) is None:
        return None
    lesson = store.lessons.get(lesson_id)
    if lesson is None:
        return None
    try:
        return lesson.vocabulary[unpack_int(index_field, 0, len(lesson.vocabulary) - 1)]
    except BadCallbackData:
        return None


def caption(item: VocabItem) -> str:
    """"🔊 munitions /mjuːˈnɪʃənz/" and the sentence heard, in italics, cut to fit a caption."""
    head = f"🔊 <b>{render.escape(item.item)}</b>{render.pronounced(item)}"
    spoken = voice.spoken_sentence(item.sentence, MAX_CAPTION_CHARS - render.visible_length(head) - 10)
    return head + (f"\n<i>{render.bold_targets(spoken, [item])}</i>" if spoken else "")


async def send_pronunciation(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the pressed word and its sentence as a voice note (or say how to install espeak-ng)."""
    query = update.callback_query
    lang = language_of(update, context)
    item = pressed_item(update, context)
    if item is None:
        await query.answer(text(lang, "pron.stale"))
        return
    await query.answer()
    chat_id = update.effective_chat.id
    executable = context.bot_data.get(voice.SPEAKER, voice.ESPEAK_NG)
    try:
        clip = await voice.make_clip(item.item, item.sentence, executable)
    except voice.VoiceUnavailable:
        note = text(lang, "pron.no_speaker", item=item.item, ipa=render.pronounced(item))
        await context.bot.send_message(chat_id, note)
        return
    except voice.VoiceFailed as error:
        _log.warning("no voice clip for %r: %s", item.item, error)
        await context.bot.send_message(chat_id, text(lang, "pron.failed", item=Html(render.escape(item.item))))
        return
    await context.bot.send_voice(
        chat_id, InputFile(clip, filename=f"{item.lemma}.ogg"), duration=voice.clip_seconds(clip),
        caption=caption(item),
    )

