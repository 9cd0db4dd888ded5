"""Users as Telegram presents them to a bot: their messages' entities, private and group chats,
deep links, and the bot's view of chats and members."""
from __future__ import annotations

import pytest

from bot.sandbox.people import detect_entities


@pytest.mark.parametrize(
    "text, entities",
    [
        ("/start", [("bot_command", 0, 6)]),
        ("/start join_ab12", [("bot_command", 0, 6)]),
        ("/report@ReadingCompanionBot", [("bot_command", 0, 27)]),
        ("read https://example.org/news/1.html.", [("url", 5, 31)]),
        ("😀 /help", [("bot_command", 3, 5)]),  # UTF-16 offsets: the emoji counts twice
        ("ask @teacher_kim", [("mention", 4, 12)]),
        ("a/b is no command", []),
        ("plain words", []),
    ],
)
def test_telegram_marks_commands_links_and_mentions(text, entities):
    assert [(e["type"], e["offset"], e["length"]) for e in detect_entities(text)] == entities


async def test_a_users_message_arrives_with_its_sender(bot, emu):
    minji = emu.user(1001, "Minji", language_code="ko", username="minji")
    sent = emu.send_text(minji, "/start")
    [update] = await bot.get_updates(timeout=0)
    message = update.message
    assert message.message_id == sent["message_id"]
    assert (message.from_user.id, message.from_user.language_code) == (1001, "ko")
    assert (message.chat.id, message.chat.type) == (1001, "private")
    assert message.text == "/start" and message.entities[0].type == "bot_command"


async def test_replies_carry_the_replied_message(bot, emu, alice):
    question = await bot.send_message(alice.id, "Type the word for 'weapons'")
    emu.send_text(alice, "munitions", reply_to=question.message_id)
    *_, update = await bot.get_updates(timeout=0)
    assert update.message.reply_to_message.message_id == question.message_id
    answer = await bot.send_message(alice.id, "Right!", reply_to_message_id=update.message.message_id)
    assert answer.reply_to_message.text == "munitions"
    assert emu.last_message(alice).reply_to_message_id == update.message.message_id


def test_replying_to_a_missing_message(api, alice):
    assert api.refused("sendMessage", chat_id=alice.id, text="x",
                       reply_parameters={"message_id": 999}) == "Bad Request: message to be replied not found"
    sent = api.ok("sendMessage", chat_id=alice.id, text="x",
                  reply_parameters={"message_id": 999, "allow_sending_without_reply": True})
    assert "reply_to_message" not in sent


def test_deep_links_send_start_with_the_payload(emu):
    alice = emu.user(1001, "Alice")
    sent = emu.open_link(alice, "https://t.me/ReadingCompanionBot?start=join_4fX9-k")
    assert sent["text"] == "/start join_4fX9-k"
    with pytest.raises(ValueError):
        emu.open_link(alice, "https://t.me/OtherBot?start=x")
    with pytest.raises(ValueError):
        emu.open_link(alice, "https://t.me/ReadingCompanionBot?start=" + "x" * 65)
    with pytest.raises(ValueError):
        emu.open_link(alice, "https://t.me/ReadingCompanionBot?start=has space")


async def test_group_messages_and_the_bot_joining(bot, emu):
    tutor = emu.user(3003, "Tutor")
    group = emu.group(-2001, "Class 1", members=[tutor])
    emu.add_bot_to_group(group, by=tutor)
    emu.send_text(tutor, "/linkgroup", chat=group)
    joined, service, command = await bot.get_updates(timeout=0)
    assert joined.my_chat_member.new_chat_member.status == "member"
    assert service.message.new_chat_members[0].username == emu.username
    assert (command.message.chat.type, command.message.chat.title) == ("group", "Class 1")
    await bot.send_message(group.id, "Linked")
    assert [m.text for m in emu.messages(group)] == ["Linked"]


async def test_chat_and_member_information(bot, emu):
    tutor, learner = emu.user(3003, "Tutor"), emu.user(1001, "Learner")
    group = emu.group(-2001, "Class 1", members=[learner], owner=tutor)
    assert (await bot.get_chat(group.id)).title == "Class 1"
    assert (await bot.get_chat_member(group.id, tutor.id)).status == "creator"
    assert (await bot.get_chat_member(group.id, learner.id)).status == "member"
    outsider = emu.user(4004, "Outsider")
    assert (await bot.get_chat_member(group.id, outsider.id)).status == "left"


def test_private_chats_belong_to_their_user(emu):
    alice, bob = emu.user(1, "Alice"), emu.user(2, "Bob")
    with pytest.raises(ValueError):
        emu.send_text(alice, "hi", chat=bob.id)
    with pytest.raises(LookupError):
        emu.send_text(alice, "hi", chat=-999)


async def test_chat_actions_are_recorded(bot, emu, alice):
    await bot.send_chat_action(alice.id, "typing")
    await bot.send_chat_action(alice.id, "upload_document")
    assert emu.chat_actions(alice) == ["typing", "upload_document"]


async def test_a_group_upgraded_to_a_supergroup_moves_to_a_new_id(bot, emu, alice):
    from telegram.error import ChatMigrated

    group = emu.group(-4001, "Reading club", members=[alice])
    upgraded = emu.upgrade_to_supergroup(group, alice)
    assert upgraded.id < -1_000_000_000_000 and upgraded.type == "supergroup"
    updates = await bot.get_updates(timeout=0)
    said = {(u.message.chat.id, u.message.migrate_to_chat_id, u.message.migrate_from_chat_id)
            for u in updates if u.message.chat.id != alice.id}
    assert said == {(-4001, upgraded.id, None), (upgraded.id, None, -4001)}
    with pytest.raises(ChatMigrated) as refused:
        await bot.send_message(-4001, "Hello, club")
    assert refused.value.new_chat_id == upgraded.id
    await bot.send_message(upgraded.id, "Hello, club")
