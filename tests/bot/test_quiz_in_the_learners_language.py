"""Quiz stems and instructions are in the learner's language; the article's sentence and the
English options stay English. Questions stored by an older version still render."""
from __future__ import annotations

import random
import re
from datetime import datetime, timezone

import pytest
from quiz_learner import CLOCK_FILE, QuizTaker, is_clue, lay_down_reader, sample_lesson, set_clock

from bot.handlers.quiz_messages import letter_hint_text, poll_arguments, poll_question, typed_clue
from bot.texts import text
from vocab.lexicon import load_lexicon
from vocab.quiz import grade, make_quiz, question_from_dict, question_to_dict

HANGUL = re.compile(r"[\uac00-\ud7a3]")
SENTENCE = "The North provided Russia with a large amount of _____ & weapons."
GAP_FILL = {"id": "gap_fill:munition", "lemma": "munition", "kind": "gap_fill", "question": SENTENCE,
            "options": ["munitions", "gardens", "songs", "tunnels"], "correct_option_id": 0,
            "explanation": "munitions: weapons considered collectively"}
MEANING = {"id": "meaning:munition", "lemma": "munition", "kind": "meaning", "question": "munitions",
           "options": ["weapons considered collectively", "a large garden", "a song", "a tunnel"],
           "correct_option_id": 0, "explanation": SENTENCE.replace("_____", "munitions")}
TYPED = {"id": "typed:constructive role", "lemma": "constructive role", "kind": "typed",
         "clue": "a part played that helps", "hint": "c___________ r___", "answer": "constructive role",
         "forms": ["constructive role"], "explanation": "China could play a constructive role."}
#: The same questions as the bot stored them before the stems moved to the catalogues.
OLD_MEANING = {**MEANING, "question": "What does 'munitions' mean?"}
OLD_TYPED = {**TYPED, "hint": "c___________ r___ (12 + 4 letters)"}


@pytest.mark.parametrize("question, lang, shown", [
    (GAP_FILL, "en", f"2/8 · {SENTENCE}"),
    (GAP_FILL, "ko", f"2/8 · 빈칸에 들어갈 단어는 무엇일까요?\n{SENTENCE}"),
    (MEANING, "en", "2/8 · What does 'munitions' mean?"),
    (MEANING, "ko", "2/8 · 'munitions'의 뜻은 무엇일까요?"),
    (OLD_MEANING, "en", "2/8 · What does 'munitions' mean?"),
    (OLD_MEANING, "ko", "2/8 · 'munitions'의 뜻은 무엇일까요?"),
])
def test_a_poll_asks_in_the_learners_language_about_the_english_text(question, lang, shown):
    args = poll_arguments(question, 2, 8, lang)
    assert args["question"] == shown
    assert [o.text for o in args["options"]] == question["options"]  # the options stay English
    assert args["explanation"] == question["explanation"]


@pytest.mark.parametrize("question, lang, hint", [
    (TYPED, "en", "c___________ r___ (12 + 4 letters)"),
    (TYPED, "ko", "c___________ r___ (12 + 4글자)"),
    (OLD_TYPED, "en", "c___________ r___ (12 + 4 letters)"),
    (OLD_TYPED, "ko", "c___________ r___ (12 + 4글자)"),
])
def test_a_typed_question_counts_the_letters_in_the_learners_language(question, lang, hint):
    clue = typed_clue(lang, question, 3, 8)
    assert clue == text(lang, "quiz.typed", number=3, total=8, clue="a part played that helps", hint=hint)
    assert clue.count(hint) == 1


@pytest.mark.parametrize("lang, hint", [("en", "m________ (9 letters)"), ("ko", "m________ (9글자)")])
def test_the_letter_hint_of_any_word_is_worded_in_the_learners_language(lang, hint):
    assert letter_hint_text(lang, "munitions") == hint


@pytest.mark.parametrize("old, new", [(OLD_MEANING, MEANING), (OLD_TYPED, TYPED)])
def test_a_question_stored_before_the_change_loads_and_grades(old, new):
    assert question_from_dict(old) == question_from_dict(new)
    answer = "constructive role" if new["kind"] == "typed" else 0
    assert grade(question_from_dict(old), answer).correct


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("question", [
    {**GAP_FILL, "question": "word " * 40 + "_____" + " word" * 40},
    {**GAP_FILL, "question": "_____ " + "word " * 80},
    {**GAP_FILL, "question": "word " * 80 + "_____"},
    {**MEANING, "question": "w" * 320},
])
def test_a_long_question_fits_telegram_with_its_stem_whole(question, lang):
    shown = poll_arguments(question, 10, 10, lang)["question"]
    assert len(shown) <= 300 and shown.startswith("10/10 · ")
    before, after = stem_around(lang, question["kind"])
    asked = shown.removeprefix("10/10 · ")
    assert asked.startswith(before) and asked.endswith(after)
    assert "…" in asked and ("_____" in asked) == (question["kind"] == "gap_fill")


def stem_around(lang: str, kind: str) -> tuple[str, str]:
    """The learner-language text before and after the English part of a poll question."""
    key, field = ("quiz.ask_gap_fill", "sentence") if kind == "gap_fill" else ("quiz.ask_meaning", "word")
    before, after = text(lang, key, **{field: "|"}).split("|")
    return before, after


def test_every_question_of_a_real_quiz_is_korean_for_korean_learners_and_english_for_others():
    lesson, lexicon = sample_lesson(), load_lexicon()
    questions = [question_to_dict(q) for seed in range(4)
                 for q in make_quiz(lesson.vocabulary, random.Random(seed), lexicon=lexicon, size=10)]
    polls = [q for q in questions if q["kind"] != "typed"]
    assert {q["kind"] for q in polls} == {"gap_fill", "meaning"}
    for question in polls:
        korean, english = poll_question("ko", question, 10, 10), poll_question("en", question, 10, 10)
        assert HANGUL.search(korean) and not HANGUL.search(english)
        assert len(korean) <= 300 and len(english) <= 300
        asked = question["question"]  # the sentence with its gap, or the word
        blank = max(0, asked.find("_____"))
        around = asked[max(0, blank - 20):blank + 25]
        assert around in korean and around in english  # the English text as it is
    for question in (q for q in questions if q["kind"] == "typed"):
        assert "글자)" in typed_clue("ko", question, 1, 8) and "letters)" in typed_clue("en", question, 1, 8)


ALICE, MINJI = 1001, 1003
START = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)


@pytest.mark.bot_env(CLOCK_FILE=CLOCK_FILE)
def test_a_korean_learner_is_quizzed_in_korean_and_an_english_one_in_english(running_bot, tmp_path):
    set_clock(tmp_path, START)
    lay_down_reader(tmp_path / "data", ALICE, name="Alice", at=START)
    lay_down_reader(tmp_path / "data", MINJI, name="민지", language="ko", at=START)  # chose Korean in /settings
    emu, lesson = running_bot.emu, sample_lesson()
    takers = {}
    for user_id, name in ((ALICE, "Alice"), (MINJI, "민지")):
        user = emu.user(user_id, name, language_code="en")  # Minji's phone is set to English
        emu.send_text(user, "/quiz")
        takers[user_id] = QuizTaker(emu, user, lesson)
        takers[user_id].take()

    korean, english = takers[MINJI].questions, takers[ALICE].questions
    for questions, lang in ((korean, "ko"), (english, "en")):
        polls = [q.poll for q in questions if q.poll]
        gap_fills = [p for p in polls if "_____" in p["question"]]
        meanings = [p for p in polls if "_____" not in p["question"]]
        assert gap_fills and meanings
        for kind, kind_polls in (("gap_fill", gap_fills), ("meaning", meanings)):
            before, after = stem_around(lang, kind)
            assert all(p["question"].split(" · ", 1)[1].startswith(before) and p["question"].endswith(after)
                       for p in kind_polls), (kind, lang)
        for poll in polls:
            assert bool(HANGUL.search(poll["question"])) == (lang == "ko"), poll["question"]
            assert not any(HANGUL.search(option) for option in poll["options"])
        clues = [q.text for q in questions if not q.poll and is_clue(q)]
        assert clues and all(("글자)" if lang == "ko" else "letters)") in clue for clue in clues)
