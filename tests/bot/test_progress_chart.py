"""The /progress chart: a real PNG drawn headless (decodes, sensible size, no warnings), sent as a
photo after the numbers to a learner with data, and not sent to one with none."""
from __future__ import annotations

import io
import warnings
from datetime import datetime, timedelta, timezone

import pytest
from quiz_learner import CLOCK_FILE, lay_down_reader, set_clock

from bot.charts import progress_chart_png
from bot.texts import text
from vocab.progress import QuizAnswer, WordStatus
from vocab.progress_chart_data import chart_data

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
START = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
READERS = {1201: "en", 1203: "ko"}
NEWCOMER = 1202


def decoded(png: bytes):
    import matplotlib.image

    return matplotlib.image.imread(io.BytesIO(png), format="png")


def some_data(days: int, answers: int, reviews: list[int]):
    t0 = START - timedelta(days=days)
    words = [WordStatus(f"w{i}", f"w{i}", ("new", "known", "learned")[i % 3], "l1", "s", "g",
                        t0 + timedelta(days=i % max(1, days)), t0 + timedelta(days=i % max(1, days)))
             for i in range(20)]
    given = [QuizAnswer("l1", f"q{i}", f"w{i % 20}", "gap_fill", i % 4 != 0, t0 + timedelta(days=i % max(1, days)))
             for i in range(answers)]
    return chart_data(words, given, reviews, START.date(), "Asia/Seoul")


@pytest.mark.parametrize("days, answers, reviews", [
    (30, 40, [3, 0, 2, 5, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0]),  # a month of everything
    (0, 0, [0] * 14),  # words met today only: no quizzes, no reviews
    (400, 5, [0] * 13 + [9]),  # over a year of words
])
def test_the_chart_is_a_real_png_without_warnings(days, answers, reviews):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph or a date axis matplotlib cannot tick
        png = progress_chart_png(some_data(days, answers, reviews))
    assert png[:8] == PNG_MAGIC
    height, width, _ = decoded(png).shape
    assert (width, height) == (800, 960)


with_clock = pytest.mark.bot_env(CLOCK_FILE=CLOCK_FILE)


@pytest.fixture
def readers(tmp_path):
    """Readers in Seoul (one reads the bot in Korean) who knew two words of the sample yesterday,
    laid down before the bot starts."""
    set_clock(tmp_path, START)
    for user_id, lang in READERS.items():
        lay_down_reader(tmp_path / "data", user_id, language=lang, timezone_name="Asia/Seoul",
                        at=START - timedelta(days=1), known=("diplomat", "spokesperson"))


@with_clock
@pytest.mark.parametrize("user_id, lang", sorted(READERS.items()))
def test_progress_sends_the_chart_as_a_photo_after_the_numbers(readers, running_bot, user_id, lang):
    emu = running_bot.emu
    reader = emu.user(user_id, "Jiwoo", language_code=lang)
    emu.send_text(reader, "/progress")
    numbers, chart = emu.wait_for_messages(reader, 2, timeout=30)
    assert numbers.kind == "text" and chart.kind == "photo"
    assert chart.text == text(lang, "chart.caption")
    png = chart.photo["data"]
    assert png[:8] == PNG_MAGIC
    assert decoded(png).shape[:2] == (chart.photo["height"], chart.photo["width"])


@with_clock
def test_a_learner_with_nothing_yet_gets_the_numbers_and_no_chart(readers, emu):
    newcomer = emu.user(NEWCOMER, "Sam")
    emu.send_text(newcomer, "/progress")
    [numbers] = emu.wait_for_messages(newcomer)
    emu.send_text(newcomer, "/help")
    [helped] = emu.wait_for_messages(newcomer)
    assert numbers.kind == helped.kind == "text"
    assert [m.kind for m in emu.messages(newcomer)] == ["text", "text"]
