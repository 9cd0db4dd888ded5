"""What a tutor put on a word list reaches the learner: the tutor's gloss beside the English one
wherever a gloss is shown, and the tutor's own items in bold and in the quiz even when the
learner has settled them."""
from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from bot import render
from bot.handlers.quiz import make_questions
from lessons.analysis import analyse
from lessons.article import Lesson
from lessons.word_list import add_item, set_tutor_gloss
from tests.conftest import SAMPLE_PATH
from vocab.lexicon import load_lexicon


@cache
def tutor_lesson() -> Lesson:
    """The sample article with two items the tutor added and two tutor glosses."""
    lexicon = load_lexicon()
    lesson = analyse(SAMPLE_PATH.read_text(encoding="utf-8"), "B2", lexicon=lexicon)
    lesson = add_item(add_item(lesson, "arms deal", lexicon), "weapons", lexicon)
    return set_tutor_gloss(set_tutor_gloss(lesson, "munitions", "군수품"), "arms deal", "무기 거래")


def item(lemma: str):
    return next(v for v in tutor_lesson().vocabulary if v.lemma == lemma)


@pytest.mark.parametrize("lemma, english, korean", [
    ("munition", "weapons considered collectively", "군수품"),
    ("arms deal", "a deal to provide military arms", "무기 거래"),
])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_word_card_shows_the_tutors_gloss_beside_the_english_one(lemma, english, korean, lang):
    card = render.word_card(item(lemma), lang)
    assert f"{english} · <i>{korean}</i>" in card.splitlines()


def test_a_tutor_gloss_alone_is_shown_when_there_is_no_english_one():
    bare = replace(item("munition"), gloss="")
    assert render.word_card(bare, "en").splitlines()[1] == "<i>군수품</i>"
    assert render.glosses(replace(bare, tutor_gloss="")) == ""


def test_the_words_list_and_the_words_of_a_part_show_both_glosses():
    lesson = tutor_lesson()
    overview = "\n".join(render.words_overview(lesson, set(), "en"))
    assert "<b>munitions</b>" in overview and ": weapons considered collectively · <i>군수품</i>" in overview
    part = item("munition").chunk
    message, shown = render.words_in_part(lesson, part, "en")
    assert "<i>군수품</i>" in message and item("munition") in [i for _, i in shown]


def test_a_tutor_gloss_is_escaped_for_telegram():
    odd = replace(item("munition"), tutor_gloss="<b>무기</b> & 탄약")
    assert "&lt;b&gt;무기&lt;/b&gt; &amp; 탄약" in render.word_card(odd, "en")


def test_the_tutors_items_are_bold_even_when_the_learner_knows_them():
    lesson = tutor_lesson()
    known = {v.lemma for v in lesson.vocabulary}
    assert [v.lemma for v in render.target_items(lesson, known)] == ["arms deal", "weapon"]


@pytest.mark.parametrize("seed", [f"seed-{n}" for n in range(6)])
def test_the_quiz_asks_the_tutors_items_even_when_the_learner_has_settled_them(seed):
    lesson = tutor_lesson()
    settled = {v.lemma for v in lesson.vocabulary}
    asked = {q["lemma"] for q in make_questions(lesson.vocabulary, settled, seed)}
    assert {"arms deal", "weapon"} <= asked


@pytest.mark.parametrize("seed", [f"seed-{n}" for n in range(6)])
def test_the_quiz_always_asks_the_tutors_items_among_many(seed):
    lesson = tutor_lesson()
    assert len(lesson.vocabulary) > 8  # more items than one quiz asks
    asked = {q["lemma"] for q in make_questions(lesson.vocabulary, set(), seed)}
    assert {"arms deal", "weapon"} <= asked
