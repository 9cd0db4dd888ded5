"""Voice notes: WAV speech becomes one 48 kHz OGG/Opus clip (Telegram's voice format), espeak-ng
missing or failing is told apart, and long sentences are cut for listening."""
from __future__ import annotations

import asyncio
import io
import shutil

import numpy as np
import pytest
import soundfile

from bot import voice

needs_espeak = pytest.mark.skipif(shutil.which(voice.ESPEAK_NG) is None,
                                  reason="needs Debian's espeak-ng (apt-get install espeak-ng)")


def tone_wav(seconds: float, rate: int = 22_050) -> bytes:
    """A 440 Hz tone as WAV bytes, at espeak-ng's own sample rate."""
    t = np.arange(round(seconds * rate)) / rate
    out = io.BytesIO()
    soundfile.write(out, (0.3 * np.sin(2 * np.pi * 440 * t)).astype("float32"), rate, format="WAV")
    return out.getvalue()


def decoded(ogg: bytes) -> tuple[np.ndarray, int]:
    return soundfile.read(io.BytesIO(ogg), dtype="float32")


@pytest.mark.parametrize("clips, pause", [((1.0,), 0.8), ((0.5, 2.0), 0.8), ((0.5, 1.0), 0.0)])
def test_clips_become_one_opus_voice_note_with_pauses_between(clips, pause):
    ogg = voice.ogg_opus(*(tone_wav(s) for s in clips), pause=pause)
    assert ogg[:4] == b"OggS" and b"OpusHead" in ogg[:100]
    samples, rate = decoded(ogg)
    assert rate == voice.OPUS_RATE
    expected = sum(clips) + pause * (len(clips) - 1)
    assert abs(len(samples) / rate - expected) < 0.05
    assert voice.clip_seconds(ogg) == max(1, round(expected))


def test_the_pause_between_clips_is_silent():
    ogg = voice.ogg_opus(tone_wav(1.0), tone_wav(1.0), pause=1.0)
    samples, rate = decoded(ogg)
    middle = samples[int(1.2 * rate):int(1.8 * rate)]
    sound = samples[int(0.2 * rate):int(0.8 * rate)]
    assert np.abs(middle).max() < 0.02 < np.abs(sound).max()


def test_a_missing_espeak_ng_is_unavailable_not_a_crash(tmp_path):
    with pytest.raises(voice.VoiceUnavailable):
        voice.word_clip("munitions", "Munitions ran short.", executable=str(tmp_path / "espeak-ng"))
    assert not voice.speaker_available(str(tmp_path / "espeak-ng"))


def test_an_espeak_ng_that_fails_is_a_failure_not_missing():
    false = shutil.which("false")
    with pytest.raises(voice.VoiceFailed):
        voice.speak_wav("munitions", voice.WORD_SPEED, executable=false)


@needs_espeak
def test_espeak_ng_speaks_a_word_and_its_sentence_in_a_worker_thread():
    word_only = asyncio.run(voice.make_clip("munitions"))
    with_sentence = asyncio.run(voice.make_clip("munitions", "The North provided Russia with munitions."))
    word_seconds = len(decoded(word_only)[0]) / voice.OPUS_RATE
    both_seconds = len(decoded(with_sentence)[0]) / voice.OPUS_RATE
    assert 0.3 < word_seconds < 3
    assert both_seconds > word_seconds + voice.PAUSE_SECONDS + 1


@needs_espeak
def test_text_that_looks_like_an_option_is_spoken_not_obeyed():
    wav = voice.speak_wav("--version", voice.WORD_SPEED)
    assert wav.startswith(b"RIFF")


@pytest.mark.parametrize("sentence, limit, expected", [
    ("Short one.", 400, "Short one."),
    ("one two  three\nfour", 400, "one two three four"),
    ("alpha beta gamma delta", 12, "alpha beta"),
])
def test_long_sentences_are_cut_at_a_word(sentence, limit, expected):
    assert voice.spoken_sentence(sentence, limit) == expected
