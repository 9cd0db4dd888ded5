"""/start welcomes the learner in their language and lets them choose a level, which is kept."""
from __future__ import annotations

import pytest

from bot.sandbox.bot_process import stop_bot
from bot.store import Store
from bot.texts import text
from vocab.items import LEVELS

CHECK_BUTTON = {"en": "Take a one-minute vocabulary check", "ko": "1분 어휘 테스트 보기"}


def stored_level(running_bot, user_id: int) -> str | None:
    """The learner's level as the stopped bot left it on disk."""
    assert stop_bot(running_bot.process) == 0
    store = Store.open(running_bot.data_dir)
    try:
        return store.learners.get(user_id).level
    finally:
        store.close()


@pytest.mark.parametrize("telegram_language, lang", [("en", "en"), ("ko", "ko"), ("ko-KR", "ko"), (None, "en")])
def test_a_new_learner_is_welcomed_and_offered_every_level_and_the_check(emu, telegram_language, lang):
    learner = emu.user(1001, "Minji", language_code=telegram_language)
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    assert welcome.html.startswith(text(lang, "start.welcome", name="Minji"))
    assert text(lang, "start.choose_level", levels="").rstrip() in welcome.html
    for level in LEVELS:  # each level is described in the learner's language
        assert f"{level}: {text(lang, f'level.{level}')}" in welcome.text
    assert welcome.button_labels == [*LEVELS, CHECK_BUTTON[lang]]


@pytest.mark.parametrize("telegram_language, lang", [("en", "en"), ("ko", "ko")])
def test_a_chosen_level_is_saved_and_the_learner_hears_what_to_do_next(running_bot, telegram_language, lang):
    emu = running_bot.emu
    learner = emu.user(1001, "Minji", language_code=telegram_language)
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    callback = emu.press(learner, "B2")
    chosen = emu.wait_for_edit(welcome)
    assert emu.callback_answer(callback)["text"] is None
    assert chosen.html == (text(lang, "level.chosen", level="B2", description=text(lang, "level.B2"))
                           + "\n\n" + text(lang, "level.next"))
    assert chosen.buttons == []
    assert "/settings" in chosen.text
    assert stored_level(running_bot, 1001) == "B2"


def test_start_again_shows_the_level_and_offers_to_change_it(emu):
    learner = emu.user(1001, "Tom")
    emu.send_text(learner, "/start")
    [first] = emu.wait_for_messages(learner)
    emu.press(learner, "A2", message=first.message_id)
    emu.wait_for_edit(first)
    emu.send_text(learner, "/start")
    [again] = emu.wait_for_messages(learner)
    assert text("en", "start.your_level", level="A2", levels="").rstrip() in again.html
    assert "A2" in again.bold
    emu.press(learner, "C1", message=again.message_id)
    assert emu.wait_for_edit(again).html.startswith(text("en", "level.chosen", level="C1", description=text("en", "level.C1")))
    emu.send_text(learner, "/settings")
    [settings] = emu.wait_for_messages(learner)
    assert settings.has_button("✓ C1") and settings.has_button("A2")


@pytest.mark.parametrize("how", ["payload", "deep link", "empty deep link"])
def test_start_with_a_payload_the_bot_does_not_know_is_an_ordinary_start(emu, how):
    learner = emu.user(1001, "Minji", language_code="ko")
    if how == "payload":
        emu.send_text(learner, "/start class-7Hx2_unknown")
    elif how == "deep link":
        emu.open_link(learner, "https://t.me/ReadingCompanionBot?start=nothing-we-know")
    else:
        emu.open_link(learner, "https://t.me/ReadingCompanionBot")
    [welcome] = emu.wait_for_messages(learner)
    assert welcome.html.startswith(text("ko", "start.welcome", name="Minji"))
    assert welcome.button_labels == [*LEVELS, CHECK_BUTTON["ko"]]


@pytest.mark.parametrize("data", ["lv:C2", "lv:b2", "lv:", "lv:B2:again", "lv:check", "lv"])
def test_a_forged_level_button_is_answered_and_changes_nothing(running_bot, data):
    emu = running_bot.emu
    learner = emu.user(1001, "Minji")
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    callback = emu.press_data(learner, welcome.message_id, data)
    assert emu.callback_answer(callback)["text"] == text("en", "button.expired")
    assert emu.message(learner, welcome.message_id).version == welcome.version  # not edited
    emu.send_text(learner, "/help")  # the bot is still there
    emu.wait_for_messages(learner)
    assert stored_level(running_bot, 1001) is None
