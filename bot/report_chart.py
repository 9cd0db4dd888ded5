"""The class chart of /report: a PNG with two bars per learner, parts read and quiz score (in
percent, over all the class's assignments), learners by their number in the report.

Rendered headless: matplotlib's Agg backend on a bare `Figure` (no pyplot, no display, no global
state, so it is safe in a worker thread), imported inside the function because matplotlib takes
about a second to load and the bot must start fast.

Fonts: matplotlib ships DejaVu Sans, which has no Hangul. If a font with Korean glyphs is installed
(Noto Sans CJK, Nanum...) it is used; otherwise a label the fonts cannot draw (a Korean name, a
Korean legend) is left out or replaced by its English version, rather than drawn as empty boxes.
The message beside the chart names every learner by the same numbers.
"""
from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass

from lessons.reports import ClassReport

#: Fonts with Hangul that Debian, macOS or Windows may have, in order of preference.
KOREAN_FONTS = ("Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "NanumBarunGothic", "Malgun Gothic",
                "Apple SD Gothic Neo", "UnDotum", "Baekmuk Gulim")
#: English words of the chart, used when the tutor's language cannot be drawn.
ENGLISH = {"parts": "Parts read (%)", "quiz": "Quiz score (%)", "learner": "Learner"}
#: Size: wide enough for a phone, a bar pair per learner; Telegram wants width + height <= 10000 px.
WIDTH_INCHES = 7.0
INCHES_PER_LEARNER = 0.32
DPI = 100
MAX_LEARNERS = 200  # lessons.classes.MAX_LEARNERS_PER_CLASS: 200 * 0.32 in * 100 dpi = 6400 px tall
NAME_CHARS = 16


@dataclass(frozen=True)
class LearnerBars:
    number: int
    name: str
    parts_percent: float
    quiz_percent: float


def learner_bars(report: ClassReport) -> list[LearnerBars]:
    """Per learner (class order): parts read out of all parts, right first answers out of all answered."""
    totals: dict[int, list] = {}
    for row in report.rows:
        t = totals.setdefault(row.number, [row.name, 0, 0, 0, 0])
        t[1] += row.parts_read
        t[2] += row.parts_total
        t[3] += row.quiz_right
        t[4] += row.quiz_answered
    return [LearnerBars(n, name, 100 * read / parts if parts else 0.0, 100 * right / answered if answered else 0.0)
            for n, (name, read, parts, right, answered) in sorted(totals.items())][:MAX_LEARNERS]


def class_chart(report: ClassReport, words: Mapping[str, str] | tuple[tuple[str, str], ...] | None = None) -> bytes:
    """The chart as PNG bytes (`words`: "parts", "quiz", "learner" in the tutor's language, as a
    mapping or as (key, word) pairs)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family, drawable = _fonts()
    words = {key: value if drawable(value) else ENGLISH[key] for key, value in {**ENGLISH, **dict(words or ())}.items()}
    bars = learner_bars(report)
    labels = [f"{b.number}. {b.name[:NAME_CHARS]}" if b.name and drawable(b.name) else str(b.number) for b in bars]
    height = 1.6 + INCHES_PER_LEARNER * max(len(bars), 3)
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(bars)))
    axes.barh([p - 0.2 for p in positions], [b.parts_percent for b in bars], height=0.4, label=words["parts"],
              color="#4C72B0")
    axes.barh([p + 0.2 for p in positions], [b.quiz_percent for b in bars], height=0.4, label=words["quiz"],
              color="#DD8452")
    axes.set_yticks(positions, labels, fontfamily=family)
    axes.invert_yaxis()  # learner 1 at the top, as in the message
    axes.set_xlim(0, 100)
    axes.set_ylabel(words["learner"], fontfamily=family)
    axes.grid(axis="x", alpha=0.3)
    if drawable(report.class_name):
        axes.set_title(report.class_name, fontfamily=family)
    figure.legend(loc="outside upper center", ncols=2, prop={"family": family})
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _fonts():
    """The font families to draw with, and a test of whether a text can be drawn with them."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    installed = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    korean = [name for name in KOREAN_FONTS if name in installed]
    family = [*korean[:1], "DejaVu Sans"]
    paths = [installed[name] for name in korean[:1]]
    paths.append(font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans")))
    glyphs: set[int] = set()
    for path in paths:
        glyphs.update(FT2Font(path).get_charmap())

    def drawable(text: str) -> bool:
        return all(ord(ch) in glyphs for ch in text if not ch.isspace())

    return family, drawable
