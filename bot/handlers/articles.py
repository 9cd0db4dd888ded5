"""Bring an article: pasted text, a file or a link becomes a lesson, answered with one preview.

Every way in ends in `make_lesson`: the text is analysed in a worker thread at the learner's
level (words they already know left out), the lesson is stored, it becomes their current
reading, and one preview message answers. A tutor's /add takes the same way with another
`Destination` (bot/handlers/library.py): the article goes into their library instead. Input
that cannot become a lesson gets one friendly message naming why, and nothing is stored. A
paste Telegram cut into pieces (over 4,096 characters) is joined again before it is read.
"""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from pathlib import PurePosixPath

from telegram import Document, Message, MessageEntity, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot import keyboards, render
from bot.fetch import FETCH_TIMEOUT_SECONDS, fetch_page_async, is_url
from bot.handlers import fallback
from bot.handlers.common import language_of, learner_of, now, store_of
from bot.texts import text
from lessons.article import Lesson
from lessons.errors import LessonError, TooLarge, Unreadable
from lessons.limits import MAX_DOCUMENT_BYTES, MAX_HTML_BYTES, MAX_TEXT_BYTES
from vocab.items import DEFAULT_LEVEL
from vocab.progress import ReadingState

#: A private message of fewer words than this, and no link, is chatter ("hi", "thanks, that was
#: fun!"), answered with the pointer to how to bring an article, not analysed.
CHATTER_WORDS = 15
#: The shortest text the bot makes a lesson of: about 80 words is a short news brief of three or
#: four sentences. Anything shorter gives one thin part and hardly a word to learn.
MIN_ARTICLE_WORDS = 80
#: Files the bot reads, by name, and the largest of each it downloads (checked before
#: downloading, from the size Telegram reports; the core checks the bytes again). Telegram lets
#: a bot download at most 20 MB, which is also the limit for Word files and PDFs.
FILE_LIMITS = {
    ".txt": MAX_TEXT_BYTES,
    ".text": MAX_TEXT_BYTES,
    ".md": MAX_TEXT_BYTES,
    ".markdown": MAX_TEXT_BYTES,
    ".html": MAX_HTML_BYTES,
    ".htm": MAX_HTML_BYTES,
    ".docx": MAX_DOCUMENT_BYTES,
    ".pdf": MAX_DOCUMENT_BYTES,
}
#: A file with no known name is still read when Telegram says it is one of these.
TYPE_LIMITS = {
    "text/plain": MAX_TEXT_BYTES,
    "text/markdown": MAX_TEXT_BYTES,
    "text/html": MAX_HTML_BYTES,
    "application/pdf": MAX_DOCUMENT_BYTES,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": MAX_DOCUMENT_BYTES,
}
#: Seconds between "typing…" signals: Telegram shows one for 5 seconds.
TYPING_EVERY = 4.5
#: Telegram clients cut a pasted text longer than 4,096 characters into pieces near that size,
#: sent one right after the other. A message at least this long may be the first piece of a
#: longer article: the bot waits a moment for more pieces and reads them as one text.
PIECE_MIN_CHARS = 3500
PIECE_WAIT_SECONDS = 1.5
#: user_data key of the pieces of a paste still arriving.
PASTE = "article_pieces"
_SENTENCE_END = (".", "!", "?", '"', "”", "’", ")")

ReadText = Callable[[], Awaitable[str]]
Keep = Callable[[Update, ContextTypes.DEFAULT_TYPE, Lesson], Awaitable[None]]


@dataclass(frozen=True)
class Destination:
    """Where a brought article goes: the level it is analysed at, the lemmas left out, and what
    stores it and answers (the learner's own reading, or a tutor's library)."""

    level: str
    known: Collection[str]
    keep: Keep


def is_chatter(message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A short private text with no link, not a piece of a long paste: not an article."""
    body = message.text or ""
    if link_in(message) or PASTE in context.user_data or len(body) >= PIECE_MIN_CHARS:
        return False
    return len(body.split()) < CHATTER_WORDS


async def bring_text(update: Update, context: ContextTypes.DEFAULT_TYPE, into: Destination | None = None) -> None:
    """Make a lesson of a pasted article or a link; answer chatter with how to bring one."""
    message = update.effective_message
    body = message.text or ""
    link = link_in(message)
    if is_chatter(message, context):
        await fallback.chatter(update, context)
    elif link:
        await make_lesson(update, context, lambda: read_link(link), into=into)
    elif PASTE in context.user_data or len(body) >= PIECE_MIN_CHARS:
        wait_for_more_pieces(update, context, body, into)
    else:
        await make_lesson(update, context, lambda: _as_awaitable(body), into=into)


def wait_for_more_pieces(
    update: Update, context: ContextTypes.DEFAULT_TYPE, piece: str, into: Destination | None = None
) -> None:
    """Keep a piece of a long paste and (re)start the short wait for the next one."""
    context.user_data.setdefault(PASTE, []).append(piece)
    name = f"{PASTE}:{update.effective_user.id}"
    for job in context.job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    context.job_queue.run_once(
        pasted, PIECE_WAIT_SECONDS, data=(update, into), name=name,
        user_id=update.effective_user.id, chat_id=update.effective_chat.id,
    )


async def pasted(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Make a lesson of every piece of a long paste, joined (the wait for more is over)."""
    pieces = context.user_data.pop(PASTE, [])
    update, into = context.job.data
    if pieces:
        await make_lesson(update, context, lambda: _as_awaitable(join_pieces(pieces)), into=into)


def join_pieces(pieces: list[str]) -> str:
    """The pasted text again: Telegram drops the white space where it cut, so a piece that ends a
    sentence is taken to end a paragraph, and any other cut to fall between two words."""
    text_so_far = pieces[0]
    for piece in pieces[1:]:
        text_so_far += ("\n" if text_so_far.rstrip().endswith(_SENTENCE_END) else " ") + piece
    return text_so_far


async def bring_file(update: Update, context: ContextTypes.DEFAULT_TYPE, into: Destination | None = None) -> None:
    """Make a lesson of an uploaded .txt, .md, .docx, .pdf or .html file."""
    read, limit = file_reader(update.effective_message.document)
    await make_lesson(update, context, read, size_limit=limit, into=into)


def file_reader(document: Document) -> tuple[ReadText, int | None]:
    """What reads the text of an uploaded file, and the largest file of its kind (None: a kind
    the bot cannot read, refused when read)."""
    name, mime = document.file_name or "", document.mime_type or ""
    limit = file_limit(name, mime)

    async def read() -> str:
        if limit is None:
            raise Unreadable(f"{name or mime or 'the file'} is not a kind of file the bot reads")
        if document.file_size and document.file_size > limit:
            raise TooLarge(f"{document.file_size:,} bytes; the limit is {limit:,}")
        try:
            file = await document.get_file()
        except BadRequest:  # "file is too big": over Telegram's 20 MB, its size not reported
            raise TooLarge("Telegram refused to hand the file over") from None
        data = bytes(await file.download_as_bytearray())
        from lessons.ingest import text_from_bytes

        return await asyncio.to_thread(text_from_bytes, data, name, mime)

    return read, limit


def link_in(message: Message) -> str | None:
    """The link to fetch: the whole message is one URL, or a short message carries exactly one."""
    body = (message.text or "").strip()
    if is_url(body):
        return body
    if len(body.split()) >= CHATTER_WORDS:
        return None
    links = [u for u in message.parse_entities([MessageEntity.URL]).values() if is_url(u)]
    return links[0] if len(links) == 1 else None


def file_limit(name: str, mime: str) -> int | None:
    """The largest file of this name or type the bot downloads; None for a kind it cannot read."""
    suffix = PurePosixPath(name.lower()).suffix
    return FILE_LIMITS.get(suffix) or TYPE_LIMITS.get(mime.lower().split(";", 1)[0].strip())


async def read_link(url: str) -> str:
    """The article text of a web page (fetched with a time limit, extracted in a worker thread)."""
    page = await fetch_page_async(url, timeout=FETCH_TIMEOUT_SECONDS)
    from lessons.ingest import text_from_html

    return await asyncio.to_thread(text_from_html, page.content, page.url)


async def _as_awaitable(value: str) -> str:
    return value


def analyse_for(raw: str, level: str, known: set[str]):
    """The lesson of `raw` for a learner at `level` who knows `known` (runs in a worker thread)."""
    from lessons.analysis import analyse
    from vocab.lexicon import load_lexicon

    return analyse(raw, level, lexicon=load_lexicon(), min_words=MIN_ARTICLE_WORDS, known=known)


async def make_lesson(
    update: Update, context: ContextTypes.DEFAULT_TYPE, read: ReadText, size_limit: int | None = None,
    into: Destination | None = None,
) -> None:
    """Read and analyse the article, then keep it where it goes (by default: store it, make it
    the learner's current reading and send the preview).

    `size_limit`: the largest file of the kind sent, named when the file is refused as too large."""
    message = update.effective_message
    into = into or reading_destination(update, context)
    try:
        async with typing_while_working(context, message.chat_id):
            raw = await read()
            lesson = await asyncio.to_thread(analyse_for, raw, into.level, set(into.known))
    except LessonError as error:
        await message.reply_text(refusal(error, language_of(update, context), size_limit))
        return
    await into.keep(update, context, lesson)


def reading_destination(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Destination:
    """The learner's own reading: analysed at their level, the words they know left out."""
    learner = learner_of(update, context)
    progress = store_of(context).progress(learner.user_id)
    from vocab.quiz import known_lemmas  # imports nltk: not at start-up

    known = known_lemmas({w.lemma: (w.status == "known", w.right) for w in progress.words()})
    return Destination(learner.level or DEFAULT_LEVEL, known, start_reading)


async def start_reading(update: Update, context: ContextTypes.DEFAULT_TYPE, lesson: Lesson) -> None:
    """Store the lesson, make it the learner's current reading and send the preview."""
    user_id, lang, at = update.effective_user.id, language_of(update, context), now(context)
    progress = store_of(context).progress(user_id)
    lesson_id = store_of(context).lessons.add(lesson, owner_id=user_id, at=at)
    state = progress.reading(lesson_id) or ReadingState(lesson_id, started_at=at, parts_read=frozenset())
    progress.save_reading(state)
    await update.effective_message.reply_text(
        render.preview(lesson, lang), reply_markup=keyboards.start_reading(lesson_id, lang)
    )


#: The reasons of lessons.errors, each with its message "article.error.<reason>".
REASONS = ("empty", "too_short", "not_english", "too_large", "unreadable", "no_article", "fetch_failed")


def refusal(error: LessonError, lang: str, size_limit: int | None = None) -> str:
    """The one friendly message for input that cannot become a lesson."""
    reason = error.reason if error.reason in REASONS else "unreadable"
    if reason == "too_short":
        return text(lang, "article.error.too_short", min_words=MIN_ARTICLE_WORDS)
    if reason == "too_large" and size_limit:
        return text(lang, "article.error.file_too_large", max_mb=max(1, size_limit // 2**20))
    return text(lang, f"article.error.{reason}")


@contextlib.asynccontextmanager
async def typing_while_working(context: ContextTypes.DEFAULT_TYPE, chat_id: int):
    """Show "typing…" in the chat (the bot is reading the article) until the block ends."""

    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(TYPING_EVERY)
            await context.bot.send_chat_action(chat_id, ChatAction.TYPING)

    with contextlib.suppress(TelegramError):  # only a courtesy: never why an article fails
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
