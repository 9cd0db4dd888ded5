"""From a pasted news page to an Article: the reading text, and what was printed around it.

Steps: normalise the characters; rebuild paragraphs (one per line, or re-joined when the text
was hard-wrapped); set lines that are not English apart as the tutor's note; sort out the
site's furniture (see `lessons.clutter` and `lessons.stamps`); find the source, title, byline
and date at the top; strip datelines and credits from the paragraphs; drop repeated text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lessons import clutter
from lessons.article import Article
from lessons.english import MIN_ENGLISH_SHARE, english_share, is_foreign_line, letter_words
from lessons.errors import EmptyText, NotEnglish
from lessons.sentences import sentence_spans
from lessons.stamps import byline, date_stamp

#: Words of publication names: a short line at the top holding one is the source.
PRESS_WORDS = frozenset(
    "herald times post news journal tribune guardian telegraph gazette daily weekly chronicle observer "
    "independent economist reuters bloomberg yonhap press ap afp bbc cnn nbc abc cbs npr fox sky jazeera "
    "politico axios atlantic wire review magazine agency media standard mail mirror express examiner inquirer "
    "globe monitor register courier bulletin dispatch insider vox verge wired forbes fortune newsweek "
    "broadcasting network radio tv television asia korea joongang chosun hankyoreh nikkei xinhua".split()
)
#: A repeated sentence shorter than this may be a real repetition ("No." "Yes."), not a paste error.
MIN_WORDS_OF_A_DUPLICATE = 5
#: A title made from the first sentence (when the text has none) is cut to about this length.
FALLBACK_TITLE_CHARS = 70
#: At most this many headline lines after a "Related"/"Most popular" heading are dropped with it.
MAX_LIST_ITEMS = 12

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*$")
_STARTS_LOWER = re.compile(r"^[\"'“‘(]?[a-z]")
_STARTS_LOWER_OR_DIGIT = re.compile(r"^[\"'“‘(]?[a-z0-9]")
#: "Image caption," printed on its own line: the next line is the caption.
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo|video)\s+caption\s*[,:]?$", re.I)


@dataclass
class _Line:
    kind: str  # "text", "ui", "list", "byline", "date", "credit", "caption"
    text: str
    date: str = ""  # a date printed on a byline line


def clean_article(text: str) -> Article:
    """The Article in pasted text. Raises EmptyText or NotEnglish when there is nothing to read."""
    if not text or not text.strip():
        raise EmptyText("the text is empty")
    paragraphs = split_paragraphs(normalise(text))
    foreign = [is_foreign_line(p) for p in paragraphs]
    notes = [p for p, no in zip(paragraphs, foreign) if no]
    paragraphs = [p for p, no in zip(paragraphs, foreign) if not no]
    lines = _classify(paragraphs)
    source, title, body_from = _header(lines)
    found_byline = next((line.text for line in lines if line.kind == "byline"), "")
    found_date = next((line.text for line in lines if line.kind == "date"), "")
    if not found_date:
        found_date = next((line.date for line in lines if line.date), "")
    body = [_strip_edges(line.text) for line in lines[body_from:] if line.kind == "text"]
    body = remove_repeats([p for p in body if any(ch.isalpha() for ch in p)], title)
    if not body and title:  # one short line, read as it is
        body = [title]
    if not body:
        if notes:
            raise NotEnglish("no English text besides a note")
        raise EmptyText("nothing to read is left once the page's buttons and labels are removed")
    if english_share(letter_words(" ".join(body))) < MIN_ENGLISH_SHARE:
        raise NotEnglish("the text is not in English")
    return Article(
        title=title or fallback_title(body[0]),
        paragraphs=tuple(body),
        source=source,
        byline=found_byline,
        date=found_date,
        note="\n".join(notes),
    )


def normalise(text: str) -> str:
    """NFC characters, Unix line ends, one plain space between words, no invisible characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line, except lines that continue the one before: inside a hard-wrapped
    block (many lines start lower-case), or after a line cut mid-sentence."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        starts = sum(bool(_STARTS_LOWER_OR_DIGIT.match(line)) for line in lines[1:])
        wrapped = len(lines) >= 3 and starts >= 0.4 * (len(lines) - 1)
        current = lines[0]
        for line in lines[1:]:
            if wrapped or (_STARTS_LOWER.match(line) and not _ENDS_SENTENCE.search(current)):
                joiner = "" if current.endswith("-") and line[:1].islower() else " "
                current += joiner + line
            else:
                paragraphs.append(current)
                current = line
        paragraphs.append(current)
    return paragraphs


def _classify(paragraphs: list[str]) -> list[_Line]:
    lines: list[_Line] = []
    body_started = False
    list_items = 0
    for p in paragraphs:
        if lines and _CAPTION_LABEL.match(lines[-1].text):
            lines.append(_Line("caption", p))
            continue
        if list_items and clutter.is_headline_like(p):
            lines.append(_Line("list", p))
            list_items -= 1
            continue
        list_items = 0
        line = _classify_one(p)
        if line.kind == "list" and body_started:
            list_items = MAX_LIST_ITEMS
        if line.kind == "text" and lines and lines[-1].kind == "text" and _same(lines[-1].text, line.text):
            if clutter.has_photo_signs(line.text):  # a credited line printed twice: a photo caption
                lines[-1].kind = line.kind = "caption"
        body_started = body_started or (line.kind == "text" and not clutter.is_headline_like(line.text))
        lines.append(line)
    return lines


def _classify_one(p: str) -> _Line:
    if clutter.is_list_heading(p):
        return _Line("list", p)
    if clutter.is_ui(p):
        return _Line("ui", p)
    once = clutter.doubled(p)
    if once is not None:
        if clutter.is_caption(once) or clutter.has_photo_signs(once):
            return _Line("caption", p)
        p = once
    if clutter.is_caption(p):
        return _Line("caption", p)
    found = byline(p)
    if found:
        return _Line("byline", found[0], date=found[1])
    when = date_stamp(p)
    if when:
        return _Line("date", when)
    if clutter.is_credit_line(p):
        return _Line("credit", p)
    return _Line("text", p)


def _header(lines: list[_Line]) -> tuple[str, str, int]:
    """(source, title, index where the reading text starts) from the lines before the first body paragraph."""
    heads: list[int] = []
    source = ""
    for i, line in enumerate(lines):
        if line.kind == "credit" and not heads and not source and is_source(line.text):
            source = line.text
        if line.kind != "text":
            continue
        if not clutter.is_headline_like(line.text):
            break
        heads.append(i)
    title_at = next((i for i in heads if len(lines[i].text.split()) >= 4 and not is_source(lines[i].text)), None)
    if title_at is None:
        title_at = next((i for i in heads if not is_source(lines[i].text)), None)
    before = [i for i in heads if title_at is None or i < title_at]
    for i in before:
        if not source and is_source(lines[i].text):
            source = lines[i].text
    if title_at is None:  # no title: only a publication name may be taken from the top
        start = before[-1] + 1 if before and source == lines[before[-1]].text else 0
        return source, "", start
    return source, lines[title_at].text, title_at + 1


def is_source(line: str) -> bool:
    """A publication name: a short line of capitalised words holding a press word, or a domain."""
    text = re.sub(r"^(?:source|from)\s*:\s*", "", line.strip(), flags=re.I)
    tokens = text.split()
    if not 0 < len(tokens) <= 6 or re.search(r"[.!?,;:]$", text):
        return False
    if re.fullmatch(r"(?:www\.)?[\w-]+\.(?:com|co\.\w\w|org|net|news|kr|uk|io)", text.lower()):
        return True
    if any(t[:1].islower() and t.lower() not in ("the", "of", "and", "&") for t in tokens):
        return False
    return any(re.sub(r"\W", "", t.lower()) in PRESS_WORDS for t in tokens) or (line != text)


def _strip_edges(paragraph: str) -> str:
    """A reading paragraph without a dateline before it or a credit after it."""
    paragraph = clutter.strip_dateline(paragraph)
    credit = clutter.end_credit(paragraph)
    if credit:
        paragraph = paragraph[: credit.start()]
    return paragraph.strip()


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


def _same(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def remove_repeats(paragraphs: list[str], title: str = "") -> list[str]:
    """Paragraphs without repeats: a paragraph seen before (or equal to the title), a pull quote
    printed apart from the paragraph that holds it, a sentence printed again."""
    seen = {_key(title)} if title else set()
    unique = []
    for p in paragraphs:
        if _key(p) not in seen:
            seen.add(_key(p))
            unique.append(p)
    split = [[p[a:b] for a, b in sentence_spans(p)] for p in unique]
    where: dict[str, set[int]] = {}
    for n, sentences in enumerate(split):
        for s in sentences:
            where.setdefault(_key(s), set()).add(n)
    out: list[str] = []
    used: set[str] = set()
    for n, (p, sentences) in enumerate(zip(unique, split)):
        keys = [_key(s) for s in sentences]
        if keys and all(len(where[k]) > 1 and any(len(unique[m]) > len(p) for m in where[k] - {n}) for k in keys):
            continue  # a pull quote: its sentences are read in a longer paragraph
        kept = []
        for s, k in zip(sentences, keys):
            if k in used and (len(k.split()) >= MIN_WORDS_OF_A_DUPLICATE or (kept and kept[-1][1] == k)):
                continue
            used.add(k)
            kept.append((s, k))
        if len(kept) == len(sentences):
            out.append(p)
        elif kept:
            out.append(" ".join(s for s, _ in kept))
    return out


def fallback_title(paragraph: str) -> str:
    """A title for a text that has none: its first sentence, cut at a word near 70 characters."""
    spans = sentence_spans(paragraph)
    first = paragraph[slice(*spans[0])] if spans else paragraph
    if len(first) <= FALLBACK_TITLE_CHARS:
        return first.rstrip(".")
    cut = first[: FALLBACK_TITLE_CHARS + 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
