"""HTML parse mode as Telegram (TDLib's parse_html) reads it: what it accepts, what it refuses, and
the exact words of each refusal."""
from __future__ import annotations

import pytest
from telegram import constants
from telegram.error import BadRequest

from bot.sandbox.markup import EntityParseError, parse_html

PREFIX = "Bad Request: can't parse entities: "


@pytest.mark.parametrize(
    "markup, error",
    [
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>both</i>", 'Can\'t find end tag corresponding to start tag "b"'),
        ("bold</b>", "Unexpected end tag at byte offset 4"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b>a<i>b</b></i>", 'Unmatched end tag at byte offset 8, expected "</i>", found "</b>"'),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("line<br>next", 'Unsupported start tag "br" at byte offset 4'),
        ("<p>para</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("<h1>Title</h1>", 'Unsupported start tag "h1" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<kahn@inbox.ru>", 'Unsupported start tag "kahn@inbox.ru" at byte offset 0'),
        ("가 <x>", 'Unsupported start tag "x" at byte offset 4'),  # offsets are UTF-8 bytes
        ("<b", "Unclosed start tag at byte offset 0"),
        ('<a href="https://x.org"', "Unclosed start tag at byte offset 0"),
        ('<a ="x">y</a>', 'Empty attribute name in the tag "a" at byte offset 0'),
        ("<a href=x/>y</a>", "Unexpected end of name token at byte offset 8"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ('<tg-emoji emoji-id="abc">x</tg-emoji>', "Invalid custom emoji identifier specified"),
    ],
)
async def test_malformed_html_is_refused_with_telegrams_words(bot, emu, alice, markup, error):
    with pytest.raises(BadRequest):
        await bot.send_message(alice.id, markup, parse_mode=constants.ParseMode.HTML)
    assert emu.refusals[-1].description == PREFIX + error
    assert emu.messages(alice) == []


@pytest.mark.parametrize(
    "markup, text, entities",
    [
        ("<b>a</b><strong>b</strong>", "ab", [("bold", 0, 1), ("bold", 1, 1)]),
        ("<i>a</i><em>b</em><u>c</u><ins>d</ins>", "abcd",
         [("italic", 0, 1), ("italic", 1, 1), ("underline", 2, 1), ("underline", 3, 1)]),
        ("<s>a</s><strike>b</strike><del>c</del>", "abc",
         [("strikethrough", 0, 1), ("strikethrough", 1, 1), ("strikethrough", 2, 1)]),
        ('<span class="tg-spoiler">a</span><tg-spoiler>b</tg-spoiler>', "ab",
         [("spoiler", 0, 1), ("spoiler", 1, 1)]),
        ("<code>x = 1</code>", "x = 1", [("code", 0, 5)]),
        ("<pre>block</pre>", "block", [("pre", 0, 5)]),
        ("<blockquote>quote</blockquote>", "quote", [("blockquote", 0, 5)]),
        ("<blockquote expandable>long</blockquote>", "long", [("expandable_blockquote", 0, 4)]),
        ("<b>bold <i>both</i></b>", "bold both", [("bold", 0, 9), ("italic", 5, 4)]),
        ("<B>caps</B>", "caps", [("bold", 0, 4)]),
        ("a &lt; b &amp;&amp; c &gt; d &quot;q&quot;", 'a < b && c > d "q"', []),
        ("&#39;&#x41;", "'A", []),
        ("AT&T &nbsp; &copy;", "AT&T &nbsp; &copy;", []),  # unknown references stay literal
        ("😀 <b>bold</b>", "😀 bold", [("bold", 3, 4)]),  # offsets are UTF-16 units
        ("<b></b>text", "text", []),  # empty entities vanish
    ],
)
async def test_supported_html_becomes_text_and_entities(bot, alice, markup, text, entities):
    message = await bot.send_message(alice.id, markup, parse_mode=constants.ParseMode.HTML)
    assert message.text == text
    assert [(e.type, e.offset, e.length) for e in message.entities] == entities


async def test_links_and_languages_keep_their_arguments(bot, alice):
    message = await bot.send_message(
        alice.id,
        '<a href="https://example.org/a?b=1&amp;c=2">link</a> '
        '<pre><code class="language-python">print(1)</code></pre>',
        parse_mode=constants.ParseMode.HTML)
    link, code = message.entities
    assert (link.type, link.url) == ("text_link", "https://example.org/a?b=1&c=2")
    assert (code.type, code.language) == ("pre", "python")


async def test_sent_message_keeps_the_markup_and_the_visible_text(bot, emu, alice):
    await bot.send_message(alice.id, "Read <b>munitions</b> and <b>flee</b>", parse_mode="HTML")
    shown = emu.last_message(alice)
    assert shown.html == "Read <b>munitions</b> and <b>flee</b>"
    assert shown.text == "Read munitions and flee"
    assert shown.bold == ["munitions", "flee"]


async def test_without_parse_mode_tags_are_plain_text(bot, alice):
    message = await bot.send_message(alice.id, "<b>not bold</b>")
    assert message.text == "<b>not bold</b>" and message.entities == ()


def test_unknown_parse_mode_is_refused(api, alice):
    assert api.refused("sendMessage", chat_id=alice.id, text="x",
                       parse_mode="Fancy") == 'Bad Request: unsupported parse_mode "Fancy"'


@pytest.mark.parametrize("markup", ["<b>x</b> &amp; <i>y</i>", "plain", "<a href='t.me/x'>x</a>"])
def test_parser_accepts_what_it_should(markup):
    text, _ = parse_html(markup)
    assert "<" not in text


def test_parser_error_has_no_prefix():
    with pytest.raises(EntityParseError) as caught:
        parse_html("<b>")
    assert str(caught.value) == 'Can\'t find end tag corresponding to start tag "b"'
