"""Every object the emulator sends satisfies python-telegram-bot 22's de_json: all required fields,
and no field PTB does not know (an unknown field would land in `api_kwargs`)."""
from __future__ import annotations

import warnings

import httpx
import pytest
from telegram import (Chat, ChatFullInfo, ChatMember, File, Message, Poll, TelegramObject,
                      Update, User, WebhookInfo)

from bot.sandbox import Emulator
from bot.sandbox.samples import ogg, png


def unknown_fields(obj, path="") -> list[str]:
    """Paths of fields PTB did not recognise, anywhere in the object tree."""
    found = []
    if isinstance(obj, TelegramObject):
        found += [f"{path}.{key}" for key in obj.api_kwargs]
        for name, value in obj._get_attrs().items():
            found += unknown_fields(value, f"{path}.{name}")
    elif isinstance(obj, (list, tuple)):
        for index, item in enumerate(obj):
            found += unknown_fields(item, f"{path}[{index}]")
    return found


@pytest.fixture
def world():
    """A conversation that makes every kind of object: returns (emulator, results, updates)."""
    with Emulator() as emu:
        alice, tutor = emu.user(1001, "Alice", language_code="ko"), emu.user(3003, "Tutor")
        group = emu.group(-2001, "Class 1", members=[alice], owner=tutor)
        emu.send_text(alice, "/start join_x https://example.org @teacher_kim")
        client = httpx.Client(base_url=f"{emu.base_url}{emu.token}/", timeout=10)

        def call(method, files=None, **params):
            if files:
                body = client.post(method, data={k: str(v) for k, v in params.items()}, files=files).json()
            else:
                body = client.post(method, json=params).json()
            assert body["ok"], body
            return body["result"]

        keyboard = {"inline_keyboard": [[{"text": "Next", "callback_data": "next"},
                                         {"text": "Open", "url": "https://t.me/ReadingCompanionBot?start=a"}]]}
        results = {
            "me": (User, call("getMe")),
            "text": (Message, call("sendMessage", chat_id=alice.id, parse_mode="HTML",
                                   text='<b>b</b> <a href="https://x.org">l</a> <a href="tg://user?id=1001">A</a> '
                                        '<pre><code class="language-py">x</code></pre> <blockquote expandable>q</blockquote>',
                                   reply_markup=keyboard, reply_parameters={"message_id": 1},
                                   link_preview_options={"is_disabled": True})),
            "quiz": (Message, call("sendPoll", chat_id=alice.id, question="Q?", options=["a", "b"],
                                   type="quiz", correct_option_ids=[1], is_anonymous=False,
                                   explanation="<i>why</i>", explanation_parse_mode="HTML", open_period=60)),
            "document": (Message, call("sendDocument", files={"document": ("a.txt", b"abc")},
                                       chat_id=alice.id, caption="<b>c</b>", parse_mode="HTML")),
            "photo": (Message, call("sendPhoto", files={"photo": ("p.png", png(8, 8))}, chat_id=alice.id)),
            "voice": (Message, call("sendVoice", files={"voice": ("v.ogg", ogg(1))}, chat_id=alice.id)),
            "group": (Message, call("sendMessage", chat_id=group.id, text="hello class")),
            "chat": (ChatFullInfo, call("getChat", chat_id=group.id)),
            "webhook": (WebhookInfo, call("getWebhookInfo")),
        }
        for user in (alice, tutor, emu.user(5, "Outsider")):
            results[f"member-{user.id}"] = (ChatMember, call("getChatMember", chat_id=group.id, user_id=user.id))
        results["file"] = (File, call("getFile", file_id=results["document"][1]["document"]["file_id"]))
        edited = call("editMessageText", chat_id=alice.id, message_id=results["text"][1]["message_id"],
                      text="edited", reply_markup=keyboard)
        results["edited"] = (Message, edited)
        [quiz] = emu.wait_for_messages(alice, count=2)[1:]
        emu.answer_poll(alice, quiz, [0])
        results["stopped"] = (Poll, call("stopPoll", chat_id=alice.id, message_id=quiz.message_id))
        emu.press(alice, "Next")
        emu.press_data(alice, 999, "forged")
        emu.send_document(alice, "article.txt", b"text", caption="/read this")
        emu.send_photo(alice, png(4, 4))
        emu.send_voice(alice, ogg(2))
        emu.add_bot_to_group(group, by=tutor)
        emu.send_text(tutor, "/report", chat=group)
        updates = call("getUpdates", timeout=0)
        client.close()
        yield emu, results, updates


def test_results_parse_without_unknown_fields(world):
    _, results, _ = world
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, (cls, data) in results.items():
            parsed = cls.de_json(data, None)
            assert unknown_fields(parsed) == [], name


def test_updates_parse_without_unknown_fields(world):
    _, _, updates = world
    kinds = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for data in updates:
            update = Update.de_json(data, None)
            assert unknown_fields(update) == [], data
            kinds.append(next(k for k in data if k != "update_id"))
    assert set(kinds) == {"message", "poll_answer", "poll", "callback_query", "my_chat_member"}


def test_dates_are_whole_seconds(world):
    _, results, updates = world
    dates = [data["date"] for cls, data in results.values() if cls is Message]
    dates += [u["message"]["date"] for u in updates if "message" in u]
    assert dates and all(isinstance(d, int) and d > 1_600_000_000 for d in dates)


def test_chat_objects_match_their_type(world):
    _, results, _ = world
    private = Chat.de_json(results["text"][1]["chat"], None)
    group = Chat.de_json(results["group"][1]["chat"], None)
    assert (private.type, private.first_name) == ("private", "Alice")
    assert (group.type, group.title) == ("group", "Class 1")
