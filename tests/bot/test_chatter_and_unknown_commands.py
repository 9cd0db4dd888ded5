"""Unknown commands and plain chatter get a pointer to /help; in groups only commands are answered."""
from __future__ import annotations

import pytest

from bot.texts import text


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_chatter_in_private_points_to_help(emu, language_code, lang):
    learner = emu.user(1001, "Minji", language_code=language_code)
    emu.send_text(learner, "hello, how are you?")
    [answer] = emu.wait_for_messages(learner)
    assert answer.html == text(lang, "fallback.chatter")


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_an_unknown_command_is_named_in_the_answer(emu, language_code, lang):
    learner = emu.user(1001, "Minji", language_code=language_code)
    emu.send_text(learner, "/frobnicate now")
    [answer] = emu.wait_for_messages(learner)
    assert answer.html == text(lang, "fallback.unknown_command", command="/frobnicate")
    assert "/frobnicate" in answer.text


def test_a_photo_in_private_gets_the_same_pointer(emu):
    learner = emu.user(1001, "Minji")
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 16
    emu.send_photo(learner, png)
    [answer] = emu.wait_for_messages(learner)
    assert answer.html == text("en", "fallback.chatter")


def test_in_a_group_only_commands_for_this_bot_are_answered(emu):
    tutor = emu.user(2001, "Tutor", language_code="en")
    group = emu.group(-2001, "Class 1", members=[tutor])
    emu.send_text(tutor, "/help", chat=group)
    [help_answer] = emu.wait_for_messages(group)
    emu.send_text(tutor, "thanks, bot!", chat=group, reply_to=help_answer)  # reaches the bot, not answered
    emu.send_text(tutor, "/frobnicate@SomeOtherBot", chat=group)  # another bot's command
    emu.send_text(tutor, "/frobnicate@ReadingCompanionBot", chat=group)
    emu.send_text(tutor, "/nonsense", chat=group)
    answers = emu.wait_for_messages(group, count=2)
    assert [a.html for a in answers] == [
        text("en", "fallback.unknown_command", command="/frobnicate"),
        text("en", "fallback.unknown_command", command="/nonsense"),
    ]
    emu.send_text(tutor, "/start", chat=group)
    assert emu.wait_for_messages(group)[0].html == text("en", "group.go_private", name="Tutor")
    assert len(emu.messages(group)) == 4
