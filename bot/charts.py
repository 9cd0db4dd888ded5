"""Charts as PNG images, drawn headless with matplotlib's Agg renderer (no display needed).

matplotlib is imported inside the functions (it takes about a second), so start-up stays fast, and
figures are made with its object API (`Figure` + the Agg canvas), never pyplot, whose global state
is not safe in worker threads.

Drawing one chart is about 0.4 s of pure-Python CPU. In a thread it would hold the GIL and stall
every other learner's updates for that long, so `draw` runs chart functions in one separate
drawing process (started on first use, closed by `close_drawing` at shutdown), and the same data
is never drawn twice while it stays in a small cache.

Chart labels are English: the fonts matplotlib ships (DejaVu) have no Hangul, and a Korean font is
not something the bot can count on; the message the chart comes with is in the learner's language.
"""
from __future__ import annotations

import asyncio
import io
import multiprocessing
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ProcessPoolExecutor

from vocab.progress_chart_data import ProgressChartData

#: Inches at DPI dots per inch: 800 x 960 pixels, sharp on a phone, far inside Telegram's photo limits.
PROGRESS_SIZE = (8.0, 9.6)
DPI = 100
#: Fixed margins (fractions of the figure) that fit the titles, legends and two-line date labels.
#: matplotlib's "constrained" layout finds them by itself, but measures every label of every
#: panel to do so: a third of the time of drawing the chart.
PROGRESS_MARGINS = dict(left=0.09, right=0.98, top=0.96, bottom=0.06, hspace=0.42)
MET_COLOUR, LEARNED_COLOUR, QUIZ_COLOUR, REVIEW_COLOUR = "#90a4ae", "#2e7d32", "#1565c0", "#ef6c00"


def _png(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def _empty_note(axes, note: str) -> None:
    axes.text(0.5, 0.5, note, ha="center", va="center", transform=axes.transAxes, color="#777", fontsize=12)
    axes.set_xticks([])
    axes.set_yticks([])


def _words_panel(axes, data: ProgressChartData) -> None:
    import matplotlib.dates as mdates

    axes.set_title("Words over time", loc="left", fontweight="bold")
    if not data.days:
        _empty_note(axes, "No words yet: mark words as you read")
        return
    marker = "o" if len(data.days) <= 31 else None
    axes.plot(data.days, data.words_met, drawstyle="steps-post", marker=marker, color=MET_COLOUR,
              label="met")
    axes.plot(data.days, data.words_learned, drawstyle="steps-post", marker=marker, color=LEARNED_COLOUR,
              linewidth=2.5, label="learned or known")
    axes.fill_between(data.days, data.words_learned, step="post", color=LEARNED_COLOUR, alpha=0.15)
    axes.set_ylim(bottom=0, top=max(1, *data.words_met) * 1.15)
    axes.legend(loc="upper left", frameon=False)
    locator = mdates.AutoDateLocator(maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.yaxis.get_major_locator().set_params(integer=True)


def _quiz_panel(axes, data: ProgressChartData) -> None:
    axes.set_title("Quiz answers right, per day", loc="left", fontweight="bold")
    if not data.quiz_days:
        _empty_note(axes, "No quizzes yet: finish an article, then /quiz")
        return
    shown = slice(-14, None)  # the last two weeks with quizzes
    labels = [d.strftime("%b %d") for d in data.quiz_days[shown]]
    bars = axes.bar(labels, data.quiz_accuracy[shown], color=QUIZ_COLOUR, width=0.6)
    for bar, answers in zip(bars, data.quiz_answers[shown]):
        axes.annotate(f"{bar.get_height():.0f}% of {answers}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                      ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
    axes.set_ylim(0, 112)
    axes.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    axes.tick_params(axis="x", labelsize=8)


def _forecast_panel(axes, data: ProgressChartData) -> None:
    axes.set_title(f"Reviews due, next {len(data.forecast)} days", loc="left", fontweight="bold")
    labels = ["today" if n == 0 else d.strftime("%a\n%d") for n, d in enumerate(data.forecast_days)]
    bars = axes.bar(labels, data.forecast, color=REVIEW_COLOUR, width=0.6)
    for bar, count in zip(bars, data.forecast):
        if count:
            axes.annotate(str(count), (bar.get_x() + bar.get_width() / 2, count), ha="center", va="bottom",
                          fontsize=8, xytext=(0, 2), textcoords="offset points")
    axes.set_ylim(0, max(1, *data.forecast) * 1.2)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(axis="x", labelsize=8)
    if not any(data.forecast):
        axes.text(0.5, 0.6, "Nothing due in these days", ha="center", transform=axes.transAxes,
                  color="#777", fontsize=11)


def progress_chart_png(data: ProgressChartData) -> bytes:
    """The learner's /progress chart: words over time, quiz accuracy, the review forecast (PNG)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=PROGRESS_SIZE)
    figure.subplots_adjust(**PROGRESS_MARGINS)
    words, quiz, reviews = figure.subplots(3, 1, height_ratios=(1.2, 1, 1))
    for axes in (words, quiz, reviews):
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", alpha=0.3)
    _words_panel(words, data)
    _quiz_panel(quiz, data)
    _forecast_panel(reviews, data)
    return _png(figure)


#: Charts kept, newest last: a learner who sends /progress twice with nothing new gets the same
#: picture without drawing it again (about 60 KB each).
CACHED_CHARTS = 64
_cache: OrderedDict[Hashable, bytes] = OrderedDict()
_pool: ProcessPoolExecutor | None = None


def _drawing_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:  # "spawn": a fresh interpreter, nothing of the bot's threads or sockets forked
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


async def draw(chart: Callable[..., bytes], *args: Hashable) -> bytes:
    """`chart(*args)` (a module-level function returning PNG bytes; its arguments hashable and
    picklable) drawn in the drawing process, or taken from the cache."""
    key = (chart.__module__, chart.__qualname__, args)
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    png = await asyncio.get_running_loop().run_in_executor(_drawing_pool(), chart, *args)
    _cache[key] = png
    while len(_cache) > CACHED_CHARTS:
        _cache.popitem(last=False)
    return png


def close_drawing() -> None:
    """Stop the drawing process, if one was started (at the bot's shutdown)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


async def progress_chart(data: ProgressChartData) -> bytes:
    """`progress_chart_png` drawn in the drawing process, so other learners are not held up."""
    return await draw(progress_chart_png, data)
