"""`companion analyze`: preview the lesson the bot would make from files, URLs or stdin."""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from lessons.errors import LessonError
from vocab.items import DEFAULT_LEVEL, LEVELS

#: Refuse before reading: a file this large is not an article (the core has finer limits).
MAX_INPUT_BYTES = 25 * 1024 * 1024


def add_parser(subparsers) -> None:
    """Register `analyze` on the CLI's subparsers."""
    parser = subparsers.add_parser(
        "analyze",
        help="preview the lesson made from articles (files, URLs or - for stdin)",
        description="Clean an article, cut it into parts and list its advanced vocabulary.",
    )
    parser.add_argument("inputs", nargs="+", metavar="PATH|URL|-", help="a .txt/.md/.html/.docx/.pdf file, an http(s) URL, or - for stdin")
    parser.add_argument("--level", default=DEFAULT_LEVEL, choices=LEVELS, help="the learner's CEFR level (default %(default)s)")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per input")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS", help="time limit for fetching a URL (default %(default)s)")
    parser.set_defaults(func=run)


def read_input(source: str, timeout: float = 10.0):
    """Return (bytes, filename, content_type) for a path, a URL or '-'."""
    from bot.fetch import fetch_page, is_url

    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return data, "stdin.txt", "text/plain"
    if is_url(source):
        page = fetch_page(source, timeout=timeout)
        return page.content, page.url, page.content_type or "text/html"
    path = Path(source)
    if not path.is_file():
        raise InputMissing(f"{source}: no such file")
    if path.stat().st_size > MAX_INPUT_BYTES:
        from lessons.errors import TooLarge

        raise TooLarge(f"{path.stat().st_size:,} bytes")
    return path.read_bytes(), path.name, ""


class InputMissing(Exception):
    """A path that does not exist."""


MESSAGES = {
    "empty": "there is no text in it.",
    "too_short": "it is too short to be an article.",
    "not_english": "it does not look like English text.",
    "too_large": "it is too large for one lesson.",
    "unreadable": "it is not a text, .docx, .pdf or web page that can be read.",
    "no_article": "the page has no article text in it.",
    "fetch_failed": "the page could not be fetched.",
}


def explain(error: LessonError) -> str:
    """One friendly line for a core error."""
    detail = f" ({error.detail})" if error.detail and error.detail != error.reason else ""
    return MESSAGES.get(error.reason, "it cannot be read.") + detail


def run(args: argparse.Namespace) -> int:
    """Analyse each input in order; exit 2 with one line per bad input."""
    from lessons.analysis import analyse
    from lessons.ingest import text_from_bytes, text_from_html
    from vocab.lexicon import load_lexicon

    lexicon = load_lexicon()  # once for every input
    lessons, failed = [], False
    for source in args.inputs:
        try:
            data, name, content_type = read_input(source, args.timeout)
            if "html" in content_type.lower():
                text = text_from_html(data, url=name)
            else:
                text = text_from_bytes(data, filename=name, content_type=content_type)
            lessons.append(analyse(text, args.level, lexicon=lexicon))
        except (LessonError, InputMissing) as error:
            reason = explain(error) if isinstance(error, LessonError) else str(error)
            print(f"companion analyze: {source}: {reason}", file=sys.stderr)
            failed = True
    if lexicon.hint:
        print(f"note: {lexicon.hint}", file=sys.stderr)
    if args.json:
        json.dump([lesson.to_dict() for lesson in lessons], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print("\n\n".join(render_preview(lesson) for lesson in lessons))
    return 2 if failed else 0


def render_preview(lesson) -> str:
    """A readable lesson preview for the terminal."""
    a, d = lesson.article, lesson.difficulty
    lines = [a.title, "=" * min(len(a.title), 78)]
    for label, value in (("Source", a.source), ("Byline", a.byline), ("Date", a.date), ("Note", a.note)):
        if value:
            lines.append(f"{label}: {value}")
    lines.append(
        f"Difficulty: {d.level} (score {d.score:.0f}/100); {d.unknown_share:.0%} of running words are beyond {lesson.level}"
    )
    lines.append(f"Parts: {len(lesson.chunks)}   New words: {len(lesson.vocabulary)}")
    for chunk in lesson.chunks:
        lines += ["", f"--- Part {chunk.index + 1} of {len(lesson.chunks)} ({len(chunk.text)} characters) ---"]
        lines.append("\n\n".join(textwrap.fill(p, 78) for p in chunk.text.split("\n\n")))
    lines += ["", f"Vocabulary for {lesson.level}:", f"  {'item':<24} {'pos':<15} {'zipf':>4}  {'band':<4} {'n':>2}  {'part':>4}  gloss"]
    for v in lesson.vocabulary:
        gloss = v.gloss if len(v.gloss) <= 60 else v.gloss[:59] + "…"
        lines.append(f"  {v.item:<24} {v.pos:<15} {v.zipf:>4.1f}  {v.level:<4} {v.count:>2}  {v.chunk + 1:>4}  {gloss}")
    return "\n".join(lines)
