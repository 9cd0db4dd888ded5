"""Text with nothing to read, or nothing in English, is refused; a tutor's note in another
language is kept apart from the reading text."""
from __future__ import annotations

import pytest

from lessons.clean import clean_article
from lessons.errors import EmptyText, NotEnglish

BODY = (
    "North Korea said Saturday that its relations with Russia will remain strong despite the warning. "
    "Seoul officials said the North appears to be readying a third attempt to launch a spy satellite."
)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \n", "\u00a0\u200b\ufeff"])
def test_empty_or_blank_text_is_empty(text):
    with pytest.raises(EmptyText):
        clean_article(text)


@pytest.mark.parametrize(
    "text", ["• Link copied\n\nShare\n\nPrint\n\nAdvertisement", "___\n\n* * *\n\n12", "12345 67 890 !!! ???"]
)
def test_text_that_is_only_page_furniture_is_empty(text):
    with pytest.raises(EmptyText):
        clean_article(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "북한은 토요일 미국의 경고에도 불구하고 러시아와의 관계가 계속 강력할 것이라고 밝혔다.\n\n"
            "서울 관리들은 북한이 세 번째 정찰위성 발사를 준비하고 있는 것으로 보인다고 말했다.",
            id="Korean",
        ),
        pytest.param(
            "Corea del Norte dijo el sábado que sus relaciones con Rusia seguirán siendo fuertes a pesar de la "
            "advertencia de Estados Unidos contra sus transferencias de armas.",
            id="Spanish",
        ),
        pytest.param(
            "La Corée du Nord a déclaré samedi que ses relations avec la Russie resteront fortes malgré "
            "l'avertissement des États-Unis contre leurs transferts d'armes.",
            id="French",
        ),
        pytest.param(
            "Nordkorea hat am Samstag erklärt, dass seine Beziehungen zu Russland trotz der Warnung der "
            "Vereinigten Staaten vor Waffenlieferungen stark bleiben werden.",
            id="German",
        ),
        pytest.param("Share\n\n北朝鮮は土曜日、ロシアとの関係は引き続き強固だと述べた。\n\nPrint", id="Japanese with English buttons"),
    ],
)
def test_text_with_no_english_is_not_english(text):
    with pytest.raises(NotEnglish):
        clean_article(text)


def test_a_note_in_another_language_is_kept_apart():
    article = clean_article(f"Ties with Russia stay strong\n\n오늘 수업 자료입니다\n\n{BODY}\n\n단어 정리 꼭 하세요!")
    assert article.note == "오늘 수업 자료입니다\n단어 정리 꼭 하세요!"
    assert article.paragraphs == (BODY,)
    assert article.title == "Ties with Russia stay strong"


def test_a_note_written_in_the_latin_alphabet_is_kept_apart():
    note = "Bitte lest den Artikel bis Montag und markiert die neuen Wörter."
    article = clean_article(f"Ties with Russia stay strong\n\n{note}\n\n{BODY}")
    assert article.note == note
    assert article.paragraphs == (BODY,)


def test_english_names_and_quotes_in_other_scripts_stay_in_the_text():
    paragraph = 'The phrase "우리민족끼리" (by our nation itself) appears in the statement, the ministry said.'
    article = clean_article(f"Ties with Russia stay strong\n\n{BODY}\n\n{paragraph}")
    assert article.paragraphs == (BODY, paragraph)
    assert article.note == ""


@pytest.mark.parametrize(
    "title",
    ["Gyeongbokgung, Changdeokgung and Deoksugung reopen", "Yoon Suk Yeol meets Han Duck-soo in Yongsan"],
)
def test_a_title_full_of_korean_names_is_english(title):
    article = clean_article(f"{title}\n\n{BODY}")
    assert article.title == title
    assert article.note == ""
