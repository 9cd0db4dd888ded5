"""A long word list or library is split into messages Telegram accepts, each with the buttons of
its own lines, and every button's data fits Telegram's 64 bytes."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from bot.callback_data import MAX_CALLBACK_BYTES
from bot.handlers.library_views import MAX_BUTTONS, item_check, library_list, word_list
from bot.render import MAX_MESSAGE_CHARS, visible_length
from lessons.article import Article, Chunk, Lesson
from lessons.library import LibraryEntry
from vocab.items import Difficulty, VocabItem

LESSON_ID = "0123456789ab"


def lesson_with(count: int, gloss_chars: int) -> Lesson:
    items = tuple(
        VocabItem(item=f"word{n}", lemma=f"word{n}", kind="word", forms=(f"word{n}",), pos="noun", zipf=3.0,
                  level="C1", count=1, sentence="A sentence.", chunk=0, gloss="g" * gloss_chars,
                  tutor_gloss="군" * 80, from_tutor=n % 2 == 0)
        for n in range(count)
    )
    return Lesson(Article("A title", ("A sentence.",)), (Chunk(0, "A sentence.", ("A sentence.",)),), items,
                  Difficulty(50.0, "B2", 0.03), "B2", removed=("escalate", "spokesperson"))


def data_of(keyboard) -> list[str]:
    return [button.callback_data for row in (keyboard.inline_keyboard if keyboard else ()) for button in row]


@pytest.mark.parametrize("count, gloss_chars", [(0, 0), (1, 10), (12, 120), (40, 120), (150, 60)])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_word_list_fits_telegram_and_lists_every_item_once_with_its_button(count, gloss_chars, lang):
    lesson = lesson_with(count, gloss_chars)
    pages = word_list(lesson, LESSON_ID, 3, lang)
    shown, buttons = [], []
    for body, keyboard in pages:
        assert visible_length(body) <= MAX_MESSAGE_CHARS
        data = data_of(keyboard)
        assert len(data) <= MAX_BUTTONS and all(len(d.encode()) <= MAX_CALLBACK_BYTES for d in data)
        numbers = [int(n) for n in re.findall(r"^(\d+)\. <b>", body, re.MULTILINE)]
        assert [int(d.split(":")[3]) + 1 for d in data] == numbers  # a message's buttons are its own lines
        shown += numbers
        buttons += data
    assert shown == list(range(1, count + 1))
    assert buttons == [f"wl:rm:{LESSON_ID}:{n}:{item_check(v)}" for n, v in enumerate(lesson.vocabulary)]
    assert "escalate, spokesperson" in pages[-1][0]
    if count * (gloss_chars + 100) > MAX_MESSAGE_CHARS:
        assert len(pages) > 1


def test_a_check_tells_items_apart():
    item = lesson_with(2, 0).vocabulary[0]
    assert item_check(item) == item_check(replace(item, gloss="other")) != item_check(replace(item, lemma="other"))
    assert re.fullmatch(r"[0-9a-f]{6}", item_check(item))


@pytest.mark.parametrize("count", [0, 1, 30, 250])
def test_a_long_library_is_split_with_a_button_for_each_article(count):
    at = datetime(2024, 3, 1, tzinfo=timezone.utc)
    entries = [LibraryEntry(f"{n:012x}", 1, "A rather long title about libraries " * 3, at, 3, 12) for n in range(count)]
    pages = library_list(entries, "en")
    data = []
    for body, keyboard in pages:
        assert visible_length(body) <= MAX_MESSAGE_CHARS
        assert len(data_of(keyboard)) <= MAX_BUTTONS
        data += data_of(keyboard)
    assert data == [f"lb:open:{e.lesson_id}" for e in entries]
