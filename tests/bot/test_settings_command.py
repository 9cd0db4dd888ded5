"""/settings shows the learner's language and level, and its buttons change them for good."""
from __future__ import annotations

import pytest
from vocabulary_check_steps import shown_word

from bot.texts import text
from vocab.items import LEVELS
from vocab.progress import DEFAULT_DAILY_GOAL, DEFAULT_RETENTION


def settings_body(lang: str, language: str, level: str) -> str:
    """The settings message of a learner who changed nothing but language and level."""
    return text(lang, "settings.body", language=language, level=level, reminder=text(lang, "reminders.off"),
                goal=DEFAULT_DAILY_GOAL, retention=round(DEFAULT_RETENTION * 100))


def open_settings(emu, learner):
    emu.send_text(learner, "/settings")
    [settings] = emu.wait_for_messages(learner)
    return settings


def ticked(settings) -> list[str]:
    return [label[2:] for label in settings.button_labels if label.startswith("✓ ")]


@pytest.mark.parametrize("telegram_language, lang, language_name", [("en", "en", "English"), ("ko", "ko", "한국어")])
def test_settings_show_the_language_and_that_no_level_is_chosen_yet(emu, telegram_language, lang, language_name):
    learner = emu.user(1001, "Minji", language_code=telegram_language)
    settings = open_settings(emu, learner)
    assert settings.html == settings_body(lang, language_name, text(lang, "settings.no_level"))
    assert ticked(settings) == [language_name]
    assert settings.buttons[1] == [(level, f"st:level:{level}") for level in LEVELS]
    assert settings.buttons[2][0][0] == text(lang, "level.take_check")
    assert settings.buttons[3] == [(text(lang, "reminders.button"), "rm:rem"), (text(lang, "goal.button"), "rm:goal"),
                                   (text(lang, "retention.button"), "rm:ret")]


def test_switching_to_korean_and_back_changes_every_answer(emu):
    learner = emu.user(1001, "Tom", language_code="en")
    settings = open_settings(emu, learner)
    callback = emu.press(learner, "한국어")
    assert emu.callback_answer(callback)["text"] == text("ko", "settings.language_saved")
    korean = emu.wait_for_edit(settings)
    assert korean.html == settings_body("ko", "한국어", text("ko", "settings.no_level"))
    assert ticked(korean) == ["한국어"]
    emu.send_text(learner, "/help")
    assert emu.wait_for_messages(learner)[0].html == text("ko", "help.body")
    emu.send_text(learner, "/start")
    assert emu.wait_for_messages(learner)[0].html.startswith(text("ko", "start.welcome", name="Tom"))

    callback = emu.press(learner, "English", message=korean.message_id)
    assert emu.callback_answer(callback)["text"] == text("en", "settings.language_saved")
    assert ticked(emu.wait_for_edit(korean)) == ["English"]
    emu.send_text(learner, "/help")
    assert emu.wait_for_messages(learner)[0].html == text("en", "help.body")


def test_a_korean_speaker_can_choose_english(emu):
    learner = emu.user(1001, "Minji", language_code="ko")
    settings = open_settings(emu, learner)
    emu.press(learner, "English")
    assert emu.wait_for_edit(settings).html.startswith("<b>Settings</b>")
    emu.send_text(learner, "/frobnicate")
    assert emu.wait_for_messages(learner)[0].html == text("en", "fallback.unknown_command", command="/frobnicate")


def test_a_level_chosen_in_settings_is_ticked_and_kept(emu):
    learner = emu.user(1001, "Tom")
    settings = open_settings(emu, learner)
    callback = emu.press(learner, "C1")
    assert emu.callback_answer(callback)["text"] == text("en", "settings.level_saved", level="C1")
    changed = emu.wait_for_edit(settings)
    assert ticked(changed) == ["English", "C1"]
    assert f"C1 ({text('en', 'level.C1')})" in changed.text
    assert ticked(open_settings(emu, learner)) == ["English", "C1"]


def test_pressing_the_current_choice_again_changes_nothing(emu):
    learner = emu.user(1001, "Tom")
    settings = open_settings(emu, learner)
    callback = emu.press(learner, "✓ English")
    assert emu.callback_answer(callback)["text"] == text("en", "settings.unchanged")
    emu.send_text(learner, "/help")  # handled after the press: the press is done
    emu.wait_for_messages(learner)
    assert emu.message(learner, settings.message_id).version == settings.version  # no edit that changes nothing


def test_the_check_can_be_taken_from_settings(emu):
    learner = emu.user(1001, "Tom", language_code="ko")
    settings = open_settings(emu, learner)
    emu.press(learner, text("ko", "level.take_check"))
    check = emu.wait_for_edit(settings, timeout=20)
    assert shown_word(check)[1] == 1
    assert check.button_labels == [text("ko", "check.yes"), text("ko", "check.no")]


FORGED = ["st:lang:fr", "st:lang:EN", "st:level:C2", "st:level:", "st:colour:red", "st:lang", "st:lang:ko:1", "st"]


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_forged_settings_buttons_are_answered_and_change_nothing(emu, language_code, lang):
    learner = emu.user(1001, "Minji", language_code=language_code)
    settings = open_settings(emu, learner)
    for data in FORGED:
        callback = emu.press_data(learner, settings.message_id, data)
        assert emu.callback_answer(callback)["text"] == text(lang, "button.expired"), data
    assert emu.message(learner, settings.message_id).version == settings.version
    assert open_settings(emu, learner).html == settings.html
