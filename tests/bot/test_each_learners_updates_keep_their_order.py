"""Learners are served side by side, and each learner's own updates one at a time, in order.

The processor is driven the way PTB's Application drives it: one task per update, started in the
order the updates came, each calling `process_update(update, coroutine)`.
"""
from __future__ import annotations

import asyncio
import random
from datetime import datetime, timezone

import pytest
from telegram import CallbackQuery, Chat, Message, PollAnswer, Update, User

from bot.update_order import LearnerOrder, order_key

AT = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
GROUP = Chat(-2001, "group", title="Reading club")
_ids = iter(range(1, 1_000_000))


def person(user_id: int) -> User:
    return User(user_id, f"Learner {user_id}", False)


def message(user_id: int, chat: Chat | None = None) -> Update:
    chat = chat or Chat(user_id, "private")
    return Update(next(_ids), message=Message(next(_ids), AT, chat, from_user=person(user_id), text="/help"))


def poll_answer(user_id: int) -> Update:
    return Update(next(_ids), poll_answer=PollAnswer("poll-1", [0], user=person(user_id), option_persistent_ids=["0"]))


def button(user_id: int) -> Update:
    return Update(next(_ids), callback_query=CallbackQuery(str(next(_ids)), person(user_id), "instance", data="rd:1"))


def chat_vote(chat_id: int) -> Update:
    chat = Chat(chat_id, "channel", title="News")
    return Update(next(_ids), poll_answer=PollAnswer("poll-1", [0], voter_chat=chat, option_persistent_ids=["0"]))


def channel_post(chat_id: int) -> Update:
    return Update(next(_ids), channel_post=Message(next(_ids), AT, Chat(chat_id, "channel", title="News"), text="hi"))


@pytest.mark.parametrize("update, key", [
    (message(1001), 1001),
    (message(1001, GROUP), 1001),  # in a group too, the learner who wrote
    (poll_answer(1001), 1001),  # a poll answer has a user and no chat: the same queue as their messages
    (button(1001), 1001),
    (chat_vote(-1003), -1003),  # an anonymous channel's vote: the chat
    (channel_post(-1004), -1004),
    (Update(next(_ids)), None),  # neither user nor chat: runs freely
    ("not an update", None),
])
def test_an_update_queues_under_its_user_else_its_chat(update, key):
    assert order_key(update) == key


class Journal:
    """What the handlers did: (event, key, n), and how many ran at once, per key and in all."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object, int]] = []
        self.running: dict[object, int] = {}
        self.most_at_once: dict[object, int] = {}
        self.now = 0
        self.most_in_all = 0

    async def handle(self, key: object, n: int, pause: float = 0.0, until: asyncio.Event | None = None) -> None:
        self.running[key] = self.running.get(key, 0) + 1
        self.now += 1
        self.most_at_once[key] = max(self.most_at_once.get(key, 0), self.running[key])
        self.most_in_all = max(self.most_in_all, self.now)
        self.events.append(("start", key, n))
        try:
            if until is not None:
                await until.wait()
            for _ in range(random.Random(n).randint(0, 3)):  # give other tasks a turn, unevenly
                await asyncio.sleep(0)
            await asyncio.sleep(pause)
        finally:
            self.running[key] -= 1
            self.now -= 1
            self.events.append(("end", key, n))

    def order(self, event: str, key: object) -> list[int]:
        return [n for e, k, n in self.events if e == event and k == key]


def start(processor: LearnerOrder, update: object, handling) -> asyncio.Task:
    """What PTB's Application does with each update it fetched, in the order they came."""
    return asyncio.create_task(processor.process_update(update, handling))


async def test_each_learners_updates_run_one_at_a_time_in_the_order_they_came():
    journal, processor = Journal(), LearnerOrder()
    rng = random.Random(7)
    makers = [message, poll_answer, button]
    sent: dict[int, list[int]] = {1001: [], 1002: [], 1003: []}
    tasks = []
    async with processor:
        for n in range(90):
            user = rng.choice(list(sent))
            sent[user].append(n)
            update = rng.choice(makers)(user)
            tasks.append(start(processor, update, journal.handle(user, n, pause=rng.choice([0, 0.001, 0.003]))))
        await asyncio.gather(*tasks)
    for user, order in sent.items():
        assert journal.order("start", user) == order
        assert journal.order("end", user) == order
        assert journal.most_at_once[user] == 1
    assert journal.most_in_all > 1, "different learners' updates ran at the same time"
    assert processor.waiting_keys == 0, "a learner's queue is dropped once it is empty"


async def test_a_slow_update_holds_up_only_its_own_learner():
    journal, processor = Journal(), LearnerOrder()
    slow_page = asyncio.Event()
    async with processor:
        a_link = start(processor, message(1001), journal.handle(1001, 1, until=slow_page))
        a_poll_answer = start(processor, poll_answer(1001), journal.handle(1001, 2))
        b_help = start(processor, message(1002), journal.handle(1002, 3))
        b_button = start(processor, button(1002), journal.handle(1002, 4))
        await asyncio.wait_for(asyncio.gather(b_help, b_button), 5)
        assert not a_link.done() and not a_poll_answer.done()
        assert journal.order("start", 1001) == [1], "A's poll answer waits for A's link"
        slow_page.set()
        await asyncio.wait_for(asyncio.gather(a_link, a_poll_answer), 5)
    assert [n for e, _, n in journal.events if e == "end"] == [3, 4, 1, 2]


async def test_updates_without_a_user_or_chat_run_freely():
    journal, processor = Journal(), LearnerOrder()
    held = asyncio.Event()
    async with processor:
        first = start(processor, Update(next(_ids)), journal.handle(None, 1, until=held))
        second = start(processor, Update(next(_ids)), journal.handle(None, 2))
        await asyncio.wait_for(second, 5)
        assert not first.done()
        held.set()
        await asyncio.wait_for(first, 5)
    assert journal.most_at_once[None] == 2


async def test_no_more_handlers_run_at_once_than_allowed():
    journal, processor = Journal(), LearnerOrder(max_running=3)
    async with processor:
        tasks = [start(processor, message(2000 + n), journal.handle(2000 + n, n, pause=0.002)) for n in range(20)]
        await asyncio.gather(*tasks)
    assert journal.most_in_all == 3
    assert sorted(n for e, _, n in journal.events if e == "end") == list(range(20))


async def test_one_learner_sending_many_slow_links_leaves_room_for_the_others():
    journal, processor = Journal(), LearnerOrder(max_running=2)
    slow = asyncio.Event()
    async with processor:
        flood = [start(processor, message(1001), journal.handle(1001, n, until=slow)) for n in range(10)]
        others = [start(processor, message(1002 + n), journal.handle(1002 + n, 100 + n)) for n in range(3)]
        await asyncio.wait_for(asyncio.gather(*others), 5)
        assert journal.order("start", 1001) == [0]
        slow.set()
        await asyncio.wait_for(asyncio.gather(*flood), 5)
    assert journal.order("end", 1001) == list(range(10))


async def test_an_update_cancelled_while_it_waits_never_runs_and_frees_its_place():
    journal, processor = Journal(), LearnerOrder()
    held = asyncio.Event()
    async with processor:
        first = start(processor, message(1001), journal.handle(1001, 1, until=held))
        waiting = start(processor, message(1001), journal.handle(1001, 2))
        await asyncio.sleep(0.01)
        waiting.cancel()
        held.set()
        await first
        with pytest.raises(asyncio.CancelledError):
            await waiting
        later = start(processor, message(1001), journal.handle(1001, 3))
        await asyncio.wait_for(later, 5)
    assert journal.order("start", 1001) == [1, 3]
    assert processor.waiting_keys == 0


def test_at_least_one_handler_must_be_allowed_to_run():
    with pytest.raises(ValueError):
        LearnerOrder(max_running=0)
