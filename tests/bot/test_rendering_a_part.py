"""How a part, a word card and a word list are rendered: escaped text, whole-word bold, every
form and phrase, and messages that fit Telegram's 4,096 characters."""
from __future__ import annotations

import re

import pytest

from bot import render
from lessons.article import Article, Chunk, Lesson
from lessons.chunking import HARD_LIMIT
from vocab.items import Difficulty, VocabItem


def item(name: str, forms: tuple[str, ...] = (), *, lemma: str = "", chunk: int = 0, pos: str = "noun",
         gloss: str = "a gloss", sentence: str = "") -> VocabItem:
    return VocabItem(
        item=name, lemma=lemma or name, kind="phrase" if " " in name else "word", forms=forms or (name,),
        pos=pos, zipf=3.0, level="C1", count=1, sentence=sentence or f"A sentence with {name}.", chunk=chunk,
        gloss=gloss,
    )


def bolded(html_text: str) -> list[str]:
    return re.findall(r"<b>(.*?)</b>", html_text, re.S)


@pytest.mark.parametrize(
    "passage, items, expected",
    [
        # every form of an item, whatever its case
        ("Munitions and munition stores.", [item("munitions", ("munitions", "munition"))], ["Munitions", "munition"]),
        # whole words only: not inside another word
        ("The dilutes diluted dilutesx.", [item("dilute", ("dilutes",))], ["dilutes"]),
        # a phrase is bold as one stretch, before any of its words
        ("China's constructive role, a role.", [item("role"), item("constructive role")], ["constructive role", "role"]),
        # phrase words may be split over a line
        ("has given\nrise to it", [item("give rise to", ("given rise to",))], ["given\nrise to"]),
        # a possessive still shows its word
        ("the diplomat's car", [item("diplomat")], ["diplomat"]),
        # nothing to mark
        ("Nothing here.", [item("escalate")], []),
        ("Nothing here.", [], []),
    ],
)
def test_target_words_are_bold_as_whole_words(passage, items, expected):
    assert bolded(render.bold_targets(passage, items)) == expected


def test_the_text_is_escaped_before_words_are_bold():
    rendered = render.bold_targets("Tom & Jerry <script> amp munitions", [item("munitions"), item("amp")])
    assert rendered == "Tom &amp; Jerry &lt;script&gt; <b>amp</b> <b>munitions</b>"


def test_a_form_with_markup_characters_is_escaped_too():
    assert render.bold_targets("R&D spending", [item("R&D")]) == "<b>R&amp;D</b> spending"


def lesson_of(chunks: list[str], vocabulary: list[VocabItem], title: str = "Title") -> Lesson:
    return Lesson(
        article=Article(title=title, paragraphs=tuple(chunks)),
        chunks=tuple(Chunk(index=i, text=t, sentences=(t,)) for i, t in enumerate(chunks)),
        vocabulary=tuple(vocabulary),
        difficulty=Difficulty(score=55.0, level="B2", unknown_share=0.03),
    )


def test_the_longest_part_with_a_long_title_fits_one_message():
    chunk = ("Munitions & more <b> " * 400)[:HARD_LIMIT]
    lesson = lesson_of([chunk], [item("munitions")], title="A very long title " * 20)
    message = render.part_message(lesson, 0, lesson.vocabulary, "en")
    assert render.visible_length(message) <= render.MAX_MESSAGE_CHARS
    assert message.startswith("<b>Part 1/1</b> · A very long title")
    assert "…" in message.split("\n")[0]


def test_target_items_leave_out_known_lemmas():
    lesson = lesson_of(["text"], [item("munitions", lemma="munition"), item("escalate")])
    assert [i.item for i in render.target_items(lesson, {"munition"})] == ["escalate"]


def test_word_cards_of_a_part_fit_one_message_however_many():
    long_sentence = "word " * 400
    many = [item(f"item{i}", sentence=long_sentence, gloss="g" * 150) for i in range(40)]
    lesson = lesson_of(["text"], many)
    message, shown = render.words_in_part(lesson, 0, "en")
    assert render.visible_length(message) <= render.MAX_MESSAGE_CHARS
    assert shown and [i for i, _ in shown] == list(range(len(shown)))
    assert all(f"<b>{it.item}</b>" in message for _, it in shown)


def test_a_word_card_shows_gloss_part_of_speech_and_sentence():
    card = render.word_card(item("escalate", ("escalated",), pos="verb", gloss="increase in extent",
                                 sentence="Tensions escalated & grew."), "ko")
    assert card == "<b>escalate</b> /ˈeskəˌleɪt/ · 동사\nincrease in extent\n<i>Tensions <b>escalated</b> &amp; grew.</i>"


@pytest.mark.parametrize("name, lemma, shown", [
    ("munitions", "munition", " /mjuːˈnɪʃənz/"),
    ("constructive role", "constructive role", " /kənˈstrʌktɪv roʊl/"),  # a phrase, word by word
    ("xzqvords", "xzqvord", ""),  # not in the dictionary: no IPA, no empty slashes
])
def test_word_cards_and_the_word_list_show_the_ipa(name, lemma, shown):
    word = item(name, lemma=lemma)
    assert render.word_card(word, "en").startswith(f"<b>{name}</b>{shown} · ")
    [listed] = render.words_overview(lesson_of(["text"], [word]), set(), "en")
    assert f"<b>{name}</b>{shown}: a gloss" in listed


def test_a_part_without_items_has_no_cards():
    lesson = lesson_of(["one", "two"], [item("munitions", chunk=0)])
    assert render.words_in_part(lesson, 1, "en") == ("No new words in this part.", [])


@pytest.mark.parametrize(
    "blocks, limit, expected",
    [
        (["aaa", "bbb", "ccc"], 7, ["aaa\nbbb", "ccc"]),
        (["<b>aaa</b>", "bbb"], 7, ["<b>aaa</b>\nbbb"]),  # tags do not count
        (["aaaa"], 3, ["aaaa"]),  # a block longer than the limit still goes out alone
        ([], 10, []),
    ],
)
def test_long_lists_are_split_between_lines(blocks, limit, expected):
    assert render.split_message(blocks, limit=limit) == expected


def test_a_long_word_list_is_split_into_messages_that_fit():
    many = [item(f"item{i}", gloss="a rather long gloss " * 8) for i in range(40)]
    messages = render.words_overview(lesson_of(["text"], many), set(), "en")
    assert len(messages) > 1
    assert all(render.visible_length(m) <= render.MAX_MESSAGE_CHARS for m in messages)
    assert sum(m.count("<b>item") for m in messages) == 40


@pytest.mark.parametrize(
    "share, label",
    [(0.0, "easy"), (0.02, "easy"), (0.021, "stretch"), (0.05, "stretch"), (0.051, "hard"), (0.3, "hard")],
)
def test_difficulty_for_the_learner_follows_the_share_of_unknown_words(share, label):
    assert render.difficulty_for_learner(Difficulty(score=50, level="B2", unknown_share=share)) == label
