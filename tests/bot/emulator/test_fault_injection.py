"""Injected faults: flood control (429), a bad gateway (5xx) and a dropped connection, each for the
next N calls of one method, as python-telegram-bot meets them."""
from __future__ import annotations

import pytest
from telegram.error import NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, ExtBot


async def test_rate_limiter_survives_flood_control_and_delivers_once(emu, alice):
    emu.inject_fault("sendMessage", "429", retry_after=0.1)
    async with ExtBot(emu.token, base_url=emu.base_url,
                      rate_limiter=AIORateLimiter(max_retries=2)) as bot:
        sent = await bot.send_message(alice.id, "Welcome!")
    assert [m.text for m in emu.messages(alice)] == ["Welcome!"]
    assert sent.message_id == emu.last_message(alice).message_id
    assert emu.faults_served == [("sendMessage", "429")]
    assert len(emu.calls("sendMessage")) == 1  # the faulted request never reached the API
    assert emu.refusals == []


async def test_flood_control_without_retries_is_retry_after(bot, emu, alice):
    emu.inject_fault("sendMessage", "429", retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(alice.id, "Welcome!")
    assert str(caught.value) == "Flood control exceeded. Retry in 3 seconds"
    assert emu.messages(alice) == []


def test_flood_control_body_is_telegrams(api, emu, alice):
    emu.inject_fault("sendMessage", "429", retry_after=7)
    status, body = api("sendMessage", chat_id=alice.id, text="x")
    assert (status, body) == (429, {"ok": False, "error_code": 429,
                                    "description": "Too Many Requests: retry after 7",
                                    "parameters": {"retry_after": 7}})


@pytest.mark.parametrize("kind", ["5xx", "502-html", "drop"])
async def test_gateway_errors_and_drops_are_network_errors(bot, emu, alice, kind):
    emu.inject_fault("sendMessage", kind)
    with pytest.raises(NetworkError):
        await bot.send_message(alice.id, "lost")
    assert emu.messages(alice) == [] and emu.faults_served == [("sendMessage", kind)]
    await bot.send_message(alice.id, "delivered")  # the next call goes through
    assert [m.text for m in emu.messages(alice)] == ["delivered"]


async def test_times_counts_calls_of_that_method_only(bot, emu, alice):
    emu.inject_fault("sendMessage", "5xx", times=2)
    await bot.get_me()  # other methods are untouched
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(alice.id, "x")
    await bot.send_message(alice.id, "third time")
    assert [m.text for m in emu.messages(alice)] == ["third time"]
    assert emu.faults_served == [("sendMessage", "5xx")] * 2


async def test_a_star_fault_hits_whatever_comes_next(bot, emu):
    emu.inject_fault("*", "drop")
    with pytest.raises(NetworkError):
        await bot.get_me()
    assert (await bot.get_me()).username == emu.username


async def test_faults_on_long_polling(bot, emu, alice):
    emu.inject_fault("getUpdates", "5xx")
    with pytest.raises(NetworkError):
        await bot.get_updates(timeout=0)
    assert [u.message.text for u in await bot.get_updates(timeout=0)] == ["/start"]


def test_method_names_are_matched_like_telegram_does(emu, api, alice):
    emu.inject_fault("sendmessage", "5xx")
    status, _ = api("SendMessage", chat_id=alice.id, text="x")
    assert status == 502


def test_unknown_fault_kinds_are_rejected(emu):
    with pytest.raises(ValueError):
        emu.inject_fault("sendMessage", "teapot")


def test_cleared_faults_are_not_served(emu, api, alice):
    emu.inject_fault("sendMessage", "5xx", times=3)
    emu.clear_faults()
    assert api.ok("sendMessage", chat_id=alice.id, text="fine")["text"] == "fine"
    assert emu.faults_served == []
