"""How a lesson looks in Telegram: the preview, a part with the learner's words in bold, word cards.

Pure functions from the core's dataclasses to Telegram-HTML strings (no network, no store), so
they are tested directly. Every text from the article is HTML-escaped before markup is added.
"""
from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable, Sequence

from bot.texts import Html, catalogue, text
from lessons.article import Lesson
from vocab.items import Difficulty, VocabItem
from vocab.pronunciation import ipa

#: Telegram's limit for one message, in characters after the HTML tags are parsed away.
MAX_MESSAGE_CHARS = 4096
#: A title longer than this is cut in part headers: the part is what the learner came to read.
MAX_TITLE_IN_HEADER = 90
#: Reading research (Hu & Nation 2000; Laufer & Ravenhorst-Kalovski 2010): a learner reads a
#: text comfortably when about 98% of its running words are known, and can still manage it,
#: learning from it, at 95%. So up to 2% unknown words is easy reading, up to 5% a stretch.
EASY_UNKNOWN_SHARE = 0.02
STRETCH_UNKNOWN_SHARE = 0.05
#: A sentence in a word card is cut to this length when the whole list would not fit one message.
SHORT_SENTENCE_CHARS = 140


def escape(value: str) -> str:
    """Text made safe for Telegram HTML (quotes may stay: they are only special inside tags)."""
    return html.escape(value, quote=False)


def visible_length(message_html: str) -> int:
    """What Telegram counts against its limit: the text with tags removed and entities decoded."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", message_html)))


def difficulty_for_learner(difficulty: Difficulty) -> str:
    """"easy", "stretch" or "hard": how the text reads at the level it was analysed for."""
    if difficulty.unknown_share <= EASY_UNKNOWN_SHARE:
        return "easy"
    if difficulty.unknown_share <= STRETCH_UNKNOWN_SHARE:
        return "stretch"
    return "hard"


def percent(share: float) -> str:
    """A share as a percent: one decimal under 10% (where 2% and 5% are the thresholds that
    matter), whole percents above."""
    return f"{share:.1%}" if share < 0.1 else f"{share:.0%}"


def preview(lesson: Lesson, lang: str) -> str:
    """The one message that answers an article: title, difficulty for this learner, parts, words."""
    d = lesson.difficulty
    return text(
        lang,
        "article.preview",
        title=lesson.article.title,
        difficulty=text(lang, f"article.difficulty.{difficulty_for_learner(d)}"),
        share=percent(d.unknown_share),
        level=lesson.level,
        text_level=d.level,
        parts=len(lesson.chunks),
        words=len(lesson.vocabulary),
    )


def short_title(title: str, limit: int = MAX_TITLE_IN_HEADER) -> str:
    """The title, cut at a word with "…" when longer than `limit`."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"


def target_items(lesson: Lesson, known: Collection[str]) -> list[VocabItem]:
    """The lesson's items this learner is learning: all of them but those whose lemma is `known`
    (an item the tutor added is taught all the same)."""
    return [item for item in lesson.vocabulary if item.lemma not in known or item.from_tutor]


def _form_pattern(form: str) -> str:
    """A regex for one form, escaped as the text is, any run of spaces between a phrase's words."""
    return r"\s+".join(re.escape(escape(word)) for word in form.split())


def bold_targets(passage: str, items: Iterable[VocabItem]) -> str:
    """`passage` as Telegram HTML with every form of every item in bold, matched as whole words.

    Longer forms are tried first, so a phrase ("constructive role") is bold as one stretch even
    when one of its words is an item too. Case is ignored: a form also matches at a sentence start.
    """
    escaped = escape(passage)
    forms = {form for item in items for form in (*item.forms, item.item) if form.strip()}
    if not forms:
        return escaped
    alternatives = "|".join(_form_pattern(f) for f in sorted(forms, key=len, reverse=True))
    # not inside a word, and not inside an entity such as &amp;
    pattern = re.compile(rf"(?<![\w&])(?:{alternatives})(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: f"<b>{m.group(0)}</b>", escaped)


def part_message(lesson: Lesson, part: int, targets: Iterable[VocabItem], lang: str) -> str:
    """Part `part` (0-based) as one message: "Part 2/5 · title", then the text with words in bold."""
    body = bold_targets(lesson.chunks[part].text, targets)
    return text(
        lang,
        "reading.part",
        number=part + 1,
        total=len(lesson.chunks),
        title=short_title(lesson.article.title),
        body=Html(body),
    )


def items_in_part(lesson: Lesson, part: int) -> list[tuple[int, VocabItem]]:
    """(index in the lesson's vocabulary, item) for the items first met in part `part`."""
    return [(i, item) for i, item in enumerate(lesson.vocabulary) if item.chunk == part]


def part_of_speech(pos: str, lang: str) -> str:
    """The item's part of speech in the learner's language ("adjective+noun" -> "adjective + noun")."""
    key = "pos." + re.sub(r"\W+", "_", pos)
    return text(lang, key) if key in catalogue(lang) else pos


def _cut(sentence: str, limit: int) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"


def pronounced(item: VocabItem) -> str:
    """" /mjuːˈnɪʃənz/" to put after the item (its IPA from the CMU dictionary), or "" if unknown."""
    spelled = ipa(item.item, item.lemma)
    return f" /{escape(spelled)}/" if spelled else ""


def glosses(item: VocabItem) -> str:
    """The English gloss, and the tutor's gloss beside it in italics: "weapons considered
    collectively · <i>군수품</i>" (either alone when the other is missing)."""
    parts = [escape(item.gloss)] if item.gloss else []
    if item.tutor_gloss:
        parts.append(f"<i>{escape(item.tutor_gloss)}</i>")
    return " · ".join(parts)


def word_card(item: VocabItem, lang: str, sentence_limit: int | None = None) -> str:
    """One item: bold item · part of speech, its gloss, and its sentence in italics (the item bold
    in it). `sentence_limit` cuts the sentence; 0 leaves it out."""
    lines = [f"<b>{escape(item.item)}</b>{pronounced(item)} · {escape(part_of_speech(item.pos, lang))}"]
    if item.gloss or item.tutor_gloss:
        lines.append(glosses(item))
    if item.sentence and sentence_limit != 0:
        sentence = item.sentence if sentence_limit is None else _cut(item.sentence, sentence_limit)
        lines.append(f"<i>{bold_targets(sentence, [item])}</i>")
    return "\n".join(lines)


def words_in_part(lesson: Lesson, part: int, lang: str) -> tuple[str, list[tuple[int, VocabItem]]]:
    """The word cards of one part as one message, and the (index, item) pairs it shows.

    Sentences are shortened, then left out, when the cards would not fit one message; the last
    cards are dropped only if even that is not enough (a part holds far fewer items in practice).
    """
    shown = items_in_part(lesson, part)
    if not shown:
        return text(lang, "words.none"), []
    header = text(lang, "words.header", number=part + 1, total=len(lesson.chunks),
                  title=short_title(lesson.article.title))
    while True:
        for limit in (None, SHORT_SENTENCE_CHARS, 0):
            message = "\n\n".join([header, *(word_card(item, lang, limit) for _, item in shown)])
            if visible_length(message) <= MAX_MESSAGE_CHARS:
                return message, shown
        shown = shown[:-1]


def split_message(blocks: Sequence[str], separator: str = "\n", limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Join blocks (lines of Telegram HTML, each well-formed) into as few messages as fit `limit`."""
    messages: list[str] = []
    current: list[str] = []
    for block in blocks:
        candidate = separator.join([*current, block])
        if current and visible_length(candidate) > limit:
            messages.append(separator.join(current))
            current = [block]
        else:
            current.append(block)
    if current:
        messages.append(separator.join(current))
    return messages


def words_overview(lesson: Lesson, known: Collection[str], lang: str) -> list[str]:
    """/words: every item of the lesson with its gloss (known ones ticked), in as few messages as fit."""
    if not lesson.vocabulary:
        return [text(lang, "words.list_none")]
    header = text(lang, "words.list_header", title=short_title(lesson.article.title), count=len(lesson.vocabulary))
    lines = [header, ""]
    for item in lesson.vocabulary:
        line = f"<b>{escape(item.item)}</b>{pronounced(item)}"
        if item.gloss or item.tutor_gloss:
            line += f": {glosses(item)}"
        if item.lemma in known:
            line += " ✓"
        lines.append(line)
    return split_message(lines)
