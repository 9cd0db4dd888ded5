"""What /report shows, without the emulator: messages split under Telegram's 4096 characters at
line breaks, both languages, buttons within Telegram's limits, the CSV's name, and the chart."""
from __future__ import annotations

import struct
import warnings
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.callback_data import MAX_CALLBACK_BYTES
from bot.handlers.report_views import (
    LEARNER_BUTTONS, class_chooser, class_report_messages, csv_filename, fit_lines, learner_keyboard, learner_report_messages,
    merged_words, own_report_messages,
)
from bot.report_chart import class_chart, learner_bars
from bot.texts import LANGUAGES, text
from lessons.assignments import Assignment
from lessons.classes import MAX_LEARNERS_PER_CLASS, Class
from lessons.reports import ClassReport, HardWord, ReportRow

AT = datetime(2024, 3, 4, 9, tzinfo=timezone.utc)
DAY = date(2024, 3, 8)


def a_class(learners: int) -> Class:
    return Class("0123456789ab", "Thursday B2", 10, AT, "A" * 24, learner_ids=tuple(range(100, 100 + learners)))


def a_report(learners: int, assignments: int = 1, name=lambda n: f"Learner-{n}") -> ClassReport:
    given = tuple(Assignment(f"{i:012x}", "0123456789ab", "f" * 12, AT + timedelta(days=i), due=DAY)
                  for i in range(1, assignments + 1))
    rows = tuple(ReportRow(a.assignment_id, "A long article title about talks " * 3, a.due, 99 + n, n, name(n),
                           n % 2 == 0, n % 4, 3, n % 6, 5, n % 3, 9, DAY - timedelta(days=n % 5), n % 5 == 0, None,
                           n % 5 == 1) for a in given for n in range(1, learners + 1))
    hardest = tuple(HardWord(f"word{i}", f"word{i}", 10 - i, 12, 3) for i in range(10))
    return ClassReport("0123456789ab", "Thursday B2", DAY, given, rows, hardest)


SPLITS = [
    # (lines, limit, expected messages)
    (["a", "b", "c"], 10, ["a\nb\nc"]),
    (["aaaa", "bbbb", "cccc"], 9, ["aaaa\nbbbb", "cccc"]),
    (["aaaa", "", "bbbb", "cccc"], 9, ["aaaa", "bbbb\ncccc"]),  # a blank line at a break is dropped
    (["x" * 12], 10, ["x" * 9 + "…"]),  # a line longer than a message is cut
    ([], 10, []),
]


@pytest.mark.parametrize("lines,limit,expected", SPLITS)
def test_messages_are_split_between_lines(lines, limit, expected):
    assert fit_lines(lines, limit) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_full_class_report_is_split_under_telegrams_limit_and_loses_no_learner(lang):
    report = a_report(MAX_LEARNERS_PER_CLASS, assignments=3)
    messages = class_report_messages(lang, report, a_class(MAX_LEARNERS_PER_CLASS))
    assert len(messages) > 1 and all(len(m) <= 4096 for m in messages)
    whole = "\n".join(messages)
    for n in range(1, MAX_LEARNERS_PER_CLASS + 1):
        assert whole.count(f"<b>Learner-{n}</b>:") == 3  # one line per assignment
    assert text(lang, "report.hardest") in whole and "word0" in whole


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("learners,assignments,expected", [
    (0, 0, "report.no_learners"), (3, 0, "report.no_assignments"), (3, 1, "report.pick_learner"),
])
def test_an_empty_class_or_one_without_assignments_says_what_to_do(lang, learners, assignments, expected):
    [message] = class_report_messages(lang, a_report(learners, assignments), a_class(learners))
    assert text(lang, expected) in message


def test_names_are_escaped_as_html():
    [message] = class_report_messages("en", a_report(2, name=lambda n: "<b>Tom</b> & co"), a_class(2))
    assert "&lt;b&gt;Tom&lt;/b&gt; &amp; co" in message and "<b>Tom</b> &" not in message


def test_one_learners_report_and_a_learners_own_report_speak_of_one_person():
    report = a_report(1)
    [theirs] = learner_report_messages("en", report, "Tom", DAY)
    assert text("en", "report.learner_missed", learner="Tom") in theirs and "<b>Learner-1</b>" not in theirs
    [own] = own_report_messages("ko", [report], DAY, None)
    assert text("ko", "report.own_missed") in own and text("ko", "report.never_active") in own
    [nothing] = own_report_messages("en", [], DAY, None)
    assert text("en", "report.own_none") in nothing


def test_learner_buttons_fit_telegram():
    keyboard = learner_keyboard("en", a_class(MAX_LEARNERS_PER_CLASS), {100: "Minji", 101: ""})
    buttons = [b for row in keyboard.inline_keyboard for b in row]
    assert len(buttons) == LEARNER_BUTTONS < 100
    assert buttons[0].text == "1. Minji" and buttons[1].text == "2. " + text("en", "report.no_name", number=2)
    assert all(len(b.callback_data.encode()) <= MAX_CALLBACK_BYTES for b in buttons)
    assert learner_keyboard("en", a_class(0), {}) is None


@pytest.mark.parametrize("name,expected", [
    ("Thursday B2", "report-Thursday-B2-2024-03-08.csv"),
    ("목요일 반", "report-목요일-반-2024-03-08.csv"),
    ("../../etc/passwd", "report-etc-passwd-2024-03-08.csv"),
    ("???", "report-class-2024-03-08.csv"),
])
def test_the_csv_file_name(name, expected):
    assert csv_filename(name, DAY) == expected


def test_the_chart_is_a_png_with_a_bar_pair_per_learner_and_draws_no_missing_glyphs():
    report = a_report(4, assignments=2, name=lambda n: ["민지", "Tom", "", "Jiho"][n - 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font" for Hangul it cannot draw
        png = class_chart(report, {"parts": "읽은 부분 (%)", "quiz": "퀴즈 점수 (%)", "learner": "학습자"})
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert width + height <= 10000 and height / width <= 20
    bars = learner_bars(report)
    assert [b.number for b in bars] == [1, 2, 3, 4]
    assert bars[0].parts_percent == pytest.approx(100 * 2 / 6) and bars[3].quiz_percent == pytest.approx(100 * 8 / 10)


def test_the_chart_of_the_largest_class_stays_within_telegrams_photo_size():
    png = class_chart(a_report(MAX_LEARNERS_PER_CLASS))
    width, height = struct.unpack(">II", png[16:24])
    assert width + height <= 10000 and height / width <= 20


def test_a_learners_missed_words_of_several_classes_are_added_up():
    words = merged_words([HardWord("salvo", "salvo", 1, 1, 1), HardWord("truce", "truce", 1, 2, 1),
                          HardWord("salvo", "salvo", 1, 2, 1)])
    assert [(w.item, w.misses, w.answers) for w in words] == [("salvo", 2, 3), ("truce", 1, 2)]


@pytest.mark.parametrize("own_too", [False, True])
def test_the_class_chooser_names_classes_by_id_and_offers_own_assignments_to_a_tutor_who_learns(own_too):
    keyboard = class_chooser("ko", [a_class(2)], own_too)
    buttons = [(b.text, b.callback_data) for row in keyboard.inline_keyboard for b in row]
    assert buttons == [("Thursday B2", "rp:c:0123456789ab"),
                       *([(text("ko", "report.own_button"), "rp:m")] if own_too else [])]
