"""getUpdates as Telegram runs it: long polling that wakes on news, confirmation by offset,
limit, allowed_updates, and 409 Conflict for a second poller."""
from __future__ import annotations

import asyncio

import httpx
import pytest
from telegram import Bot
from telegram.error import Conflict

from bot.sandbox import Emulator


async def test_a_long_poll_returns_as_soon_as_a_message_arrives(bot, emu):
    bob = emu.user(2002, "Bob")
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await asyncio.to_thread(emu.wait_for_poll, 5)
    emu.send_text(bob, "hello")
    updates = await asyncio.wait_for(poll, 5)  # long before the 30 s timeout
    assert [u.message.text for u in updates] == ["hello"]


async def test_an_empty_poll_with_timeout_zero_returns_nothing(bot, emu):
    assert await bot.get_updates(timeout=0) == ()
    assert emu.first_poll_at is not None


async def test_updates_stay_until_confirmed_by_offset(bot, emu, alice):
    emu.send_text(alice, "one")
    emu.send_text(alice, "two")
    first = await bot.get_updates(timeout=0)
    assert [u.message.text for u in first] == ["/start", "one", "two"]
    assert [u.message.text for u in await bot.get_updates(timeout=0)] == ["/start", "one", "two"]
    rest = await bot.get_updates(offset=first[1].update_id + 1, timeout=0)
    assert [u.message.text for u in rest] == ["two"]
    assert emu.pending_updates() == 1
    assert await bot.get_updates(offset=rest[-1].update_id + 1, timeout=0) == ()
    assert emu.pending_updates() == 0


async def test_update_ids_increase_by_one(bot, emu, alice):
    emu.send_text(alice, "one")
    ids = [u.update_id for u in await bot.get_updates(timeout=0)]
    assert ids == list(range(ids[0], ids[0] + len(ids)))


async def test_limit_and_negative_offset(bot, emu, alice):
    for word in ("a", "b", "c"):
        emu.send_text(alice, word)
    assert [u.message.text for u in await bot.get_updates(limit=2, timeout=0)] == ["/start", "a"]
    assert [u.message.text for u in await bot.get_updates(offset=-1, timeout=0)] == ["c"]
    assert emu.pending_updates() == 1  # a negative offset forgets everything before


async def drain(bot) -> None:
    updates = await bot.get_updates(timeout=0)
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)


def kinds(updates) -> list[str]:
    return [next(k for k in u.to_dict() if k != "update_id") for u in updates]


async def test_allowed_updates_filter_new_updates_and_persist(bot, emu, alice):
    await bot.send_poll(alice.id, "Q?", ["a", "b"], is_anonymous=False)
    [poll] = emu.wait_for_messages(alice)
    await drain(bot)
    emu.answer_poll(alice, poll, [0])  # created before the filter: still delivered
    assert kinds(await bot.get_updates(allowed_updates=["message"], timeout=0)) == ["poll_answer", "poll"]
    await drain(bot)
    emu.answer_poll(alice, poll, [1])
    emu.send_text(alice, "after the vote")
    assert kinds(await bot.get_updates(timeout=0)) == ["message"]  # the filter was kept
    await drain(bot)
    await bot.get_updates(allowed_updates=[], timeout=0)  # back to the default set
    emu.answer_poll(alice, poll, [0])
    assert kinds(await bot.get_updates(timeout=0)) == ["poll_answer", "poll"]


async def test_a_second_poller_ends_the_first_with_a_conflict(emu):
    url = f"{emu.base_url}{emu.token}/getUpdates"
    async with httpx.AsyncClient(timeout=10) as first, httpx.AsyncClient(timeout=10) as second:
        waiting = asyncio.create_task(first.post(url, json={"timeout": 10}))
        await asyncio.to_thread(emu.wait_for_poll, 5)
        answer = await second.post(url, json={"timeout": 0})
        ended = await asyncio.wait_for(waiting, 5)
    assert answer.json() == {"ok": True, "result": []}
    assert ended.status_code == 409
    assert ended.json()["description"].startswith("Conflict: terminated by other getUpdates request")
    assert [r.error_code for r in emu.refusals] == [409]


async def test_a_poller_that_went_away_is_no_conflict(emu):
    url = f"{emu.base_url}{emu.token}/getUpdates"
    async with httpx.AsyncClient(timeout=10) as first:
        waiting = asyncio.create_task(first.post(url, json={"timeout": 10}))
        await asyncio.to_thread(emu.wait_for_poll, 5)
        waiting.cancel()  # like a killed bot: its connection closes
    async with Bot(emu.token, base_url=emu.base_url) as bot:
        assert await bot.get_updates(timeout=0) == ()
    await asyncio.sleep(0.1)
    assert emu.refusals == []


async def test_delete_webhook_can_drop_pending_updates(bot, emu, alice):
    emu.send_text(alice, "old news")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert emu.pending_updates() == 0


def test_group_privacy_lets_through_commands_mentions_and_replies():
    with Emulator() as emu:
        tutor = emu.user(3003, "Tutor")
        group = emu.group(-2001, "Class 1", members=[tutor])
        for text in ("just chatting", "/report", "/report@ReadingCompanionBot",
                     "/report@SomeOtherBot", "hey @ReadingCompanionBot help"):
            emu.send_text(tutor, text, chat=group)
        delivered = [u["message"]["text"] for u in emu.world.take_updates(None, 100)]
        assert delivered == ["/report", "/report@ReadingCompanionBot", "hey @ReadingCompanionBot help"]
    with Emulator(group_privacy=False) as emu:
        tutor = emu.user(3003, "Tutor")
        group = emu.group(-2001, "Class 1", members=[tutor])
        emu.send_text(tutor, "just chatting", chat=group)
        assert emu.pending_updates() == 1


async def test_first_poll_is_timed(emu):
    assert emu.first_poll_at is None
    async with Bot(emu.token, base_url=emu.base_url) as bot:
        await bot.get_updates(timeout=0)
    assert emu.wait_for_first_poll(1) == emu.first_poll_at


async def test_conflict_surfaces_in_ptb(emu):
    async with Bot(emu.token, base_url=emu.base_url) as one, Bot(emu.token, base_url=emu.base_url) as two:
        waiting = asyncio.create_task(one.get_updates(timeout=10))
        await asyncio.to_thread(emu.wait_for_poll, 5)
        await two.get_updates(timeout=0)
        with pytest.raises(Conflict):
            await asyncio.wait_for(waiting, 5)
