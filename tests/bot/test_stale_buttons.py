"""A button the bot does not know (forged, or left from before a restart) is answered, not a crash."""
from __future__ import annotations

import pytest

from bot.texts import text


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
@pytest.mark.parametrize("data", ["forged", "lesson:42:next", "x" * 64])
def test_an_unknown_button_says_it_has_expired(emu, language_code, lang, data):
    learner = emu.user(1001, "Minji", language_code=language_code)
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    callback_id = emu.press_data(learner, welcome.message_id, data)
    answer = emu.callback_answer(callback_id)
    assert answer["text"] == text(lang, "button.expired")
    # and the bot is still there
    emu.send_text(learner, "/help")
    assert emu.wait_for_messages(learner)[0].html == text(lang, "help.body")


def test_a_stale_button_in_a_group_is_answered_too(emu):
    tutor = emu.user(2001, "Tutor", language_code="en")
    group = emu.group(-2001, "Class 1", members=[tutor])
    emu.send_text(tutor, "/help", chat=group)
    [answer] = emu.wait_for_messages(group)
    callback_id = emu.press_data(tutor, answer.message_id, "quiz:7:2", chat=group)
    assert emu.callback_answer(callback_id)["text"] == text("en", "button.expired")
