"""Distractors are plausible (same part of speech, similar frequency) and never a second right answer."""
from __future__ import annotations

import random

import lemminflect
import pytest
from quiz_article import article_items, make_item, wordnet_lexicon

from vocab import word_pool
from vocab.distractors import (
    ZIPF_WINDOWS,
    Target,
    choose_distractors,
    first_clause,
    inflected_like,
    is_mainly,
    too_close,
)
from vocab.frequency import family_zipf
from vocab.quiz_questions import make_word_meaning

UPOS = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV"}
TARGETS = [
    ("munition", "noun"), ("transfer", "noun"), ("peninsula", "noun"), ("summit", "noun"),
    ("intensify", "verb"), ("escalate", "verb"), ("ready", "verb"), ("provide", "verb"),
    ("provocative", "adjective"), ("irresponsible", "adjective"), ("rare", "adjective"),
    ("apparently", "adverb"), ("moreover", "adverb"),
]


@pytest.fixture(scope="module")
def lexicon():
    return wordnet_lexicon()


def target_for(lemma, pos, lexicon=None, **extra):
    gloss = ""
    if lexicon is not None:
        synsets = lexicon.synsets(lemma, pos)
        gloss = first_clause(synsets[0].definition()) if synsets else ""
    return Target(lemma=lemma, pos=pos, zipf=family_zipf(lemma), gloss=gloss, **extra)


@pytest.mark.parametrize("lemma,pos", TARGETS)
def test_distractors_share_the_part_of_speech_and_frequency(lemma, pos, lexicon):
    chosen = choose_distractors(target_for(lemma, pos, lexicon), random.Random(7), lexicon=lexicon)
    assert len(chosen) == 3
    for word, shown, gloss in chosen:
        assert word in lemminflect.getAllLemmas(word, UPOS[pos]).get(UPOS[pos], ()), word
        assert lexicon.has_entry(word, pos), word
        assert abs(family_zipf(word) - family_zipf(lemma)) <= ZIPF_WINDOWS[-1], word
        assert gloss, word


@pytest.mark.parametrize("lemma,pos", TARGETS)
def test_distractors_are_never_a_synonym_a_neighbour_or_a_form_of_the_target(lemma, pos, lexicon):
    for seed in range(5):
        chosen = choose_distractors(target_for(lemma, pos, lexicon), random.Random(seed), lexicon=lexicon)
        target_senses = set(lexicon.synsets(lemma, pos))
        target_forms = word_pool.all_forms(lemma, pos)
        for word, shown, _ in chosen:
            assert not target_senses & set(lexicon.synsets(word, pos)), f"{word} shares a sense with {lemma}"
            assert word not in too_close(lexicon.reader, lemma, pos)
            assert word not in target_forms and shown not in target_forms
            assert not word.startswith(lemma[:5]), f"{word} has the stem of {lemma}"


@pytest.mark.parametrize("lemma,pos", TARGETS)
def test_distractors_are_not_names_and_not_offensive(lemma, pos, lexicon):
    for seed in range(5):
        for word, _, _ in choose_distractors(target_for(lemma, pos, lexicon), random.Random(seed), lexicon=lexicon):
            assert not lexicon.only_proper_noun(word), word
            assert word not in word_pool.BLOCKLIST


def test_article_items_of_the_same_part_of_speech_come_first(lexicon):
    items = article_items(lexicon)
    chosen = choose_distractors(target_for("munition", "noun", lexicon), random.Random(1),
                                article_items=items, lexicon=lexicon)
    article_nouns = {i.lemma for i in items if i.pos == "noun" and i.lemma != "munition"}
    assert {word for word, _, _ in chosen} <= article_nouns


def test_an_article_synonym_is_passed_over_for_a_pool_word(lexicon):
    """"escalate" is a WordNet synonym of "intensify": offered by the article, still refused."""
    items = [i for i in article_items(lexicon) if i.pos == "verb"]
    assert "escalate" in {i.lemma for i in items}
    for seed in range(5):
        chosen = choose_distractors(target_for("intensify", "verb", lexicon), random.Random(seed),
                                    article_items=items, lexicon=lexicon)
        assert len(chosen) == 3 and "escalate" not in {w for w, _, _ in chosen}


def test_words_with_the_targets_gloss_or_a_hypernym_or_hyponym_are_refused(lexicon):
    sentence = "The North supplied weapons and arms to Russia."
    target = target_for("weapon", "noun", lexicon)
    same_gloss = make_item("cargo", "cargo", "word", "noun", sentence, gloss=target.gloss)
    hyponym = make_item("gun", "gun", "word", "noun", sentence, lexicon=lexicon)  # a kind of weapon
    hypernym = make_item("instrument", "instrument", "word", "noun", sentence, lexicon=lexicon)
    fine = make_item("harbour", "harbor", "word", "noun", sentence, lexicon=lexicon)
    assert {"gun", "instrument"} <= too_close(lexicon.reader, "weapon", "noun")
    chosen = choose_distractors(target, random.Random(3), article_items=[same_gloss, hyponym, hypernym, fine],
                                lexicon=lexicon)
    words = {w for w, _, _ in chosen}
    assert len(chosen) == 3 and "harbor" in words and not {"cargo", "gun", "instrument"} & words


def test_words_of_the_sentence_are_never_offered(lexicon):
    avoid = frozenset({"weapons", "war", "arms"})
    for seed in range(5):
        chosen = choose_distractors(target_for("munition", "noun", lexicon, tags=("NNS",), avoid=avoid),
                                    random.Random(seed), lexicon=lexicon)
        assert not {"weapon", "war", "arm"} & {w for w, _, _ in chosen}


@pytest.mark.parametrize("lemma,pos", TARGETS)
def test_without_wordnet_distractors_still_come_by_part_of_speech_and_frequency(lemma, pos):
    chosen = choose_distractors(target_for(lemma, pos), random.Random(2), lexicon=None)
    assert len(chosen) == 3
    for word, shown, gloss in chosen:
        assert word in lemminflect.getAllLemmas(word, UPOS[pos]).get(UPOS[pos], ())
        assert abs(family_zipf(word) - family_zipf(lemma)) <= ZIPF_WINDOWS[-1]
        assert word not in word_pool.all_forms(lemma, pos) and gloss == ""


@pytest.mark.parametrize(
    "word,tags,expected",
    [
        ("weapon", ("NNS",), "weapons"),
        ("plan", ("VBD", "VBN"), "planned"),  # "reached": past and participle alike
        ("take", ("VBD", "VBN"), None),  # "took" / "taken": no single right form
        ("take", ("VBN",), "taken"),
        ("information", ("NNS",), None),  # a mass noun has no plural
        ("ready", ("VBG",), "readying"),
        ("good", ("JJR",), "better"),
        ("accustomed", ("JJR",), None),  # no "accustomeder"
        ("provocative", (), "provocative"),
    ],
)
def test_distractors_take_the_form_the_sentence_needs(word, tags, expected):
    pos = {"N": "noun", "V": "verb", "J": "adjective"}[(tags or ("J",))[0][0]]
    assert inflected_like(word, Target("x", pos, 3.0, tags=tags)) == expected


def test_first_clause_drops_example_debris():
    assert first_clause("serving to provoke; stimulating; ; - Anthony Trollope") == "serving to provoke"
    assert first_clause("make more intense, stronger, or more marked; ,") == "make more intense, stronger, or more marked"
    assert first_clause(" ; ") == ""


def test_the_candidate_index_holds_each_part_of_speech_rarest_first(lexicon):
    nouns = word_pool.pos_index("noun", lexicon.reader)
    assert nouns == tuple(sorted(nouns))
    assert {"peninsula", "weapon", "summit"} <= {w for _, w in nouns}
    assert "apparently" not in {w for _, w in nouns}
    window = word_pool.in_zipf_window("noun", lexicon.reader, 3.0, 3.5)
    assert window and all(3.0 <= z <= 3.5 for z, _ in window)


@pytest.mark.parametrize(
    "word,pos,mainly",
    [("weapon", "noun", True), ("boil", "verb", True), ("provocative", "adjective", True),
     ("null", "noun", False), ("dim", "verb", False), ("immune", "noun", False), ("paris", "noun", False)],
)
def test_only_words_mainly_of_the_part_of_speech_are_offered(word, pos, mainly, lexicon):
    assert is_mainly(lexicon.reader, word, pos) is mainly


def test_a_phrase_meaning_question_offers_no_gloss_of_its_key_words_synonyms(lexicon):
    item = make_item("intensify pressure", "intensify pressure", "phrase", "verb+noun",
                     "Blinken said they discussed ways to intensify pressure on Moscow.",
                     gloss="increase in extent or intensity")
    senses = list(lexicon.synsets("intensify", "verb"))
    for relation in ("hypernyms", "hyponyms", "verb_groups", "also_sees"):
        senses += [n for s in lexicon.synsets("intensify", "verb") for n in getattr(s, relation)()]
    forbidden = {first_clause(s.definition()) for s in senses}
    assert "increase in extent or intensity" in forbidden and len(forbidden) > 10
    for seed in range(8):
        question = make_word_meaning(item, random.Random(seed), lexicon=lexicon)
        wrong = [o for i, o in enumerate(question.options) if i != question.correct_option_id]
        assert len(wrong) == 3 and not forbidden & set(wrong)
