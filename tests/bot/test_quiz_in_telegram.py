"""The after-reading quiz through the emulator, with the real bot process: polls and typed
answers, the result, the "Take the quiz" button, stale and forged input, and a SIGKILL mid-quiz.

Each test lays down a learner who has read the sample lesson before the bot starts (autouse
fixture), so the quiz is tested without the article and reading handlers.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from quiz_learner import (
    CLOCK_FILE, WAIT, QuizTaker, is_clue, is_result, kill_and_restart, lay_down_reader, one_slip, sample_lesson,
    set_clock, stored, typed_question,
)

from bot.sandbox.bot_process import stop_bot
from bot.texts import text
from vocab.progress import RIGHT_TO_LEARN, QuizSession

ALICE, BOB, MINJI, CAROL = 1001, 1002, 1003, 1004
START = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
KNOWN = "diplomat"  # Alice pressed "I know it" on it while reading

pytestmark = pytest.mark.bot_env(CLOCK_FILE=CLOCK_FILE)


@pytest.fixture(autouse=True)
def readers(tmp_path):
    """Alice, Bob, Minji (who reads in Korean) and Carol have each read the sample lesson before
    the bot starts; their lesson ids. Carol also left a quiz open on an older article."""
    set_clock(tmp_path, START)
    return {
        ALICE: lay_down_reader(tmp_path / "data", ALICE, name="Alice", at=START, known=(KNOWN,)),
        BOB: lay_down_reader(tmp_path / "data", BOB, name="Bob", at=START),
        MINJI: lay_down_reader(tmp_path / "data", MINJI, name="민지", language="ko", at=START),
        CAROL: carol_with_a_quiz_left_on_an_older_article(tmp_path / "data"),
    }


OLD_QUESTION = {"id": "typed:gumption", "lemma": "gumption", "kind": "typed", "clue": "shrewdness shown by",
                "hint": "g_______ (8 letters)", "answer": "gumption", "forms": ["gumption"], "explanation": ""}


def carol_with_a_quiz_left_on_an_older_article(data_dir):
    lesson_id = lay_down_reader(data_dir, CAROL, name="Carol", at=START)
    store = stored(data_dir)
    store.progress(CAROL).save_quiz(QuizSession("0123456789ab", START - timedelta(days=2), (OLD_QUESTION,)))
    store.close()
    return lesson_id


def test_a_quiz_mixes_polls_and_typed_answers_and_names_the_missed_words(running_bot):
    emu, lesson = running_bot.emu, sample_lesson()
    alice = emu.user(ALICE, "Alice")
    emu.send_text(alice, "/quiz")
    taker = QuizTaker(emu, alice, lesson)
    result = taker.take(polls_right=lambda n: n % 2 == 0)  # right, wrong, right...

    kinds = {("poll" if q.poll else "typed") for q in taker.questions}
    assert 5 <= len(taker.questions) <= 10 and kinds == {"poll", "typed"}
    assert KNOWN not in {a.lemma for a in taker.answered}, "a word marked known is not quizzed"
    for question in (q for q in taker.questions if q.poll):
        poll = question.poll
        assert poll["type"] == "quiz" and not poll["is_anonymous"] and len(poll["options"]) == 4
        assert 0 < len(poll["explanation"]) <= 200 and len(poll["question"]) <= 300
    gap_fills = [q for q in taker.questions if q.poll and "_____" in q.poll["question"]]
    meanings = [q for q in taker.questions if q.poll and "What does" in q.poll["question"]]
    assert gap_fills and meanings

    score = sum(a.correct for a in taker.answered)
    assert f"Quiz done: {score} of {len(taker.answered)} right." in result.text
    missed = [a.lemma for a in taker.answered if not a.correct]
    assert missed, "every other poll was answered wrongly"
    items = {item.lemma: item for item in lesson.vocabulary}
    listed = result.text.split("Words to look at again:")[1]
    for answered in taker.answered:
        item = items[answered.lemma]
        assert (f"{item.item}: {item.gloss[:60]}" in listed) == (not answered.correct), item.item
    assert "Bring another article" in result.text

    for answered in (a for a in taker.answered if a.kind == "typed"):
        expected = {"exact": "Right: ", "case": "Right: ", "slip": "Almost: ", "wrong": "Not quite: the word is "}
        assert expected[answered.way] + ("" if answered.way == "slip" else items[answered.lemma].item) \
            in answered.verdict, answered

    stop_bot(running_bot.process)
    store = stored(running_bot.data_dir)
    progress = store.progress(ALICE)
    kept = progress.answers()
    assert [(a.lemma, a.correct) for a in kept] == [(a.lemma, a.correct) for a in taker.answered]
    assert progress.open_quiz() is None, "a finished quiz is closed"
    for answered in taker.answered:
        word = progress.word(answered.lemma)
        assert (word.right, word.wrong) == (int(answered.correct), int(not answered.correct))
        assert word.status == "learning"
    store.close()


@pytest.mark.parametrize("way, verdict", [
    ("exact", "✅ Right: {word}"),
    ("case", "✅ Right: {word}"),
    ("slip", "✅ Almost: {slip} -> {word}. One slipped letter, so it counts as right."),
    ("wrong", "❌ Not quite: the word is {word}."),
])
def test_a_typed_answer_forgives_case_and_one_slipped_letter(running_bot, way, verdict):
    emu, lesson = running_bot.emu, sample_lesson()
    alice = emu.user(ALICE, "Alice")
    emu.send_text(alice, "/quiz")
    taker = QuizTaker(emu, alice, lesson)
    _, screen = taker.next_screen()
    while not is_clue(screen):  # answer polls until a typed question comes
        assert not is_result(screen), "the quiz had no typed question"
        taker.answer(screen)
        _, screen = taker.next_screen()
    question = typed_question(screen, lesson)
    done = taker.answer(screen, way=way)
    before, after = taker.next_screen()
    said = "\n".join(m.text for m in [*before, after])
    assert verdict.format(word=question.answer, slip=one_slip(question).lower()) in said
    assert done.correct == (way != "wrong")


def test_the_quiz_button_starts_the_quiz_on_the_current_article(emu, readers):
    alice = emu.user(ALICE, "Alice")
    emu.send_text(alice, "/progress")
    shown, _chart = emu.wait_for_messages(alice, 2)  # the numbers, then the chart
    callback = emu.press_data(alice, shown.message_id, f"qz:{readers[ALICE]}")
    assert emu.callback_answer(callback).get("text") in (None, "")
    [question] = emu.wait_for_messages(alice, timeout=WAIT)
    assert question.poll or is_clue(question)
    assert re.search(r"\b1/\d+\b", question.text or question.poll["question"])

    # pressing it again resumes the same quiz at the same question
    callback = emu.press_data(alice, shown.message_id, f"qz:{readers[ALICE]}")
    [again] = emu.wait_for_messages(alice, timeout=WAIT)
    assert (again.poll or {}).get("question") == (question.poll or {}).get("question")
    assert again.text == question.text


@pytest.mark.parametrize("data, reply", [
    ("qz:{bob}", "quiz.not_yours"),  # Bob's lesson, pressed by Alice
    ("qz:000000000000", "quiz.not_yours"),  # no such lesson
    ("qz:../../etc", "button.expired"),  # not data any button of the bot sends
    ("qz:{alice}:1", "button.expired"),
    ("qz", "button.expired"),
])
def test_a_forged_quiz_button_is_answered_and_starts_nothing(emu, readers, data, reply):
    alice = emu.user(ALICE, "Alice")
    emu.send_text(alice, "/progress")
    shown, _chart = emu.wait_for_messages(alice, 2)  # the numbers, then the chart
    callback = emu.press_data(alice, shown.message_id, data.format(bob=readers[BOB], alice=readers[ALICE]))
    assert emu.callback_answer(callback)["text"] == text("en", reply)
    emu.send_text(alice, "/progress")  # the bot is still there, and no quiz was started
    after, _chart = emu.wait_for_messages(alice, 2)
    assert "Quiz accuracy: no quiz answers yet" in after.text
    assert emu.unanswered_callbacks() == []


def test_stale_and_foreign_poll_answers_change_nothing(running_bot):
    emu, lesson = running_bot.emu, sample_lesson()
    alice, bob = emu.user(ALICE, "Alice"), emu.user(BOB, "Bob")
    emu.send_text(alice, "/quiz")
    taker = QuizTaker(emu, alice, lesson)
    _, screen = taker.next_screen()
    while not screen.poll:
        taker.answer(screen)
        _, screen = taker.next_screen()
    first_poll = screen

    emu.answer_poll(bob, first_poll, [first_poll.poll["correct_option_id"]])  # Bob votes on Alice's poll
    emu.send_text(bob, "/progress")  # updates are handled in order: this answer comes after the vote
    [bobs] = emu.wait_for_messages(bob)
    assert "no quiz answers yet" in bobs.text
    assert emu.messages(alice)[-1].message_id == first_poll.message_id, "Alice's quiz did not move"

    emu.send_text(alice, "/quiz")  # resume: the same question again, as a new poll
    before, resent = taker.next_screen()
    assert resent.poll and resent.poll["question"] == first_poll.poll["question"]
    assert [m.text for m in before] == [text("en", "quiz.resume")]
    taker.answer(first_poll, right=True)  # the old poll still counts: it asked the same question
    _, following = taker.next_screen()
    emu.answer_poll(alice, resent, [resent.poll["correct_option_id"]])  # now stale: answered already
    emu.send_text(alice, "/progress")
    progress, _chart = emu.wait_for_messages(alice, 2)
    assert f"({len(taker.answered)} of {len(taker.answered)} answers right)" in progress.text
    assert following.message_id < progress.message_id


def test_text_that_is_not_an_answer_goes_on_to_the_other_handlers(emu):
    alice = emu.user(ALICE, "Alice")
    emu.send_text(alice, "munitions")  # no quiz open: not an answer
    [reply] = emu.wait_for_messages(alice)
    assert not is_clue(reply) and "Right" not in reply.text and "Not quite" not in reply.text
    emu.send_text(alice, "/progress")
    [progress] = emu.wait_for_messages(alice)
    assert "no quiz answers yet" in progress.text


def test_the_quiz_in_korean(running_bot):
    emu, lesson = running_bot.emu, sample_lesson()
    minji = emu.user(MINJI, "민지", language_code="ko")
    emu.send_text(minji, "/quiz")
    taker = QuizTaker(emu, minji, lesson)
    result = taker.take(polls_right=lambda n: False)
    score = sum(a.correct for a in taker.answered)
    assert f"{len(taker.answered)}문제 중 {score}문제를 맞혔어요" in result.text
    assert "다시 볼 단어예요" in result.text
    assert any("단어를 입력해 주세요" in q.text for q in taker.questions if not q.poll)


def test_a_sigkill_mid_quiz_loses_no_acknowledged_answer(running_bot, tmp_path):
    emu, lesson = running_bot.emu, sample_lesson()
    alice = emu.user(ALICE, "Alice")
    emu.send_text(alice, "/quiz")
    taker = QuizTaker(emu, alice, lesson)
    _, screen = taker.next_screen()
    for _ in range(2):  # two answers, each acknowledged by the next question on screen
        taker.answer(screen, right=False)
        _, screen = taker.next_screen()
    acknowledged = list(taker.answered)
    taker.answer(screen, right=True)  # a third answer, and the bot is killed at once
    set_clock(tmp_path, START + timedelta(minutes=5))
    kill_and_restart(running_bot, CLOCK_FILE=CLOCK_FILE)

    taker.skip_shown()  # a question sent just before the kill is on screen, unanswered
    emu.send_text(alice, "/quiz")
    while True:  # the new bot may first take the third answer, if the old one never fetched it
        before, resumed = taker.next_screen()
        if text("en", "quiz.resume") in "\n".join(m.text for m in [*before, resumed]):
            break
    number, total = map(int, re.search(r"(\d+)/(\d+)", resumed.text or resumed.poll["question"]).groups())
    position = number - 1
    assert position in (2, 3), "the quiz resumes after the acknowledged answers"
    taker.answered = taker.answered[:position]  # an answer the bot never took does not count
    while not is_result(resumed):
        taker.answer(resumed)
        _, resumed = taker.next_screen()
    assert len(taker.answered) == total
    score = sum(a.correct for a in taker.answered)
    assert f"Quiz done: {score} of {total} right." in resumed.text

    stop_bot(running_bot.process)
    store = stored(running_bot.data_dir)
    kept = store.progress(ALICE).answers()
    assert [(a.lemma, a.correct) for a in kept[:2]] == [(a.lemma, a.correct) for a in acknowledged]
    assert [(a.lemma, a.correct) for a in kept] == [(a.lemma, a.correct) for a in taker.answered]
    assert store.progress(ALICE).open_quiz() is None
    store.close()


def test_a_second_right_answer_makes_a_word_learned(running_bot, tmp_path):
    emu, lesson = running_bot.emu, sample_lesson()
    alice = emu.user(ALICE, "Alice")
    emu.send_text(alice, "/quiz")
    first = QuizTaker(emu, alice, lesson)
    first.take(polls_right=lambda n: True)
    set_clock(tmp_path, START + timedelta(hours=1))
    emu.send_text(alice, "/quiz")
    second = QuizTaker(emu, alice, lesson)
    second.take(polls_right=lambda n: True)

    rights: dict[str, int] = {}
    for answered in [*first.answered, *second.answered]:
        rights[answered.lemma] = rights.get(answered.lemma, 0) + answered.correct
    learned = {lemma for lemma, right in rights.items() if right >= RIGHT_TO_LEARN}
    assert learned, "the two quizzes share words answered right twice"
    stop_bot(running_bot.process)
    store = stored(running_bot.data_dir)
    words = {w.lemma: w.status for w in store.progress(ALICE).words()}
    store.close()
    assert {lemma for lemma, status in words.items() if status == "learned"} == learned
    assert words[KNOWN] == "known"


def test_quiz_starts_afresh_when_the_open_quiz_is_on_an_older_article(running_bot):
    emu, lesson = running_bot.emu, sample_lesson()
    carol = emu.user(CAROL, "Carol")
    emu.send_text(carol, "/quiz")
    taker = QuizTaker(emu, carol, lesson)
    before, first = taker.next_screen()
    assert before == [] and "g_______" not in first.text
    assert re.search(r"\b1/\d+\b", first.text or first.poll["question"])
    emu.send_text(carol, "gumption")  # the old question's answer is no answer now
    [reply] = emu.wait_for_messages(carol)
    assert "Right" not in reply.text
    stop_bot(running_bot.process)
    store = stored(running_bot.data_dir)
    assert store.progress(CAROL).open_quiz().lesson_id == store.progress(CAROL).current_reading().lesson_id
    assert store.progress(CAROL).answers() == ()
    store.close()


SAM = 1005  # a newcomer: nothing laid down for him


def test_the_whole_loop_from_a_pasted_article_to_progress(emu, sample_text):
    sam, lesson = emu.user(SAM, "Sam"), sample_lesson()
    emu.send_text(sam, sample_text)
    emu.wait_for_messages(sam, timeout=WAIT)  # the preview
    label = text("en", "article.start")
    for _ in lesson.chunks:  # every part, up to the last with its quiz button
        emu.press(sam, label)
        [part] = emu.wait_for_messages(sam)
        label = text("en", "reading.next")
    emu.press(sam, text("en", "reading.quiz"), message=part)
    taker = QuizTaker(emu, sam, lesson)
    result = taker.take(polls_right=lambda n: n != 0)
    score, total = sum(a.correct for a in taker.answered), len(taker.answered)
    assert f"Quiz done: {score} of {total} right." in result.text

    emu.send_text(sam, "/progress")
    progress, _chart = emu.wait_for_messages(sam, 2)
    assert "Articles finished: 1" in progress.text
    assert f"Quiz accuracy: {round(score / total * 100)}% ({score} of {total} answers right)" in progress.text
    assert "Words learned: 0" in progress.text
