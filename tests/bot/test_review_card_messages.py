"""How a review card reads in Telegram: the word hidden for recall, shown for recognition, the
answer with its glosses once shown, safe HTML, Telegram's limits, and times in the learner's zone."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.callback_data import MAX_CALLBACK_BYTES
from bot.handlers.review_messages import card_text, keyboard, summary_text, when_text
from vocab.progress import WordStatus
from vocab.review import new_card
from vocab.review_session import SESSION_LIMIT, ReviewSession

T0 = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)  # 18:00 in Seoul
SENTENCE = "Russia bought <munitions> & shells from the North, officials said."


def card(sentence: str = SENTENCE, gloss: str = "weapons & ammunition", tutor_gloss: str = "군수품", item="munitions"):
    word = WordStatus(lemma="munition", item=item, status="new", lesson_id="0123456789ab", sentence=sentence,
                      gloss=gloss, first_seen=T0, updated_at=T0, tutor_gloss=tutor_gloss)
    return new_card(word, T0)


def on_screen(mode: str, revealed: bool = False) -> ReviewSession:
    session = ReviewSession.start(T0, due=3).showing("munition", mode)
    return session.revealing() if revealed else session


def test_recall_hides_the_word_and_gives_the_glosses():
    shown = card_text("en", card(), on_screen("recall"))
    assert "munitions" not in shown and "_____" in shown
    assert "Russia bought &lt;_____&gt; &amp; shells" in shown
    assert "💡 weapons &amp; ammunition" in shown and "👩‍🏫 군수품" in shown
    assert shown.startswith("🔁 <b>Review</b> 1/3")


def test_recognition_shows_the_word_and_keeps_its_meaning_back():
    shown = card_text("en", card(), on_screen("recognition"))
    assert "&lt;<b>munitions</b>&gt;" in shown and "ammunition" not in shown and "군수품" not in shown


@pytest.mark.parametrize("mode", ["recall", "recognition"])
def test_once_shown_the_word_its_sentence_and_glosses_are_there(mode):
    shown = card_text("ko", card(), on_screen(mode, revealed=True))
    assert "<b><u>munitions</u></b>" in shown and "✅ <b>munitions</b>: weapons &amp; ammunition" in shown
    assert "👩‍🏫 군수품" in shown and "얼마나 잘 기억났나요?" in shown


def test_a_word_missing_from_its_sentence_is_recalled_from_its_gloss_and_first_letter():
    shown = card_text("en", card(sentence="Nothing to see here."), on_screen("recall"))
    assert "m________" in shown and "💡 weapons" in shown and "Nothing to see here." not in shown


def test_a_very_long_sentence_is_cut_around_the_word():
    long = "Officials said " + "very " * 400 + "that munitions arrived " + "quickly " * 400 + "yesterday."
    shown = card_text("en", card(sentence=long), on_screen("recognition"))
    assert "<b>munitions</b>" in shown and "…" in shown and len(shown) < 1500


def test_the_buttons_fit_telegram_and_name_the_session_and_card():
    session = ReviewSession.start(T0, due=30)
    for _ in range(SESSION_LIMIT):
        session = session.showing("munition", "recall")
    for markup in (keyboard(session, "en"), keyboard(session.revealing(), "ko")):
        for row in markup.inline_keyboard:
            for button in row:
                assert len(button.callback_data.encode()) <= MAX_CALLBACK_BYTES
                assert button.callback_data.startswith(f"rv:{session.session_id}:{SESSION_LIMIT}:")
    assert [b.text for b in keyboard(session.revealing(), "ko").inline_keyboard[0]] == ["다시", "어려움", "알맞음", "쉬움"]


@pytest.mark.parametrize("lang, zone, ahead, expected", [
    ("en", None, timedelta(hours=3), "today at 12:00 (UTC)"),
    ("en", "Asia/Seoul", timedelta(hours=3), "today at 21:00"),
    ("en", "Asia/Seoul", timedelta(hours=7), "tomorrow at 01:00"),  # 16:00 UTC is past midnight in Seoul
    ("en", "Asia/Seoul", timedelta(days=1), "tomorrow at 18:00"),
    ("en", "Asia/Seoul", timedelta(days=4), "on 14 March at 18:00"),
    ("ko", "Asia/Seoul", timedelta(days=1), "내일 18:00"),
    ("ko", "Asia/Seoul", timedelta(days=30), "4월 9일 18:00"),
    ("ko", None, timedelta(days=30), "4월 9일 09:00 (UTC 기준)"),
    ("en", "Not/AZone", timedelta(days=1), "tomorrow at 09:00 (UTC)"),
])
def test_times_are_told_in_the_learners_time_zone(lang, zone, ahead, expected):
    assert when_text(lang, T0 + ahead, T0, zone) == expected


def test_the_summary_counts_ratings_and_says_what_comes_next():
    session = ReviewSession.start(T0, due=3)
    for rating in ("good", "again", "good"):
        session = session.showing("w", "recall").rated(rating)
    done = summary_text("en", session, 0, T0 + timedelta(days=2), T0, "Asia/Seoul")
    assert "Review done: 3 word(s)." in done and "Again 1 · Hard 0 · Good 2 · Easy 0" in done
    assert "Your next words are due on 12 March at 18:00." in done
    more = summary_text("en", session, 5, T0 + timedelta(days=2), T0, "Asia/Seoul")
    assert "5 more word(s) are due now" in more and "next words are due" not in more
