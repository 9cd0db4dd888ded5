"""The command menu is published in English for everyone and in Korean for Korean speakers."""
from __future__ import annotations

import pytest

from bot.app import MENU
from bot.texts import text


@pytest.mark.parametrize("language_code, lang", [(None, "en"), ("ko", "ko")])
def test_the_menu_is_set_in_each_language(emu, language_code, lang):
    expected = [{"command": name, "description": text(lang, f"menu.{name}")} for name in MENU]
    assert emu.commands(language_code=language_code) == expected


@pytest.mark.parametrize("language_code, lang", [("ko", "ko"), ("en", "en"), ("ja", "en")])
def test_a_learner_sees_the_menu_in_their_language(emu, language_code, lang):
    learner = emu.user(1001, "Minji", language_code=language_code)
    descriptions = [entry["description"] for entry in emu.command_menu(learner)]
    assert descriptions == [text(lang, f"menu.{name}") for name in MENU]


def test_the_menu_holds_every_learner_command_in_the_order_of_a_lesson(emu):
    names = [entry["command"] for entry in emu.commands()]
    assert names == ["start", "read", "words", "quiz", "review", "progress", "export", "settings", "help"]
