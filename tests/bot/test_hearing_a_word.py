"""🔊 under a word card: a voice note (OGG/Opus) of the word and its sentence, through the emulator
with the real bot and the real espeak-ng; forged presses are refused; a bot without espeak-ng says
how to install it."""
from __future__ import annotations

import io
import shutil

import pytest
from reading_steps import bring, expected_lesson, press_and_wait

from bot.texts import text
from lessons.library import lesson_id_for
from vocab.pronunciation import ipa

LEARNER, STRANGER = 1101, 1102


def open_words_of_first_part(emu, learner, article: str):
    """Bring `article`, open part 1 and its words; returns the words message."""
    bring(emu, learner, article)
    press_and_wait(emu, learner, text("en", "article.start"))
    [words] = press_and_wait(emu, learner, text("en", "reading.words"))
    return words


def listen_data(words, item: str) -> str:
    """The callback data of the 🔊 button in `item`'s row."""
    [row] = [row for row in words.buttons if item in row[0][0]]
    assert row[-1][0] == "🔊"
    return row[-1][1]


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs Debian's espeak-ng (apt-get install espeak-ng)")
def test_the_speaker_button_sends_the_word_and_its_sentence_as_a_voice_note(emu, sample_text):
    import soundfile

    learner = emu.user(LEARNER, "Minji")
    lesson = expected_lesson(sample_text)
    words = open_words_of_first_part(emu, learner, sample_text)
    index, item = next((i, it) for i, it in enumerate(lesson.vocabulary) if it.chunk == 0)
    callback = emu.press_data(learner, words.message_id, listen_data(words, item.item))
    [note] = emu.wait_for_messages(learner, timeout=20)

    assert emu.callback_answer(callback).get("text") in (None, "")
    assert note.kind == "voice"
    data = note.voice["data"]
    assert data[:4] == b"OggS" and b"OpusHead" in data[:100]  # what Telegram plays as a voice note
    decoded, rate = soundfile.read(io.BytesIO(data))
    assert rate == 48_000
    seconds = len(decoded) / rate
    assert 1.5 < seconds < 60  # the word, a pause and a whole sentence
    assert note.voice["duration"] == max(1, round(seconds))
    assert note.text.startswith(f"🔊 {item.item} /{ipa(item.item, item.lemma)}/")
    assert item.sentence[:40] in note.text


def test_a_press_for_a_lesson_the_presser_never_opened_is_refused(emu, sample_text):
    learner, stranger = emu.user(LEARNER, "Minji"), emu.user(STRANGER, "Mallory")
    lesson = expected_lesson(sample_text)
    words = open_words_of_first_part(emu, learner, sample_text)
    data = listen_data(words, lesson.vocabulary[0].item)
    emu.send_text(stranger, "/help")
    [shown] = emu.wait_for_messages(stranger)

    forged = [
        emu.press_data(stranger, shown.message_id, data),  # someone else's lesson
        emu.press_data(learner, words.message_id, f"px:{lesson_id_for(lesson, LEARNER)}:9999"),  # no such item
        emu.press_data(learner, words.message_id, "px:000000000000:0"),  # no such lesson
        emu.press_data(learner, words.message_id, "px:only-one-field"),
    ]
    for callback in forged:
        assert emu.callback_answer(callback)["text"] == text("en", "pron.stale")
    emu.send_text(learner, "/help")  # a marker: nothing was sent to either of them before it
    [after] = emu.wait_for_messages(learner)
    assert after.kind == "text" and after.text.startswith("What I can do")
    assert emu.messages(stranger)[-1].message_id == shown.message_id


@pytest.mark.bot_env(ESPEAK_NG="/nonexistent/espeak-ng")
def test_without_espeak_ng_the_button_says_how_to_install_it(emu, sample_text):
    learner = emu.user(LEARNER, "Minji", language_code="ko")
    lesson = expected_lesson(sample_text)
    bring(emu, learner, sample_text)
    press_and_wait(emu, learner, text("ko", "article.start"))
    [words] = press_and_wait(emu, learner, text("ko", "reading.words"))
    item = lesson.vocabulary[0]
    emu.press_data(learner, words.message_id, listen_data(words, item.item))
    [note] = emu.wait_for_messages(learner)
    assert note.kind == "text"
    assert "apt-get install espeak-ng" in note.text
    assert note.html == text("ko", "pron.no_speaker", item=item.item, ipa=f" /{ipa(item.item, item.lemma)}/")
