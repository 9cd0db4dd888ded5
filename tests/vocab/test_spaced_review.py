"""Spaced review with the real FSRS scheduler: new cards, ratings, quiz evidence, desired
retention, what is due, the 14-day forecast in the learner's time zone, and the review session.
Time is passed in (a fake clock by construction); nothing here sleeps or reads the clock."""
from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.vocab.quiz_article import MUNITIONS, article_items, wordnet_lexicon
from vocab.progress import WordStatus
from vocab.review import (
    RATINGS, ReviewCard, days_until, due_cards, forecast, interval, new_card, next_due, review,
)
from vocab.review_session import (
    SESSION_LIMIT, ReviewSession, card_item, mode_for, poll_rating, review_poll, session_id_for, word_span,
)

T0 = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
SEOUL = ZoneInfo("Asia/Seoul")


def word(lemma: str = "munition", item: str = "munitions", right: int = 0, wrong: int = 0, **more) -> WordStatus:
    return WordStatus(lemma=lemma, item=item, status="new", lesson_id="0123456789ab",
                      sentence=more.get("sentence", MUNITIONS), gloss=more.get("gloss", "weapons and ammunition"),
                      first_seen=T0, updated_at=T0, right=right, wrong=wrong,
                      tutor_gloss=more.get("tutor_gloss", ""))


def days(delta: timedelta) -> float:
    return delta / timedelta(days=1)


def card_due(lemma: str, due: datetime) -> ReviewCard:
    return ReviewCard(lemma=lemma, item=lemma, lesson_id="l", sentence="", gloss="", tutor_gloss="",
                      fsrs={}, due=due)


# -- new cards and ratings --

def test_a_new_card_is_due_at_once_and_keeps_the_words_sentence_and_glosses():
    card = new_card(word(tutor_gloss="군수품"), T0)
    assert card.due == T0 and card.reviews == 0 and card.last_review is None
    assert card.stability is None and card.difficulty is None
    assert (card.lemma, card.item, card.lesson_id, card.sentence, card.gloss, card.tutor_gloss) == (
        "munition", "munitions", "0123456789ab", MUNITIONS, "weapons and ammunition", "군수품")


def test_a_card_made_in_another_time_zone_is_kept_in_utc():
    card = new_card(word(), T0.astimezone(SEOUL))
    assert card.due == T0 and card.due.tzinfo == timezone.utc


@pytest.mark.parametrize("rating", RATINGS)
def test_every_rating_schedules_whole_days_ahead(rating):
    card = review(new_card(word(), T0), rating, T0)
    ahead = card.due - T0
    assert ahead >= timedelta(days=1) and ahead % timedelta(days=1) == timedelta(0)
    assert card.reviews == 1 and card.last_review == T0 and interval(card) == ahead


def test_a_word_forgotten_comes_back_tomorrow_and_an_easy_one_much_later():
    ahead = {r: review(new_card(word(), T0), r, T0).due - T0 for r in RATINGS}
    assert ahead["again"] == timedelta(days=1)
    assert ahead["again"] <= ahead["hard"] <= ahead["good"] < ahead["easy"]


def test_forgetting_makes_a_word_harder_and_easy_makes_it_easier():
    difficulty = {r: review(new_card(word(), T0), r, T0).difficulty for r in RATINGS}
    assert difficulty["again"] > difficulty["hard"] > difficulty["good"] > difficulty["easy"]


def test_each_good_review_on_its_due_day_spaces_the_next_one_further():
    card, gaps = new_card(word(), T0), []
    for _ in range(4):
        card = review(card, "good", card.due)
        gaps.append(days(interval(card)))
    assert gaps == sorted(gaps) and gaps[-1] > 3 * gaps[0], gaps


def test_a_lapse_after_a_long_interval_shrinks_it():
    card = new_card(word(), T0)
    for _ in range(3):
        card = review(card, "good", card.due)
    lapsed = review(card, "again", card.due)
    assert interval(lapsed) < interval(card) and lapsed.stability < card.stability


def test_the_schedule_is_the_same_every_time_for_the_same_answers():
    def run():
        card = new_card(word(), T0)
        for rating in ("good", "hard", "easy", "again", "good"):
            card = review(card, rating, card.due)
        return card
    assert run() == run()


@pytest.mark.parametrize("low, high", [(0.8, 0.9), (0.9, 0.95), (0.7, 0.97)])
def test_a_higher_desired_retention_brings_reviews_sooner(low, high):
    def after_two_goods(retention):
        card = review(new_card(word(), T0), "good", T0, retention)
        return interval(review(card, "good", card.due, retention))
    assert after_two_goods(high) < after_two_goods(low)


@pytest.mark.parametrize("retention", [0, 1, 1.5, -0.1])
def test_a_desired_retention_outside_zero_to_one_is_refused(retention):
    with pytest.raises(ValueError):
        review(new_card(word(), T0), "good", T0, retention)


@pytest.mark.parametrize("bad", ["Good", "ok", "", "4"])
def test_an_unknown_rating_is_refused(bad):
    with pytest.raises(ValueError):
        review(new_card(word(), T0), bad, T0)


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        new_card(word(), datetime(2024, 3, 10, 9, 0))


# -- evidence from the quiz --

@pytest.mark.parametrize("right", [1, 2])
def test_a_word_answered_right_in_the_quiz_starts_with_that_evidence(right):
    fresh, known = new_card(word(), T0), new_card(word(right=right), T0, answered_right=right)
    assert fresh.due == T0 and known.due > T0 + timedelta(days=1)
    assert known.reviews == right and known.stability > 0
    # the first review on the due day then reaches further than a fresh card's
    assert interval(review(known, "good", known.due)) > interval(review(fresh, "good", fresh.due))


def test_no_evidence_is_the_same_as_a_fresh_card():
    assert new_card(word(), T0, answered_right=0) == new_card(word(), T0)


# -- storage shape --

def test_a_card_round_trips_through_its_json_record():
    card = review(new_card(word(tutor_gloss="군수품"), T0, answered_right=1), "hard", T0 + timedelta(days=3))
    record = json.loads(json.dumps(card.to_record(), ensure_ascii=False))
    assert ReviewCard.from_record(record) == card
    assert record["due"] == card.due.isoformat() and record["fsrs"]["due"] == card.due.isoformat()


def test_the_fsrs_state_is_carried_over_a_round_trip():
    card = ReviewCard.from_record(review(new_card(word(), T0), "good", T0).to_record())
    later = review(card, "good", card.due)
    direct = review(review(new_card(word(), T0), "good", T0), "good", card.due)
    assert later == direct


# -- due cards, next due, forecast --

def test_due_cards_are_those_due_now_the_longest_overdue_first():
    cards = [card_due("c", T0), card_due("a", T0 - timedelta(days=2)), card_due("b", T0 + timedelta(seconds=1)),
             card_due("d", T0 - timedelta(hours=1))]
    assert [c.lemma for c in due_cards(cards, T0)] == ["a", "d", "c"]
    assert due_cards([], T0) == []


def test_next_due_is_the_earliest_card_still_waiting():
    cards = [card_due("a", T0 - timedelta(days=1)), card_due("b", T0 + timedelta(days=3)),
             card_due("c", T0 + timedelta(hours=5))]
    assert next_due(cards, T0) == T0 + timedelta(hours=5)
    assert next_due(cards[:1], T0) is None and next_due([], T0) is None


def test_the_forecast_counts_cards_by_local_day_with_the_overdue_today():
    today = date(2024, 3, 10)
    cards = [
        card_due("overdue", T0 - timedelta(days=5)),
        card_due("now", T0),
        card_due("late tonight in Seoul", datetime(2024, 3, 10, 14, 59, tzinfo=timezone.utc)),  # 23:59 KST
        card_due("after midnight in Seoul", datetime(2024, 3, 10, 15, 0, tzinfo=timezone.utc)),  # 00:00 KST
        card_due("in a week", T0 + timedelta(days=7)),
        card_due("last day", T0 + timedelta(days=13)),
        card_due("beyond", T0 + timedelta(days=14)),
    ]
    seoul = forecast(cards, today, "Asia/Seoul")
    assert len(seoul) == 14 and seoul[0] == 3 and seoul[1] == 1 and seoul[7] == 1 and seoul[13] == 1
    assert sum(seoul) == 6
    utc = forecast(cards, today, None)
    assert utc[0] == 4 and utc[1] == 0
    assert forecast(cards, today, SEOUL, days=3) == [3, 1, 0]


def test_an_unknown_time_zone_counts_in_utc():
    cards = [card_due("a", datetime(2024, 3, 10, 20, 0, tzinfo=timezone.utc))]
    assert forecast(cards, date(2024, 3, 10), "Mars/Olympus") == forecast(cards, date(2024, 3, 10), "UTC")


def test_days_until_counts_calendar_days_where_the_learner_lives():
    evening = datetime(2024, 3, 10, 14, 0, tzinfo=timezone.utc)  # 23:00 in Seoul
    next_morning = evening + timedelta(hours=2)  # 01:00 next day in Seoul
    assert days_until(next_morning, evening, "Asia/Seoul") == 1
    assert days_until(next_morning, evening, None) == 0


def test_a_reviewed_card_leaves_the_due_list_until_its_day():
    card = new_card(word(), T0)
    assert due_cards([card], T0) == [card]
    rated = review(card, "good", T0)
    assert due_cards([rated], T0) == [] and next_due([rated], T0) == rated.due
    assert due_cards([rated], rated.due) == [rated]


# -- the session --

def test_cards_are_asked_in_turns_of_recall_recognition_and_a_poll():
    assert [mode_for(n) for n in range(1, 7)] == ["recall", "recognition", "poll"] * 2
    assert mode_for(3, can_poll=False) == "recall"


def test_a_session_counts_ratings_and_stops_at_its_limit():
    session = ReviewSession.start(T0, due=50)
    assert session.total == SESSION_LIMIT and session.lemma is None
    for n, rating in enumerate(["good", "again", "good", "easy"], start=1):
        session = session.showing(f"w{n}", mode_for(n))
        assert session.number == n and session.lemma == f"w{n}" and not session.revealed
        session = session.revealing().rated(rating)
        assert session.lemma is None
    assert session.rating_counts() == {"again": 1, "hard": 0, "good": 2, "easy": 1} and session.reviewed == 4
    while not session.is_full:
        session = session.showing("w", "recall").rated("good")
    assert session.number == SESSION_LIMIT
    assert ReviewSession.start(T0, due=3).total == 3


def test_a_session_id_fits_a_button_and_differs_between_sessions():
    first, second = session_id_for(T0), session_id_for(T0 + timedelta(seconds=1))
    assert first != second and first.isalnum() and len(first) <= 8


@pytest.mark.parametrize("chosen, rating", [([2], "good"), ([0], "again"), ([], "again"), ([2, 0], "again")])
def test_a_review_poll_answered_right_is_good_and_wrong_is_again(chosen, rating):
    assert poll_rating({"correct_option_id": 2}, chosen) == rating


@pytest.mark.parametrize("lemma, item, sentence, shown", [
    ("munition", "munitions", MUNITIONS, "munitions"),
    ("provide", "provided", "The North provided Russia with weapons.", "provided"),
    ("give rise", "given rise", "It has given rise to fears.", "given rise"),
])
def test_the_word_is_found_in_its_sentence_to_hide_or_show(lemma, item, sentence, shown):
    card = new_card(word(lemma, item, sentence=sentence), T0)
    start, end = word_span(card)
    assert sentence[start:end] == shown


def test_a_card_without_its_word_in_the_sentence_has_no_span():
    assert word_span(new_card(word(sentence="Nothing to see here."), T0)) is None
    assert word_span(new_card(word(sentence=""), T0)) is None


def test_a_review_poll_is_a_quiz_question_on_the_card():
    lexicon = wordnet_lexicon()
    items = article_items(lexicon)
    munitions = next(i for i in items if i.lemma == "munition")
    card = new_card(word(gloss=munitions.gloss), T0)
    asked = [review_poll(card, munitions, random.Random(seed), article_items=items, lexicon=lexicon)
             for seed in range(6)]
    assert all(q is not None and q["lemma"] == "munition" and len(q["options"]) == 4 for q in asked)
    assert {q["kind"] for q in asked} == {"gap_fill", "meaning"}
    assert card_item(card, munitions).pos == "noun"
