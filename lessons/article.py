"""An article as a lesson: what it is (Article), how it is read (Chunk), what it teaches (Lesson)."""
from __future__ import annotations

from dataclasses import dataclass

from vocab.items import Difficulty, VocabItem


@dataclass(frozen=True)
class Article:
    """A cleaned article: reading text as paragraphs, and what was found around it."""

    title: str
    paragraphs: tuple[str, ...]
    source: str = ""  # the publication: "The Korea Herald"
    byline: str = ""  # "By Yonhap"
    date: str = ""  # as printed: "Nov. 11, 2023 - 13:44"
    note: str = ""  # lines not in English (a tutor's note), kept apart from the reading text

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Chunk:
    """One phone-sized part of the article: whole sentences, paragraphs kept together."""

    index: int
    text: str  # paragraphs joined by blank lines
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Lesson:
    """Everything the bot needs to teach one article."""

    article: Article
    chunks: tuple[Chunk, ...]
    vocabulary: tuple[VocabItem, ...]
    difficulty: Difficulty
    level: str = "B2"

    def to_dict(self) -> dict:
        """The JSON shape documented in the README (`companion analyze --json`)."""
        a = self.article
        return {
            "title": a.title,
            "source": a.source,
            "byline": a.byline,
            "date": a.date,
            "note": a.note,
            "difficulty": self.difficulty.to_dict(),
            "chunks": [{"index": c.index, "text": c.text} for c in self.chunks],
            "vocabulary": [v.to_dict() for v in self.vocabulary],
        }
