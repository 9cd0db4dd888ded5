"""A lesson's record rebuilds it exactly; the CLI JSON shape (to_dict) is read as far as it goes."""
from __future__ import annotations

import json
from dataclasses import replace

from lessons.article import Article, Chunk, Lesson
from lessons.library import lesson_id_for
from vocab.items import Difficulty, VocabItem

ITEM = VocabItem(
    item="constructive role", lemma="constructive role", kind="phrase", forms=("constructive role",),
    pos="adjective+noun", zipf=3.1234567890123, level="C1", count=1,
    sentence="China should play a “constructive role”.", chunk=1, gloss="",
)
LESSON = Lesson(
    article=Article("Ties", ("First paragraph.", "Second one.", "Third, 군수품."), "Herald", "By Y", "Nov. 11", "지나쌤"),
    chunks=(Chunk(0, "First paragraph.\n\nSecond one.", ("First paragraph.", "Second one.")),
            Chunk(1, "Third, 군수품.", ("Third, 군수품.",))),
    vocabulary=(ITEM,),
    difficulty=Difficulty(57.5, "B2", 0.1 + 0.2),
    level="A2",
)


def test_a_record_through_json_rebuilds_the_same_lesson():
    record = json.loads(json.dumps(LESSON.as_record()))
    assert Lesson.from_dict(record) == LESSON


def test_the_record_is_the_cli_json_plus_what_rebuilding_needs():
    record, cli = LESSON.as_record(), LESSON.to_dict()
    assert set(record) - set(cli) == {"paragraphs", "level"}
    assert [set(c) for c in record["chunks"]] == [{"index", "text", "sentences"}] * 2
    assert all(record[k] == cli[k] for k in cli if k != "chunks")


def test_the_cli_json_gives_back_the_text_without_sentences():
    back = Lesson.from_dict(json.loads(json.dumps(LESSON.to_dict())))
    assert back.article.paragraphs == LESSON.article.paragraphs
    assert back.vocabulary == LESSON.vocabulary and back.difficulty == LESSON.difficulty
    assert back.chunks[1].sentences == () and back.level == "B2"


def test_parts_of_a_lesson_read_back_from_their_dicts():
    assert VocabItem.from_dict(ITEM.to_dict()) == ITEM
    assert Difficulty.from_dict(LESSON.difficulty.to_dict()) == LESSON.difficulty
    assert Article.from_dict(LESSON.article.to_dict()) == LESSON.article


def test_a_lesson_id_depends_on_the_owner_and_the_lesson():
    ids = {lesson_id_for(LESSON, 1), lesson_id_for(LESSON, 2), lesson_id_for(replace(LESSON, level="B1"), 1)}
    assert len(ids) == 3 and lesson_id_for(LESSON, 1) == lesson_id_for(LESSON, 1)
    assert all(len(i) == 12 and int(i, 16) >= 0 for i in ids)
