"""In a group the bot answers only commands, and sends learners to the private chat to read."""
from __future__ import annotations

import pytest

from bot.texts import text
from vocab.items import LEVELS

PRIVATE_CHAT = "https://t.me/ReadingCompanionBot"


def group_with(emu, *people):
    return emu.group(-2001, "Class 1", members=people)


@pytest.mark.parametrize("command", ["/read", "/words", "/quiz", "/progress", "/settings", "/start",
                                     "/quiz@ReadingCompanionBot", "/start some-payload"])
def test_a_learner_command_in_a_group_points_to_the_private_chat(emu, command):
    learner = emu.user(1001, "Minji", language_code="ko")
    group = group_with(emu, learner)
    emu.send_text(learner, command, chat=group)
    [pointer] = emu.wait_for_messages(group)
    assert pointer.html == text("ko", "group.go_private", name="Minji")
    assert pointer.buttons == [[(text("ko", "group.open_chat"), PRIVATE_CHAT)]]
    assert emu.messages(learner) == []  # nothing happens in private until the learner goes there


def test_the_pointer_opens_the_private_chat_where_the_bot_welcomes_the_learner(emu):
    learner = emu.user(1001, "Tom", language_code="en")
    group = group_with(emu, learner)
    emu.send_text(learner, "/quiz", chat=group)
    emu.wait_for_messages(group)
    emu.press(learner, text("en", "group.open_chat"), chat=group)
    [welcome] = emu.wait_for_messages(learner)
    assert welcome.html.startswith(text("en", "start.welcome", name="Tom"))
    assert welcome.button_labels[:4] == list(LEVELS)


def test_chatter_and_other_bots_commands_in_a_group_get_no_answer(emu):
    learner, friend = emu.user(1001, "Minji"), emu.user(1002, "Jisoo")
    group = group_with(emu, learner, friend)
    emu.send_text(learner, "/settings", chat=group)
    [pointer] = emu.wait_for_messages(group)
    emu.send_text(friend, "thanks!", chat=group, reply_to=pointer)  # reaches the bot: a reply to it
    emu.send_text(friend, "@ReadingCompanionBot is this you?", chat=group)  # reaches it too: a mention
    emu.send_text(learner, "anyone read the news today?", chat=group)
    emu.send_text(learner, "/quiz@SomeOtherBot", chat=group)
    emu.send_text(friend, "/help", chat=group)  # answered, and only after everything above was handled
    [help_answer] = emu.wait_for_messages(group)
    assert help_answer.html == text("en", "help.body")
    assert len(emu.messages(group)) == 2


def test_pointers_are_in_each_senders_language(emu):
    minji, tom = emu.user(1001, "Minji", language_code="ko"), emu.user(1002, "Tom", language_code="en")
    group = group_with(emu, minji, tom)
    emu.send_text(minji, "/read", chat=group)
    emu.send_text(tom, "/progress", chat=group)
    first, second = emu.wait_for_messages(group, count=2)
    assert (first.html, second.html) == (text("ko", "group.go_private", name="Minji"),
                                         text("en", "group.go_private", name="Tom"))


def test_a_forged_settings_button_in_a_group_changes_nothing(emu):
    learner = emu.user(1001, "Minji")
    group = group_with(emu, learner)
    emu.send_text(learner, "/settings", chat=group)
    [pointer] = emu.wait_for_messages(group)
    for data in ("st:lang:ko", "lv:B2"):
        callback = emu.press_data(learner, pointer.message_id, data, chat=group)
        assert emu.callback_answer(callback)["text"] == text("en", "button.expired")
    assert emu.message(group, pointer.message_id).version == pointer.version
    emu.send_text(learner, "/help")
    assert emu.wait_for_messages(learner)[0].html == text("en", "help.body")  # still English
