"""Fixtures of the storage tests: every contract test runs against each store (like tinydb's own
tests run against each storage), and `reopen()` is a restart of the bot on the same data."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.store import Store
from lessons.article import Article, Chunk, Lesson
from tests.store.fakes import FakeStore
from vocab.items import Difficulty, VocabItem

T0 = datetime(2024, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=9)))


class Backend:
    """A store under test and how to restart it."""

    def __init__(self, name: str, tmp_path):
        self.name = name
        self.tmp_path = tmp_path
        self.store = FakeStore() if name == "memory" else Store.open(tmp_path / "data")

    def reopen(self):
        """A new process on the same data (the fake has no process to lose: the same store)."""
        if self.name == "tinydb":
            self.store.close()
            self.store = Store.open(self.tmp_path / "data")
        return self.store


@pytest.fixture(params=["memory", "tinydb"])
def backend(request, tmp_path):
    b = Backend(request.param, tmp_path)
    yield b
    b.store.close()


def vocab_item(lemma: str, chunk: int = 0, gloss: str = "", kind: str = "word") -> VocabItem:
    return VocabItem(
        item=lemma + ("s" if kind == "word" else ""), lemma=lemma, kind=kind, forms=(lemma, lemma + "s"),
        pos="noun" if kind == "word" else "adjective+noun", zipf=2.85, level="C1", count=2,
        sentence=f"The {lemma} was mentioned — “quoted” — in Seoul.", chunk=chunk, gloss=gloss,
    )


def make_lesson(title: str = "Pyongyang reconfirms ties", level: str = "B2", words=("munition", "provocation")) -> Lesson:
    paragraphs = (
        "North Korea said Saturday that its relations with Russia will remain strong.",
        "In a statement, Pyongyang said the US should be accustomed to the new reality.",
        "Blinken said Russia is providing “technology and support” to the North.",
    )
    chunks = (
        Chunk(0, paragraphs[0] + "\n\n" + paragraphs[1], (paragraphs[0], paragraphs[1])),
        Chunk(1, paragraphs[2], (paragraphs[2],)),
    )
    return Lesson(
        article=Article(title=title, paragraphs=paragraphs, source="The Korea Herald", byline="By Yonhap",
                        date="Nov. 11, 2023 - 13:44", note="지나쌤"),
        chunks=chunks,
        vocabulary=tuple(vocab_item(w, chunk=i % 2, gloss=f"gloss of {w}") for i, w in enumerate(words)),
        difficulty=Difficulty(score=61.25, level="B2", unknown_share=0.0731),
        level=level,
    )
