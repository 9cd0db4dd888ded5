"""LessonRepository contract: the same behaviour from the in-memory fake and from TinyDB."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from lessons.library import LibraryEntry
from tests.store.conftest import T0, make_lesson


def test_a_stored_lesson_comes_back_exactly(backend):
    lesson = make_lesson(level="C1")
    lesson_id = backend.store.lessons.add(lesson, owner_id=10, at=T0)
    back = backend.reopen().lessons.get(lesson_id)
    assert back == lesson
    assert back.article.paragraphs == lesson.article.paragraphs and back.chunks[0].sentences == lesson.chunks[0].sentences


def test_an_unknown_or_forged_lesson_id_names_no_lesson(backend):
    lessons = backend.store.lessons
    lessons.add(make_lesson(), owner_id=10, at=T0)
    for forged in ("000000000000", "../../schema", "", "learners/10/10", "0123456789ABCDEF", 12):
        assert lessons.get(forged) is None and lessons.entry(forged) is None


def test_adding_the_same_lesson_again_gives_the_same_one(backend):
    lessons = backend.store.lessons
    first = lessons.add(make_lesson(), owner_id=10, at=T0)
    again = lessons.add(make_lesson(), owner_id=10, at=T0 + timedelta(days=1))
    other_level = lessons.add(make_lesson(level="A2"), owner_id=10, at=T0)
    assert first == again != other_level
    assert [e.lesson_id for e in backend.reopen().lessons.list_for(10)] == [first, other_level]
    assert backend.store.lessons.entry(first).added_at == T0


def test_each_owner_has_their_own_library(backend):
    lessons = backend.store.lessons
    mine = lessons.add(make_lesson("Mine"), owner_id=10, at=T0)
    theirs = lessons.add(make_lesson("Mine"), owner_id=20, at=T0 + timedelta(hours=1))
    lessons = backend.reopen().lessons
    assert mine != theirs
    assert lessons.list_for(10) == (LibraryEntry(mine, 10, "Mine", T0, parts=2, words=2),)
    assert [e.lesson_id for e in lessons.list_for(20)] == [theirs]
    assert lessons.entry(theirs).owner_id == 20
    assert lessons.list_for(30) == ()


def test_an_edited_lesson_keeps_its_id_owner_and_date(backend):
    lessons = backend.store.lessons
    lesson = make_lesson(words=("munition", "provocation", "satellite"))
    lesson_id = lessons.add(lesson, owner_id=10, at=T0)
    edited = replace(lesson, vocabulary=lesson.vocabulary[1:])
    lessons.replace(lesson_id, edited)
    lessons = backend.reopen().lessons
    assert lessons.get(lesson_id) == edited
    assert lessons.entry(lesson_id) == LibraryEntry(lesson_id, 10, lesson.article.title, T0, parts=2, words=2)
    assert lessons.list_for(10) == (lessons.entry(lesson_id),)


def test_editing_an_unknown_lesson_is_refused(backend):
    with pytest.raises(KeyError):
        backend.store.lessons.replace("0123456789ab", make_lesson())
