"""ProgressRepository contract: the same behaviour from the in-memory fake and from TinyDB."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.store.conftest import T0, vocab_item
from vocab.progress import QuizAnswer, QuizSession, ReadingState, WordStatus

LESSON = "0123456789ab"
OTHER = "ba9876543210"

#: Questions as the quiz keeps them (`vocab.quiz_questions.question_to_dict`): JSON-able, with an id.
GAP = {
    "id": "gap_fill:munition", "lemma": "munition", "question": "Russia is buying ____ from the North.",
    "options": ["munitions", "provisions", "missions", "tensions"], "correct_option_id": 0,
    "explanation": "weapons and ammunition (군수품)", "kind": "gap_fill",
}
TYPED = {
    "id": "typed:munition", "lemma": "munition", "clue": "weapons and ammunition", "hint": "m________ (9 letters)",
    "answer": "munitions", "forms": ["munition", "munitions"], "explanation": "Russia is buying munitions.",
    "kind": "typed",
}


def question(n: int) -> dict:
    return {"id": f"q{n}", "lemma": "munition", "kind": "meaning"}


def minutes(n: int):
    return T0 + timedelta(minutes=n)


def answer(question: str, lemma: str, correct: bool, at, lesson=LESSON, kind="meaning") -> QuizAnswer:
    return QuizAnswer(lesson, question, lemma, kind, correct, at, given="군수품" if correct else "x")


def test_a_learner_with_nothing_stored_has_an_empty_progress(backend):
    progress = backend.store.progress(1)
    assert progress.current_reading() is None
    assert progress.reading(LESSON) is None
    assert (progress.readings(), progress.words(), progress.answers(), progress.active_days()) == ((), (), (), ())
    assert progress.open_quiz() is None and progress.word("munition") is None


def test_read_resumes_at_the_part_where_the_learner_stopped(backend):
    progress = backend.store.progress(1)
    state = ReadingState(LESSON, T0)
    progress.save_reading(state)
    progress.save_reading(state.at_part(1).at_part(2))
    resumed = backend.reopen().progress(1).current_reading()
    assert resumed == ReadingState(LESSON, T0, part=2, parts_read=frozenset({0, 1, 2}))


def test_the_lesson_saved_last_is_the_current_one(backend):
    progress = backend.store.progress(1)
    first = ReadingState(LESSON, T0).at_part(3).finished(minutes(9))
    progress.save_reading(first)
    progress.save_reading(ReadingState(OTHER, minutes(10)))
    progress = backend.reopen().progress(1)
    assert progress.current_reading().lesson_id == OTHER
    assert progress.reading(LESSON) == first and progress.reading(LESSON).is_finished
    assert [r.lesson_id for r in progress.readings()] == [LESSON, OTHER]
    progress.save_reading(first.at_part(0))
    assert progress.current_reading().lesson_id == LESSON
    assert [r.lesson_id for r in progress.readings()] == [LESSON, OTHER]


def test_words_keep_their_status_sentence_and_gloss(backend):
    progress = backend.store.progress(1)
    munition = WordStatus.first_met(vocab_item("munition", gloss="weapons and ammunition"), LESSON, T0)
    phrase = WordStatus.first_met(vocab_item("constructive role", kind="phrase"), OTHER, minutes(1))
    progress.save_words(munition, phrase.marked_known(minutes(2)))
    progress.save_words(munition.marked_new(minutes(3)))
    progress = backend.reopen().progress(1)
    assert progress.word("munition") == munition.marked_new(minutes(3))
    assert progress.word("constructive role").status == "known"
    assert [w.lemma for w in progress.words()] == ["munition", "constructive role"]
    assert [w.lemma for w in progress.words(OTHER)] == ["constructive role"]
    assert progress.word("munition").sentence.startswith("The munition was mentioned — “quoted”")


def test_an_answer_keeps_the_answer_the_word_and_the_day_together(backend):
    progress = backend.store.progress(1)
    word = WordStatus.first_met(vocab_item("munition"), LESSON, T0)
    day = date(2024, 3, 1)
    progress.record_answer(answer("gap_fill:munition", "munition", True, minutes(5)), word.answered(True, minutes(5)), day)
    word = progress.word("munition")
    progress.record_answer(answer("meaning:munition", "munition", True, minutes(6)), word.answered(True, minutes(6)), day)
    progress = backend.reopen().progress(1)
    assert progress.word("munition").status == "learned" and progress.word("munition").right == 2
    assert [a.question_id for a in progress.answers()] == ["gap_fill:munition", "meaning:munition"]
    assert progress.answers()[0] == answer("gap_fill:munition", "munition", True, minutes(5))
    assert progress.active_days() == (day,)


def test_the_same_answer_delivered_twice_is_kept_once(backend):
    progress = backend.store.progress(1)
    word = WordStatus.first_met(vocab_item("munition"), LESSON, T0).answered(False, minutes(5))
    again = answer("typed:munition", "munition", False, minutes(5), kind="typed")
    progress.record_answer(again, word, date(2024, 3, 1))
    progress.record_answer(again, word, date(2024, 3, 1))
    assert backend.reopen().progress(1).answers() == (again,)


def test_answers_come_oldest_first_and_by_lesson(backend):
    progress = backend.store.progress(1)
    word = WordStatus.first_met(vocab_item("munition"), LESSON, T0)
    progress.record_answer(answer("b", "munition", False, minutes(9), lesson=OTHER), word, date(2024, 3, 1))
    progress.record_answer(answer("a", "munition", True, minutes(1)), word, date(2024, 3, 1))
    progress = backend.reopen().progress(1)
    assert [a.question_id for a in progress.answers()] == ["a", "b"]
    assert [a.question_id for a in progress.answers(OTHER)] == ["b"]


def test_active_days_are_kept_once_each_in_order(backend):
    progress = backend.store.progress(1)
    for day in (date(2024, 3, 3), date(2024, 3, 1), date(2024, 3, 3), date(2024, 2, 29)):
        progress.mark_active(day)
    assert backend.reopen().progress(1).active_days() == (date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 3))


def test_a_quiz_in_progress_survives_a_restart_and_finds_its_polls(backend):
    progress = backend.store.progress(1)
    quiz = QuizSession(LESSON, T0, (GAP, TYPED))
    progress.save_quiz(quiz.with_poll("5012345678901234", "gap_fill:munition").advanced())
    quiz = backend.reopen().progress(1).open_quiz()
    assert quiz.position == 1 and quiz.current == TYPED and quiz.questions == (GAP, TYPED)
    assert quiz.question_for_poll("5012345678901234") == GAP
    assert quiz.question_for_poll("unknown") is None
    backend.store.progress(1).save_quiz(None)
    assert backend.reopen().progress(1).open_quiz() is None


def test_a_batch_is_kept_whole(backend):
    progress = backend.store.progress(1)
    quiz = QuizSession(LESSON, T0, (question(1), question(2)))
    word = WordStatus.first_met(vocab_item("munition"), LESSON, T0)
    with progress.batch():
        progress.save_quiz(quiz)
        progress.record_answer(answer("q1", "munition", True, minutes(1)), word.answered(True, minutes(1)), date(2024, 3, 1))
        progress.save_quiz(quiz.advanced())
    progress = backend.reopen().progress(1)
    assert progress.open_quiz().position == 1 and len(progress.answers()) == 1


def test_a_batch_that_fails_keeps_nothing(backend):
    progress = backend.store.progress(1)
    word = WordStatus.first_met(vocab_item("munition"), LESSON, T0)
    progress.save_words(word)
    with pytest.raises(RuntimeError), progress.batch():
        progress.record_answer(answer("q1", "munition", True, minutes(1)), word.answered(True, minutes(1)), date(2024, 3, 1))
        progress.save_reading(ReadingState(LESSON, T0))
        with progress.batch():
            progress.save_quiz(QuizSession(LESSON, T0, (question(1),)))
        raise RuntimeError("the handler failed before answering")
    for progress in (progress, backend.reopen().progress(1)):
        assert progress.word("munition") == word
        assert progress.answers() == () and progress.active_days() == ()
        assert progress.current_reading() is None and progress.open_quiz() is None


def test_one_learners_progress_is_not_anothers(backend):
    store = backend.store
    store.progress(1).save_reading(ReadingState(LESSON, T0))
    store.progress(1).save_words(WordStatus.first_met(vocab_item("munition"), LESSON, T0))
    store.progress(1).mark_active(date(2024, 3, 1))
    other = backend.reopen().progress(2)
    assert other.current_reading() is None and other.words() == () and other.active_days() == ()
