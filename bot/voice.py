"""A spoken clip of a word and its sentence, for Telegram's voice messages.

Speech comes from Debian's `espeak-ng` (offline, no data downloaded), which writes a 22,050 Hz
WAV. Telegram plays a message as a voice note only when it is OGG with the Opus codec, and Opus
only runs at 8, 12, 16, 24 or 48 kHz; ffmpeg is not needed: the `soundfile` wheel bundles
libsndfile (>= 1.1), which writes OGG/Opus, and numpy resamples the speech to 48 kHz (linear
interpolation: speech from espeak-ng has nothing above 11 kHz to lose).

The clip is the word said slowly, a pause, then its sentence at an easy pace. Everything here is
blocking; `make_clip` runs it in a worker thread with a timeout.
"""
from __future__ import annotations

import asyncio
import io
import shutil
import subprocess

#: The espeak-ng command (a name on PATH or a path); the ESPEAK_NG setting overrides it.
ESPEAK_NG = "espeak-ng"
#: General American, as the IPA shown beside each word (CMU dictionary).
VOICE = "en-us"
#: Words a minute (espeak-ng's default is 175): the word alone slower, so each sound is heard.
WORD_SPEED = 120
SENTENCE_SPEED = 150
#: Seconds of silence between the word and its sentence.
PAUSE_SECONDS = 0.8
#: Opus runs at 48 kHz (Telegram's own voice notes do too).
OPUS_RATE = 48_000
#: Seconds one espeak-ng run may take before it is stopped (a sentence takes a few hundredths).
SPEAK_TIMEOUT = 10.0
#: A sentence longer than this is cut at a word: a voice note is for listening, not for a lecture.
MAX_SPOKEN_CHARS = 400
#: The key in PTB's bot_data under which the app keeps the espeak-ng command from the settings.
SPEAKER = "espeak_ng"


class VoiceUnavailable(Exception):
    """espeak-ng is not installed (or not where the ESPEAK_NG setting says)."""


class VoiceFailed(Exception):
    """espeak-ng ran but gave no usable audio (crashed, timed out, wrote nothing)."""


def speaker_available(executable: str = ESPEAK_NG) -> bool:
    """Whether the espeak-ng command can be run."""
    return shutil.which(executable) is not None


def speak_wav(text: str, speed: int, executable: str = ESPEAK_NG, timeout: float = SPEAK_TIMEOUT) -> bytes:
    """`text` spoken by espeak-ng as WAV bytes (text goes in on stdin, so it is never an option)."""
    if not speaker_available(executable):
        raise VoiceUnavailable(executable)
    try:
        done = subprocess.run(
            [executable, "-v", VOICE, "-s", str(speed), "--stdout", "--stdin"],
            input=text.encode("utf-8"), capture_output=True, timeout=timeout, check=True,
        )
    except FileNotFoundError:
        raise VoiceUnavailable(executable) from None
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as error:
        raise VoiceFailed(str(error)) from None
    if not done.stdout.startswith(b"RIFF"):
        raise VoiceFailed("espeak-ng wrote no WAV")
    return done.stdout


def _samples(wav: bytes):
    """Mono float32 samples at OPUS_RATE from WAV bytes."""
    import numpy as np
    import soundfile

    data, rate = soundfile.read(io.BytesIO(wav), dtype="float32", always_2d=True)
    mono = data.mean(axis=1)
    if rate == OPUS_RATE or not len(mono):
        return mono
    count = round(len(mono) * OPUS_RATE / rate)
    return np.interp(np.arange(count) * rate / OPUS_RATE, np.arange(len(mono)), mono).astype("float32")


def ogg_opus(*wavs: bytes, pause: float = PAUSE_SECONDS) -> bytes:
    """The WAV clips one after the other, `pause` seconds apart, as one OGG/Opus voice note."""
    import numpy as np
    import soundfile

    silence = np.zeros(round(pause * OPUS_RATE), dtype="float32")
    pieces = []
    for wav in wavs:
        if pieces:
            pieces.append(silence)
        pieces.append(_samples(wav))
    out = io.BytesIO()
    soundfile.write(out, np.concatenate(pieces), OPUS_RATE, format="OGG", subtype="OPUS")
    return out.getvalue()


def spoken_sentence(sentence: str, limit: int = MAX_SPOKEN_CHARS) -> str:
    """The sentence as read aloud: cut at a word after `limit` characters."""
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0]


def word_clip(word: str, sentence: str = "", executable: str = ESPEAK_NG) -> bytes:
    """One OGG/Opus voice note: `word` said slowly, then `sentence` (if any)."""
    wavs = [speak_wav(word, WORD_SPEED, executable)]
    if sentence.strip():
        wavs.append(speak_wav(spoken_sentence(sentence), SENTENCE_SPEED, executable))
    return ogg_opus(*wavs)


def clip_seconds(ogg: bytes) -> int:
    """A voice note's length in whole seconds (at least 1), for Telegram's `duration`."""
    import soundfile

    info = soundfile.info(io.BytesIO(ogg))
    return max(1, round(info.frames / info.samplerate))


async def make_clip(word: str, sentence: str = "", executable: str = ESPEAK_NG,
                    timeout: float = 2 * SPEAK_TIMEOUT + 5) -> bytes:
    """`word_clip` in a worker thread, so other learners are not held up; VoiceFailed after `timeout`."""
    try:
        return await asyncio.wait_for(asyncio.to_thread(word_clip, word, sentence, executable), timeout)
    except asyncio.TimeoutError:
        raise VoiceFailed(f"no clip after {timeout} s") from None
