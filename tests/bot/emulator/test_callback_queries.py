"""Buttons as a user presses them, and answerCallbackQuery as Telegram checks it."""
from __future__ import annotations

import asyncio

import pytest
from telegram import (Bot, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton,
                      ReplyKeyboardMarkup, ReplyKeyboardRemove)
from telegram.error import BadRequest

from bot.sandbox import Emulator

TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=f"cb:{label}")]
                                 for label in labels])


async def next_update(bot, kind: str):
    updates = await bot.get_updates(timeout=5)
    await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)  # confirm them
    found = [u for u in updates if getattr(u, kind)]
    assert found, f"no {kind} among {updates}"
    return getattr(found[-1], kind)


async def test_pressing_a_button_sends_its_data_and_the_message(bot, emu, alice):
    sent = await bot.send_message(alice.id, "Part 1", reply_markup=keyboard("Next part", "Words"))
    query_id = emu.press(alice, "Next part")
    query = await next_update(bot, "callback_query")
    assert (query.id, query.data, query.from_user.id) == (query_id, "cb:Next part", alice.id)
    assert query.message.message_id == sent.message_id
    assert query.message.text == "Part 1"


async def test_press_uses_the_newest_message_showing_the_button(bot, emu, alice):
    await bot.send_message(alice.id, "Part 1", reply_markup=keyboard("Next part"))
    second = await bot.send_message(alice.id, "Part 2", reply_markup=keyboard("Next part"))
    emu.press(alice, "Next part")
    assert (await next_update(bot, "callback_query")).message.message_id == second.message_id


async def test_a_button_that_is_not_shown_cannot_be_pressed(bot, emu, alice):
    sent = await bot.send_message(alice.id, "Part 1", reply_markup=keyboard("Next part"))
    await bot.edit_message_reply_markup(alice.id, sent.message_id, reply_markup=None)
    with pytest.raises(LookupError, match="Next part"):
        emu.press(alice, "Next part")


async def test_answer_is_recorded_and_a_second_answer_refused(bot, emu, alice):
    await bot.send_message(alice.id, "Quiz", reply_markup=keyboard("A"))
    query_id = emu.press(alice, "A")
    assert emu.unanswered_callbacks() == [query_id]
    assert await bot.answer_callback_query(query_id, text="Right!", show_alert=True)
    assert emu.callback_answer(query_id)["text"] == "Right!"
    assert emu.callback_answer(query_id)["show_alert"] is True
    with pytest.raises(BadRequest):
        await bot.answer_callback_query(query_id, text="again")
    assert emu.refusals[-1].description == TOO_OLD
    assert emu.unanswered_callbacks() == []


async def test_unknown_query_id_is_refused(bot, emu):
    with pytest.raises(BadRequest):
        await bot.answer_callback_query("12345")
    assert emu.refusals[-1].description == TOO_OLD


async def test_a_late_answer_is_too_old():
    with Emulator(callback_timeout=0.05) as emu:
        alice = emu.user(1, "Alice")
        emu.send_text(alice, "/start")
        async with Bot(emu.token, base_url=emu.base_url) as bot:
            await bot.send_message(alice.id, "Quiz", reply_markup=keyboard("A"))
            query_id = emu.press(alice, "A")
            await asyncio.sleep(0.1)
            with pytest.raises(BadRequest):
                await bot.answer_callback_query(query_id)
        assert emu.refusals[-1].description == TOO_OLD


async def test_forged_data_on_a_missing_message_arrives_as_inaccessible(bot, emu, alice):
    query_id = emu.press_data(alice, 999, "class:42:report")
    query = await next_update(bot, "callback_query")
    assert (query.id, query.data) == (query_id, "class:42:report")
    assert query.message.message_id == 999
    assert query.message.date.timestamp() == 0  # Telegram's InaccessibleMessage
    assert await bot.answer_callback_query(query_id, text="This button has expired.")


async def test_forged_data_cannot_exceed_what_telegram_carries(emu, alice):
    with pytest.raises(ValueError):
        emu.press_data(alice, 1, "x" * 65)


async def test_url_button_with_a_deep_link_opens_the_private_chat(bot, emu, alice):
    group = emu.group(-2001, "Class 1", members=[alice])
    link = "https://t.me/ReadingCompanionBot?start=join_abc123"
    await bot.send_message(group.id, "New assignment",
                           reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Open", url=link)]]))
    assert emu.press(alice, "Open", chat=group) is None
    message = await next_update(bot, "message")
    assert (message.chat.id, message.text) == (alice.id, "/start join_abc123")


async def test_reply_keyboard_buttons_send_their_text(bot, emu, alice):
    await bot.send_message(alice.id, "Your level?", reply_markup=ReplyKeyboardMarkup(
        [[KeyboardButton("B1"), KeyboardButton("B2")]], one_time_keyboard=True))
    assert emu.last_message(alice).reply_keyboard == [["B1", "B2"]]
    emu.press(alice, "B2")
    assert (await next_update(bot, "message")).text == "B2"
    with pytest.raises(LookupError):  # one-time keyboards hide after use
        emu.press(alice, "B1")


async def test_keyboard_removal_hides_the_reply_keyboard(bot, emu, alice):
    await bot.send_message(alice.id, "Level?", reply_markup=ReplyKeyboardMarkup([["B1"]]))
    await bot.send_message(alice.id, "Thanks", reply_markup=ReplyKeyboardRemove())
    assert emu.last_message(alice).remove_keyboard
    with pytest.raises(LookupError):
        emu.press(alice, "B1")


async def test_a_link_to_another_site_reaches_no_bot(bot, emu, alice):
    await bot.send_message(alice.id, "Source", reply_markup=InlineKeyboardMarkup(
        [[InlineKeyboardButton("Read the original", url="https://example.org/news")]]))
    await bot.get_updates(offset=-1, timeout=0)
    before = emu.pending_updates()
    assert emu.press(alice, "Read the original") is None
    assert emu.pending_updates() == before
