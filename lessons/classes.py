"""A tutor's classes: who is in them, how learners join (invite codes), and who may do what.

Frozen dataclasses and pure rules; randomness and time are passed in, and the shell stores the
results through `ClassRepository`. A class belongs to one tutor, the only person who may manage
it (new invite, group link, assignments, reports); its learners may see it and leave it.
"""
from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from vocab.items import LEVELS

#: Characters of a class name: long enough for "Thursday evening B2 group (Gangnam)", short enough
#: to fit on one inline button and one line of a phone screen.
CLASS_NAME_MAX = 64

#: Random bytes in an invite code. 18 bytes are 144 bits (Telegram's deep-link rule wants at
#: least 128 to call a payload unguessable) and encode to exactly 24 base64url characters with
#: no "=" padding, well inside the start payload's 64 characters of A-Z a-z 0-9 _ -.
INVITE_BYTES = 18
INVITE_LENGTH = 24
INVITE_CODE = re.compile(rf"[A-Za-z0-9_-]{{{INVITE_LENGTH}}}")

#: Random bytes of a class id (12 hex digits): short in callback data, never guessed by chance.
CLASS_ID_BYTES = 6
CLASS_ID = re.compile(r"[0-9a-f]{12}")

#: A tutor's classes and a class's learners are listed on buttons and in one message each.
MAX_CLASSES_PER_TUTOR = 30
MAX_LEARNERS_PER_CLASS = 200


class ClassError(ValueError):
    """A request about a class that cannot be granted; `reason` is a stable code the shell translates.

    Reasons: no_name, name_too_long, name_taken, too_many_classes, own_class, already_member,
    class_full, not_member, not_tutor, not_in_group, group_taken.
    """

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason


class Randomness(Protocol):
    """Where random bytes come from: the `secrets` module itself, or a seeded source in tests."""

    def token_bytes(self, nbytes: int) -> bytes: ...


@dataclass(frozen=True)
class Class:
    """A tutor's class: its learners (in the order they joined), its invite code, its group."""

    class_id: str
    name: str
    tutor_id: int
    created_at: datetime
    invite_code: str
    learner_ids: tuple[int, ...] = ()
    group_chat_id: int | None = None  # a Telegram group where assignments are announced too
    level: str | None = None  # the level lessons are made at for the class; None: each learner's own

    def __post_init__(self):
        if not CLASS_ID.fullmatch(self.class_id):
            raise ValueError(f"a class id is 12 hex digits, not {self.class_id!r}")
        if not is_invite_code(self.invite_code):
            raise ValueError("an invite code is 24 characters of A-Z a-z 0-9 _ -")
        if self.level is not None and self.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS} or None, not {self.level!r}")
        if len(set(self.learner_ids)) != len(self.learner_ids) or self.tutor_id in self.learner_ids:
            raise ValueError("learners are listed once each, and the tutor is not one of them")

    @property
    def size(self) -> int:
        """How many learners the class has."""
        return len(self.learner_ids)

    def with_learner(self, user_id: int) -> Class:
        return self if user_id in self.learner_ids else replace(self, learner_ids=(*self.learner_ids, user_id))

    def without_learner(self, user_id: int) -> Class:
        return replace(self, learner_ids=tuple(u for u in self.learner_ids if u != user_id))


def is_invite_code(text: object) -> bool:
    """Whether `text` has the shape of an invite code (whether or not a class uses it)."""
    return isinstance(text, str) and bool(INVITE_CODE.fullmatch(text))


def new_invite_code(random: Randomness) -> str:
    """A fresh invite code: 144 random bits in base64url (a valid deep-link payload)."""
    return base64.urlsafe_b64encode(random.token_bytes(INVITE_BYTES)).decode("ascii")


def new_class_id(random: Randomness) -> str:
    return random.token_bytes(CLASS_ID_BYTES).hex()


def class_name(text: str) -> str:
    """The name a tutor typed, spaces tidied; ClassError if it is empty or too long."""
    name = " ".join(text.split())
    if not name:
        raise ClassError("no_name")
    if len(name) > CLASS_NAME_MAX:
        raise ClassError("name_too_long")
    return name


def same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def find_class(classes: Iterable[Class], name: str) -> Class | None:
    """The class called `name` (any case, any spacing) among `classes`, or None."""
    return next((c for c in classes if same_name(c.name, name)), None)


def new_class(name: str, tutor_id: int, at: datetime, random: Randomness, existing: Iterable[Class] = ()) -> Class:
    """A class `tutor_id` creates, given the classes they have already (names are unique per tutor)."""
    name = class_name(name)
    mine = [c for c in existing if c.tutor_id == tutor_id]
    if len(mine) >= MAX_CLASSES_PER_TUTOR:
        raise ClassError("too_many_classes")
    if find_class(mine, name) is not None:
        raise ClassError("name_taken")
    return Class(new_class_id(random), name, tutor_id, at, new_invite_code(random))


# Who may do what. Every command and every button asks these again on the server side: callback
# data and invite codes name a class, they never prove a right to it. `None` (an unknown or forged
# class id) is refused like a class of someone else, so a refusal tells nothing about other classes.

def can_manage(class_: Class | None, user_id: int) -> bool:
    """Only the class's tutor may replace its invite, link a group, assign, edit and see reports."""
    return class_ is not None and class_.tutor_id == user_id


def is_member(class_: Class | None, user_id: int) -> bool:
    return class_ is not None and user_id in class_.learner_ids


def can_view(class_: Class | None, user_id: int) -> bool:
    """The tutor and the class's learners see the class (its name, its assignments)."""
    return can_manage(class_, user_id) or is_member(class_, user_id)


def joined(class_: Class, user_id: int) -> Class:
    """The class with `user_id` in it; ClassError if they are its tutor, in it already, or it is full."""
    if class_.tutor_id == user_id:
        raise ClassError("own_class")
    if user_id in class_.learner_ids:
        raise ClassError("already_member")
    if class_.size >= MAX_LEARNERS_PER_CLASS:
        raise ClassError("class_full")
    return class_.with_learner(user_id)


def left(class_: Class, user_id: int) -> Class:
    """The class without `user_id`; ClassError if they are not one of its learners."""
    if not is_member(class_, user_id):
        raise ClassError("not_member")
    return class_.without_learner(user_id)


def check_group_link(class_: Class | None, user_id: int, *, in_group: bool, linked_now: Class | None) -> Class:
    """The class linked to the group; ClassError unless the tutor sends it in a group that no other
    tutor's class holds (a tutor may move a group between their own classes)."""
    if not in_group:
        raise ClassError("not_in_group")
    if not can_manage(class_, user_id):
        raise ClassError("not_tutor")
    if linked_now is not None and linked_now.tutor_id != user_id:
        raise ClassError("group_taken")
    return class_


class ClassRepository(Protocol):
    """Classes and their invite codes, kept by the shell. Lists are in creation (or joining) order."""

    def create(self, class_: Class) -> None:
        """Keep a new class; ValueError if its id or invite code is taken already."""

    def get(self, class_id: str) -> Class | None:
        """The class, or None for an unknown or malformed (forged) id."""

    def for_tutor(self, tutor_id: int) -> tuple[Class, ...]: ...

    def for_learner(self, user_id: int) -> tuple[Class, ...]:
        """The classes `user_id` is a learner in (not those they teach)."""

    def by_invite_code(self, code: str) -> Class | None:
        """The class whose current invite code is `code`; None for replaced, unknown or malformed codes."""

    def replace_invite(self, class_id: str, code: str) -> Class:
        """Give the class a new invite code; the old one names no class from now on. KeyError if unknown,
        ValueError if `code` is taken or malformed."""

    def add_learner(self, class_id: str, user_id: int) -> Class:
        """The class with `user_id` among its learners (unchanged if there already). KeyError if unknown."""

    def remove_learner(self, class_id: str, user_id: int) -> Class:
        """The class without `user_id` (unchanged if not there). KeyError if unknown."""

    def link_group(self, class_id: str, chat_id: int | None) -> Class:
        """Announce the class's assignments in group `chat_id` (None: in no group). A group belongs to
        one class at a time: linking it here unlinks it from any other. KeyError if unknown."""

    def class_for_group(self, chat_id: int) -> Class | None: ...
