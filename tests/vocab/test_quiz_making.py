"""The after-reading quiz: 5-10 questions of three kinds, fit for Telegram quiz polls, rebuilt from a seed."""
from __future__ import annotations

import json
import random
from collections import Counter

import lemminflect
import pytest
from quiz_article import MUNITIONS, article_items, make_item, wordnet_lexicon

from vocab import word_pool
from vocab.distractors import first_clause
from vocab.quiz import (
    DEFAULT_QUESTIONS,
    GapFill,
    TypedRecall,
    WordMeaning,
    grade,
    make_quiz,
    question_from_dict,
    question_to_dict,
)
from vocab.quiz_questions import make_gap_fill
from vocab.quiz_text import BLANK, ELLIPSIS, EXPLANATION_LIMIT, OPTION_LIMIT, QUESTION_LIMIT

SEEDS = range(12)


@pytest.fixture(scope="module")
def lexicon():
    return wordnet_lexicon()


@pytest.fixture(scope="module")
def items(lexicon):
    return article_items(lexicon)


@pytest.fixture(scope="module")
def quizzes(items, lexicon):
    return [make_quiz(items, random.Random(seed), lexicon=lexicon, size=10) for seed in SEEDS]


@pytest.mark.parametrize(
    "available,size,expected",
    [(18, None, DEFAULT_QUESTIONS), (18, 3, 5), (18, 7, 7), (18, 25, 10), (3, None, 3), (3, 10, 3), (0, None, 0)],
)
def test_quiz_length_is_clamped_to_five_to_ten_and_to_the_items(items, lexicon, available, size, expected):
    quiz = make_quiz(items[:available], random.Random(1), lexicon=lexicon, size=size)
    assert len(quiz) == expected


def test_each_item_is_asked_once_and_ids_name_kind_and_lemma(quizzes, items):
    lemmas = {item.lemma for item in items}
    for quiz in quizzes:
        assert len({q.lemma for q in quiz}) == len(quiz)
        for question in quiz:
            assert question.lemma in lemmas
            assert question.id == f"{question.kind}:{question.lemma}"


def test_the_three_kinds_are_mixed(quizzes):
    for quiz in quizzes:
        kinds = Counter(q.kind for q in quiz)
        assert set(kinds) == {"gap_fill", "meaning", "typed"}, kinds
        assert max(kinds.values()) - min(kinds.values()) <= 1


def test_polls_keep_telegrams_quiz_limits(quizzes):
    polls = [q for quiz in quizzes for q in quiz if q.is_poll]
    assert polls
    for poll in polls:
        assert 1 <= len(poll.question) <= QUESTION_LIMIT
        assert len(poll.options) == 4 and len({o.lower() for o in poll.options}) == 4
        assert all(1 <= len(option) <= OPTION_LIMIT for option in poll.options)
        assert 0 <= poll.correct_option_id < 4
        assert len(poll.explanation) <= EXPLANATION_LIMIT


def test_the_right_option_is_not_always_in_the_same_place(quizzes):
    places = Counter(q.correct_option_id for quiz in quizzes for q in quiz if q.is_poll)
    assert len(places) >= 3


def test_a_gap_fill_blanks_the_form_the_sentence_uses(quizzes, items):
    by_lemma = {item.lemma: item for item in items}
    gaps = [q for quiz in quizzes for q in quiz if isinstance(q, GapFill)]
    assert {"munition", "revelation"} & {g.lemma for g in gaps}
    for gap in gaps:
        item = by_lemma[gap.lemma]
        right = gap.options[gap.correct_option_id]
        assert gap.question.count(BLANK) == 1
        restored = gap.question.replace(BLANK, right).strip(ELLIPSIS)
        assert restored in item.sentence
        assert item.gloss in gap.explanation


@pytest.mark.parametrize("seed", SEEDS)
def test_gap_fill_distractors_take_the_same_inflection(items, lexicon, seed):
    munitions = next(i for i in items if i.lemma == "munition")
    gap = make_gap_fill(munitions, random.Random(seed), article_items=items, lexicon=lexicon)
    for option in gap.options:  # every option a plural noun, like "munitions"
        lemmas = lemminflect.getAllLemmas(option, "NOUN").get("NOUN", ())
        assert any(option in lemminflect.getInflection(lemma, "NNS") and option != lemma for lemma in lemmas), option


@pytest.mark.parametrize("seed", SEEDS)
def test_a_base_form_gets_base_form_distractors(items, lexicon, seed):
    assistance = next(i for i in items if i.lemma == "assistance")
    gap = make_gap_fill(assistance, random.Random(seed), article_items=items, lexicon=lexicon)
    for option in gap.options:
        assert option in lemminflect.getAllLemmas(option, "NOUN").get("NOUN", ()), option


def test_a_phrase_gap_swaps_its_first_word_and_keeps_the_rest(quizzes):
    gaps = [q for quiz in quizzes for q in quiz if isinstance(q, GapFill) and q.lemma == "constructive role"]
    assert gaps
    for gap in gaps:
        assert all(option.endswith(" role") for option in gap.options)
        assert gap.options[gap.correct_option_id] == "constructive role"


def test_an_option_starting_the_sentence_is_capitalised(items, lexicon):
    sentence = "Readying a satellite takes years, officials said."
    item = make_item("Readying", "ready", "word", "verb", sentence, lexicon=lexicon)
    for seed in range(5):
        quiz = make_quiz([item, *items], random.Random(seed), lexicon=lexicon, size=10)
        gap = next((q for q in quiz if isinstance(q, GapFill) and q.lemma == "ready"), None)
        if gap:
            assert gap.question.startswith(BLANK)
            assert all(o[0].isupper() and o.endswith("ing") for o in gap.options)
            return
    pytest.fail("no gap-fill for 'ready' in five seeds")


def test_a_meaning_question_offers_the_items_gloss_among_other_glosses(quizzes, items):
    by_lemma = {item.lemma: item for item in items}
    meanings = [q for quiz in quizzes for q in quiz if isinstance(q, WordMeaning)]
    assert meanings
    for question in meanings:
        item = by_lemma[question.lemma]
        assert question.word == question.question == item.item  # the word; the bot words the stem
        right = question.options[question.correct_option_id]
        assert right.rstrip(ELLIPSIS) in first_clause(item.gloss)
        assert item.item in question.explanation or item.lemma in question.explanation


def test_long_glosses_are_trimmed_at_a_word_boundary(quizzes, items):
    assistance = next(i for i in items if i.lemma == "assistance")
    assert len(assistance.gloss) > 90
    trimmed = [o for quiz in quizzes for q in quiz if isinstance(q, WordMeaning) for o in q.options if o.endswith(ELLIPSIS)]
    for option in trimmed:
        assert len(option) <= OPTION_LIMIT and not option[:-1].endswith(" ")


def test_typed_recall_shows_the_gloss_and_first_letter(quizzes, items):
    by_lemma = {item.lemma: item for item in items}
    typed = [q for quiz in quizzes for q in quiz if isinstance(q, TypedRecall)]
    assert typed
    for question in typed:
        item = by_lemma[question.lemma]
        assert question.answer == item.item
        assert question.hint.startswith(item.item[0])
        hidden = item.item.split()[:1] if item.kind == "phrase" else item.item.split()
        assert question.letters == tuple(len(w) for w in hidden)
        assert question.hint.count("_") == sum(question.letters) - len(question.letters)  # all but first letters
        if item.kind == "phrase":  # the gloss is the first word's: the words after it are shown
            assert question.hint.split()[1:] == item.item.split()[1:]
        assert "letters" not in question.hint  # the count is worded by the bot, in the learner's language
        assert item.item.lower() not in question.clue.lower()
        assert set(word_pool.all_forms(item.lemma, item.pos)) <= set(question.forms) or item.kind == "phrase"
        assert question.clue in question.question and question.hint in question.question


def test_the_same_seed_rebuilds_the_same_quiz_even_after_caches_are_cleared(items, lexicon):
    first = [question_to_dict(q) for q in make_quiz(items, random.Random(42), lexicon=lexicon)]
    for cached in (word_pool.is_base_form, word_pool.all_forms, word_pool.pos_index):
        cached.cache_clear()
    again = [question_to_dict(q) for q in make_quiz(items, random.Random(42), lexicon=lexicon)]
    assert first == again
    other = [question_to_dict(q) for q in make_quiz(items, random.Random(43), lexicon=lexicon)]
    assert other != first


def test_questions_survive_a_trip_through_json(quizzes):
    for question in quizzes[0]:
        data = json.loads(json.dumps(question_to_dict(question)))
        assert question_from_dict(data) == question


def test_without_wordnet_there_are_gap_fills_and_typed_recall_but_no_meaning_questions():
    items = article_items(lexicon=None)
    assert not any(item.gloss for item in items)
    for seed in range(5):
        quiz = make_quiz(items, random.Random(seed), lexicon=None, size=10)
        kinds = Counter(q.kind for q in quiz)
        assert len(quiz) == 10 and kinds["meaning"] == 0 and kinds["gap_fill"] and kinds["typed"]
        for question in quiz:
            if isinstance(question, TypedRecall):
                assert BLANK in question.clue  # the sentence is the clue
            else:
                assert len(set(question.options)) == 4


def test_an_item_missing_from_its_sentence_still_gets_a_typed_question_if_glossed():
    item = make_item("munitions", "munition", "word", "noun", "A sentence about something else.",
                     gloss="weapons considered collectively")
    quiz = make_quiz([item], random.Random(0), lexicon=None)
    assert [q.kind for q in quiz] == ["typed"]
    assert make_quiz([make_item("munitions", "munition", "word", "noun", "Nothing here.", gloss="")],
                     random.Random(0)) == []


def test_a_gap_fill_keeps_the_blank_in_a_very_long_sentence(lexicon):
    sentence = MUNITIONS + " " + " ".join(["Officials added that the talks would continue."] * 6)
    item = make_item("munitions", "munition", "word", "noun", sentence, lexicon=lexicon)
    sentence_at_end = " ".join(["Officials added that the talks would continue."] * 6) + " " + MUNITIONS
    late = make_item("munitions", "munition", "word", "noun", sentence_at_end, lexicon=lexicon)
    for it in (item, late):
        gap = make_gap_fill(it, random.Random(1), lexicon=lexicon)
        assert gap is not None and len(gap.question) <= QUESTION_LIMIT and BLANK in gap.question


def test_a_phrase_is_recalled_by_its_first_word_with_the_rest_shown():
    item = make_item("unprecedented restrictions", "unprecedented restriction", "phrase", "adjective+noun",
                     "Authorities imposed unprecedented restrictions on irrigation.",
                     gloss="having no precedent; novel")
    [question] = [q for q in make_quiz([item], random.Random(0), lexicon=None) if isinstance(q, TypedRecall)]
    assert question.hint == "u____________ restrictions"
    assert question.letters == (13,)
    for answer in ("unprecedented", "Unprecedented restrictions", "unprecedentd"):
        assert grade(question, answer).correct, answer
    assert not grade(question, "restrictions").correct
