"""Telegram's HTML parse mode: visible text plus MessageEntity dicts, or the error Telegram gives.

This follows the algorithm of TDLib's `parse_html` (which the Bot API server uses), so the same
markup fails in the same place with the same words: byte offsets are UTF-8 byte positions in the
markup; entity offsets and lengths are UTF-16 code units, as in the Bot API.

Facts behind the rules:
- Only these tags exist: b, strong, i, em, u, ins, s, strike, del, span class="tg-spoiler",
  tg-spoiler, a href, tg-emoji emoji-id, code (class="language-x" inside pre), pre, blockquote
  (optionally `expandable`). Anything else, e.g. <br> or <p>, is "Unsupported start tag".
- Only four named character references exist: &lt; &gt; &amp; &quot;. Numeric ones (&#39; &#x1F600;)
  work too. Any other '&' is kept literally, not an error.
- A bare '<' always starts a tag, so "a < b" fails; it must be written "a &lt; b".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SUPPORTED_TAGS = frozenset(
    "a b strong i em u ins s strike del tg-spoiler tg-emoji span pre code blockquote".split()
)
SIMPLE_ENTITY = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "span": "spoiler",
}
NAMED_REFERENCES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
SPACES = " \t\r\n\f\v"
URL_SCHEMES = ("http", "https", "tg", "ton", "ftp")


class EntityParseError(ValueError):
    """Markup Telegram cannot parse; str() is TDLib's wording without the "Bad Request:" prefix."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: characters outside the BMP (most emoji) count twice."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    argument: str
    offset: int  # UTF-16 offset in the visible text where the tag's content starts
    position: int  # index in the visible text (Python str) where the content starts


def _decode_reference(text: str, pos: int) -> tuple[str, int] | None:
    """Decode the character reference at text[pos] == '&'; (character, next position) or None."""
    end = pos + 1
    if end < len(text) and text[end] == "#":
        end += 1
        digits = "0123456789"
        base = 10
        if end < len(text) and text[end] == "x":
            end += 1
            digits, base = "0123456789abcdefABCDEF", 16
        start = end
        while end < len(text) and text[end] in digits:
            end += 1
        if end == start or end - pos >= 10:
            return None
        code = int(text[start:end], base)
        if code == 0 or code >= 0x10FFFF:
            return None
        char = chr(code)
    else:
        while end < len(text) and text[end].isascii() and text[end].isalpha():
            end += 1
        char = NAMED_REFERENCES.get(text[pos + 1:end])
        if char is None:
            return None
    if end < len(text) and text[end] == ";":
        end += 1
    return char, end


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def parse_html(markup: str) -> tuple[str, list[dict]]:
    """Visible text and entities of `markup`; raises EntityParseError like Telegram does."""
    out: list[str] = []
    units = 0
    nested: list[_Open] = []
    entities: list[dict] = []
    i, n = 0, len(markup)

    def fail(message: str, index: int) -> EntityParseError:
        return EntityParseError(message.format(offset=_byte_offset(markup, index)))

    while i < n:
        char = markup[i]
        if char == "&":
            decoded = _decode_reference(markup, i)
            if decoded:
                out.append(decoded[0])
                units += utf16_len(decoded[0])
                i = decoded[1]
                continue
        if char != "<":
            out.append(char)
            units += utf16_len(char)
            i += 1
            continue
        begin = i
        i += 1
        if i < n and markup[i] == "/":  # an end tag
            if not nested:
                raise fail("Unexpected end tag at byte offset {offset}", begin)
            j = i + 1
            while j < n and markup[j] not in SPACES and markup[j] != ">":
                j += 1
            end_tag = markup[i + 1:j].lower()
            while j < n and markup[j] in SPACES:
                j += 1
            if j >= n or markup[j] != ">":
                raise fail("Unclosed end tag at byte offset {offset}", begin)
            open_tag = nested.pop()
            if end_tag and end_tag != open_tag.tag:
                raise fail(
                    f'Unmatched end tag at byte offset {{offset}}, expected "</{open_tag.tag}>", '
                    f'found "</{end_tag}>"', begin)
            if units > open_tag.offset:
                _add_entity(entities, open_tag, units - open_tag.offset, "".join(out))
            i = j + 1
            continue
        i = _start_tag(markup, begin, i, nested, units, len(out), fail)
    if nested:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{nested[-1].tag}"')
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _start_tag(markup, begin, i, nested, units, position, fail) -> int:
    """Read the start tag at markup[begin] == '<'; push it on `nested`; return the index after '>'."""
    n = len(markup)
    while i < n and markup[i] not in SPACES and markup[i] != ">":
        i += 1
    if i >= n:
        raise fail("Unclosed start tag at byte offset {offset}", begin)
    tag = markup[begin + 1:i].lower()
    if tag not in SUPPORTED_TAGS:
        raise fail(f'Unsupported start tag "{tag}" at byte offset {{offset}}', begin)
    argument = ""
    while i < n and markup[i] != ">":
        while i < n and markup[i] in SPACES:
            i += 1
        if i >= n:
            raise fail("Unclosed start tag at byte offset {offset}", begin)
        if markup[i] == ">":
            break
        name_begin = i
        while i < n and markup[i] not in SPACES and markup[i] not in "=>/\"'":
            i += 1
        name = markup[name_begin:i]
        if not name:
            raise fail(f'Empty attribute name in the tag "{tag}" at byte offset {{offset}}', begin)
        while i < n and markup[i] in SPACES:
            i += 1
        if i >= n:
            raise fail(f'Unclosed start tag "{tag}" at byte offset {{offset}}', begin)
        if markup[i] != "=":
            if tag == "blockquote" and name == "expandable":
                argument = "1"
            continue
        i += 1
        while i < n and markup[i] in SPACES:
            i += 1
        if i >= n:
            raise fail(f'Unclosed start tag "{tag}" at byte offset {{offset}}', begin)
        if markup[i] not in "\"'":
            token_begin = i
            while i < n and (markup[i].isascii() and markup[i].isalnum() or markup[i] in ".-"):
                i += 1
            if i >= n or (markup[i] not in SPACES and markup[i] != ">"):
                raise fail("Unexpected end of name token at byte offset {offset}", token_begin)
            value = markup[token_begin:i].lower()
        else:
            quote = markup[i]
            i += 1
            chars: list[str] = []
            while i < n and markup[i] != quote:
                decoded = _decode_reference(markup, i) if markup[i] == "&" else None
                if decoded:
                    chars.append(decoded[0])
                    i = decoded[1]
                else:
                    chars.append(markup[i])
                    i += 1
            if i < n:
                i += 1
            value = "".join(chars)
        if i >= n:
            raise fail("Unclosed start tag at byte offset {offset}", begin)
        if (tag, name) in (("a", "href"), ("tg-emoji", "emoji-id")):
            argument = value
        elif tag == "code" and name == "class" and value.startswith("language-"):
            argument = value[len("language-"):]
        elif tag == "span" and name == "class" and value.startswith("tg-"):
            argument = value[len("tg-"):]
        elif tag == "blockquote" and name == "expandable":
            argument = "1"
    if tag == "span" and argument != "spoiler":
        raise fail('Tag "span" must have class "tg-spoiler" at byte offset {offset}', begin)
    nested.append(_Open(tag, argument, units, position))
    return i + 1


def _add_entity(entities: list[dict], open_tag: _Open, length: int, text: str) -> None:
    offset, tag = open_tag.offset, open_tag.tag
    last = entities[-1] if entities else None
    same_span = last is not None and last["offset"] == offset and last["length"] == length
    if tag in SIMPLE_ENTITY:
        entities.append({"type": SIMPLE_ENTITY[tag], "offset": offset, "length": length})
    elif tag == "tg-emoji":
        if not open_tag.argument.isdigit() or int(open_tag.argument) <= 0:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entities.append({"type": "custom_emoji", "offset": offset, "length": length,
                         "custom_emoji_id": open_tag.argument})
    elif tag == "a":
        url = open_tag.argument or text[open_tag.position:]
        mention = re.fullmatch(r"tg://user\?id=(\d+)", url)
        if mention:
            entities.append({"type": "text_mention", "offset": offset, "length": length,
                             "user": {"id": int(mention.group(1))}})
        elif (checked := check_url(url)) is not None:
            entities.append({"type": "text_link", "offset": offset, "length": length, "url": checked})
    elif tag == "pre":
        if same_span and last["type"] == "code" and last.get("language"):
            last["type"] = "pre"
        else:
            entities.append({"type": "pre", "offset": offset, "length": length})
    elif tag == "code":
        if same_span and last["type"] == "pre" and open_tag.argument:
            last["language"] = open_tag.argument
        else:
            entity = {"type": "code", "offset": offset, "length": length}
            if open_tag.argument:
                entity["language"] = open_tag.argument
            entities.append(entity)
    elif tag == "blockquote":
        kind = "expandable_blockquote" if open_tag.argument else "blockquote"
        entities.append({"type": kind, "offset": offset, "length": length})


def check_url(url: str) -> str | None:
    """The link as Telegram keeps it, or None if it is no link (then the entity is dropped)."""
    url = url.strip()
    if not url or any(c in SPACES for c in url):
        return None
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", url)
    if match:
        return url if match.group(1).lower() in URL_SCHEMES else None
    host = url.split("/", 1)[0]
    if "." in host and re.fullmatch(r"[\w.-]+(:\d+)?", host):
        return "http://" + url
    return None


def escape(text: str) -> str:
    """Escape plain text for HTML parse mode (the three characters Telegram requires)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def trim(text: str, entities: list[dict]) -> tuple[str, list[dict]]:
    """Telegram strips leading and trailing whitespace from a message and clips its entities."""
    stripped = text.lstrip()
    lead = utf16_len(text) - utf16_len(stripped)
    stripped = stripped.rstrip()
    total = utf16_len(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept
