"""Reading an article part by part: one message per part with the learner's words in bold, Next
part until the quiz, /read resuming where the learner stopped (after a restart too), and
buttons that are forged or stale answered without changing anything."""
from __future__ import annotations

import re

import pytest
from reading_steps import (
    OWN_ARTICLE,
    bring,
    current_reading,
    expected_lesson,
    press_and_wait,
    restart,
    shared_bot,
)

from bot import render
from bot.texts import text
from lessons.library import lesson_id_for

MAX_MESSAGE = 4096


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    """One bot for the module: every test is a new learner (starting a bot per test is slow)."""
    yield from shared_bot(tmp_path_factory.mktemp("reading"))


@pytest.fixture(autouse=True)
def no_refusals(request):
    yield
    if "bot" in request.fixturenames:
        assert request.getfixturevalue("bot").emu.refusals == []


def forms_in(passage: str, lesson) -> set[str]:
    """The item forms that occur in `passage` as whole words (lower case)."""
    found = set()
    for item in lesson.vocabulary:
        for form in item.forms:
            words = r"\s+".join(map(re.escape, form.split()))
            found |= {m.group(0).lower() for m in re.finditer(rf"(?<!\w){words}(?!\w)", passage, re.I)}
    return found


@pytest.mark.parametrize("language_code, lang, part_word", [("en", "en", "Part"), ("ko", "ko", "파트")])
def test_reading_the_sample_part_by_part(bot, sample_text, language_code, lang, part_word):
    emu = bot.emu
    learner = bot.learner(language_code)
    lesson = expected_lesson(sample_text)
    lesson_id = lesson_id_for(lesson, learner.id)
    total = len(lesson.chunks)
    preview = bring(emu, learner, sample_text)

    shown = []
    label = text(lang, "article.start")
    for part, chunk in enumerate(lesson.chunks):
        [message] = press_and_wait(emu, learner, label)
        shown.append(message)
        assert message.text.startswith(f"{part_word} {part + 1}/{total} · {lesson.article.title}")
        assert chunk.text in message.text
        assert message.html == render.part_message(lesson, part, lesson.vocabulary, lang)
        assert len(message.text) < MAX_MESSAGE
        bold = [b.lower() for b in message.bold if not b.startswith(part_word)]
        assert set(bold) == forms_in(chunk.text, lesson) != set()
        stored = current_reading(bot.data_dir, learner.id)
        assert (stored["lesson_id"], stored["part"], stored["parts_read"]) == (lesson_id, part, list(range(part + 1)))
        label = text(lang, "reading.next")
        if part + 1 < total:
            assert message.button_labels == [text(lang, "reading.next"), text(lang, "reading.words")]
            assert stored["finished_at"] is None
        else:  # the last part: the quiz instead of Next part, and the reading is finished
            assert message.button_labels == [text(lang, "reading.quiz"), text(lang, "reading.words")]
            assert message.button(text(lang, "reading.quiz")) == f"qz:{lesson_id}"
            assert stored["finished_at"] is not None

    # Start reading and each Next part were taken off once pressed; the words stay at hand
    assert emu.message(learner, preview.message_id).buttons == []
    for earlier in shown[:-1]:
        assert emu.message(learner, earlier.message_id).button_labels == [text(lang, "reading.words")]
    assert len(emu.messages(learner)) == 1 + total


def test_an_article_of_three_parts_is_read_to_the_end(bot):
    emu = bot.emu
    learner = bot.learner()
    lesson = expected_lesson(OWN_ARTICLE)
    assert len(lesson.chunks) == 3
    bring(emu, learner, OWN_ARTICLE)
    [first] = press_and_wait(emu, learner, text("en", "article.start"))
    [second] = press_and_wait(emu, learner, text("en", "reading.next"))
    [third] = press_and_wait(emu, learner, text("en", "reading.next"))
    assert [m.text.split(" · ")[0] for m in (first, second, third)] == ["Part 1/3", "Part 2/3", "Part 3/3"]
    assert "dwindling budgets" in [b.lower() for b in first.bold]
    assert [b for b in third.bold if not b.startswith("Part")] == []  # plain words only
    assert current_reading(bot.data_dir, learner.id)["finished_at"] is not None


def test_read_with_no_article_says_how_to_bring_one(bot):
    learner = bot.learner("ko")
    bot.emu.send_text(learner, "/read")
    [answer] = bot.emu.wait_for_messages(learner)
    assert answer.html == text("ko", "reading.nothing_yet")


def test_read_resumes_where_the_learner_stopped_after_a_restart(running_bot):
    emu = running_bot.emu
    learner = emu.user(1001, "Minji")
    lesson = expected_lesson(OWN_ARTICLE)
    bring(emu, learner, OWN_ARTICLE)
    press_and_wait(emu, learner, text("en", "article.start"))
    [second] = press_and_wait(emu, learner, text("en", "reading.next"))

    restart(running_bot)
    emu.send_text(learner, "/read")
    [resumed] = emu.wait_for_messages(learner, timeout=20)
    assert resumed.html == second.html  # part 2 again, words in bold as before
    assert resumed.button_labels == [text("en", "reading.next"), text("en", "reading.words")]

    [third] = press_and_wait(emu, learner, text("en", "reading.next"))
    assert third.text.startswith("Part 3/3")
    emu.send_text(learner, "/read")  # the whole article is read: the quiz, or read it again
    [finished] = emu.wait_for_messages(learner)
    assert finished.html == text("en", "reading.finished", title=lesson.article.title)
    assert finished.button_labels == [text("en", "reading.quiz"), text("en", "reading.again")]
    [again] = press_and_wait(emu, learner, text("en", "reading.again"))
    assert again.text.startswith("Part 1/3")
    assert current_reading(running_bot.data_dir, learner.id)["finished_at"] is not None  # finished stays
    emu.send_text(learner, "/read")
    assert emu.wait_for_messages(learner)[0].html == again.html


def forged_presses(lesson_id: str) -> list[str]:
    return [
        f"rd:{lesson_id}:9",  # no such part
        f"rd:{lesson_id}:-1",
        f"rd:{lesson_id}:x",
        f"rd:{lesson_id}",
        f"rd:{lesson_id}:0:0",
        "rd:000000000000:0",  # no such lesson
        "rd:../../etc:0",
        f"wd:{lesson_id}:7",
        f"wk:{lesson_id}:99:k",  # no such item
        f"wk:{lesson_id}:0:x",  # no such choice
        f"wk:{lesson_id}:0",
    ]


def test_forged_buttons_are_answered_and_change_nothing(bot, sample_text):
    emu = bot.emu
    learner = bot.learner()
    lesson_id = lesson_id_for(expected_lesson(sample_text), learner.id)
    bring(emu, learner, sample_text)
    [part] = press_and_wait(emu, learner, text("en", "article.start"))
    before = current_reading(bot.data_dir, learner.id)
    for data in forged_presses(lesson_id):
        answer = emu.callback_answer(emu.press_data(learner, part.message_id, data))
        assert answer["text"] == text("en", "reading.stale"), data
    assert current_reading(bot.data_dir, learner.id) == before
    assert len(emu.messages(learner)) == 2  # the preview and part 1: nothing more was sent
    assert emu.message(learner, part.message_id).buttons == part.buttons


def test_another_learners_lesson_cannot_be_read_by_its_buttons(bot, sample_text):
    emu = bot.emu
    owner, other = bot.learner(), bot.learner("ko")
    lesson_id = lesson_id_for(expected_lesson(sample_text), owner.id)
    bring(emu, owner, sample_text)
    emu.send_text(other, "/read")
    [nothing] = emu.wait_for_messages(other)
    for data in (f"rd:{lesson_id}:0", f"wd:{lesson_id}:0", f"wk:{lesson_id}:0:k"):
        answer = emu.callback_answer(emu.press_data(other, nothing.message_id, data))
        assert answer["text"] == text("ko", "reading.stale")
    assert current_reading(bot.data_dir, other.id) is None
    assert len(emu.messages(other)) == 1


def test_buttons_of_an_article_no_longer_read_are_stale(bot, sample_text):
    emu = bot.emu
    learner = bot.learner()
    bring(emu, learner, sample_text)
    [old_part] = press_and_wait(emu, learner, text("en", "article.start"))
    bring(emu, learner, OWN_ARTICLE)  # a new article is now the current reading
    current = current_reading(bot.data_dir, learner.id)
    for label in (text("en", "reading.next"), text("en", "reading.words")):
        callback = emu.press(learner, label, message=old_part)
        assert emu.callback_answer(callback)["text"] == text("en", "reading.stale")
    assert current_reading(bot.data_dir, learner.id) == current
    assert len(emu.messages(learner)) == 3
