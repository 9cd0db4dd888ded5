"""The things a learner studies: vocabulary items and how hard a text is.

These frozen dataclasses are the words of the core that every other layer speaks: the
analysis engine makes them, the bot renders them, the stores keep them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Literal

#: CEFR levels a learner can pick, easiest first.
LEVELS: tuple[str, ...] = ("A2", "B1", "B2", "C1")
DEFAULT_LEVEL = "B2"

ItemKind = Literal["word", "phrase"]


@dataclass(frozen=True)
class Sentence:
    """One sentence of the reading text and the index of the chunk (part) it is read in."""

    text: str
    chunk: int


@dataclass(frozen=True)
class VocabItem:
    """A word or phrase worth learning, with the evidence from the article."""

    item: str  # what the learner sees: "munitions", "constructive role"
    lemma: str  # dictionary form: "munition", "constructive role"
    kind: ItemKind  # "word" or "phrase"
    forms: tuple[str, ...]  # forms seen in the article, in order of first appearance
    pos: str  # "noun", "verb", "adjective", "adverb" (phrases: "adjective+noun", "verb+noun", "phrasal verb")
    zipf: float  # word-family Zipf frequency (phrases: the rarer word's)
    level: str  # CEFR-like band of the item: "B1", "B2", "C1", "C2"
    count: int  # occurrences in the article
    sentence: str  # the first sentence it appears in
    chunk: int  # index of the chunk holding that sentence
    gloss: str  # short English gloss from WordNet; "" when WordNet is not installed
    tutor_gloss: str = ""  # the tutor's gloss in the learners' language ("군수품"), shown beside `gloss`
    from_tutor: bool = False  # added by the tutor: always taught, whatever the learner's level

    def to_dict(self) -> dict:
        """A JSON-able dict; the tutor's fields only when a tutor set them (the documented
        `companion analyze --json` schema, and stored lessons made before tutors, stay as they were)."""
        data = asdict(self)
        data["forms"] = list(self.forms)
        for name in ("tutor_gloss", "from_tutor"):
            if not data[name]:
                del data[name]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> VocabItem:
        """The inverse of `to_dict` (keys it does not know are ignored)."""
        known = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        known["forms"] = tuple(known.get("forms", ()))
        return cls(**known)


@dataclass(frozen=True)
class Difficulty:
    """How hard a text is for a reader: a 0-100 score, a CEFR-like label, and the share
    of running words beyond the reader's level."""

    score: float
    level: str
    unknown_share: float

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Difficulty:
        """The inverse of `to_dict`."""
        return cls(score=data["score"], level=data["level"], unknown_share=data["unknown_share"])
