"""An advanced word best learned with its partner becomes a phrase from the article's own text."""
from __future__ import annotations

import pytest
from vocab_texts import require_wordnet, sentences

from vocab import find_vocabulary
from vocab.lexicon import Lexicon


def phrases(text: str, level: str = "B2", lexicon=None) -> dict[str, str]:
    lexicon = require_wordnet() if lexicon is None else lexicon
    items = find_vocabulary(sentences(text), level, lexicon=lexicon, limit=50)
    return {item.item: item.pos for item in items if item.kind == "phrase"}


@pytest.mark.parametrize(
    "text, phrase, pattern",
    [
        ("Blinken highlighted the importance of China's constructive role in the region.", "constructive role", "adjective+noun"),
        ("The two sides discussed ways to intensify pressure on Moscow.", "intensify pressure", "verb+noun"),
        ("The remarks only escalate the tension in the region.", "escalate the tension", "verb+noun"),
        ("The deeper cooperation has given rise to the prospect of new weapons.", "give rise to", "phrasal verb"),
        ("Economists expect sluggish demand to persist into the spring.", "sluggish demand", "adjective+noun"),
    ],
)  # fmt: skip
def test_phrases_are_found(text, phrase, pattern):
    assert phrases(text).get(phrase) == pattern


def test_a_phrase_keeps_the_article_s_form_and_gives_its_dictionary_form():
    lexicon = require_wordnet()
    text = "The deeper cooperation has given rise to the prospect of new weapons."
    item = next(i for i in find_vocabulary(sentences(text), "B2", lexicon=lexicon) if i.kind == "phrase")
    assert item.item == item.lemma == "give rise to"
    assert item.forms == ("given rise to",)
    assert "cause" in item.gloss


def test_a_coordinated_adjective_is_learned_alone():
    text = 'Pyongyang called them "the irresponsible and provocative remarks of Blinken".'
    found = find_vocabulary(sentences(text), "B2", lexicon=require_wordnet(), limit=50)
    assert "provocative" in {item.item for item in found if item.kind == "word"}
    assert not any("provocative" in item.item and item.kind == "phrase" for item in found)


def test_phrases_of_common_words_are_not_offered_to_advanced_learners():
    text = "They carried out the plan and shook hands with the mayor, and the meeting took place at noon."
    assert not phrases(text, "C1")


def test_the_advanced_word_is_not_listed_again_on_its_own():
    text = "China's constructive role matters. A constructive approach helps everyone."
    items = find_vocabulary(sentences(text), "B2", lexicon=require_wordnet(), limit=50)
    constructive = [item for item in items if "constructive" in item.lemma]
    assert len(constructive) == 1 and constructive[0].count == 2


def test_collocations_need_no_wordnet_but_phrasal_verbs_do():
    bare = Lexicon(None)
    assert "constructive role" in phrases("China plays a constructive role in the region.", lexicon=bare)
    assert "give rise to" not in phrases("The plan has given rise to new fears.", lexicon=bare)
