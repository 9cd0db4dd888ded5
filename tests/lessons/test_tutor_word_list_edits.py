"""A tutor edits an article's word list (remove, add a word or phrase of the text, gloss), and a
learner at any level gets the article with those edits kept."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from lessons.analysis import analyse
from lessons.article import Lesson
from lessons.word_list import (
    MAX_PHRASE_WORDS,
    MAX_TUTOR_GLOSS,
    WordListError,
    add_item,
    find_item,
    lesson_for_learner,
    remove_item,
    set_tutor_gloss,
)
from vocab.items import LEVELS
from vocab.lexicon import load_lexicon

#: A second article, written for these tests: two paragraphs, with plurals, a phrasal verb and a
#: compound noun to find by their dictionary forms.
GLACIER_ARTICLE = """Alpine glaciers are melting faster than forecast

Scientists monitoring the glaciers of the Alps say the ice is retreating faster than their models \
predicted. Summer heatwaves have stripped away the protective snow cover, and the exposed ice \
darkens and absorbs more sunlight. Several ski resorts have already abandoned their lower slopes, \
and mountain villages that depend on meltwater for drinking and irrigation are drawing up \
contingency plans for dry summers.

Researchers carried out measurements on twenty glaciers last year. The thinnest of them lost \
almost a fifth of their volume in a single season. Local officials warned that the retreat could \
set off rockfalls and mudslides, because the ice that once held loose rock in place is vanishing. \
Hikers have been told to avoid several popular trails until engineers have assessed the slopes.
"""


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def herald(sample_text, lexicon) -> Lesson:
    return analyse(sample_text, "B2", lexicon=lexicon)


@pytest.fixture(scope="module")
def glaciers(lexicon) -> Lesson:
    return analyse(GLACIER_ARTICLE, "B2", lexicon=lexicon)


@pytest.fixture
def lessons(herald, glaciers) -> dict[str, Lesson]:
    return {"herald": herald, "glaciers": glaciers}


def items(lesson: Lesson) -> list[str]:
    return [v.item for v in lesson.vocabulary]


# -- removing ----------------------------------------------------------------------------------

@pytest.mark.parametrize("which, lemma", [
    ("munitions", "munition"),          # the item as shown
    ("MUNITION", "munition"),           # its lemma, any case
    ("diplomats", "diplomat"),          # a form of it in the text
    ("  Constructive   role ", "constructive role"),
])
def test_removing_an_item_takes_it_off_and_remembers_its_lemma(herald, which, lemma):
    edited = remove_item(herald, which)
    assert lemma not in [v.lemma for v in edited.vocabulary]
    assert len(edited.vocabulary) == len(herald.vocabulary) - 1
    assert edited.removed == (lemma,)
    assert edited.article == herald.article and edited.chunks == herald.chunks


@pytest.mark.parametrize("which", ["banana", "Blinken", "", "munitionsx"])
def test_removing_what_is_not_listed_is_refused(herald, which):
    with pytest.raises(WordListError) as refused:
        remove_item(herald, which)
    assert refused.value.reason == "not_in_list"


# -- adding ------------------------------------------------------------------------------------

@pytest.mark.parametrize("article, phrase, shown, lemma, kind, form, chunk", [
    ("herald", "arms deal", "arms deal", "arms deal", "phrase", "arms deal", 1),
    ("herald", "Arms  Deal.", "arms deal", "arms deal", "phrase", "arms deal", 1),
    ("herald", "satellites", "satellite", "satellite", "word", "satellite", 0),      # singular in the text
    ("herald", "weapon", "weapon", "weapon", "word", "weapons", 1),                 # plural in the text
    ("herald", "Blinken", "Blinken", "blinken", "word", "blinken", 0),             # a name as written
    ("glaciers", "slope", "slope", "slope", "word", "slopes", 0),
    ("glaciers", "carry out", "carry out", "carry out", "phrase", "carried out", 0),  # inflected verb
    ("glaciers", "sets off", "set off", "set off", "phrase", "set off", 0),
    ("glaciers", "contingency plan", "contingency plan", "contingency plan", "phrase", "contingency plans", 0),
])
def test_a_word_or_phrase_of_the_text_is_added_in_any_inflection(
    lessons, lexicon, article, phrase, shown, lemma, kind, form, chunk
):
    lesson = lessons[article]
    edited = add_item(lesson, phrase, lexicon)
    assert edited.vocabulary[:-1] == lesson.vocabulary
    item = edited.vocabulary[-1]
    assert (item.item, item.lemma, item.kind, item.chunk) == (shown, lemma, kind, chunk)
    assert form in item.forms and item.from_tutor and item.tutor_gloss == ""
    # the sentence is the first one holding it, read in the part the item says
    assert item.sentence in lesson.chunks[item.chunk].sentences
    assert form in " ".join(item.sentence.lower().split())
    assert item.count >= 1 and item.level in ("A2", "B1", "B2", "C1", "C2") and item.pos
    if lexicon.available and item.item != "Blinken":  # WordNet has no entry for a name: no gloss
        assert item.gloss


def test_a_phrase_is_glossed_by_its_dictionary_entry(herald, lexicon):
    if not lexicon.available:
        pytest.skip("WordNet is not installed")
    deal = add_item(herald, "arms deal", lexicon).vocabulary[-1]
    assert "arms" in deal.gloss or "weapon" in deal.gloss  # WordNet's "arms deal", not "arm" the limb


@pytest.mark.parametrize("article, phrase, reason", [
    ("herald", "banana", "not_in_text"),
    ("herald", "role at", "not_in_text"),                 # a quote mark and a space between them
    ("herald", "munitions", "already_listed"),            # picked already
    ("herald", "munition", "already_listed"),             # the same item by its lemma
    ("herald", "given rise to", "already_listed"),
    ("herald", "the two sides discussed ways", "too_long"),
    ("herald", "   ", "empty"),
    ("herald", "?!", "empty"),
    ("glaciers", "stronger ties", "not_in_text"),          # in the other article only
    ("glaciers", "glaciers", "already_listed"),
    ("glaciers", "glaciers melt quickly", "not_in_text"),  # each word is there, not in a row
])
def test_adding_what_cannot_be_taught_is_refused(lessons, lexicon, article, phrase, reason):
    with pytest.raises(WordListError) as refused:
        add_item(lessons[article], phrase, lexicon)
    assert refused.value.reason == reason


def test_phrases_up_to_the_longest_allowed_are_added(herald, lexicon):
    four = "intensify pressure on Moscow"
    assert len(four.split()) == MAX_PHRASE_WORDS
    assert add_item(herald, four, lexicon).vocabulary[-1].lemma == "intensify pressure on moscow"


def test_adding_a_removed_item_takes_it_back(herald, lexicon):
    removed = remove_item(remove_item(herald, "munitions"), "escalate")
    back = add_item(removed, "munitions", lexicon)
    assert back.removed == ("escalate",)
    assert back.vocabulary[-1].lemma == "munition" and back.vocabulary[-1].from_tutor


# -- tutor's glosses ---------------------------------------------------------------------------

@pytest.mark.parametrize("which, gloss, expected", [
    ("munitions", "군수품", "군수품"),
    ("munition", "  군수품  ", "군수품"),
    ("intensify pressure", "압박을  강화하다", "압박을 강화하다"),
    ("escalate", "", ""),
    ("escalate", "x" * MAX_TUTOR_GLOSS, "x" * MAX_TUTOR_GLOSS),
])
def test_a_tutor_gloss_is_set_on_one_item(herald, which, gloss, expected):
    edited = set_tutor_gloss(herald, which, gloss)
    target = find_item(herald, which)
    for before, after in zip(herald.vocabulary, edited.vocabulary):
        assert after.tutor_gloss == (expected if before is target else before.tutor_gloss)
        assert replace(after, tutor_gloss="") == replace(before, tutor_gloss="")


def test_an_empty_gloss_clears_it(herald):
    glossed = set_tutor_gloss(herald, "munitions", "군수품")
    assert find_item(set_tutor_gloss(glossed, "munitions", "  "), "munitions").tutor_gloss == ""


@pytest.mark.parametrize("which, gloss, reason", [
    ("banana", "바나나", "not_in_list"),
    ("munitions", "x" * (MAX_TUTOR_GLOSS + 1), "gloss_too_long"),
])
def test_a_gloss_that_cannot_be_set_is_refused(herald, which, gloss, reason):
    with pytest.raises(WordListError) as refused:
        set_tutor_gloss(herald, which, gloss)
    assert refused.value.reason == reason


# -- the record keeps the edits ----------------------------------------------------------------

def test_an_edited_lesson_is_stored_and_read_back_whole(herald, lexicon):
    edited = set_tutor_gloss(add_item(remove_item(herald, "escalate"), "arms deal", lexicon), "arms deal", "무기 거래")
    back = Lesson.from_dict(json.loads(json.dumps(edited.as_record())))
    assert back == edited and back.removed == ("escalate",)


def test_a_record_from_before_word_lists_reads_as_unedited(herald):
    record = herald.as_record()
    assert "removed" not in record  # an unedited lesson's record (and so its id) is as before
    assert Lesson.from_dict(record).removed == ()


# -- a learner's lesson ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def edited_herald(herald, lexicon) -> Lesson:
    lesson = remove_item(remove_item(herald, "spokesperson"), "intensify pressure")
    lesson = add_item(lesson, "arms deal", lexicon)
    lesson = set_tutor_gloss(lesson, "munitions", "군수품")
    return set_tutor_gloss(lesson, "arms deal", "무기 거래")


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("known", [frozenset(), frozenset({"arms deal", "escalate", "provocative"})])
def test_a_learner_gets_the_article_at_their_level_with_the_tutors_edits(
    edited_herald, sample_text, lexicon, level, known
):
    mine = lesson_for_learner(edited_herald, level, known, lexicon)
    fresh = analyse(sample_text, level, lexicon=lexicon, known=known)  # what the learner would get alone
    assert (mine.article, mine.chunks, mine.level) == (edited_herald.article, edited_herald.chunks, level)
    assert mine.difficulty == fresh.difficulty
    lemmas = [v.lemma for v in mine.vocabulary]
    # the picked items, less what the tutor removed, then the tutor's own (even if the learner knows it)
    picked = [v.lemma for v in fresh.vocabulary if v.lemma not in ("spokesperson", "intensify pressure")]
    assert lemmas == [*picked, "arms deal"]
    assert "intensify" not in lemmas  # the word of a removed phrase does not come back alone
    assert not set(lemmas) & (known - {"arms deal"})
    deal = mine.vocabulary[-1]
    assert deal.from_tutor and deal.tutor_gloss == "무기 거래"
    for item in mine.vocabulary:  # the tutor's gloss goes with its lemma, whoever picked the item
        assert item.tutor_gloss == {"munition": "군수품", "arms deal": "무기 거래"}.get(item.lemma, "")


def test_an_unedited_article_for_a_learner_is_what_they_would_get_alone(glaciers, lexicon):
    for level in LEVELS:
        fresh = analyse(GLACIER_ARTICLE, level, lexicon=lexicon, known={"glacier"})
        mine = lesson_for_learner(glaciers, level, {"glacier"}, lexicon)
        assert (mine.vocabulary, mine.difficulty) == (fresh.vocabulary, fresh.difficulty)


def test_a_tutor_item_the_picker_also_finds_is_listed_once(glaciers, lexicon):
    picked = glaciers.vocabulary[0]
    lesson = set_tutor_gloss(add_item(remove_item(glaciers, picked.item), picked.item, lexicon), picked.item, "뜻")
    for level in LEVELS:
        mine = lesson_for_learner(lesson, level, set(), lexicon)
        same = [v for v in mine.vocabulary if v.lemma == picked.lemma]
        assert len(same) == 1 and same[0].from_tutor and same[0].tutor_gloss == "뜻"
