"""What a review looks like in Telegram: the card (its word hidden or shown), its buttons, the line
after a rating, the summary, and times in the learner's own time zone.

Callback data: "rv:<session id>:<card number>:<action>", action "v" (show) or a rating's first
letter (a, h, g, e). It only names the button; the handler checks it against the session stored
for the presser.
"""
from __future__ import annotations

import html
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import pack
from bot.texts import Html, text
from vocab.items import VocabItem
from vocab.review import RATINGS, ReviewCard, days_until, zone_of
from vocab.review_session import ReviewSession, word_span

VERB = "rv"
SHOW = "v"
#: Button action -> rating ("a" for Again...).
RATING_OF = {rating[0]: rating for rating in RATINGS}
#: A card's sentence and gloss are cut to these lengths (a card stays well inside 4096 characters).
SENTENCE_LIMIT = 600
GLOSS_LIMIT = 300
_MARK = "\x00"  # stands for the word while the sentence is trimmed around it


def keyboard(session: ReviewSession, lang: str) -> InlineKeyboardMarkup:
    """Show, or (once shown) the four ratings."""
    def button(label: str, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=pack(VERB, session.session_id, session.number, action))

    if not session.revealed:
        return InlineKeyboardMarkup([[button(text(lang, "review.show"), SHOW)]])
    return InlineKeyboardMarkup([[button(text(lang, f"review.{r}"), r[0]) for r in RATINGS]])


def _cut(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _sentence(card: ReviewCard, span: tuple[int, int] | None, word_html: str) -> str:
    """The card's sentence (HTML, in italics) with `word_html` where the word stands."""
    from vocab.quiz_text import trim_around, trim_words

    if span is None:
        return f"<i>{html.escape(trim_words(card.sentence, SENTENCE_LIMIT))}</i>" if card.sentence else ""
    start, end = span
    marked = card.sentence[:start] + _MARK + card.sentence[end:]
    left, _, right = trim_around(marked, start, start + 1, SENTENCE_LIMIT).partition(_MARK)
    return f"<i>{html.escape(left)}{word_html}{html.escape(right)}</i>"


def can_recall(card: ReviewCard, span: tuple[int, int] | None) -> bool:
    """Recall needs a cue: the sentence with a gap, or a gloss."""
    return span is not None or bool(card.gloss or card.tutor_gloss)


def card_text(lang: str, card: ReviewCard, session: ReviewSession, item: VocabItem | None = None) -> str:
    """The card as the session shows it: recall (gap and gloss), recognition (the word in its
    sentence), or, once shown, the word, its sentence and its glosses."""
    from bot.handlers.quiz_messages import letter_hint_text
    from vocab.quiz_text import BLANK

    span = word_span(card, item)
    surface = card.sentence[span[0]:span[1]] if span else card.item
    lines = [text(lang, "review.header", number=session.number, total=max(session.total, session.number))]
    glosses = [f"👩‍🏫 {html.escape(_cut(card.tutor_gloss, GLOSS_LIMIT))}"] if card.tutor_gloss else []
    if session.revealed:
        lines.append(_sentence(card, span, f"<b><u>{html.escape(surface)}</u></b>"))
        answer = f"✅ <b>{html.escape(card.item)}</b>"
        if card.gloss:
            answer += f": {html.escape(_cut(card.gloss, GLOSS_LIMIT))}"
        lines.append("\n".join([answer, *glosses]))
        lines.append(text(lang, "review.rate_prompt"))
    elif session.mode == "recall" and can_recall(card, span):
        lines.append(_sentence(card, span, BLANK) if span else "")
        if card.gloss:
            glosses.insert(0, f"💡 {html.escape(_cut(card.gloss, GLOSS_LIMIT))}")
        lines.append("\n".join(glosses))
        lines.append(text(lang, "review.recall_prompt") if span
                     else text(lang, "review.recall_hint", hint=Html(letter_hint_text(lang, card.item))))
    else:
        lines.append(_sentence(card, span, f"<b>{html.escape(surface)}</b>"))
        lines.append(text(lang, "review.recognition_prompt", word=card.item))
    return "\n\n".join(line for line in lines if line)


def when_text(lang: str, moment: datetime, now: datetime, timezone_name: str | None) -> str:
    """A time to come as the learner reads it: "tomorrow at 09:00", "on 14 March at 09:00" in their
    time zone ("(UTC)" added when they have not set one)."""
    zone = zone_of(timezone_name)
    local = moment.astimezone(zone)
    clock = local.strftime("%H:%M")
    days = days_until(moment, now, timezone_name)
    if days <= 0:
        when = text(lang, "review.today", time=clock)
    elif days == 1:
        when = text(lang, "review.tomorrow", time=clock)
    else:
        month = text(lang, "review.months").split()[local.month - 1]
        when = text(lang, "review.later", day=local.day, month=month, time=clock)
    named = timezone_name and str(zone) == timezone_name
    return when if named else text(lang, "review.utc", when=Html(when))


def rated_text(lang: str, card: ReviewCard, rating: str, now: datetime, timezone_name: str | None) -> str:
    """The line left on a card once rated: the rating and when the word comes back."""
    return text(lang, "review.rated", word=card.item, rating=text(lang, f"review.{rating}"),
                when=Html(when_text(lang, card.due, now, timezone_name)))


def poll_verdict(lang: str, card: ReviewCard, rating: str, now: datetime, timezone_name: str | None) -> str:
    """After a review poll: right (Good) or wrong (Again), and when the word comes back."""
    key = "review.poll_right" if rating == "good" else "review.poll_wrong"
    return text(lang, key, word=card.item, when=Html(when_text(lang, card.due, now, timezone_name)))


def summary_text(lang: str, session: ReviewSession, more_due: int, next_at: datetime | None, now: datetime,
                 timezone_name: str | None) -> str:
    """What the session reviewed (counts by rating), and what comes next."""
    lines = [text(lang, "review.done", count=session.reviewed, **session.rating_counts())]
    if more_due:
        lines.append(text(lang, "review.more_due", count=more_due))
    elif next_at is not None:
        lines.append(text(lang, "review.next_due", when=Html(when_text(lang, next_at, now, timezone_name))))
    return "\n\n".join(lines)


def nothing_due_text(lang: str, next_at: datetime | None, now: datetime, timezone_name: str | None) -> str:
    """/review with no card due: when the next one is, or how cards are made."""
    if next_at is None:
        return text(lang, "review.nothing_yet")
    return text(lang, "review.nothing_due", when=Html(when_text(lang, next_at, now, timezone_name)))
