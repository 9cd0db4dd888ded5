"""Every refusal is recorded (method, Telegram's description, the parameters) so a test can assert
that a whole conversation had none."""
from __future__ import annotations

import pytest
from telegram.error import BadRequest, Forbidden, InvalidToken

from bot.sandbox import Refusal


async def test_a_clean_conversation_has_no_refusals(bot, emu, alice):
    await bot.send_message(alice.id, "<b>Welcome</b>", parse_mode="HTML")
    await bot.send_chat_action(alice.id, "typing")
    await bot.set_my_commands([("start", "Start"), ("help", "Help")])
    assert emu.refusals == []
    assert [c.method for c in emu.calls()] == ["getMe", "sendMessage", "sendChatAction", "setMyCommands"]


async def test_a_refusal_keeps_method_description_and_parameters(bot, emu, alice):
    with pytest.raises(BadRequest):
        await bot.send_message(alice.id, "<b>oops", parse_mode="HTML")
    [refusal] = emu.refusals
    assert isinstance(refusal, Refusal)
    assert refusal.method == "sendMessage" and refusal.error_code == 400
    assert refusal.description.startswith("Bad Request: can't parse entities")
    assert refusal.params["text"] == "<b>oops" and refusal.params["chat_id"] == str(alice.id)


@pytest.mark.parametrize(
    "chat_id, error, description",
    [(424242, BadRequest, "Bad Request: chat not found"),
     (5005, Forbidden, "Forbidden: bot can't initiate conversation with a user")],
    ids=["unknown-chat", "never-started"],
)
async def test_chats_the_bot_cannot_write_to(bot, emu, chat_id, error, description):
    emu.user(5005, "Eve")  # known to Telegram, but she never opened the bot
    with pytest.raises(error):
        await bot.send_message(chat_id, "hello")
    assert emu.refusals[-1].description == description


async def test_a_blocked_bot_is_forbidden(bot, emu, alice):
    emu.block(alice)
    with pytest.raises(Forbidden):
        await bot.send_message(alice.id, "reminder")
    assert (emu.refusals[-1].error_code, emu.refusals[-1].description) == (
        403, "Forbidden: bot was blocked by the user")
    emu.block(alice, False)
    await bot.send_message(alice.id, "reminder")


def test_unknown_methods_are_not_found(api, emu):
    status, body = api("sendHologram", chat_id=1)
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})
    assert emu.refusals[-1].method == "sendHologram"


def test_tokens_are_checked(api, emu):
    assert api("getMe", token="999:WRONG")[0] == 401
    assert api("getMe", token="not-a-token")[0] == 404
    assert [(r.error_code, r.description) for r in emu.refusals] == [(401, "Unauthorized"), (404, "Not Found")]


async def test_ptb_sees_a_wrong_token_as_invalid(emu):
    from telegram import Bot
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=emu.base_url):
            pass


def test_injected_faults_are_not_refusals(api, emu, alice):
    emu.inject_fault("sendMessage", "429")
    api("sendMessage", chat_id=alice.id, text="x")
    assert emu.refusals == [] and emu.faults_served == [("sendMessage", "429")]


def test_refusals_are_in_order(api, alice, emu):
    api("sendMessage", chat_id=alice.id, text="")
    api("sendChatAction", chat_id=alice.id, action="dancing")
    assert [(r.method, r.description) for r in emu.refusals] == [
        ("sendMessage", "Bad Request: message text is empty"),
        ("sendChatAction", "Bad Request: wrong parameter action in request"),
    ]
