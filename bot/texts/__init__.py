"""Everything the bot says, one catalogue per language: `en.json` and `ko.json` in this folder.

A catalogue is a flat JSON object from a message id ("start.welcome") to a Telegram-HTML
template with `str.format` placeholders ("Hi, <b>{name}</b>!"). JSON needs no build step (stdlib
`gettext` would need compiled .mo files), every translation tool reads it, and a test checks that
both catalogues have the same ids and the same placeholders.

A feature may keep its messages in its own pair of files (`en.quiz.json`, `ko.quiz.json`); they
are merged with `en.json`/`ko.json`, and an id may appear in only one file of a language.

To add a message: add the same id to en.json and ko.json (Korean in polite 해요체), then call
`text(lang, "the.id", name=...)`. Values are HTML-escaped unless wrapped in `Html`.
"""
from __future__ import annotations

import html
import json
import logging
from functools import cache
from pathlib import Path
from string import Formatter

LANGUAGES = ("en", "ko")
DEFAULT_LANGUAGE = "en"
CATALOGUE_DIR = Path(__file__).resolve().parent

_log = logging.getLogger(__name__)


class Html(str):
    """A value that is already Telegram HTML, passed into `text` without escaping."""


def language_for(user_language_code: str | None, stored_choice: str | None = None) -> str:
    """The learner's language: their own choice if they made one, else Korean for "ko*", else English."""
    if stored_choice in LANGUAGES:
        return stored_choice
    if user_language_code and user_language_code.lower().startswith("ko"):
        return "ko"
    return DEFAULT_LANGUAGE


def catalogue_files(lang: str) -> list[Path]:
    """A language's catalogue files: `en.json` plus one per feature, `en.reading.json`, `en.quiz.json`..."""
    return [CATALOGUE_DIR / f"{lang}.json", *sorted(CATALOGUE_DIR.glob(f"{lang}.*.json"))]


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The message templates of one language, read once (every feature file of it merged)."""
    merged: dict[str, str] = {}
    for path in catalogue_files(lang):
        part = json.loads(path.read_text(encoding="utf-8"))
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"{path.name} repeats message ids {sorted(clash)}")
        merged.update(part)
    return merged


def placeholders(template: str) -> set[str]:
    """The names a template fills in: "Hi, {name}" -> {"name"}."""
    return {field for _, field, _, _ in Formatter().parse(template) if field}


def text(lang: str, key: str, /, **values: object) -> str:
    """The message `key` in `lang` (English if the id is missing there), values escaped and filled in."""
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    template = catalogue(lang).get(key)
    if template is None:
        _log.warning("message %r is missing in the %s catalogue", key, lang)
        template = catalogue(DEFAULT_LANGUAGE)[key]
    safe = {name: v if isinstance(v, Html) else html.escape(str(v), quote=False) for name, v in values.items()}
    return template.format(**safe)
