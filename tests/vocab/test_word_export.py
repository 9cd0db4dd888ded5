"""The rows of /export: one per word, in the order met, with its article, next review date (the
learner's local date) and the sentence with the word highlighted for Anki."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from vocab.progress import WordStatus
from vocab.pronunciation import ipa
from vocab.word_export import CSV_COLUMNS, export_rows, highlighted

MET = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)


def word(lemma: str, item: str = "", *, status: str = "new", lesson_id: str = "lesson1", sentence: str = "",
         gloss: str = "a gloss", tutor_gloss: str = "") -> WordStatus:
    return WordStatus(lemma=lemma, item=item or lemma, status=status, lesson_id=lesson_id,
                      sentence=sentence or f"A sentence with {item or lemma}.", gloss=gloss,
                      first_seen=MET, updated_at=MET, tutor_gloss=tutor_gloss)


@pytest.mark.parametrize("sentence, forms, expected", [
    ("Tensions escalated fast.", ["escalate", "escalated"], "Tensions <b>escalated</b> fast."),
    ("Munitions & arms <b>", ["munitions"], "<b>Munitions</b> &amp; arms &lt;b&gt;"),  # escaped, any case
    ("a constructive role, a role", ["constructive role"], "a <b>constructive role</b>, a role"),
    ("the rolex role", ["role"], "the rolex <b>role</b>"),  # whole words only
    ("R&D spending", ["R&D"], "<b>R&amp;D</b> spending"),
    ("Nothing here.", ["absent"], "Nothing here."),
    ("Nothing here.", [], "Nothing here."),
])
def test_the_word_is_highlighted_in_its_sentence(sentence, forms, expected):
    assert highlighted(sentence, forms) == expected


def test_a_row_per_word_in_the_order_met_with_its_article():
    words = [word("munition", "munitions", tutor_gloss="군수품"), word("escalate", status="known", lesson_id="gone")]
    rows = export_rows(words, {"lesson1": "War news"}, {}, None)
    assert [r.item for r in rows] == ["munitions", "escalate"]
    assert [r.article for r in rows] == ["War news", ""]  # a lesson no longer stored: no title
    assert rows[0].csv_values() == [
        "munitions", "a gloss", "군수품", "A sentence with munitions.", "War news", "new", ""]
    assert len(rows[0].csv_values()) == len(CSV_COLUMNS)
    assert rows[0].ipa == ipa("munitions") and rows[0].ipa


@pytest.mark.parametrize("due, zone, expected", [
    (datetime(2024, 3, 12, 16, 0, tzinfo=timezone.utc), "Asia/Seoul", date(2024, 3, 13)),  # 01:00 next day there
    (datetime(2024, 3, 12, 16, 0, tzinfo=timezone.utc), None, date(2024, 3, 12)),
    (datetime(2024, 3, 12, 16, 0, tzinfo=timezone.utc), "Not/AZone", date(2024, 3, 12)),
])
def test_next_due_is_the_learners_local_date(due, zone, expected):
    [row] = export_rows([word("munition")], {}, {"munition": due}, zone)
    assert row.next_due == expected
    assert row.csv_values()[-1] == expected.isoformat()


def test_a_word_without_a_review_card_has_no_due_date():
    rows = export_rows([word("munition"), word("escalate")], {}, {"escalate": MET + timedelta(days=3)}, None)
    assert [r.next_due for r in rows] == [None, date(2024, 3, 13)]


def test_the_forms_met_in_the_article_are_highlighted():
    [row] = export_rows([word("escalate", sentence="Tensions escalated.")], {}, {}, None,
                        forms={"escalate": ("escalated",)})
    assert row.sentence_html == "Tensions <b>escalated</b>."


def test_a_word_the_dictionary_lacks_has_an_empty_ipa():
    [row] = export_rows([word("xzqvord")], {}, {}, None)
    assert row.ipa == ""
