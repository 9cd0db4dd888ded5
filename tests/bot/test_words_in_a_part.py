"""The words of a part: a card per item (gloss, its sentence), "I know it" / "New to me" kept as
the learner's word status, shown on the button, and used when they read and bring articles;
/words lists the article's items."""
from __future__ import annotations

import pytest
from reading_steps import (
    OWN_ARTICLE,
    bring,
    expected_lesson,
    library,
    press_and_wait,
    shared_bot,
    word_statuses,
)

from bot.texts import text
from lessons.library import lesson_id_for
from vocab.pronunciation import ipa


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    """One bot for the module: every test is a new learner (starting a bot per test is slow)."""
    yield from shared_bot(tmp_path_factory.mktemp("words"))


@pytest.fixture(autouse=True)
def no_refusals(bot):
    yield
    assert bot.emu.refusals == []


def row_of(message, item: str) -> list[tuple[str, str]]:
    """The keyboard row of one item (its first button names it)."""
    [row] = [row for row in message.buttons if item in row[0][0]]
    return row


def start_reading(bot, learner, article: str):
    """Bring `article` and open its first part; returns that part's message."""
    bring(bot.emu, learner, article)
    [part] = press_and_wait(bot.emu, learner, text(learner_lang(learner), "article.start"))
    return part


def learner_lang(learner) -> str:
    return "ko" if learner.language_code == "ko" else "en"


def test_the_words_of_a_part_are_cards_with_gloss_and_sentence(bot, sample_text):
    emu = bot.emu
    learner = bot.learner()
    lesson = expected_lesson(sample_text)
    lesson_id = lesson_id_for(lesson, learner.id)
    start_reading(bot, learner, sample_text)
    [words] = press_and_wait(emu, learner, text("en", "reading.words"))

    items = [(i, item) for i, item in enumerate(lesson.vocabulary) if item.chunk == 0]
    assert len(items) >= 3
    assert words.text.startswith(f"Words in part 1/{len(lesson.chunks)}")
    for index, item in items:
        assert item.item in words.bold
        assert item.gloss and item.gloss in words.text
        assert item.sentence in words.entity_texts("italic")
        assert row_of(words, item.item) == [
            (f"✓ I know {item.item}", f"wk:{lesson_id}:{index}:k"),
            ("✗ New to me", f"wk:{lesson_id}:{index}:n"),
            ("🔊", f"px:{lesson_id}:{index}"),
        ]
    assert len(words.buttons) == len(items)
    assert len(words.text) < 4096


def test_i_know_it_and_new_to_me_are_kept_and_shown(bot, sample_text):
    emu = bot.emu
    learner = bot.learner()
    lesson = expected_lesson(sample_text)
    part = start_reading(bot, learner, sample_text)
    [words] = press_and_wait(emu, learner, text("en", "reading.words"))
    known, new = [item for item in lesson.vocabulary if item.chunk == 0][:2]

    callback = emu.press(learner, f"✓ I know {known.item}")
    assert emu.callback_answer(callback)["text"] == text("en", "words.noted_known", item=known.item)
    words = emu.wait_for_edit(words)
    assert row_of(words, known.item)[0][0] == f"✓ {known.item}: known"
    assert word_statuses(bot.data_dir, learner.id) == {known.lemma: "known"}

    emu.press_data(learner, words.message_id, row_of(words, new.item)[1][1])  # its "✗ New to me"
    words = emu.wait_for_edit(words)
    assert row_of(words, new.item)[0][0] == f"✗ {new.item}: new to me"
    assert word_statuses(bot.data_dir, learner.id) == {known.lemma: "known", new.lemma: "new"}

    # a choice can be changed: the chosen button switches to the other one
    emu.press(learner, f"✓ {known.item}: known")
    words = emu.wait_for_edit(words)
    assert row_of(words, known.item)[0][0] == f"✗ {known.item}: new to me"
    assert word_statuses(bot.data_dir, learner.id)[known.lemma] == "new"
    emu.press(learner, f"✗ {known.item}: new to me")
    emu.wait_for_edit(words)
    assert word_statuses(bot.data_dir, learner.id)[known.lemma] == "known"

    # a word the learner knows is no longer bold when they read the part again
    emu.send_text(learner, "/read")
    [again] = emu.wait_for_messages(learner)
    assert again.text == part.text
    bold_before = {b.lower() for b in part.bold}
    bold_now = {b.lower() for b in again.bold}
    assert set(known.forms) <= bold_before
    assert not set(known.forms) & bold_now
    assert set(new.forms) <= bold_now


def test_a_part_with_no_new_words_says_so(bot):
    emu = bot.emu
    learner = bot.learner("ko")
    start_reading(bot, learner, OWN_ARTICLE)
    press_and_wait(emu, learner, text("ko", "reading.next"))
    [last] = press_and_wait(emu, learner, text("ko", "reading.next"))
    assert last.text.startswith("파트 3/3")
    [words] = press_and_wait(emu, learner, text("ko", "reading.words"))
    assert words.html == text("ko", "words.none")
    assert words.buttons == []


def test_words_are_shown_in_korean_for_a_korean_learner(bot):
    emu = bot.emu
    learner = bot.learner("ko")
    lesson = expected_lesson(OWN_ARTICLE)
    start_reading(bot, learner, OWN_ARTICLE)
    [words] = press_and_wait(emu, learner, text("ko", "reading.words"))
    assert words.text.startswith("파트 1/3의 단어")
    assert "형용사" in words.text  # "pragmatic", an adjective
    first = next(item for item in lesson.vocabulary if item.chunk == 0)
    assert row_of(words, first.item)[0][0] == f"✓ {first.item} 알아요"


def test_words_lists_every_item_of_the_current_article(bot, sample_text):
    emu = bot.emu
    learner = bot.learner()
    lesson = expected_lesson(sample_text)
    start_reading(bot, learner, sample_text)
    [words] = press_and_wait(emu, learner, text("en", "reading.words"))
    first = next(item for item in lesson.vocabulary if item.chunk == 0)
    emu.press(learner, f"✓ I know {first.item}")
    emu.wait_for_edit(words)

    emu.send_text(learner, "/words")
    [listing] = emu.wait_for_messages(learner)
    lines = listing.text.splitlines()
    assert lines[0] == f"Words in {lesson.article.title} ({len(lesson.vocabulary)})"
    items = lines[2:]
    assert len(items) == len(lesson.vocabulary)
    for line, item in zip(items, lesson.vocabulary):
        spelled = ipa(item.item, item.lemma)  # the IPA, when the CMU dictionary has the item
        assert line.startswith(f"{item.item} /{spelled}/: {item.gloss}" if spelled else f"{item.item}: {item.gloss}")
        assert line.endswith("✓") == (item is first)


def test_words_with_no_article_says_how_to_bring_one(bot):
    learner = bot.learner()
    bot.emu.send_text(learner, "/words")
    [answer] = bot.emu.wait_for_messages(learner)
    assert answer.html == text("en", "reading.nothing_yet")


def test_words_the_learner_knows_are_left_out_of_their_next_article(bot):
    emu = bot.emu
    learner = bot.learner()
    lesson = expected_lesson(OWN_ARTICLE)
    start_reading(bot, learner, OWN_ARTICLE)
    [words] = press_and_wait(emu, learner, text("en", "reading.words"))
    known = next(item for item in lesson.vocabulary if item.chunk == 0)
    emu.press(learner, f"✓ I know {known.item}")
    emu.wait_for_edit(words)

    # the same story, another edition: a new lesson, without the word the learner knows
    edition = OWN_ARTICLE.replace("By Hannah Okafor", "By Hannah Okafor, updated")
    second = bring(emu, learner, edition)
    expected = expected_lesson(edition, known={known.lemma})
    assert known.lemma not in {item.lemma for item in expected.vocabulary}
    assert f"New words: {len(expected.vocabulary)}" in second.text
    assert len(library(bot.data_dir, learner.id)) == 2
    [part] = press_and_wait(emu, learner, text("en", "article.start"))
    assert not set(known.forms) & {b.lower() for b in part.bold}
    [words] = press_and_wait(emu, learner, text("en", "reading.words"))
    assert known.item not in words.bold
