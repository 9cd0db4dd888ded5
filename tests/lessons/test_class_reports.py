"""A tutor's class report in the core: rows per learner per assignment, finished and overdue, the
hardest words, and the CSV file (parsed back with the csv module)."""
from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from lessons.article import Article, Chunk, Lesson
from lessons.assignments import Assignment
from lessons.classes import Class
from lessons.report_csv import COLUMNS, ENCODING, report_csv, report_csv_file, safe_cell
from lessons.reports import (
    FINISHED, IN_PROGRESS, NOT_STARTED, OVERDUE, LearnerActivity, class_report, first_answers, hardest_words,
    last_active, quiz_done, report_row,
)
from vocab.items import Difficulty, VocabItem
from vocab.progress import QuizAnswer, QuizSession, ReadingState, WordStatus

AT = datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)  # a Monday, 18:00 in Seoul
TUTOR, MINJI, TOM, JIHO = 10, 21, 22, 23
CLASS = Class("0123456789ab", "Thursday B2", TUTOR, AT - timedelta(days=7), "A" * 24, learner_ids=(MINJI, TOM, JIHO))
OTHER_CLASS = "ba9876543210"
WORDS = ("munition", "salvo", "truce", "envoy")


def item(lemma: str, chunk: int = 0) -> VocabItem:
    return VocabItem(item=lemma + "s" if lemma == "munition" else lemma, lemma=lemma, kind="word", forms=(lemma,),
                     pos="noun", zipf=3.0, level="C1", count=1, sentence=f"A {lemma} here.", chunk=chunk, gloss="")


def lesson(title: str = "Arms talks", parts: int = 3, words=WORDS) -> Lesson:
    chunks = tuple(Chunk(i, f"Part {i}.", (f"Part {i}.",)) for i in range(parts))
    return Lesson(Article(title, tuple(c.text for c in chunks)), chunks, tuple(item(w) for w in words),
                  Difficulty(50.0, "B2", 0.1))


ASSIGNED = lesson()
HOMEWORK = Assignment("aaaaaaaaaaaa", CLASS.class_id, "111111111111", AT - timedelta(days=3), due=date(2024, 3, 6))
OWN = {MINJI: "21" * 6, TOM: "22" * 6, JIHO: "23" * 6}  # each learner's own copy of the lesson
LESSONS = {HOMEWORK.lesson_id: ASSIGNED, **{lesson_id: ASSIGNED for lesson_id in OWN.values()}}


def reading(user: int, parts=(0,), finished: datetime | None = None, assignment=HOMEWORK) -> ReadingState:
    return ReadingState(OWN[user], AT - timedelta(days=2), part=max(parts), parts_read=frozenset(parts),
                        finished_at=finished, assignment_id=assignment.assignment_id)


def answer(user: int, lemma: str, correct: bool, minutes: int = 0, kind: str = "meaning") -> QuizAnswer:
    return QuizAnswer(OWN[user], f"{kind}:{lemma}", lemma, kind, correct, AT - timedelta(days=1, minutes=-minutes))


def word(lemma: str, status: str, lesson_id: str = "999999999999") -> WordStatus:
    return WordStatus(lemma, lemma, status, lesson_id, "", "", AT, AT)


def activity(user: int, name: str = "Minji", **stored) -> LearnerActivity:
    return LearnerActivity(user, name, **stored)


# -- one row ----------------------------------------------------------------------------------------

ROWS = [
    # (case, stored activity, today, expected (parts, right/answered, learned, status, finished_on))
    ("not started, before the due date", {}, date(2024, 3, 6), (0, 0, 0, 0, NOT_STARTED, None)),
    ("not started, the day after the due date", {}, date(2024, 3, 7), (0, 0, 0, 0, OVERDUE, None)),
    ("two of three parts read, on the due date", {"readings": (reading(MINJI, (0, 1)),)}, date(2024, 3, 6),
     (2, 0, 0, 0, IN_PROGRESS, None)),
    ("two of three parts read, overdue", {"readings": (reading(MINJI, (0, 1)),)}, date(2024, 3, 8),
     (2, 0, 0, 0, OVERDUE, None)),
    ("every part read: finished, even without the quiz",
     {"readings": (reading(MINJI, (0, 1, 2), finished=AT - timedelta(days=2)),)}, date(2024, 3, 9),
     (3, 0, 0, 0, FINISHED, date(2024, 3, 2))),
    ("quiz done after two parts: finished; first answers count, a retake does not",
     {"readings": (reading(MINJI, (0, 1)),),
      "answers": (answer(MINJI, "munition", False), answer(MINJI, "salvo", True, 1),
                  answer(MINJI, "munition", True, 60 * 24))},
     date(2024, 3, 9), (2, 1, 2, 0, FINISHED, date(2024, 3, 3))),
    ("a quiz still open counts as not done yet",
     {"readings": (reading(MINJI, (0, 1)),), "answers": (answer(MINJI, "munition", True),),
      "open_quiz": QuizSession(OWN[MINJI], AT - timedelta(days=1, minutes=5), ())},
     date(2024, 3, 6), (2, 1, 1, 0, IN_PROGRESS, None)),
    ("words learned: learned and known among the lesson's items only",
     {"readings": (reading(MINJI),),
      "words": (word("munition", "learned"), word("salvo", "known"), word("truce", "learning"),
                word("envoy", "new"), word("unrelated", "learned"))},
     date(2024, 3, 6), (1, 0, 0, 2, IN_PROGRESS, None)),
    ("finished late is finished, not overdue",
     {"readings": (reading(MINJI, (0, 1, 2), finished=datetime(2024, 3, 8, 1, tzinfo=timezone.utc)),)},
     date(2024, 3, 9), (3, 0, 0, 0, FINISHED, date(2024, 3, 8))),
    ("a reading of another assignment does not count",
     {"readings": (reading(MINJI, (0, 1, 2), finished=AT, assignment=replace(HOMEWORK, assignment_id="b" * 12)),)},
     date(2024, 3, 7), (0, 0, 0, 0, OVERDUE, None)),
]


@pytest.mark.parametrize("case,stored,today,expected", ROWS, ids=[r[0] for r in ROWS])
def test_a_learners_row(case, stored, today, expected):
    row = report_row(HOMEWORK, ASSIGNED, activity(MINJI, **stored), 1, LESSONS, today, "Asia/Seoul")
    parts, right, answered, learned, status, finished_on = expected
    assert (row.parts_read, row.quiz_right, row.quiz_answered, row.words_learned, row.status, row.finished_on) \
        == (parts, right, answered, learned, status, finished_on)
    assert (row.parts_total, row.words_total, row.title, row.due) == (3, 4, "Arms talks", date(2024, 3, 6))
    assert row.overdue == (status == OVERDUE) and row.finished == (status == FINISHED)


def test_a_learner_who_has_not_started_is_counted_against_the_assigned_lesson():
    row = report_row(HOMEWORK, lesson(parts=5, words=WORDS[:2]), activity(TOM), 2, {}, date(2024, 3, 5))
    assert (row.started, row.parts_read, row.parts_total, row.words_total, row.quiz_percent) == (False, 0, 5, 2, None)


def test_the_learners_own_copy_gives_the_totals_once_started():
    own = lesson(parts=4, words=WORDS[:3])  # made at the learner's level: other parts, fewer words
    row = report_row(HOMEWORK, ASSIGNED, activity(MINJI, readings=(reading(MINJI, (0, 1, 9)),)), 1,
                     {OWN[MINJI]: own}, date(2024, 3, 5))
    assert (row.parts_read, row.parts_total, row.words_total) == (2, 4, 3)  # part 9 does not exist


LAST_ACTIVE = [
    ("never active", {}, None),
    ("an active day is the latest", {"active_days": (date(2024, 3, 1), date(2024, 3, 5))}, date(2024, 3, 5)),
    ("a quiz answer late in the UTC evening is the next day in Seoul",
     {"answers": (QuizAnswer("x" * 12, "q", "w", "meaning", True, datetime(2024, 3, 6, 16, tzinfo=timezone.utc)),),
      "active_days": (date(2024, 3, 5),)}, date(2024, 3, 7)),
    ("reading started", {"readings": (reading(MINJI),)}, date(2024, 3, 2)),
    ("reading finished", {"readings": (reading(MINJI, finished=datetime(2024, 3, 3, 2, tzinfo=timezone.utc)),)},
     date(2024, 3, 3)),
]


@pytest.mark.parametrize("case,stored,expected", LAST_ACTIVE, ids=[c[0] for c in LAST_ACTIVE])
def test_last_active(case, stored, expected):
    assert last_active(activity(MINJI, **stored), "Asia/Seoul") == expected


def test_first_answers_keep_each_questions_first_try_in_time_order():
    later, earlier = answer(MINJI, "salvo", True, 5), answer(MINJI, "salvo", False, 1)
    other_lesson = replace(answer(MINJI, "truce", False), lesson_id="f" * 12)
    assert first_answers([later, other_lesson, earlier], OWN[MINJI]) == (earlier,)


QUIZ_DONE = [
    ("no answers", (), None, False),
    ("answers, no quiz open", (answer(MINJI, "salvo", True),), None, True),
    ("answers, a quiz open on another lesson", (answer(MINJI, "salvo", True),), QuizSession("f" * 12, AT, ()), True),
    ("answers only in the quiz still open", (answer(MINJI, "salvo", True),),
     QuizSession(OWN[MINJI], AT - timedelta(days=2), ()), False),
    ("a finished quiz, then a retake opened", (answer(MINJI, "salvo", True),), QuizSession(OWN[MINJI], AT, ()), True),
]


@pytest.mark.parametrize("case,answers,open_quiz,expected", QUIZ_DONE, ids=[c[0] for c in QUIZ_DONE])
def test_when_the_quiz_counts_as_done(case, answers, open_quiz, expected):
    assert quiz_done(OWN[MINJI], answers, open_quiz) is expected


# -- the class ----------------------------------------------------------------------------------------

def the_class_activities() -> list[LearnerActivity]:
    """Minji misses munitions and salvo; Tom, still in the quiz, misses munitions; Jiho misses truce,
    then gets it right in a retake."""
    return [
        activity(JIHO, "Jiho", readings=(reading(JIHO, (0,)),),
                 answers=(answer(JIHO, "truce", False), answer(JIHO, "truce", True, 9))),
        activity(MINJI, "민지", readings=(reading(MINJI, (0, 1, 2), finished=AT),),
                 answers=(answer(MINJI, "munition", False), answer(MINJI, "salvo", False, 1),
                          answer(MINJI, "truce", True, 2), answer(MINJI, "envoy", True, 3))),
        activity(TOM, "Tom", readings=(reading(TOM, (0, 1)),),  # still taking the quiz
                 answers=(answer(TOM, "munition", False), answer(TOM, "salvo", True, 1), answer(TOM, "truce", True, 2)),
                 open_quiz=QuizSession(OWN[TOM], AT - timedelta(days=2), ())),
        activity(99, "Left the class", readings=(replace(reading(MINJI), lesson_id="9" * 12),)),
    ]


def test_a_class_report_has_a_row_per_learner_in_class_order_and_leaves_out_other_classes():
    elsewhere = replace(HOMEWORK, assignment_id="c" * 12, class_id=OTHER_CLASS)
    report = class_report(CLASS, [HOMEWORK, elsewhere], the_class_activities(), LESSONS, date(2024, 3, 7), "Asia/Seoul")
    assert report.assignments == (HOMEWORK,)
    assert [(r.number, r.name, r.status) for r in report.rows] == [
        (1, "민지", FINISHED), (2, "Tom", OVERDUE), (3, "Jiho", FINISHED)]
    assert [(r.quiz_right, r.quiz_answered) for r in report.rows] == [(2, 4), (2, 3), (0, 1)]


HARDEST = [
    # (case, learners reported on, expected (item, misses, answers, learners))
    ("the class: most misses first, then fewer right answers, then alphabetical",
     (MINJI, TOM, JIHO), [("munitions", 2, 2, 2), ("salvo", 1, 2, 1), ("truce", 1, 3, 1)]),
    ("one learner's own hardest words", (TOM,), [("munitions", 1, 1, 1)]),
    ("a learner who missed nothing has none", (), []),
]


@pytest.mark.parametrize("case,learners,expected", HARDEST, ids=[c[0] for c in HARDEST])
def test_the_hardest_words(case, learners, expected):
    chosen = [a for a in the_class_activities() if a.learner_id in learners]
    report = class_report(CLASS, [HOMEWORK], chosen, LESSONS, date(2024, 3, 7))
    assert [(w.item, w.misses, w.answers, w.learners) for w in report.hardest] == expected


def test_ties_are_broken_the_same_way_every_time_and_the_list_is_cut():
    many = activity(MINJI, answers=tuple(answer(MINJI, w, False, i) for i, w in enumerate(reversed(WORDS))),
                    readings=(reading(MINJI),))
    words = hardest_words([HOMEWORK], [many], LESSONS, limit=3)
    assert [w.item for w in words] == ["envoy", "munitions", "salvo"]


# -- the CSV ------------------------------------------------------------------------------------------

def parsed(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode(ENCODING), newline="")))


def test_the_csv_has_a_header_and_one_row_per_learner_per_assignment_and_opens_as_utf8_with_a_bom():
    second = Assignment("dddddddddddd", CLASS.class_id, HOMEWORK.lesson_id, AT, due=None)
    report = class_report(CLASS, [HOMEWORK, second], the_class_activities(), LESSONS, date(2024, 3, 7), "Asia/Seoul")
    data = report_csv_file(report)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = parsed(data)
    assert list(rows[0]) == list(COLUMNS.values())
    assert len(rows) == 6
    minji = rows[0]
    assert (minji["Class"], minji["Learner"], minji["No."], minji["Status"], minji["Parts read"], minji["Parts"],
            minji["Quiz right"], minji["Quiz answered"], minji["Quiz %"], minji["Due"], minji["Finished on"]) == (
        "Thursday B2", "민지", "1", "finished", "3", "3", "2", "4", "50", "2024-03-06", "2024-03-03")
    assert [r["Status"] for r in rows[:3]] == ["finished", "overdue", "finished"]
    assert [r["Status"] for r in rows[3:]] == ["not started"] * 3  # the second assignment: no due date
    assert rows[4]["Quiz %"] == "" and rows[4]["Due"] == ""


def test_the_csv_speaks_the_tutors_language_when_given_words():
    report = class_report(CLASS, [HOMEWORK], the_class_activities(), LESSONS, date(2024, 3, 7))
    rows = list(csv.reader(io.StringIO(report_csv(report, {"learner": "학습자"}, {"overdue": "기한 지남"}))))
    assert rows[0][list(COLUMNS).index("learner")] == "학습자"
    assert [r[list(COLUMNS).index("status")] for r in rows[1:]] == ["finished", "기한 지남", "finished"]


@pytest.mark.parametrize("name,shown", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+82 10", "'+82 10"), ("-1", "'-1"),
    ("@me", "'@me"), ("Tom", "Tom"), ("민지", "민지"), ("a=b", "a=b"),
])
def test_a_learners_name_never_becomes_a_spreadsheet_formula(name, shown):
    assert safe_cell(name) == shown
    report = class_report(CLASS, [HOMEWORK], [activity(MINJI, name)], LESSONS, date(2024, 3, 5))
    assert parsed(report_csv_file(report))[0]["Learner"] == shown
