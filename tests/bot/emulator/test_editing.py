"""Editing and deleting the bot's messages, with Telegram's refusals."""
from __future__ import annotations

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message")
NEXT = InlineKeyboardMarkup([[InlineKeyboardButton("Next part", callback_data="next")]])


async def test_editing_to_the_same_content_is_refused(bot, emu, alice):
    sent = await bot.send_message(alice.id, "<b>Part 1</b>", parse_mode="HTML", reply_markup=NEXT)
    with pytest.raises(BadRequest):
        await bot.edit_message_text("<b>Part 1</b>", alice.id, sent.message_id, parse_mode="HTML",
                                    reply_markup=NEXT)
    assert emu.refusals[-1].description == NOT_MODIFIED
    assert emu.message(alice, sent.message_id).edited is False


async def test_same_text_with_other_formatting_is_a_change(bot, emu, alice):
    sent = await bot.send_message(alice.id, "<b>Part 1</b>", parse_mode="HTML")
    await bot.edit_message_text("<i>Part 1</i>", alice.id, sent.message_id, parse_mode="HTML")
    shown = emu.message(alice, sent.message_id)
    assert [e["type"] for e in shown.entities] == ["italic"]
    assert shown.edited and shown.history[0]["source"] == "<b>Part 1</b>"


async def test_an_edit_without_reply_markup_removes_the_keyboard(bot, emu, alice):
    sent = await bot.send_message(alice.id, "Part 1", reply_markup=NEXT)
    edited = await bot.edit_message_text("Part 1", alice.id, sent.message_id)
    assert edited.reply_markup is None
    assert emu.message(alice, sent.message_id).buttons == []


async def test_wait_for_edit_sees_the_change(bot, emu, alice):
    sent = await bot.send_message(alice.id, "Part 1", reply_markup=NEXT)
    before = emu.message(alice, sent.message_id)
    await bot.edit_message_reply_markup(alice.id, sent.message_id, reply_markup=None)
    after = emu.wait_for_edit(before, timeout=2)
    assert (before.buttons, after.buttons) == ([[("Next part", "next")]], [])


async def test_removing_a_keyboard_twice_is_not_modified(bot, emu, alice):
    sent = await bot.send_message(alice.id, "Part 1", reply_markup=NEXT)
    await bot.edit_message_reply_markup(alice.id, sent.message_id, reply_markup=None)
    with pytest.raises(BadRequest):
        await bot.edit_message_reply_markup(alice.id, sent.message_id, reply_markup=None)
    assert emu.refusals[-1].description == NOT_MODIFIED


@pytest.mark.parametrize(
    "method, params, description",
    [
        ("editMessageText", {"message_id": 999, "text": "x"}, "Bad Request: message to edit not found"),
        ("deleteMessage", {"message_id": 999}, "Bad Request: message to delete not found"),
        ("editMessageText", {"text": "x"}, "Bad Request: message identifier is not specified"),
        ("editMessageText", {"message_id": 1, "text": "x"}, "Bad Request: message can't be edited"),
    ],
    ids=["edit-missing", "delete-missing", "no-id", "users-message"],
)
def test_edits_of_messages_the_bot_cannot_touch(api, alice, method, params, description):
    # message 1 is Alice's own /start
    assert api.refused(method, chat_id=alice.id, **params) == description


def test_a_poll_has_no_text_to_edit(api, alice):
    poll = api.ok("sendPoll", chat_id=alice.id, question="Q?", options=["a", "b"])
    assert api.refused("editMessageText", chat_id=alice.id, message_id=poll["message_id"],
                       text="x") == "Bad Request: there is no text in the message to edit"


async def test_deleted_messages_leave_the_screen(bot, emu, alice):
    sent = await bot.send_message(alice.id, "Part 1", reply_markup=NEXT)
    assert await bot.delete_message(alice.id, sent.message_id)
    assert emu.messages(alice) == []
    assert emu.messages(alice, include_deleted=True)[0].deleted
    with pytest.raises(LookupError):
        emu.press(alice, "Next part")
    with pytest.raises(BadRequest):
        await bot.delete_message(alice.id, sent.message_id)
