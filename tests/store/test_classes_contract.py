"""ClassRepository contract: the same behaviour from the in-memory fake and from TinyDB."""
from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import timedelta

import pytest

from lessons.classes import Class, new_class, new_invite_code
from tests.store.conftest import T0

TUTOR, OTHER_TUTOR = 500, 600
GROUP, OTHER_GROUP = -1001, -1002


def make_class(name: str = "Thursday B2", tutor_id: int = TUTOR, minutes: int = 0) -> Class:
    return new_class(name, tutor_id, T0 + timedelta(minutes=minutes), secrets)


def test_a_created_class_comes_back_exactly(backend):
    class_ = replace(make_class(), level="B2")
    backend.store.classes.create(class_)
    assert backend.reopen().classes.get(class_.class_id) == class_


@pytest.mark.parametrize("forged", ["000000000000", "../../index", "", "ABCDEF012345", "0123456789abc", 12, None])
def test_an_unknown_or_forged_class_id_names_no_class(backend, forged):
    backend.store.classes.create(make_class())
    assert backend.store.classes.get(forged) is None


def test_a_taken_id_or_invite_code_is_refused_and_nothing_changes(backend):
    classes = backend.store.classes
    first = make_class("First")
    classes.create(first)
    same_id = replace(make_class("Second"), class_id=first.class_id)
    same_code = replace(make_class("Third"), invite_code=first.invite_code)
    for clash in (same_id, same_code):
        with pytest.raises(ValueError):
            classes.create(clash)
    classes = backend.reopen().classes
    assert classes.get(first.class_id) == first
    assert classes.for_tutor(TUTOR) == (first,)
    assert classes.by_invite_code(first.invite_code) == first


def test_a_tutor_sees_their_own_classes_oldest_first(backend):
    classes = backend.store.classes
    later, earlier = make_class("Later", minutes=5), make_class("Earlier", minutes=1)
    theirs = make_class("Theirs", tutor_id=OTHER_TUTOR)
    for class_ in (later, theirs, earlier):
        classes.create(class_)
    classes = backend.reopen().classes
    assert classes.for_tutor(TUTOR) == (earlier, later)
    assert classes.for_tutor(OTHER_TUTOR) == (theirs,)
    assert classes.for_tutor(700) == ()


def test_learners_join_in_order_once_each_and_can_leave(backend):
    classes = backend.store.classes
    class_ = make_class()
    classes.create(class_)
    classes.add_learner(class_.class_id, 2)
    classes.add_learner(class_.class_id, 1)
    again = classes.add_learner(class_.class_id, 2)
    assert again.learner_ids == (2, 1)
    assert backend.reopen().classes.get(class_.class_id).learner_ids == (2, 1)
    left = backend.store.classes.remove_learner(class_.class_id, 2)
    assert left.learner_ids == (1,) and left.size == 1
    assert backend.store.classes.remove_learner(class_.class_id, 99).learner_ids == (1,)
    assert backend.reopen().classes.get(class_.class_id) == replace(class_, learner_ids=(1,))


def test_a_learner_sees_the_classes_they_are_in_not_those_they_teach(backend):
    classes = backend.store.classes
    mine, theirs, taught = make_class("Mine"), make_class("Theirs", OTHER_TUTOR, 1), make_class("Taught", 42, 2)
    for class_ in (mine, theirs, taught):
        classes.create(class_)
    classes.add_learner(theirs.class_id, 42)
    classes.add_learner(mine.class_id, 42)
    classes = backend.reopen().classes
    assert [c.name for c in classes.for_learner(42)] == ["Mine", "Theirs"]
    assert classes.for_learner(TUTOR) == ()


def test_the_tutor_is_never_a_learner_of_their_own_class(backend):
    class_ = make_class()
    backend.store.classes.create(class_)
    with pytest.raises(ValueError):
        backend.store.classes.add_learner(class_.class_id, TUTOR)
    assert backend.reopen().classes.get(class_.class_id).learner_ids == ()


def test_an_invite_code_finds_its_class_until_it_is_replaced(backend):
    classes = backend.store.classes
    class_ = make_class()
    classes.create(class_)
    old = class_.invite_code
    assert classes.by_invite_code(old) == class_
    new = new_invite_code(secrets)
    renewed = classes.replace_invite(class_.class_id, new)
    assert renewed == replace(class_, invite_code=new)
    classes = backend.reopen().classes
    assert classes.by_invite_code(old) is None
    assert classes.by_invite_code(new) == renewed
    assert classes.get(class_.class_id).invite_code == new


@pytest.mark.parametrize("code", ["", "short", "x" * 24 + "y", "!" * 24, "../../index.json", None, 7])
def test_a_malformed_invite_code_names_no_class(backend, code):
    backend.store.classes.create(make_class())
    assert backend.store.classes.by_invite_code(code) is None


def test_replacing_an_invite_is_refused_for_an_unknown_class_or_a_taken_code(backend):
    classes = backend.store.classes
    mine, theirs = make_class("Mine"), make_class("Theirs", OTHER_TUTOR)
    classes.create(mine)
    classes.create(theirs)
    with pytest.raises(KeyError):
        classes.replace_invite("0123456789ab", new_invite_code(secrets))
    with pytest.raises(ValueError):
        classes.replace_invite(mine.class_id, theirs.invite_code)
    with pytest.raises(ValueError):
        classes.replace_invite(mine.class_id, "not a code")
    classes = backend.reopen().classes
    assert classes.get(mine.class_id) == mine and classes.by_invite_code(theirs.invite_code) == theirs


def test_changing_an_unknown_class_is_refused(backend):
    classes = backend.store.classes
    for change in (lambda: classes.add_learner("0123456789ab", 1), lambda: classes.remove_learner("0123456789ab", 1),
                   lambda: classes.link_group("0123456789ab", GROUP), lambda: classes.add_learner("forged!", 1)):
        with pytest.raises(KeyError):
            change()
    assert classes.for_tutor(TUTOR) == () and classes.class_for_group(GROUP) is None


def test_a_linked_group_finds_its_class(backend):
    classes = backend.store.classes
    class_ = make_class()
    classes.create(class_)
    assert classes.class_for_group(GROUP) is None
    linked = classes.link_group(class_.class_id, GROUP)
    assert linked == replace(class_, group_chat_id=GROUP)
    classes = backend.reopen().classes
    assert classes.class_for_group(GROUP) == linked
    assert classes.class_for_group(OTHER_GROUP) is None


def test_a_group_belongs_to_one_class_at_a_time(backend):
    classes = backend.store.classes
    first, second = make_class("First"), make_class("Second", minutes=1)
    classes.create(first)
    classes.create(second)
    classes.link_group(first.class_id, GROUP)
    classes.link_group(second.class_id, GROUP)
    classes = backend.reopen().classes
    assert classes.class_for_group(GROUP).class_id == second.class_id
    assert classes.get(first.class_id).group_chat_id is None


def test_moving_a_class_to_another_group_frees_the_first_and_none_unlinks(backend):
    classes = backend.store.classes
    class_ = make_class()
    classes.create(class_)
    classes.link_group(class_.class_id, GROUP)
    classes.link_group(class_.class_id, OTHER_GROUP)
    assert backend.reopen().classes.class_for_group(GROUP) is None
    assert backend.store.classes.class_for_group(OTHER_GROUP).class_id == class_.class_id
    backend.store.classes.link_group(class_.class_id, None)
    classes = backend.reopen().classes
    assert classes.class_for_group(OTHER_GROUP) is None
    assert classes.get(class_.class_id) == class_
