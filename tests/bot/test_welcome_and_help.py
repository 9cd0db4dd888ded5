"""/start and /help answer in the learner's Telegram language; in groups /start points to the private chat."""
from __future__ import annotations

import pytest

from bot.app import MENU
from bot.texts import text

LANGUAGES = [("en", "en"), ("ko", "ko"), ("ko-KR", "ko"), ("de", "en"), (None, "en")]


@pytest.mark.parametrize("telegram_language, lang", LANGUAGES)
def test_start_greets_the_learner_by_name_in_their_language(emu, telegram_language, lang):
    learner = emu.user(1001, "Minji", language_code=telegram_language)
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    assert welcome.html.startswith(text(lang, "start.welcome", name="Minji"))
    assert "Minji" in welcome.bold


@pytest.mark.parametrize("telegram_language, lang", LANGUAGES[:2])
def test_help_lists_the_commands_in_the_learners_language(emu, telegram_language, lang):
    learner = emu.user(1001, "Minji", language_code=telegram_language)
    emu.send_text(learner, "/help")
    [answer] = emu.wait_for_messages(learner)
    assert answer.html == text(lang, "help.body")
    for command in MENU:  # every command of the menu, each on its own line with what it does
        assert f"\n/{command}: " in answer.text


def test_a_name_with_html_in_it_is_shown_as_typed(emu):
    learner = emu.user(1002, "<Tom & Jerry>")
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    assert "<Tom & Jerry>" in welcome.bold


def test_two_learners_each_get_their_own_language(emu):
    minji, tom = emu.user(1001, "Minji", language_code="ko"), emu.user(1002, "Tom", language_code="en")
    emu.send_text(minji, "/help")
    emu.send_text(tom, "/help")
    assert emu.wait_for_messages(minji)[0].html == text("ko", "help.body")
    assert emu.wait_for_messages(tom)[0].html == text("en", "help.body")


@pytest.mark.parametrize("command", ["/start", "/start@ReadingCompanionBot"])
def test_start_in_a_group_points_to_the_private_chat(emu, command):
    tutor = emu.user(2001, "Tutor", language_code="ko")
    group = emu.group(-2001, "Class 1", members=[tutor])
    emu.send_text(tutor, command, chat=group)
    [pointer] = emu.wait_for_messages(group)
    assert pointer.html == text("ko", "group.go_private", name="Tutor")


@pytest.mark.parametrize("telegram_language, lang", LANGUAGES[:2])
def test_help_says_how_to_bring_an_article(telegram_language, lang):
    body = text(lang, "help.body")
    for way in (".txt", ".docx", ".pdf", ".html"):
        assert way in body


def test_help_works_in_a_group(emu):
    tutor = emu.user(2001, "Tutor", language_code="ko")
    group = emu.group(-2001, "Class 1", members=[tutor])
    emu.send_text(tutor, "/help", chat=group)
    assert emu.wait_for_messages(group)[0].html == text("ko", "help.body")
