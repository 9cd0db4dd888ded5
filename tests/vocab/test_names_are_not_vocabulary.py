"""Names of people, places and organisations, abbreviations, numbers and foreign words are never vocabulary."""
from __future__ import annotations

import pytest
from vocab_texts import ECONOMICS, SCIENCE, SPORTS, sentences

from vocab import find_vocabulary
from vocab.lexicon import load_lexicon
from vocab.words import read_text

ARTICLES = {
    "science": (SCIENCE, {"nairobi", "wanjiru", "otieno", "mombasa", "kenya", "kenyan", "frontiers", "gates",
                          "microbiology", "university", "foundation"},
                {"sediment", "landfill", "microbe", "microbes", "enzyme"}),
    "economics": (ECONOMICS, {"bundesbank", "germany", "joachim", "nagel", "frankfurt", "commerzbank", "china",
                              "berlin", "tuesday"},
                  {"sluggish", "curtail", "downturn", "recession", "subdued", "streamline"}),
    "sports": (SPORTS, {"kylian", "okafor", "brentford", "everton", "gtech", "community", "stadium", "lyon",
                        "dwight", "mcneil", "thomas", "frank", "august", "saturday"},
               {"volley", "relegation", "ferocious", "resilience", "bolster", "languish", "concede"}),
}  # fmt: skip


@pytest.mark.parametrize("topic", ARTICLES)
@pytest.mark.parametrize("level", ["A2", "B2", "C1"])
def test_names_are_never_picked(topic, level):
    text, names, _ = ARTICLES[topic]
    items = find_vocabulary(sentences(text), level, limit=100)
    for item in items:
        assert not (set(item.item.split()) | set(item.lemma.split())) & names, item


@pytest.mark.parametrize("topic", ARTICLES)
def test_plausible_words_are_picked(topic):
    text, _, expected = ARTICLES[topic]
    picked = set()
    for item in find_vocabulary(sentences(text), "B2"):
        picked.update(item.item.split())
        picked.update(item.lemma.split())
    assert len(picked & expected) >= 3, picked


def kinds(sentence_list, lexicon=None):
    return {w.text: w.kind for words in read_text(sentence_list, lexicon) for w in words}


@pytest.mark.parametrize(
    "text, word, kind",
    [
        # capitalised away from the sentence start every time: a name, even when also a common word
        (["The minister met Park Jin in Seoul.", "Park Jin said the talks went well."], "Park", "name"),
        (["Officials in Pyongyang said nothing.", "Pyongyang later issued a statement."], "Pyongyang", "name"),
        # only at sentence starts, and no dictionary knows it: a name
        (["Okonkwo scored twice.", "The crowd cheered."], "Okonkwo", "name"),
        # only at sentence starts, and a dictionary knows it: a common word
        (["Moreover, the plan failed.", "It was late."], "Moreover", "word"),
        (["Sediment collected near the river.", "It was dark."], "Sediment", "word"),
        # a lowercase occurrence anywhere makes it a common word
        (["Mr Frank gave a talk.", "His answer was frank and clear."], "Frank", "word"),
        # a capital word at a sentence start right before a name is part of the name
        (["Antony Blinken said so.", "Later Blinken left."], "Antony", "name"),
        # abbreviations, numbers and words in another script
        (["The US and the UN met in 2023.", "NATO agreed."], "US", "abbreviation"),
        (["The US and the UN met in 2023.", "NATO agreed."], "NATO", "abbreviation"),
        (["The US and the UN met in 2023.", "NATO agreed."], "2023", "number"),
        (["지나쌤 said the lesson was good."], "지나쌤", "foreign"),
    ],
)
def test_what_a_word_is(text, word, kind):
    assert kinds(text, load_lexicon())[word] == kind


def test_a_title_cased_headline_is_no_evidence_of_names():
    found = kinds(["Scientists Discover Enzyme That Breaks Down Plastic", "The enzyme works fast."])
    assert found["Enzyme"] == "word" and found["Scientists"] == "word"


def test_names_known_to_wordnet_only_as_names_are_names():
    lexicon = load_lexicon()
    if not lexicon.available:
        pytest.skip(lexicon.hint)
    assert lexicon.only_proper_noun("Moscow") and lexicon.only_proper_noun("Putin")
    assert not lexicon.only_proper_noun("park") and not lexicon.only_proper_noun("munitions")
    assert kinds(["Moscow responded quickly.", "It was cold."], lexicon)["Moscow"] == "name"
