"""The one-minute vocabulary check: one message edited word by word, ending in a saved level."""
from __future__ import annotations

import pytest
from vocabulary_check_steps import answer, shown_word, start_check, take_check
from wordfreq import zipf_frequency

from bot.sandbox.bot_process import spawn_bot, stop_bot
from bot.texts import text
from vocab.vocabulary_check import LEXTALE_NONWORDS, PSEUDOWORDS, band_sizes


def knows_words_above(zipf: float):
    """A learner who knows the real words at least this frequent (and says no to made-up ones)."""
    return lambda word: zipf_frequency(word, "en") >= zipf


def settings_level(emu, learner) -> str:
    """The level /settings ticks."""
    emu.send_text(learner, "/settings")
    [settings] = emu.wait_for_messages(learner)
    return next(label[2:] for label in settings.button_labels if label.startswith("✓ ") and label[2:3] in "ABC")


def test_the_check_shows_every_word_in_one_message_with_made_up_words_among_them(emu):
    learner = emu.user(1001, "Minji")
    first = start_check(emu, learner)
    word, number, total = shown_word(first)
    assert number == 1 and 18 <= total <= 24
    assert first.button_labels == [text("en", "check.yes"), text("en", "check.no")]
    result, words = take_check(emu, learner, first, knows_words_above(4.0))
    assert len(words) == total == len(set(words))
    assert sum(word in LEXTALE_NONWORDS for word in words) == PSEUDOWORDS
    assert emu.messages(learner)[-1].message_id == first.message_id  # no new message, only edits
    assert len(emu.messages(learner)) == 1


@pytest.mark.parametrize("telegram_language, lang", [("en", "en"), ("ko", "ko")])
def test_a_learner_who_knows_the_common_words_is_placed_in_the_middle(emu, telegram_language, lang):
    learner = emu.user(1001, "Minji", language_code=telegram_language)
    result, _ = take_check(emu, learner, start_check(emu, learner, lang), knows_words_above(4.0), lang)
    [level, words] = result.bold[:2]
    assert level in ("B1", "B2")
    assert 1000 < int(words.replace(",", "")) < 8000
    summary = text(lang, "check.result", level=level, description=text(lang, f"level.{level}"), words=words,
                   total=f"{sum(band_sizes().values()):,}")
    assert result.html == f"{summary}\n\n{text(lang, 'level.next')}"
    assert "⚠️" not in result.text  # no word on guessing
    assert result.buttons == []
    assert settings_level(emu, learner) == level


def test_a_learner_who_says_yes_to_everything_is_told_about_guessing(emu):
    learner = emu.user(1001, "Tom")
    result, _ = take_check(emu, learner, start_check(emu, learner), lambda word: True)
    assert result.bold[:2] == ["A2", "0"]
    assert text("en", "check.guessing", fakes=PSEUDOWORDS, pseudowords=PSEUDOWORDS) in result.html
    assert settings_level(emu, learner) == "A2"


def test_a_learner_who_knows_every_real_word_is_c1(emu):
    learner = emu.user(1001, "Tom")
    result, _ = take_check(emu, learner, start_check(emu, learner), lambda word: word not in LEXTALE_NONWORDS)
    assert result.bold[0] == "C1"


FORGED = [
    "vc:12345:22:0",  # past the last word
    "vc:12345:99:0",
    "vc:12345:3:8",  # an answer to a word not shown yet
    "vc:12345:3:1_0",  # int() would take this
    "vc:12345:3:-1",
    "vc:12345:3:g",
    "vc:0:1:0",  # no such seed
    "vc:99999999999:1:0",
    "vc:12345:0:0",
    "vc:12345:1",
    "vc:new:1",
    "vc",
]


def test_forged_check_buttons_are_answered_kindly_and_save_nothing(emu):
    learner = emu.user(1001, "Minji")
    first = start_check(emu, learner)
    for data in FORGED:
        callback = emu.press_data(learner, first.message_id, data)
        assert emu.callback_answer(callback)["text"] == text("en", "check.broken"), data
    after = answer(emu, learner, first, knows=True)  # the check goes on as it was
    assert shown_word(after)[1] == 2
    assert emu.message(learner, first.message_id).version == after.version == first.version + 1
    emu.send_text(learner, "/settings")
    [settings] = emu.wait_for_messages(learner)
    assert not any(label.startswith("✓ ") and label[2] in "ABC" for label in settings.button_labels)


def test_a_check_button_pressed_in_a_group_is_refused(emu):
    learner = emu.user(1001, "Minji")
    group = emu.group(-2001, "Class 1", members=[learner])
    emu.send_text(learner, "/help", chat=group)
    [shown] = emu.wait_for_messages(group)
    callback = emu.press_data(learner, shown.message_id, "vc:new", chat=group)
    assert emu.callback_answer(callback)["text"] == text("en", "check.broken")
    assert emu.message(group, shown.message_id).version == shown.version


def test_the_last_answer_of_a_finished_check_can_be_pressed_again(emu):
    learner = emu.user(1001, "Tom")
    first = start_check(emu, learner)
    message = first
    while message.buttons:
        last_yes = message.button(text("en", "check.yes"))
        message = answer(emu, learner, message, knows=True)
    again = emu.press_data(learner, message.message_id, last_yes)  # a double tap: the same result
    assert emu.callback_answer(again)["text"] is None
    assert emu.message(learner, message.message_id).version == message.version


def test_the_check_goes_on_with_the_same_words_after_a_restart(running_bot, tmp_path):
    emu = running_bot.emu
    learner = emu.user(1001, "Minji")
    message = start_check(emu, learner)
    for _ in range(4):
        message = answer(emu, learner, message, knows=True)
    led_here = emu.messages(learner)[0].history[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    word_before, number, total = shown_word(message)
    assert number == 5
    assert stop_bot(running_bot.process) == 0
    log_path = tmp_path / "restarted.log"
    with open(log_path, "w", encoding="utf-8") as log:
        restarted = spawn_bot(emu, running_bot.data_dir, stderr=log, cwd=tmp_path)
    try:
        emu.press(learner, text("en", "check.no"), message=message.message_id)
        message = emu.wait_for_edit(message, timeout=30)
        assert shown_word(message)[1:] == (6, total)
        emu.press_data(learner, message.message_id, led_here)  # back to word 5: the same word again
        message = emu.wait_for_edit(message)
        assert shown_word(message) == (word_before, 5, total)
        result, _ = take_check(emu, learner, message, lambda word: False)
        assert result.bold[0] == "A2"
    finally:
        assert stop_bot(restarted) == 0
    assert "Traceback" not in log_path.read_text(encoding="utf-8")
