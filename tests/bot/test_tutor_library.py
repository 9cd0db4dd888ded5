"""A tutor adds articles to their library (/add, then a paste, a file or a link), lists them
(/library), and edits an article's word list (/wordlist, /addword, /removeword, /gloss, ✗);
nobody else can touch it, and bad input gets one clear answer with nothing changed."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from reading_steps import (
    OWN_ARTICLE,
    OWN_PARAGRAPHS,
    OWN_TITLE,
    current_reading,
    expected_lesson,
    learner_file,
    library,
    make_docx,
    restart,
    shared_bot,
)

from bot.handlers.library_views import added_preview, item_check
from bot.store.schema import LESSONS_DIR
from bot.texts import text
from lessons.article import Lesson
from lessons.library import lesson_id_for
from tests.conftest import article_page

CLOCK_FILE = "clock.txt"
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
WAIT = 20.0
EDIT_WORDS, ASSIGN, START = text("en", "library.edit_words"), text("en", "library.assign"), text("en", "article.start")


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    """One bot for the module, its clock set by a file: every test is a new tutor."""
    directory = tmp_path_factory.mktemp("library")
    (directory / CLOCK_FILE).write_text(NOW.isoformat(), encoding="utf-8")
    yield from shared_bot(directory, first_user=7001, CLOCK_FILE=CLOCK_FILE)


@pytest.fixture(autouse=True)
def no_refusals(bot):
    yield
    assert bot.emu.refusals == []


def set_clock(bot, moment: datetime) -> None:
    (bot.data_dir.parent / CLOCK_FILE).write_text(moment.isoformat(), encoding="utf-8")


def stored_lesson(data_dir: Path, lesson_id: str) -> Lesson:
    doc = json.loads((data_dir / LESSONS_DIR / lesson_id[:2] / f"{lesson_id}.json").read_text(encoding="utf-8"))
    return Lesson.from_dict(doc["lesson"]["1"]["lesson"])


def say(emu, user, message: str, count: int = 1):
    """Send a message and return the bot's `count` answers."""
    emu.send_text(user, message)
    return emu.wait_for_messages(user, count, timeout=WAIT)


def add_article(emu, user, article: str):
    """/add, then paste the article: returns the preview."""
    [prompt] = say(emu, user, "/add")
    assert prompt.has_button(text("en", "library.cancel"))
    [preview] = say(emu, user, article)
    return preview


@pytest.fixture(scope="module")
def herald_tutor(bot, sample_text):
    """A tutor with the sample article in their library: (user, lesson id)."""
    tutor = bot.learner(name="Jina")
    preview = add_article(bot.emu, tutor, sample_text)
    return tutor, preview.button(EDIT_WORDS).rpartition(":")[2]


# -- adding ------------------------------------------------------------------------------------

@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_an_article_sent_after_add_goes_into_the_library_with_a_preview(bot, language_code, lang):
    emu = bot.emu
    tutor = bot.learner(language_code, "Jina")
    [prompt] = say(emu, tutor, "/add")
    assert prompt.html == text(lang, "library.add_prompt", minutes=10)
    [preview] = say(emu, tutor, OWN_ARTICLE)

    lesson = expected_lesson(OWN_ARTICLE)  # at B2 (the tutor chose no level), nothing left out
    lesson_id = lesson_id_for(lesson, tutor.id)
    body, _ = added_preview(lesson, lesson_id, 1, lang)
    assert preview.html == body
    assert OWN_TITLE in preview.text and "3" in preview.text
    assert preview.button(text(lang, "library.edit_words")) == f"lb:open:{lesson_id}"
    assert preview.button(text(lang, "library.assign")) == f"as:pick:{lesson_id}"
    assert library(bot.data_dir, tutor.id) == [lesson_id]
    assert current_reading(bot.data_dir, tutor.id) is None  # not the tutor's own reading
    assert learner_file(bot.data_dir, tutor.id)["desk"]["1"] == {"adding_since": None, "open_lesson": lesson_id}
    assert stored_lesson(bot.data_dir, lesson_id) == lesson


def test_a_file_sent_after_add_goes_into_the_library(bot):
    emu = bot.emu
    tutor = bot.learner(name="Minho")
    say(emu, tutor, "/add")
    emu.send_document(tutor, "libraries.docx", make_docx(OWN_TITLE, OWN_PARAGRAPHS))
    [preview] = emu.wait_for_messages(tutor, timeout=WAIT)
    assert OWN_TITLE in preview.text and preview.has_button(EDIT_WORDS) and not preview.has_button(START)
    [lesson_id] = library(bot.data_dir, tutor.id)
    assert preview.button(EDIT_WORDS) == f"lb:open:{lesson_id}"
    assert current_reading(bot.data_dir, tutor.id) is None


def test_add_with_a_link_adds_the_page_in_one_step(bot, site):
    emu = bot.emu
    tutor = bot.learner(name="Sujin")
    url = site.add("/news/libraries", article_page(OWN_TITLE, OWN_PARAGRAPHS))
    [preview] = say(emu, tutor, f"/add {url}")
    assert OWN_TITLE in preview.text and preview.has_button(EDIT_WORDS)
    assert len(library(bot.data_dir, tutor.id)) == 1
    assert current_reading(bot.data_dir, tutor.id) is None
    assert learner_file(bot.data_dir, tutor.id).get("desk", {}).get("1", {}).get("adding_since") is None


def test_a_refused_article_leaves_add_waiting_for_a_better_one(bot):
    emu = bot.emu
    tutor = bot.learner(name="Dami")
    say(emu, tutor, "/add")
    [refusal] = say(emu, tutor, " ".join(["The quick brown fox jumps."] * 4))  # 20 words: too short
    assert refusal.html == text("en", "article.error.too_short", min_words=80)
    assert library(bot.data_dir, tutor.id) == []
    [preview] = say(emu, tutor, OWN_ARTICLE)
    assert preview.has_button(EDIT_WORDS)


def test_chatter_after_add_is_not_taken_for_the_article(bot):
    emu = bot.emu
    tutor = bot.learner(name="Bora")
    say(emu, tutor, "/add")
    [answer] = say(emu, tutor, "one moment please")
    assert answer.html == text("en", "fallback.chatter")
    assert add_article(emu, tutor, OWN_ARTICLE).has_button(EDIT_WORDS)


def test_cancel_stops_waiting_and_the_next_article_is_the_tutors_own_reading(bot):
    emu = bot.emu
    tutor = bot.learner(name="Hyun")
    [prompt] = say(emu, tutor, "/add")
    emu.press(tutor, text("en", "library.cancel"), message=prompt)
    assert emu.wait_for_edit(prompt).html == text("en", "library.cancelled")
    [preview] = say(emu, tutor, OWN_ARTICLE)
    assert preview.has_button(START) and not preview.has_button(EDIT_WORDS)
    assert current_reading(bot.data_dir, tutor.id) is not None


def test_add_waits_ten_minutes_then_an_article_is_the_tutors_own_reading(bot):
    emu = bot.emu
    tutor = bot.learner(name="Yerin")
    say(emu, tutor, "/add")
    set_clock(bot, NOW + timedelta(minutes=11))
    try:
        [preview] = say(emu, tutor, OWN_ARTICLE)
    finally:
        set_clock(bot, NOW)
    assert preview.has_button(START) and not preview.has_button(EDIT_WORDS)
    assert learner_file(bot.data_dir, tutor.id)["desk"]["1"]["adding_since"] is None


def test_add_is_still_waiting_after_a_restart(running_bot):
    emu = running_bot.emu
    tutor = emu.user(7901, "Jina")
    emu.send_text(tutor, "/add")
    emu.wait_for_messages(tutor, timeout=WAIT)
    restart(running_bot)
    emu.wait_for_poll(timeout=20)
    emu.send_text(tutor, OWN_ARTICLE)
    [preview] = emu.wait_for_messages(tutor, timeout=WAIT)
    assert preview.has_button(EDIT_WORDS)


# -- the library -------------------------------------------------------------------------------

def test_library_lists_the_articles_numbered_with_a_button_to_each_word_list(bot, site):
    emu = bot.emu
    tutor = bot.learner(name="Seoyeon")
    [empty] = say(emu, tutor, "/library")
    assert empty.html == text("en", "library.empty") and not empty.buttons
    first = add_article(emu, tutor, OWN_ARTICLE).button(EDIT_WORDS).rpartition(":")[2]
    other = article_page("Rivers run dry", ["The river " + "flowed slowly past the ancient mills and meadows. " * 20])
    [second] = say(emu, tutor, f"/add {site.add('/rivers', other)}")
    second_id = second.button(EDIT_WORDS).rpartition(":")[2]

    [listing] = say(emu, tutor, "/library")
    assert listing.text.index(f"1. {OWN_TITLE}") < listing.text.index("2. Rivers run dry")
    assert "parts: 3" in listing.text and "added 2024-03-01" in listing.text
    assert listing.button("✏️ 1") == f"lb:open:{first}" and listing.button("✏️ 2") == f"lb:open:{second_id}"
    emu.press(tutor, "✏️ 1", message=listing)
    [words] = emu.wait_for_messages(tutor, timeout=WAIT)
    assert OWN_TITLE in words.text and "(no. 1)" in words.text
    assert learner_file(bot.data_dir, tutor.id)["desk"]["1"]["open_lesson"] == first


# -- editing the word list ---------------------------------------------------------------------

def test_a_tutor_gloss_shows_in_the_word_list(bot, herald_tutor):
    emu, (tutor, lesson_id) = bot.emu, herald_tutor
    [answer] = say(emu, tutor, "/gloss munitions 군수품")
    assert answer.html == text("en", "wordlist.glossed", item="munitions", gloss="군수품")
    [words] = say(emu, tutor, "/wordlist")
    line = next(line for line in words.html.splitlines() if "<b>munitions</b>" in line)
    assert line.endswith(": weapons considered collectively · ✍️ <i>군수품</i>")
    stored = stored_lesson(bot.data_dir, lesson_id)
    assert {v.lemma: v.tutor_gloss for v in stored.vocabulary}["munition"] == "군수품"


def test_a_phrase_gets_a_gloss_and_a_dash_takes_it_away(bot, herald_tutor):
    emu, (tutor, lesson_id) = bot.emu, herald_tutor
    say(emu, tutor, "/gloss constructive role 건설적인 역할")
    glossed = {v.item: v.tutor_gloss for v in stored_lesson(bot.data_dir, lesson_id).vocabulary}
    assert glossed["constructive role"] == "건설적인 역할"
    [answer] = say(emu, tutor, "/gloss constructive role -")
    assert answer.html == text("en", "wordlist.gloss_cleared", item="constructive role")
    glossed = {v.item: v.tutor_gloss for v in stored_lesson(bot.data_dir, lesson_id).vocabulary}
    assert glossed["constructive role"] == ""


def test_a_gloss_for_a_word_of_the_article_not_on_the_list_adds_it(bot, herald_tutor):
    emu, (tutor, lesson_id) = bot.emu, herald_tutor
    listed = {v.lemma for v in stored_lesson(bot.data_dir, lesson_id).vocabulary}
    assert "summit" not in listed  # in the article ("the rare September summit"), not picked at B2
    [answer] = say(emu, tutor, "/gloss summit 정상 회담")
    assert answer.html == "\n".join([text("en", "wordlist.added_for_gloss", item="summit"),
                                      text("en", "wordlist.glossed", item="summit", gloss="정상 회담")])
    stored = {v.lemma: v for v in stored_lesson(bot.data_dir, lesson_id).vocabulary}
    assert stored["summit"].from_tutor and stored["summit"].tutor_gloss == "정상 회담"


def test_removeword_and_addword_change_the_list(bot, herald_tutor):
    emu, (tutor, lesson_id) = bot.emu, herald_tutor
    before = stored_lesson(bot.data_dir, lesson_id)
    [removed] = say(emu, tutor, "/removeword escalate")
    assert "escalate" in removed.text
    [added] = say(emu, tutor, "/addword arms deal")
    assert "arms deal" in added.text and "a deal to provide military arms" in added.text
    after = stored_lesson(bot.data_dir, lesson_id)
    assert [v.lemma for v in after.vocabulary] == [*(v.lemma for v in before.vocabulary if v.lemma != "escalate"), "arms deal"]
    assert after.removed == ("escalate",) and after.vocabulary[-1].from_tutor
    [words] = say(emu, tutor, "/wordlist")
    assert "arms deal ➕" in words.text and "escalate" not in words.text.split("Taken off the list")[0]
    assert "Taken off the list: escalate" in words.text


@pytest.mark.parametrize("command, key, values", [
    ("/addword banana", "wordlist.error.not_in_text", {"word": "banana"}),
    ("/addword the two sides discussed ways", "wordlist.error.too_long", {"max": 4}),
    ("/addword provocative", "wordlist.error.already_listed", {"word": "provocative"}),
    ("/addword", "wordlist.usage.addword", {}),
    ("/removeword banana", "wordlist.error.not_in_list", {"word": "banana"}),
    ("/removeword 99", "wordlist.error.not_in_list", {"word": "99"}),
    ("/removeword", "wordlist.usage.removeword", {}),
    ("/gloss", "wordlist.usage.gloss", {}),
    ("/gloss munitions", "wordlist.usage.gloss", {}),
    ("/gloss banana 바나나", "wordlist.error.not_in_list", {"word": "banana"}),
    ("/gloss munitions " + "군" * 81, "wordlist.error.gloss_too_long", {"max": 80}),
    ("/wordlist #9", "library.no_such_number", {"number": "9"}),
    ("/gloss #9 munitions 군수품", "library.no_such_number", {"number": "9"}),
])
def test_bad_word_list_commands_get_one_clear_answer_and_change_nothing(bot, herald_tutor, command, key, values):
    emu, (tutor, lesson_id) = bot.emu, herald_tutor
    path = bot.data_dir / LESSONS_DIR / lesson_id[:2] / f"{lesson_id}.json"
    before = path.read_bytes()
    [answer] = say(emu, tutor, command)
    title = "Pyongyang reconfirms stronger ties with Russia despite warning"
    assert answer.html == text("en", key, title=title, **values)
    assert path.read_bytes() == before


def test_the_remove_button_takes_the_item_off_and_shows_the_list_again(bot, sample_text):
    emu = bot.emu
    tutor = bot.learner(name="Nari")
    lesson_id = add_article(emu, tutor, sample_text).button(EDIT_WORDS).rpartition(":")[2]
    [words] = say(emu, tutor, "/wordlist")
    first = stored_lesson(bot.data_dir, lesson_id).vocabulary[0]
    assert words.button("✗ 1") == f"wl:rm:{lesson_id}:0:{item_check(first)}"
    callback = emu.press(tutor, "✗ 1", message=words)
    assert emu.callback_answer(callback)["text"] == text("en", "wordlist.pressed_removed", item=first.item)
    edited = emu.wait_for_edit(words)
    assert f"<b>{first.item}</b>" not in edited.html
    assert first.lemma not in [v.lemma for v in stored_lesson(bot.data_dir, lesson_id).vocabulary]
    # the same button again names an item that is not there any more: nothing else is removed
    count = len(stored_lesson(bot.data_dir, lesson_id).vocabulary)
    stale = emu.press_data(tutor, words.message_id, f"wl:rm:{lesson_id}:0:{item_check(first)}")
    assert emu.callback_answer(stale)["text"] == text("en", "wordlist.changed")
    assert len(stored_lesson(bot.data_dir, lesson_id).vocabulary) == count


# -- nobody else ---------------------------------------------------------------------------------

def test_another_user_can_neither_open_nor_edit_the_article(bot, herald_tutor):
    emu, (owner, lesson_id) = bot.emu, herald_tutor
    path = bot.data_dir / LESSONS_DIR / lesson_id[:2] / f"{lesson_id}.json"
    before = path.read_bytes()
    item = stored_lesson(bot.data_dir, lesson_id).vocabulary[0]
    other = bot.learner(name="Mallory")
    [empty] = say(emu, other, "/library")
    refused = text("en", "library.refused")
    for data in (f"lb:open:{lesson_id}", "lb:open:000000000000",
                 f"wl:rm:{lesson_id}:0:{item_check(item)}", f"wl:rm:000000000000:0:{item_check(item)}"):
        callback = emu.press_data(other, empty.message_id, data)
        assert emu.callback_answer(callback)["text"] == refused  # the same answer: nothing leaks
    for command in ("/gloss munitions 군수품", "/removeword munitions", "/addword arms deal", "/wordlist",
                    "/wordlist 1"):
        [answer] = say(emu, other, command)
        assert answer.html == text("en", "library.empty")
    assert path.read_bytes() == before
    assert emu.unanswered_callbacks() == []


def test_a_tutors_commands_act_on_their_own_article_only(bot, herald_tutor):
    emu, (owner, lesson_id) = bot.emu, herald_tutor
    before = (bot.data_dir / LESSONS_DIR / lesson_id[:2] / f"{lesson_id}.json").read_bytes()
    other = bot.learner(name="Trent")
    mine = add_article(emu, other, OWN_ARTICLE).button(EDIT_WORDS).rpartition(":")[2]
    [answer] = say(emu, other, "/gloss #2 munitions 군수품")  # the other tutor's article is no number of theirs
    assert answer.html == text("en", "library.no_such_number", number="2")
    [answer] = say(emu, other, "/gloss munitions 군수품")  # their own article has no "munitions"
    assert answer.html == text("en", "wordlist.error.not_in_list", word="munitions", title=OWN_TITLE)
    assert (bot.data_dir / LESSONS_DIR / lesson_id[:2] / f"{lesson_id}.json").read_bytes() == before
    assert stored_lesson(bot.data_dir, mine).vocabulary == expected_lesson(OWN_ARTICLE).vocabulary


def test_library_commands_in_a_group_point_to_the_private_chat(bot):
    emu = bot.emu
    tutor = bot.learner(name="Gyu")
    group = emu.group(-9001, "Thursday B2", members=[tutor])
    for command in ("/add", "/library", "/wordlist", "/gloss munitions 군수품"):
        emu.send_text(tutor, command, chat=group)
        [pointer] = emu.wait_for_messages(group, timeout=WAIT)
        assert pointer.html == text("en", "group.go_private", name="Gyu")
    assert library(bot.data_dir, tutor.id) == []
