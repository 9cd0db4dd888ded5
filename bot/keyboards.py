"""The inline keyboards of bringing and reading an article.

Callback data (bot/callback_data.py) names what was pressed; the handlers re-check it:
    rd:<lesson id>:<part>              show that part (Start reading, Next part, Read it again)
    wd:<lesson id>:<part>              the words of that part
    wk:<lesson id>:<item index>:k|n    "I know it" / "New to me" for one item of the lesson
    qz:<lesson id>                     take the quiz (handled by the quiz feature)
    px:<lesson id>:<item index>        🔊 hear the item and its sentence (bot/handlers/pronunciation.py)
"""
from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import pack
from bot.texts import Html, text
from vocab.items import VocabItem

READ, WORDS, KNOW, QUIZ = "rd", "wd", "wk", "qz"
KNOWN, NEW = "k", "n"
PRONOUNCE = "px"
#: The label of the button that sends a word's voice note (an emoji: the same in every language).
LISTEN = "🔊"


def _button(label: str, *data: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=pack(*data))


def start_reading(lesson_id: str, lang: str) -> InlineKeyboardMarkup:
    """Under the preview: start at the first part."""
    return InlineKeyboardMarkup([[_button(text(lang, "article.start"), READ, lesson_id, 0)]])


def words_button(lesson_id: str, part: int, lang: str) -> list[InlineKeyboardButton]:
    return [_button(text(lang, "reading.words"), WORDS, lesson_id, part)]


def quiz_button(lesson_id: str, lang: str) -> list[InlineKeyboardButton]:
    return [_button(text(lang, "reading.quiz"), QUIZ, lesson_id)]


def part_keyboard(lesson_id: str, part: int, parts: int, lang: str) -> InlineKeyboardMarkup:
    """Under a part: the next part (or, after the last, the quiz) and the words of this part."""
    if part + 1 < parts:
        onward = [_button(text(lang, "reading.next"), READ, lesson_id, part + 1)]
    else:
        onward = quiz_button(lesson_id, lang)
    return InlineKeyboardMarkup([onward, words_button(lesson_id, part, lang)])


def finished_keyboard(lesson_id: str, lang: str) -> InlineKeyboardMarkup:
    """When the article is read: the quiz, or the article once more from the start."""
    again = [_button(text(lang, "reading.again"), READ, lesson_id, 0)]
    return InlineKeyboardMarkup([quiz_button(lesson_id, lang), again])


def retired(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """A keyboard once the learner moved on: only its "Words in this part" button stays (the
    words can be looked up later; Next part and Start reading must not be pressed twice)."""
    if markup is None:
        return None
    kept = [
        [b for b in row if isinstance(b.callback_data, str) and b.callback_data.startswith(WORDS + ":")]
        for row in markup.inline_keyboard
    ]
    kept = [row for row in kept if row]
    return InlineKeyboardMarkup(kept) if kept else None


def words_keyboard(
    lesson_id: str, items: Sequence[tuple[int, VocabItem, str | None]], lang: str
) -> InlineKeyboardMarkup | None:
    """One row per item: "✓ I know <item>" / "✗ New to me", or the learner's choice once made,
    then 🔊 to hear the item and its sentence.

    `items` are (index in the lesson's vocabulary, item, the learner's word status or None). A
    choice stays a button: pressing it switches to the other choice, for a learner who misclicked.
    """
    rows = []
    for index, item, status in items:
        label = Html(item.item)  # button labels are plain text: nothing to escape
        if status in ("known", "learned"):
            rows.append([_button(text(lang, "words.marked_known", item=label), KNOW, lesson_id, index, NEW)])
        elif status in ("new", "learning"):
            rows.append([_button(text(lang, "words.marked_new", item=label), KNOW, lesson_id, index, KNOWN)])
        else:
            rows.append([
                _button(text(lang, "words.know", item=label), KNOW, lesson_id, index, KNOWN),
                _button(text(lang, "words.new"), KNOW, lesson_id, index, NEW),
            ])
        rows[-1].append(_button(LISTEN, PRONOUNCE, lesson_id, index))
    return InlineKeyboardMarkup(rows) if rows else None
