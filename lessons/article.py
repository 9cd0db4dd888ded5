"""An article as a lesson: what it is (Article), how it is read (Chunk), what it teaches (Lesson)."""
from __future__ import annotations

from dataclasses import dataclass

from vocab.items import DEFAULT_LEVEL, Difficulty, VocabItem


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

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "source": self.source,
            "byline": self.byline,
            "date": self.date,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """The inverse of `to_dict`."""
        return cls(
            title=data["title"],
            paragraphs=tuple(data["paragraphs"]),
            source=data.get("source", ""),
            byline=data.get("byline", ""),
            date=data.get("date", ""),
            note=data.get("note", ""),
        )


@dataclass(frozen=True)
class Chunk:
    """One phone-sized part of the article: whole sentences, paragraphs kept together."""

    index: int
    text: str  # paragraphs joined by blank lines
    sentences: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"index": self.index, "text": self.text, "sentences": list(self.sentences)}

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        """The inverse of `to_dict`; a chunk of the CLI JSON (no sentences) gets none."""
        return cls(index=data["index"], text=data["text"], sentences=tuple(data.get("sentences", ())))


@dataclass(frozen=True)
class Lesson:
    """Everything the bot needs to teach one article."""

    article: Article
    chunks: tuple[Chunk, ...]
    vocabulary: tuple[VocabItem, ...]
    difficulty: Difficulty
    level: str = "B2"
    removed: tuple[str, ...] = ()  # lemmas the tutor took off the word list: left out at every level

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

    def as_record(self) -> dict:
        """Everything needed to rebuild this lesson exactly: `to_dict()` plus the paragraphs,
        the chunks' sentences and the level it was analysed for (what the stores keep)."""
        record = self.to_dict()
        record["paragraphs"] = list(self.article.paragraphs)
        record["chunks"] = [c.to_dict() for c in self.chunks]
        record["level"] = self.level
        if self.removed:  # only when edited: an unedited lesson keeps its record (and its id)
            record["removed"] = list(self.removed)
        return record

    @classmethod
    def from_dict(cls, data: dict) -> Lesson:
        """The inverse of `as_record()`, exact. Also reads the shape of `to_dict()` as far as it
        goes: paragraphs are then taken from the chunks' texts, sentences are empty, level B2."""
        chunks = tuple(Chunk.from_dict(c) for c in data["chunks"])
        paragraphs = data.get("paragraphs")
        if paragraphs is None:
            paragraphs = [p for c in chunks for p in c.text.split("\n\n") if p.strip()]
        article = Article.from_dict({**data, "paragraphs": paragraphs})
        return cls(
            article=article,
            chunks=chunks,
            vocabulary=tuple(VocabItem.from_dict(v) for v in data["vocabulary"]),
            difficulty=Difficulty.from_dict(data["difficulty"]),
            level=data.get("level", DEFAULT_LEVEL),
            removed=tuple(data.get("removed", ())),
        )
