"""The learner repositories over TinyDB: who the learner is, and their progress, in their own file.

A learner's file holds these tables, each keyed by a string:
  learner  "1"         -> the Learner
  reading  lesson id   -> a ReadingState        state  "current" -> {"lesson_id"}, "quiz" -> QuizSession
  words    lemma       -> a WordStatus          answers  "lesson|question|time" -> a QuizAnswer
  days     YYYY-MM-DD  -> {"reviews", "parts"}  library  lesson id -> a LibraryEntry (LessonRepository)
  (a day stored as {} by older files did 0, 0; state "reminder" -> {"day"}: the last daily reminder)
  cards    lemma       -> a ReviewCard          state  "review" -> the ReviewSession (review_records.py)
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import date

from bot.store import records
from bot.store.files import DataFile, LearnerFiles
from bot.store import review_records
from vocab.review import ReviewCard
from vocab.review_session import ReviewSession
from vocab.progress import DayActivity, Learner, QuizAnswer, QuizSession, ReadingState, WordStatus

LEARNER_KEY = "1"


class TinyLearners:
    """LearnerRepository: each learner in their own file."""

    def __init__(self, files: LearnerFiles):
        self._files = files

    def get(self, user_id: int) -> Learner | None:
        file = self._files.get(user_id)
        with file.lock:
            record = file.table("learner").find(LEARNER_KEY)
        return None if record is None else records.learner_from(record)

    def save(self, learner: Learner) -> None:
        file = self._files.get(learner.user_id)
        with file.changes():
            file.table("learner").put(LEARNER_KEY, records.learner_record(learner))

    def ids(self) -> Iterator[int]:
        return self._files.ids()


class TinyProgress:
    """ProgressRepository for one learner, over that learner's file."""

    def __init__(self, user_id: int, file: DataFile):
        self.user_id = user_id
        self._file = file

    def batch(self) -> AbstractContextManager[None]:
        return self._file.changes()

    # reading

    def current_reading(self) -> ReadingState | None:
        with self._file.lock:
            current = self._file.table("state").find("current")
            return None if current is None else self.reading(current["lesson_id"])

    def reading(self, lesson_id: str) -> ReadingState | None:
        with self._file.lock:
            record = self._file.table("reading").find(lesson_id)
        return None if record is None else records.reading_from(record)

    def readings(self) -> tuple[ReadingState, ...]:
        with self._file.lock:
            found = self._file.table("reading").records()
        return tuple(records.reading_from(r) for r in found)

    def save_reading(self, state: ReadingState) -> None:
        with self._file.changes():
            self._file.table("reading").put(state.lesson_id, records.reading_record(state))
            self._file.table("state").put("current", {"lesson_id": state.lesson_id})

    # words

    def word(self, lemma: str) -> WordStatus | None:
        with self._file.lock:
            record = self._file.table("words").find(lemma)
        return None if record is None else records.word_from(record)

    def words(self, lesson_id: str | None = None) -> tuple[WordStatus, ...]:
        with self._file.lock:
            found = self._file.table("words").records()
        words = (records.word_from(r) for r in found)
        return tuple(w for w in words if lesson_id is None or w.lesson_id == lesson_id)

    def save_words(self, *statuses: WordStatus) -> None:
        with self._file.changes():
            table = self._file.table("words")
            for word in statuses:
                table.put(word.lemma, records.word_record(word))

    # review cards (vocab.review) and the review session on screen

    def cards(self) -> tuple[ReviewCard, ...]:
        with self._file.lock:
            found = self._file.table(review_records.CARDS_TABLE).records()
        return tuple(review_records.card_from(r) for r in found)

    def card(self, lemma: str) -> ReviewCard | None:
        with self._file.lock:
            record = self._file.table(review_records.CARDS_TABLE).find(lemma)
        return None if record is None else review_records.card_from(record)

    def save_cards(self, *cards: ReviewCard) -> None:
        with self._file.changes():
            table = self._file.table(review_records.CARDS_TABLE)
            for card in cards:
                table.put(card.lemma, review_records.card_record(card))

    def review_session(self) -> ReviewSession | None:
        with self._file.lock:
            record = self._file.table("state").find(review_records.SESSION_KEY)
        return None if record is None else review_records.session_from(record)

    def save_review_session(self, session: ReviewSession | None) -> None:
        with self._file.changes():
            table = self._file.table("state")
            if session is None:
                table.drop(review_records.SESSION_KEY)
            else:
                table.put(review_records.SESSION_KEY, review_records.session_record(session))

    # quiz

    def open_quiz(self) -> QuizSession | None:
        with self._file.lock:
            record = self._file.table("state").find("quiz")
        return None if record is None else records.quiz_from(record)

    def save_quiz(self, quiz: QuizSession | None) -> None:
        with self._file.changes():
            table = self._file.table("state")
            if quiz is None:
                table.drop("quiz")
            else:
                table.put("quiz", records.quiz_record(quiz))

    def record_answer(self, answer: QuizAnswer, word: WordStatus, day: date) -> None:
        with self._file.changes():
            self._file.table("answers").put(records.answer_key(answer), records.answer_record(answer))
            self._file.table("words").put(word.lemma, records.word_record(word))
            self._mark(day)

    def answers(self, lesson_id: str | None = None) -> tuple[QuizAnswer, ...]:
        with self._file.lock:
            found = self._file.table("answers").records()
        answers = (records.answer_from(r) for r in found)
        chosen = [a for a in answers if lesson_id is None or a.lesson_id == lesson_id]
        return tuple(sorted(chosen, key=lambda a: a.answered_at))

    # active days

    def mark_active(self, day: date) -> None:
        with self._file.changes():
            self._mark(day)

    def active_days(self) -> tuple[date, ...]:
        with self._file.lock:
            keys = self._file.table("days").keys()
        return tuple(sorted(records.day_from(k) for k in keys))

    def _mark(self, day: date) -> None:
        days = self._file.table("days")
        if days.find(records.day_key(day)) is None:
            days.put(records.day_key(day), {})

    # daily goal and reminders

    def add_activity(self, day: date, *, reviews: int = 0, parts: int = 0) -> None:
        with self._file.changes():
            days = self._file.table("days")
            done = records.activity_from(days.find(records.day_key(day)) or {})
            days.put(records.day_key(day), records.activity_record(
                DayActivity(done.reviews + reviews, done.parts + parts)))

    def activity(self) -> dict[date, DayActivity]:
        with self._file.lock:
            days = {key: records.activity_from(self._file.table("days").find(key) or {})
                    for key in self._file.table("days").keys()}
        return {records.day_from(key): done for key, done in sorted(days.items())}

    def mark_reminded(self, day: date) -> None:
        with self._file.changes():
            self._file.table("state").put("reminder", {"day": records.day_key(day)})

    def last_reminded(self) -> date | None:
        with self._file.lock:
            record = self._file.table("state").find("reminder")
        return None if record is None else records.day_from(record["day"])
