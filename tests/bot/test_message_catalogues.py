"""Every message exists in English and Korean, fills in the same values, and is chosen by the learner's language."""
from __future__ import annotations

import re

import pytest

from bot.app import MENU
from bot.texts import LANGUAGES, Html, catalogue, language_for, placeholders, text

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_both_catalogues_have_the_same_messages():
    assert set(catalogue("en")) == set(catalogue("ko"))


@pytest.mark.parametrize("key", sorted(catalogue("en")))
def test_a_message_fills_in_the_same_values_in_every_language(key):
    assert placeholders(catalogue("ko")[key]) == placeholders(catalogue("en")[key])


@pytest.mark.parametrize("key", sorted(catalogue("ko")))
def test_korean_messages_are_written_in_korean(key):
    assert HANGUL.search(catalogue("ko")[key]), f"{key} has no Korean in it"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("command", MENU)
def test_every_menu_command_has_a_description_telegram_accepts(lang, command):
    description = text(lang, f"menu.{command}")
    assert 1 <= len(description) <= 256


@pytest.mark.parametrize(
    "telegram_language, stored_choice, expected",
    [
        ("ko", None, "ko"),
        ("ko-KR", None, "ko"),
        ("KO", None, "ko"),
        ("en", None, "en"),
        ("en-GB", None, "en"),
        ("de", None, "en"),
        (None, None, "en"),
        ("", None, "en"),
        ("ko", "en", "en"),
        ("en", "ko", "ko"),
        ("de", "ko", "ko"),
        ("ko", "fr", "ko"),  # a choice the bot cannot honour is ignored
    ],
)
def test_the_language_follows_telegram_until_the_learner_chooses(telegram_language, stored_choice, expected):
    assert language_for(telegram_language, stored_choice) == expected


def test_values_are_escaped_for_telegram_html():
    welcome = text("en", "start.welcome", name="<Tom & Jerry>")
    assert "<b>&lt;Tom &amp; Jerry&gt;</b>" in welcome


def test_html_values_are_passed_through():
    assert "<b><i>Tom</i></b>" in text("en", "start.welcome", name=Html("<i>Tom</i>"))


def test_an_unknown_language_is_answered_in_english():
    assert text("fr", "help.body") == text("en", "help.body")


def test_korean_and_english_differ():
    assert text("ko", "help.body") != text("en", "help.body")
