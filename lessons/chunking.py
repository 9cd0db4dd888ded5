"""Cut an article into parts for reading on a phone: whole sentences, paragraphs kept together.

A part (Chunk) is one Telegram message. The cut is chosen for the whole article at once (dynamic
programming over the sentence boundaries) by a cost that says what a reader minds:

- a part shorter than `min_chars` feels thin: cost grows with the gap, with a step for a scrap
  (under a third of `min_chars`, e.g. a tiny last part), which is worse than a long part;
- a part longer than `max_chars` means scrolling: a step cost plus growth with the excess, so a
  paragraph a little over the limit stays whole, while a very long one is cut between sentences;
- a cut inside a paragraph breaks the writer's unit of thought: a fixed cost;
- a part longer than `hard_limit` is never made (a Telegram message holds 4,096 characters,
  and the bot adds bold markup and a header).

Sentences are never split, except a single sentence longer than `hard_limit`, which is cut at
a clause boundary (semicolon, colon, dash, comma, conjunction) or else between words.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from lessons.article import Chunk
from lessons.sentences import sentence_spans, split_sentences

__all__ = ["make_chunks", "split_sentences", "split_long_sentence"]

#: Telegram's limit is 4,096 characters per message; keep room for markup and a "Part 2 of 5" header.
HARD_LIMIT = 3500

_PART_COST = 0.1  # each extra part: prefer fewer parts when sizes are equally good
_SHORT_COST = 2.0  # a part of 0 characters would cost this much
_SCRAP_COST = 2.0  # ...plus this for a part under a third of min_chars: a scrap is worse than a long part
_LONG_STEP = 0.5  # any part over max_chars
_LONG_COST = 4.0  # ...plus this much per max_chars of excess
_CUT_PARAGRAPH = 0.8  # a cut between two sentences of one paragraph
_CUT_SENTENCE = 3.0  # a cut inside an over-long sentence (only where it had to be split)

#: Where an over-long sentence may be cut, best first: after ; : or a dash, after a comma or a
#: closing bracket, before a conjunction that opens a clause, then any space.
_CLAUSE_BREAKS = (
    re.compile(r"[;:]\s+|\s+[—–]\s*|\s+-{1,2}\s+"),
    re.compile(r"[,)]\s+"),
    re.compile(r"\s+(?=(?:and|but|or|which|who|while|because|although|whereas|so)\s)"),
    re.compile(r"\s+"),
)


def split_long_sentence(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans of `text` cut into pieces of at most `limit` characters at clause or word boundaries."""
    spans: list[tuple[int, int]] = []
    start, end = 0, len(text)
    while end - start > limit:
        window_end = start + limit
        cut = None
        for pattern in _CLAUSE_BREAKS:
            matches = [
                m
                for m in pattern.finditer(text, start + limit // 2, window_end + 1)
                if start < m.start() and m.start() + len(m.group().rstrip()) <= window_end
            ]
            if matches:
                cut = matches[-1]
                break
        if cut is None:  # one unbroken run of characters (a long URL): cut it where it must be
            piece_end, next_start = window_end, window_end
        else:
            piece_end = cut.start() + len(cut.group().rstrip())  # keep the punctuation
            next_start = cut.end()
        spans.append((start, piece_end))
        start = next_start
    if start < end:
        spans.append((start, end))
    return spans


def _units(paragraphs: Sequence[str], hard_limit: int, piece_limit: int):
    """(paragraph index, sentence index, start, end) for every sentence, or for every piece of
    a sentence longer than `hard_limit` (pieces of at most `piece_limit` characters)."""
    units = []
    texts = []
    for text in paragraphs:
        if not text.strip():
            continue
        p = len(texts)
        texts.append(text)
        for s, (start, end) in enumerate(sentence_spans(text)):
            if end - start <= hard_limit:
                units.append((p, s, start, end))
            else:
                for a, b in split_long_sentence(text[start:end], piece_limit):
                    units.append((p, s, start + a, start + b))
    return texts, units


def _size_cost(length: int, min_chars: int, max_chars: int) -> float:
    if length < min_chars:
        scrap = _SCRAP_COST if 3 * length < min_chars else 0.0
        return scrap + _SHORT_COST * (min_chars - length) / min_chars
    if length > max_chars:
        return _LONG_STEP + _LONG_COST * (length - max_chars) / max_chars
    return 0.0


def make_chunks(
    paragraphs: Sequence[str], min_chars: int = 600, max_chars: int = 1200, hard_limit: int = HARD_LIMIT
) -> tuple[Chunk, ...]:
    """Parts of about `min_chars`..`max_chars` characters, never more than `hard_limit`.

    Each part holds whole sentences (paragraphs joined by a blank line); `Chunk.index` counts
    from 0. A sentence longer than `hard_limit` is the only thing ever cut.
    """
    if not 0 < min_chars <= max_chars <= hard_limit:
        raise ValueError("need 0 < min_chars <= max_chars <= hard_limit")
    texts, units = _units(paragraphs, hard_limit, piece_limit=max_chars)
    n = len(units)
    if not n:
        return ()

    # best[j]: lowest cost of cutting units[:j] into parts; start[j]: where its last part begins.
    best = [0.0] + [float("inf")] * n
    start_of = [0] * (n + 1)
    for j in range(1, n + 1):
        length = 0
        for i in range(j - 1, -1, -1):
            p, s, a, b = units[i]
            if i == j - 1:
                length = b - a
            elif units[i + 1][0] == p:
                length += units[i + 1][2] - a
            else:
                length += b - a + 2  # "\n\n" between paragraphs
            if length > hard_limit:
                break
            cost = best[i] + _PART_COST + _size_cost(length, min_chars, max_chars)
            if i > 0:
                before = units[i - 1]
                if before[0] == p:
                    cost += _CUT_SENTENCE if before[1] == s else _CUT_PARAGRAPH
            if cost < best[j]:
                best[j], start_of[j] = cost, i

    bounds = []
    j = n
    while j > 0:
        bounds.append((start_of[j], j))
        j = start_of[j]
    bounds.reverse()
    return tuple(_chunk(index, texts, units[i:j]) for index, (i, j) in enumerate(bounds))


def _chunk(index: int, texts: list[str], units) -> Chunk:
    parts: list[str] = []
    sentences: list[str] = []
    run_start = 0
    for k, (p, _, a, b) in enumerate(units):
        sentences.append(texts[p][a:b])
        if k + 1 == len(units) or units[k + 1][0] != p:
            parts.append(texts[p][units[run_start][2] : b])
            run_start = k + 1
    return Chunk(index=index, text="\n\n".join(parts), sentences=tuple(sentences))
