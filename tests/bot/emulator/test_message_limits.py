"""Telegram's size limits on messages, captions and buttons, counted the way Telegram counts them."""
from __future__ import annotations

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

TOO_LONG = "Bad Request: message is too long"


@pytest.mark.parametrize(
    "text, parse_mode, accepted",
    [
        ("a" * 4096, None, True),
        ("a" * 4097, None, False),
        ("가" * 4096, None, True),  # characters, not UTF-8 bytes
        ("<b>" + "a" * 4096 + "</b>", "HTML", True),  # tags are not visible text
        ("&lt;" * 4096, "HTML", True),  # an entity reference is one character
        ("&lt;" * 4097, "HTML", False),
        ("  " + "a" * 4096 + "\n\n", None, True),  # surrounding whitespace is trimmed first
    ],
    ids=["4096", "4097", "korean-4096", "tags-not-counted", "references-count-once",
         "references-4097", "trimmed"],
)
def test_text_limit_counts_visible_characters(api, alice, text, parse_mode, accepted):
    params = {"chat_id": alice.id, "text": text, **({"parse_mode": parse_mode} if parse_mode else {})}
    status, body = api("sendMessage", **params)
    assert body["ok"] is accepted, body
    if not accepted:
        assert (status, body["description"]) == (400, TOO_LONG)


@pytest.mark.parametrize("text", ["", "   \n ", "<b></b>", "<b> </b>"])
def test_empty_text_is_refused(api, alice, text):
    assert api.refused("sendMessage", chat_id=alice.id, text=text,
                       parse_mode="HTML") == "Bad Request: message text is empty"


def test_sent_text_is_trimmed_and_entities_follow(api, alice):
    message = api.ok("sendMessage", chat_id=alice.id, text="\n  <b>Hi</b> there  ", parse_mode="HTML")
    assert message["text"] == "Hi there"
    assert message["entities"] == [{"type": "bold", "offset": 0, "length": 2}]


def test_editing_to_over_4096_is_refused_with_the_edit_wording(api, alice):
    sent = api.ok("sendMessage", chat_id=alice.id, text="short")
    assert api.refused("editMessageText", chat_id=alice.id, message_id=sent["message_id"],
                       text="a" * 4097) == "Bad Request: MESSAGE_TOO_LONG"


def test_caption_limit_is_1024(api, alice):
    files = {"document": ("a.txt", b"x")}
    status, body = api.form("sendDocument", files=files, chat_id=str(alice.id), caption="c" * 1025)
    assert (status, body["description"]) == (400, "Bad Request: message caption is too long")
    status, body = api.form("sendDocument", files=files, chat_id=str(alice.id), caption="c" * 1024)
    assert body["ok"], body


@pytest.mark.parametrize(
    "data, accepted",
    [("x" * 64, True), ("x" * 65, False), ("가" * 21, True), ("가" * 22, False), ("", False)],
    ids=["64-bytes", "65-bytes", "63-bytes-korean", "66-bytes-korean", "empty"],
)
async def test_callback_data_is_limited_to_64_bytes(bot, alice, emu, data, accepted):
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data=data)]])
    if accepted:
        await bot.send_message(alice.id, "pick", reply_markup=markup)
        assert emu.last_message(alice).buttons == [[("Go", data)]]
    else:
        with pytest.raises(BadRequest):
            await bot.send_message(alice.id, "pick", reply_markup=markup)
        assert emu.refusals[-1].description == "Bad Request: BUTTON_DATA_INVALID"


def test_inline_button_needs_an_action(api, alice):
    description = api.refused("sendMessage", chat_id=alice.id, text="pick",
                              reply_markup={"inline_keyboard": [[{"text": "Just text"}]]})
    assert description == ("Bad Request: can't parse inline keyboard button: "
                           "Text buttons are unallowed in the inline keyboard")


def test_url_buttons_need_a_url_telegram_opens(api, alice):
    assert api.refused("sendMessage", chat_id=alice.id, text="open",
                       reply_markup={"inline_keyboard": [[{"text": "Go", "url": "javascript:x"}]]}
                       ) == "Bad Request: BUTTON_URL_INVALID"
    api.ok("sendMessage", chat_id=alice.id, text="open",
           reply_markup={"inline_keyboard": [[{"text": "Go", "url": "https://t.me/ReadingCompanionBot?start=abc"}]]})


def test_answer_text_is_limited_to_200_characters(api, emu, alice):
    api.ok("sendMessage", chat_id=alice.id, text="pick",
           reply_markup={"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]})
    query_id = emu.press(alice, "Go")
    assert api.refused("answerCallbackQuery", callback_query_id=query_id,
                       text="x" * 201) == "Bad Request: MESSAGE_TOO_LONG"
