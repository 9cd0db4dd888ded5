"""The one entry point the shell calls: raw input -> a Lesson ready to teach."""
from __future__ import annotations

from collections.abc import Collection

from lessons.article import Lesson
from lessons.chunking import make_chunks
from lessons.clean import clean_article
from lessons.errors import TooLarge, TooShort
from lessons.ingest import MAX_TEXT_CHARS, text_from_bytes
from vocab.difficulty import rate_difficulty
from vocab.items import DEFAULT_LEVEL, LEVELS, Sentence
from vocab.picking import find_vocabulary


def analyse(
    text: str,
    level: str = DEFAULT_LEVEL,
    *,
    lexicon=None,
    min_chars: int = 600,
    max_chars: int = 1200,
    min_words: int = 0,
    known: Collection[str] = (),
) -> Lesson:
    """Clean pasted text, cut it into parts and pick the words worth learning at `level`.

    `lexicon` is a loaded `vocab.lexicon.Lexicon` (pass the same one for many articles so
    WordNet is read once); `known` are lemmas the learner already knows; `min_words` refuses
    texts too short to be a lesson (the CLI accepts anything, the bot asks for a real article).
    Raises a `lessons.errors.LessonError` subclass for input that cannot become a lesson.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(f"{len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    article = clean_article(text)
    words = sum(len(p.split()) for p in article.paragraphs)
    if words < min_words:
        raise TooShort(f"{words} words; a lesson needs at least {min_words}")
    chunks = make_chunks(article.paragraphs, min_chars=min_chars, max_chars=max_chars)
    sentences = [Sentence(text=s, chunk=c.index) for c in chunks for s in c.sentences]
    vocabulary = find_vocabulary(sentences, level=level, lexicon=lexicon, exclude=known)
    difficulty = rate_difficulty([s.text for s in sentences], level=level, lexicon=lexicon)
    return Lesson(
        article=article,
        chunks=tuple(chunks),
        vocabulary=tuple(vocabulary),
        difficulty=difficulty,
        level=level,
    )


def analyse_file(
    data: bytes, filename: str = "", content_type: str = "", level: str = DEFAULT_LEVEL, **options
) -> Lesson:
    """Read the text out of a file's bytes (txt, md, html, docx, pdf), then `analyse` it."""
    return analyse(text_from_bytes(data, filename=filename, content_type=content_type), level, **options)
