"""The test's side: waiting for the bot's messages per chat, in order, exactly once each."""
from __future__ import annotations

import asyncio

import pytest

from bot.sandbox import EmulatorTimeout


def test_each_wait_returns_the_next_new_messages(api, emu, alice):
    for text in ("one", "two", "three"):
        api.ok("sendMessage", chat_id=alice.id, text=text)
    assert [m.text for m in emu.wait_for_messages(alice)] == ["one"]
    assert [m.text for m in emu.wait_for_messages(alice, count=2)] == ["two", "three"]
    with pytest.raises(EmulatorTimeout, match="got 0"):
        emu.wait_for_messages(alice, timeout=0.05)


def test_a_mark_starts_from_now(api, emu, alice):
    api.ok("sendMessage", chat_id=alice.id, text="old")
    mark = emu.mark(alice)
    api.ok("sendMessage", chat_id=alice.id, text="new")
    assert [m.text for m in emu.wait_for_messages(alice, since=mark)] == ["new"]


def test_chats_have_separate_cursors(api, emu, alice):
    bob = emu.user(2, "Bob")
    emu.send_text(bob, "/start")
    api.ok("sendMessage", chat_id=bob.id, text="for bob")
    api.ok("sendMessage", chat_id=alice.id, text="for alice")
    assert emu.wait_for_messages(alice)[0].text == "for alice"
    assert emu.wait_for_messages(bob)[0].text == "for bob"


def test_a_timeout_says_what_went_wrong(api, emu, alice):
    api("sendMessage", chat_id=alice.id, text="<b>broken", parse_mode="HTML")
    with pytest.raises(EmulatorTimeout) as caught:
        emu.wait_for_messages(alice, timeout=0.05)
    assert "can't parse entities" in str(caught.value)
    assert isinstance(caught.value, TimeoutError) and isinstance(caught.value, AssertionError)


async def test_waiting_from_async_code(bot, emu, alice):
    waiter = asyncio.create_task(emu.wait_for_messages_async(alice, timeout=5))
    await bot.send_message(alice.id, "async hello")
    assert [m.text for m in await waiter] == ["async hello"]


def test_sent_message_helpers(api, emu, alice):
    api.ok("sendMessage", chat_id=alice.id, text="<b>munitions</b> and <i>flee</i>", parse_mode="HTML",
           reply_markup={"inline_keyboard": [[{"text": "Words", "callback_data": "w:1"}],
                                             [{"text": "Next part", "callback_data": "n:1"}]]})
    [shown] = emu.wait_for_messages(alice)
    assert shown.button_labels == ["Words", "Next part"]
    assert shown.button("Next part") == "n:1" and shown.has_button("Words")
    assert shown.entity_texts("italic") == ["flee"]
    assert shown.kind == "text" and "munitions" in str(shown)
    with pytest.raises(LookupError):
        shown.button("Quiz")
