"""/review through the emulator with the real bot: words marked "New to me" and missed in the quiz
come back the next day (the bot's clock moved through CLOCK_FILE, never slept), one card at a
time, shown then rated, and the session ends with what was reviewed and when the next words are
due; nothing due gets a clear answer; forged and stale presses are refused kindly; a restart
puts the card on screen back."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from quiz_learner import CLOCK_FILE, WAIT, QuizTaker, kill_and_restart, lay_down_reader, sample_lesson, set_clock
from reading_steps import bring, expected_lesson, learner_file, press_and_wait

from bot.store import Store
from bot.texts import text
from lessons.library import lesson_id_for
from vocab.progress import WordStatus
from vocab.review import new_card, review

START = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
NEXT_DAY = START + timedelta(days=1, hours=1)
SHOW = text("en", "review.show")

pytestmark = pytest.mark.bot_env(CLOCK_FILE=CLOCK_FILE)


@pytest.fixture(autouse=True)
def clock(tmp_path):
    set_clock(tmp_path, START)


def buttons(message) -> list[str]:
    return [label for row in message.buttons for label, _ in row]


def is_summary(message) -> bool:
    return "Review done" in message.text


def go_through(emu, user, screen, rating: str = "Good", poll_right: bool = True):
    """Take the review from `screen` to its summary: Show then `rating` on each card, each poll
    answered right (or wrong); returns the summary and every screen seen (cards, answers, polls)."""
    seen = []
    for _ in range(100):
        seen.append(screen)
        if screen.poll:
            right = screen.poll["correct_option_id"]
            emu.answer_poll(user, screen, [right if poll_right else (right + 1) % len(screen.poll["options"])])
            [screen] = emu.wait_for_messages(user, timeout=WAIT)
        elif SHOW in buttons(screen):
            emu.press(user, SHOW, message=screen)
            screen = emu.wait_for_edit(screen, timeout=WAIT)
        elif rating in buttons(screen):
            emu.press(user, rating, message=screen)
            screen = emu.wait_for_edit(screen, timeout=WAIT)
        elif is_summary(screen):
            return screen, seen
        else:  # a rated card's line, and a poll comes next
            [screen] = emu.wait_for_messages(user, timeout=WAIT)
    raise AssertionError("the review did not end")


def stored_cards(data_dir, user_id) -> dict[str, dict]:
    return learner_file(data_dir, user_id).get("cards", {})


def test_words_new_to_me_and_missed_in_the_quiz_come_back_the_next_day(running_bot, sample_text, tmp_path):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    minji = emu.user(2001, "Minji")
    lesson = expected_lesson(sample_text)
    lesson_id = lesson_id_for(lesson, minji.id)

    # read the article's first part and mark one of its words "New to me"
    bring(emu, minji, sample_text)
    press_and_wait(emu, minji, text("en", "article.start"))
    [words] = press_and_wait(emu, minji, text("en", "reading.words"))
    new_index, new_item = next((i, item) for i, item in enumerate(lesson.vocabulary) if item.chunk == 0)
    emu.callback_answer(emu.press_data(minji, words.message_id, f"wk:{lesson_id}:{new_index}:n"))
    assert set(stored_cards(data_dir, minji.id)) == {new_item.lemma}

    # the quiz: every other poll is answered wrongly (and the fourth typed answer, if there is one)
    emu.send_text(minji, "/quiz")
    taker = QuizTaker(emu, minji, lesson)
    taker.take(polls_right=lambda n: n % 2 == 1)
    missed = {a.lemma for a in taker.answered if not a.correct}
    right_only = {a.lemma for a in taker.answered if a.correct} - missed - {new_item.lemma}
    assert missed
    cards = stored_cards(data_dir, minji.id)
    assert set(cards) == missed | {new_item.lemma}, "a card for each word new to me or missed, one per word"
    assert not right_only & set(cards), "a word answered right is no card"
    for lemma in missed - {new_item.lemma}:
        assert datetime.fromisoformat(cards[lemma]["due"]) == START + timedelta(days=1), "a miss is due tomorrow"

    # the next day: /review shows those cards one at a time
    set_clock(tmp_path, NEXT_DAY)
    emu.send_text(minji, "/review")
    [first] = emu.wait_for_messages(minji, timeout=WAIT)
    total = len(cards)
    assert 3 <= total <= 20
    assert first.text.startswith(f"🔁 Review 1/{total}") and buttons(first) == [SHOW]
    assert "_____" in first.text and new_item.gloss[:40] in first.text, "the longest due first, its word hidden"
    summary, seen = go_through(emu, minji, first, rating="Good")

    items = {item.lemma: item.item for item in lesson.vocabulary}
    shown = "\n".join(message.text for message in seen)
    for lemma in cards:
        assert f"✅ {items[lemma]}" in shown or f"Right: {items[lemma]}" in shown, lemma
    assert [m for m in seen if m.poll], "every third card is a quiz poll"
    assert f"Review done: {total} word(s)." in summary.text
    assert f"Again 0 · Hard 0 · Good {total} · Easy 0" in summary.text
    after = stored_cards(data_dir, minji.id)
    assert all(c["reviews"] >= 1 and datetime.fromisoformat(c["due"]) > NEXT_DAY for c in after.values())
    soonest = min(datetime.fromisoformat(c["due"]) for c in after.values())
    assert f"{soonest.day} {soonest:%B} at {soonest:%H:%M} (UTC)" in summary.text or \
        f"tomorrow at {soonest:%H:%M} (UTC)" in summary.text
    assert learner_file(data_dir, minji.id)["days"][NEXT_DAY.date().isoformat()]["reviews"] == total

    # a second /review the same day: nothing due, and when the next word is
    emu.send_text(minji, "/review")
    [nothing] = emu.wait_for_messages(minji, timeout=WAIT)
    assert "Nothing to review right now" in nothing.text and f"{soonest:%H:%M}" in nothing.text


def lay_down_cards(data_dir, user_id: int, lemmas: tuple[str, ...], timezone_name: str | None = None) -> str:
    """A reader of the sample lesson whose `lemmas` became cards two days ago, missed then (so due
    since yesterday)."""
    made = START - timedelta(days=2)
    lesson_id = lay_down_reader(data_dir, user_id, at=made, timezone_name=timezone_name)
    items = {item.lemma: item for item in sample_lesson().vocabulary}
    store = Store.open(data_dir)
    try:
        store.progress(user_id).save_cards(*(
            review(new_card(WordStatus.first_met(items[lemma], lesson_id, made), made), "again", made)
            for lemma in lemmas))
    finally:
        store.close()
    return lesson_id


@pytest.fixture
def alice_with_two_cards(tmp_path):
    """Alice (in Seoul) has two cards due, laid down before the bot starts."""
    lemmas = tuple(item.lemma for item in sample_lesson().vocabulary[:2])
    lay_down_cards(tmp_path / "data", ALICE, lemmas, timezone_name="Asia/Seoul")
    return lemmas


ALICE, BOB = 3001, 3002
SEOUL = ZoneInfo("Asia/Seoul")


def test_review_with_nothing_to_review_says_how_words_get_here(running_bot):
    emu = running_bot.emu
    newcomer = emu.user(2002, "Tom")
    emu.send_text(newcomer, "/review")
    [answer] = emu.wait_for_messages(newcomer, timeout=WAIT)
    assert "You have no words to review yet" in answer.text and "New to me" in answer.text
    korean = emu.user(2003, "지수", language_code="ko")
    emu.send_text(korean, "/review")
    [answer] = emu.wait_for_messages(korean, timeout=WAIT)
    assert "아직 복습할 단어가 없어요" in answer.text


def test_forged_and_stale_presses_are_refused_kindly_and_a_restart_keeps_the_card(alice_with_two_cards, running_bot):
    emu, data_dir = running_bot.emu, running_bot.data_dir
    alice, bob = emu.user(ALICE, "Alice"), emu.user(BOB, "Bob")
    stale = text("en", "review.stale")

    emu.send_text(alice, "/review")
    [card] = emu.wait_for_messages(alice, timeout=WAIT)
    [(label, data)] = [b for row in card.buttons for b in row]
    session_id = data.split(":")[1]
    assert card.text.startswith("🔁 Review 1/2") and label == SHOW and data == f"rv:{session_id}:1:v"

    # forged: a rating before the card is shown, another card number, another session, nonsense
    for forged in (f"rv:{session_id}:1:g", f"rv:{session_id}:2:v", f"rv:{session_id}:1:x", "rv:zzzz:1:v",
                   "rv:x", f"rv:{session_id}:" + "9" * 40 + ":v"):
        assert emu.callback_answer(emu.press_data(alice, card.message_id, forged))["text"] == stale, forged
    # Bob presses Alice's button data in his own chat: it names no review of his, so refused too
    emu.send_text(bob, "/review")
    [bobs] = emu.wait_for_messages(bob, timeout=WAIT)
    assert emu.callback_answer(emu.press_data(bob, bobs.message_id, data))["text"] == stale
    assert emu.message(alice, card.message_id).version == card.version, "nothing changed on Alice's card"
    assert all(c["reviews"] == 1 for c in stored_cards(data_dir, ALICE).values())

    # shown, then the bot is killed: /review puts the same card back, still shown
    emu.press(alice, SHOW, message=card)
    shown = emu.wait_for_edit(card, timeout=WAIT)
    assert buttons(shown) == ["Again", "Hard", "Good", "Easy"]
    emu.wait_for_poll(timeout=WAIT)
    kill_and_restart(running_bot, CLOCK_FILE=CLOCK_FILE)
    emu.send_text(alice, "/review")
    [back] = emu.wait_for_messages(alice, timeout=WAIT)
    assert back.text.startswith("↩️ Back to your review") and back.buttons == shown.buttons
    assert back.text.split("\n", 2)[2] == shown.text, "the same card, shown as before"

    # rated on the card sent again: the first copy's buttons are stale now
    emu.press(alice, "Again", message=back)
    second = emu.wait_for_edit(back, timeout=WAIT)
    again = next(c for c in stored_cards(data_dir, ALICE).values() if c["reviews"] == 2)
    due = datetime.fromisoformat(again["due"]).astimezone(SEOUL)
    assert due == (START + timedelta(days=1)).astimezone(SEOUL), "forgotten: back tomorrow"
    assert f"Again. Next review tomorrow at {due:%H:%M}." in second.text and "Review 2/2" in second.text
    good = shown.buttons[0][2][1]
    assert emu.callback_answer(emu.press_data(alice, shown.message_id, good))["text"] == stale
    summary, _ = go_through(emu, alice, second, rating="Easy")
    assert "Review done: 2 word(s)." in summary.text and "Again 1 · Hard 0 · Good 0 · Easy 1" in summary.text
    assert f"Your next words are due tomorrow at {due:%H:%M}." in summary.text, "in the learner's time zone"
    assert "(UTC)" not in summary.text
