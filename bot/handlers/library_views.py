"""What the library and word-list commands show: the preview of an added article, the library,
a word list, and their buttons.

Callback data (bot/callback_data.py) of the buttons here, re-checked by the handlers (the lesson
exists and the person pressing owns it; the item is still the one the button was made for):
    lb:open:<lesson id>                      open that article's word list
    lb:cancel                                stop waiting for the article after /add
    wl:rm:<lesson id>:<item index>:<check>   take that item off the word list
    as:pick:<lesson id>                      assign the article (bot/handlers/assignments.py)
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import render
from bot.callback_data import pack
from bot.render import escape, visible_length
from bot.texts import text
from lessons.article import Lesson
from lessons.library import LibraryEntry
from vocab.items import VocabItem

LIBRARY, WORD_LIST, ASSIGN = "lb", "wl", "as"
OPEN, CANCEL, REMOVE, PICK = "open", "cancel", "rm", "pick"
#: Numbered buttons per row (five fit a phone's width) and per message (Telegram shows at most
#: about a hundred buttons under one message).
BUTTONS_PER_ROW = 5
MAX_BUTTONS = 100


def item_check(item: VocabItem) -> str:
    """Six hex digits of the item's lemma: a remove button made for one item never removes
    another that took its place in the list."""
    return f"{zlib.crc32(item.lemma.encode('utf-8')) & 0xFFFFFF:06x}"


def number_in(entries: Sequence[LibraryEntry], lesson_id: str) -> int:
    """The article's number in its owner's library (1 = the oldest), 0 if it is not there."""
    return next((n for n, entry in enumerate(entries, 1) if entry.lesson_id == lesson_id), 0)


def added_preview(lesson: Lesson, lesson_id: str, number: int, lang: str) -> tuple[str, InlineKeyboardMarkup]:
    """The answer to an article added to the library: title, difficulty, parts, words, buttons."""
    d = lesson.difficulty
    body = text(
        lang, "library.added", number=number, title=lesson.article.title,
        difficulty=text(lang, f"article.difficulty.{render.difficulty_for_learner(d)}"),
        share=render.percent(d.unknown_share), level=lesson.level, text_level=d.level,
        parts=len(lesson.chunks), words=len(lesson.vocabulary),
    )  # fmt: skip
    keyboard = InlineKeyboardMarkup([[
        InlineKeyboardButton(text(lang, "library.edit_words"), callback_data=pack(LIBRARY, OPEN, lesson_id)),
        InlineKeyboardButton(text(lang, "library.assign"), callback_data=pack(ASSIGN, PICK, lesson_id)),
    ]])  # fmt: skip
    return body, keyboard


def waiting_keyboard(lang: str) -> InlineKeyboardMarkup:
    """Under the /add prompt: stop waiting for the article."""
    return InlineKeyboardMarkup.from_button(InlineKeyboardButton(text(lang, "library.cancel"), callback_data=pack(LIBRARY, CANCEL)))


Button = tuple[str, str]  # (label, callback data)


def _numbered(buttons: Sequence[Button]) -> InlineKeyboardMarkup | None:
    """Numbered buttons, five to a row."""
    made = [InlineKeyboardButton(label, callback_data=data) for label, data in buttons]
    rows = [made[i : i + BUTTONS_PER_ROW] for i in range(0, len(made), BUTTONS_PER_ROW)]
    return InlineKeyboardMarkup(rows) if rows else None


def _pages(header: str, blocks: Sequence[tuple[str, Button | None]], footer: str) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """Lines into messages of at most 4,096 characters, each with the buttons of its own lines."""
    pages: list[tuple[list[str], list[Button]]] = [([header, ""], [])]
    for line, button in blocks:
        lines, buttons = pages[-1]
        full = button is not None and len(buttons) >= MAX_BUTTONS
        if full or visible_length("\n".join([*lines, line])) > render.MAX_MESSAGE_CHARS:
            pages.append(([], []))
            lines, buttons = pages[-1]
        lines.append(line)
        if button is not None:
            buttons.append(button)
    last = pages[-1][0]
    if visible_length("\n".join([*last, "", footer])) <= render.MAX_MESSAGE_CHARS:
        last.extend(["", footer])
    else:
        pages.append(([footer], []))
    return [("\n".join(lines), _numbered(buttons)) for lines, buttons in pages]


def library_list(entries: Sequence[LibraryEntry], lang: str) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """/library: the articles, oldest first and numbered, each with a button to its word list."""
    if not entries:
        return [(text(lang, "library.empty"), None)]
    blocks = [
        (
            text(lang, "library.line", number=n, title=render.short_title(entry.title), parts=entry.parts,
                 words=entry.words, date=entry.added_at.date().isoformat()),
            (text(lang, "library.open_button", number=n), pack(LIBRARY, OPEN, entry.lesson_id)),
        )  # fmt: skip
        for n, entry in enumerate(entries, 1)
    ]
    return _pages(text(lang, "library.header", count=len(entries)), blocks, text(lang, "library.footer"))


def _item_line(number: int, item: VocabItem, lang: str) -> str:
    line = f"{number}. <b>{escape(item.item)}</b>"
    if item.from_tutor:
        line += " ➕"
    if item.gloss:
        line += f": {escape(item.gloss)}"
    if item.tutor_gloss:
        line += text(lang, "wordlist.tutor_gloss", gloss=item.tutor_gloss)
    return line


def word_list(lesson: Lesson, lesson_id: str, number: int, lang: str) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """An article's word list as the tutor edits it: numbered items with both glosses, a ✗ button
    for each, and how to add, remove and gloss, in as few messages as fit."""
    header = text(lang, "wordlist.header", title=render.short_title(lesson.article.title), number=number,
                  count=len(lesson.vocabulary), level=lesson.level)  # fmt: skip
    blocks: list[tuple[str, Button | None]] = [
        (
            _item_line(n, item, lang),
            (text(lang, "wordlist.remove_button", number=n), pack(WORD_LIST, REMOVE, lesson_id, n - 1, item_check(item))),
        )
        for n, item in enumerate(lesson.vocabulary, 1)
    ]
    if not blocks:
        blocks = [(text(lang, "wordlist.none"), None)]
    footer = text(lang, "wordlist.footer")
    if lesson.removed:
        footer = text(lang, "wordlist.removed", words=", ".join(lesson.removed)) + "\n\n" + footer
    return _pages(header, blocks, footer)
