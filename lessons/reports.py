"""A tutor's report on a class: how far each learner got with each assignment, and the words the
class finds hardest.

Pure: the shell reads the store and passes plain objects in (the class, its assignments, each
learner's stored activity, the lessons), and "today" in the tutor's own calendar (the day the
tutor sees decides what is overdue). Nothing here reads a clock, a file or Telegram.

The learner's side of an assignment: when a learner starts it, the bot stores their own copy of
the lesson (made at the class's or their level) and a `ReadingState` whose `assignment_id` names
the assignment. A report row reads that reading, the quiz answers and word statuses of that
lesson. A learner who has not started it yet gets a row of zeros out of the assigned lesson.

What counts as finished: a learner has FINISHED an assignment once they have read every part of
its lesson OR completed its quiz (answered every question of a quiz on that lesson; a quiz still
open on it does not count). Either is the end of the bot's reading flow: the last part offers the
quiz, and the quiz is only offered on an article being read. An assignment is OVERDUE for a learner
from the day after its due date (in the tutor's calendar) while they have not finished it; a
learner who finished late is finished, not overdue.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from lessons.article import Lesson
from lessons.assignments import Assignment
from lessons.classes import Class
from vocab.progress import QuizAnswer, QuizSession, ReadingState, WordStatus
from vocab.progress_summary import local_date

#: Word statuses a report counts as learned: right twice in quizzes, or marked "I know it".
LEARNED_STATUSES = frozenset({"learned", "known"})

#: The hardest words a class report lists: enough to plan a review lesson, short enough to read.
HARDEST_WORDS = 10

#: A row's status, one of these (the shell translates them).
FINISHED, OVERDUE, IN_PROGRESS, NOT_STARTED = "finished", "overdue", "in_progress", "not_started"
STATUSES = (FINISHED, OVERDUE, IN_PROGRESS, NOT_STARTED)


@dataclass(frozen=True)
class LearnerActivity:
    """What the store holds about one learner: all their readings, answers, words and active days
    (not only this class's; the report picks what belongs to each assignment)."""

    learner_id: int
    name: str
    readings: tuple[ReadingState, ...] = ()
    answers: tuple[QuizAnswer, ...] = ()
    words: tuple[WordStatus, ...] = ()
    active_days: tuple[date, ...] = ()
    open_quiz: QuizSession | None = None

    def reading_for(self, assignment_id: str) -> ReadingState | None:
        """The reading that counts toward the assignment (the first started, if there are several)."""
        return next((r for r in self.readings if r.assignment_id == assignment_id), None)


@dataclass(frozen=True)
class ReportRow:
    """One learner on one assignment (one line of the CSV)."""

    assignment_id: str
    title: str
    due: date | None
    learner_id: int
    number: int  # the learner's place in the class, 1 = joined first (what /report <class> <n> takes)
    name: str
    started: bool
    parts_read: int
    parts_total: int
    quiz_right: int
    quiz_answered: int
    words_learned: int
    words_total: int
    last_active: date | None  # in the tutor's calendar; None: never active
    finished: bool
    finished_on: date | None
    overdue: bool

    @property
    def status(self) -> str:
        """finished, overdue, in_progress (started) or not_started."""
        if self.finished:
            return FINISHED
        if self.overdue:
            return OVERDUE
        return IN_PROGRESS if self.started else NOT_STARTED

    @property
    def quiz_percent(self) -> int | None:
        """Share of first answers that were right, in percent; None before any answer."""
        return round(100 * self.quiz_right / self.quiz_answered) if self.quiz_answered else None


@dataclass(frozen=True)
class HardWord:
    """A word the class missed: how often (first answers only), out of how many, by how many learners."""

    lemma: str
    item: str  # as the lessons show it: "munitions", "constructive role"
    misses: int
    answers: int
    learners: int  # learners who missed it at least once


@dataclass(frozen=True)
class ClassReport:
    """A class's rows (assignment by assignment, learners in class order) and its hardest words."""

    class_id: str
    class_name: str
    day: date  # the tutor's today, the day the report describes
    assignments: tuple[Assignment, ...]
    rows: tuple[ReportRow, ...]
    hardest: tuple[HardWord, ...]

    def rows_for(self, assignment_id: str) -> tuple[ReportRow, ...]:
        return tuple(r for r in self.rows if r.assignment_id == assignment_id)


def first_answers(answers: Iterable[QuizAnswer], lesson_id: str) -> tuple[QuizAnswer, ...]:
    """The first answer to each question of the lesson, oldest first: a retaken quiz does not
    change the score a tutor sees (the first try shows what the learner knew)."""
    first: dict[str, QuizAnswer] = {}
    for answer in sorted((a for a in answers if a.lesson_id == lesson_id), key=lambda a: a.answered_at):
        first.setdefault(answer.question_id, answer)
    return tuple(first.values())


def quiz_done(lesson_id: str, answers: Iterable[QuizAnswer], open_quiz: QuizSession | None) -> bool:
    """Whether a quiz on the lesson was completed: answers exist that no open quiz is still
    collecting (a quiz on the lesson still open counts only if answers came before it started)."""
    times = [a.answered_at for a in answers if a.lesson_id == lesson_id]
    if not times:
        return False
    if open_quiz is None or open_quiz.lesson_id != lesson_id:
        return True
    return min(times) < open_quiz.started_at


def _finished_on(reading: ReadingState, lesson_id: str, activity: LearnerActivity, total: int,
                 zone: str | None) -> date | None:
    """The day the learner finished: the earlier of reading the last part and completing the quiz
    (the last of the first answers to its questions)."""
    moments: list[datetime] = []
    if reading.has_read_all(total):
        moments.append(reading.finished_at or reading.started_at)
    if quiz_done(lesson_id, activity.answers, activity.open_quiz):  # when each question had its first answer
        open_quiz = activity.open_quiz
        open_since = open_quiz.started_at if open_quiz and open_quiz.lesson_id == lesson_id else None
        moments.append(max(a.answered_at for a in first_answers(activity.answers, lesson_id)
                           if open_since is None or a.answered_at < open_since))
    return local_date(min(moments), zone) if moments else None


def last_active(activity: LearnerActivity, zone: str | None) -> date | None:
    """The latest day the learner did anything: an active day, a quiz answer, starting or
    finishing a reading (moments are read in the tutor's time zone `zone`)."""
    moments = [a.answered_at for a in activity.answers]
    moments += [r.started_at for r in activity.readings]
    moments += [r.finished_at for r in activity.readings if r.finished_at is not None]
    days = [*activity.active_days, *(local_date(m, zone) for m in moments)]
    return max(days) if days else None


def report_row(assignment: Assignment, assigned: Lesson | None, activity: LearnerActivity, number: int,
               lessons: Mapping[str, Lesson], today: date, zone: str | None = None) -> ReportRow:
    """How far one learner got with one assignment, as of `today` (the tutor's date)."""
    reading = activity.reading_for(assignment.assignment_id)
    lesson = (lessons.get(reading.lesson_id) if reading else None) or assigned
    total = len(lesson.chunks) if lesson else 0
    items = {item.lemma for item in lesson.vocabulary} if lesson else set()
    if reading is None:
        parts, answers, finished_on = 0, (), None
    else:
        parts = reading.parts_read_of(total)
        answers = first_answers(activity.answers, reading.lesson_id)
        finished_on = _finished_on(reading, reading.lesson_id, activity, total, zone)
    learned = sum(1 for w in activity.words if w.lemma in items and w.status in LEARNED_STATUSES)
    finished = finished_on is not None
    titled = assigned or lesson
    return ReportRow(
        assignment_id=assignment.assignment_id, title=titled.article.title if titled else "",
        due=assignment.due, learner_id=activity.learner_id, number=number, name=activity.name,
        started=reading is not None, parts_read=parts, parts_total=total,
        quiz_right=sum(1 for a in answers if a.correct), quiz_answered=len(answers),
        words_learned=learned, words_total=len(items), last_active=last_active(activity, zone),
        finished=finished, finished_on=finished_on, overdue=not finished and assignment.is_overdue(today),
    )


def hardest_words(assignments: Iterable[Assignment], activities: Iterable[LearnerActivity],
                  lessons: Mapping[str, Lesson], limit: int = HARDEST_WORDS) -> tuple[HardWord, ...]:
    """The words most missed in the learners' first answers on the assignments' lessons.

    Ties: more misses first; then the word fewer learners got right (fewer right answers), then
    the word more learners missed, then alphabetical order, so the list is the same every time.
    """
    assignment_ids = [a.assignment_id for a in assignments]
    misses: dict[str, int] = {}
    asked: dict[str, int] = {}
    missed_by: dict[str, set[int]] = {}
    shown: dict[str, str] = {}
    for activity in activities:
        for assignment_id in assignment_ids:
            reading = activity.reading_for(assignment_id)
            if reading is None:
                continue
            lesson = lessons.get(reading.lesson_id)
            names = {i.lemma: i.item for i in lesson.vocabulary} if lesson else {}
            for answer in first_answers(activity.answers, reading.lesson_id):
                asked[answer.lemma] = asked.get(answer.lemma, 0) + 1
                shown.setdefault(answer.lemma, names.get(answer.lemma, answer.lemma))
                if not answer.correct:
                    misses[answer.lemma] = misses.get(answer.lemma, 0) + 1
                    missed_by.setdefault(answer.lemma, set()).add(activity.learner_id)
    words = [HardWord(lemma, shown[lemma], misses[lemma], asked[lemma], len(missed_by[lemma])) for lemma in misses]
    words.sort(key=lambda w: (-w.misses, w.answers - w.misses, -w.learners, w.item.casefold(), w.lemma))
    return tuple(words[:limit])


def class_report(class_: Class, assignments: Sequence[Assignment], activities: Iterable[LearnerActivity],
                 lessons: Mapping[str, Lesson], today: date, zone: str | None = None) -> ClassReport:
    """The report on `class_` as of `today` (the tutor's date; `zone` their time zone, for the days
    of stored moments). `activities` are the learners to report on: the whole class, or one
    learner for a learner's report; learners not in the class now are left out. `lessons` holds
    the assigned lessons and the learners' own copies (a missing one counts as empty)."""
    place = {learner_id: n for n, learner_id in enumerate(class_.learner_ids, start=1)}
    members = sorted((a for a in activities if a.learner_id in place), key=lambda a: place[a.learner_id])
    mine = tuple(a for a in assignments if a.class_id == class_.class_id)
    rows = tuple(
        report_row(assignment, lessons.get(assignment.lesson_id), activity, place[activity.learner_id],
                   lessons, today, zone)
        for assignment in mine for activity in members
    )
    return ClassReport(class_.class_id, class_.name, today, mine, rows, hardest_words(mine, members, lessons))
