"""Tutors' classes through Telegram: create, invite by deep link, join, replace the link, leave, link a group.

Every step runs through the Bot API emulator against the real bot process; the fixture checks that
the emulator refused nothing and that the bot exited cleanly.
"""
from __future__ import annotations

import re

import pytest

from bot.texts import text
from tests.bot.conftest import BOT_USERNAME

LINK = re.compile(r"https://t\.me/\S+")
PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


def invite_link(message) -> str:
    """The deep link shown in an invite message, checked against Telegram's rules."""
    [link] = LINK.findall(message.text)
    prefix = f"https://t.me/{BOT_USERNAME}?start="
    assert link.startswith(prefix) and PAYLOAD.fullmatch(link[len(prefix):]), link
    return link


def code_of(link: str) -> str:
    return link.rpartition("start=")[2]


def say(emu, user, command: str, chat=None, count: int = 1):
    """`user` sends `command`; the bot's answers (one by default)."""
    emu.send_text(user, command, chat)
    return emu.wait_for_messages(chat if chat is not None else user, count)


def ask(emu, user, command: str, chat=None):
    [answer] = say(emu, user, command, chat)
    return answer


def class_ids(message) -> dict[str, str]:
    """Class name -> class id, from the buttons of a "which class?" message."""
    return {label: data.split(":")[2] for row in message.buttons for label, data in row}


def test_a_learner_joins_by_link_the_tutor_replaces_it_and_the_old_one_stops_working(emu):
    tutor = emu.user(2001, "Jina")
    learner = emu.user(1001, "Minji", language_code="ko")
    late = emu.user(1002, "Tom")

    created = ask(emu, tutor, "/newclass   Thursday  B2 ")
    link = invite_link(created)
    assert created.html == text("en", "tutor.newclass.done", name="Thursday B2", link=link, code=code_of(link))
    assert created.button_labels == [text("en", "tutor.invite.share")]

    emu.open_link(learner, link)
    [welcome] = emu.wait_for_messages(learner)
    assert welcome.html == text("ko", "tutor.join.done", name="Thursday B2", tutor="Jina")
    assert ask(emu, learner, "/classes").html == "\n".join(
        [text("ko", "tutor.classes.learning"), text("ko", "tutor.classes.member", name="Thursday B2", tutor="Jina")])
    assert text("en", "tutor.classes.size_one", name="Thursday B2") in ask(emu, tutor, "/classes").html

    # joining twice, and the tutor opening their own link: a clear answer, nothing changed
    emu.open_link(learner, link)
    assert emu.wait_for_messages(learner)[0].html == text("ko", "tutor.error.already_member", name="Thursday B2")
    emu.open_link(tutor, link)
    assert emu.wait_for_messages(tutor)[0].html == text("en", "tutor.error.own_class", name="Thursday B2")

    renewed = ask(emu, tutor, "/invite")
    new_link = invite_link(renewed)
    assert new_link != link
    assert renewed.html == text("en", "tutor.invite.done", name="Thursday B2", link=new_link, code=code_of(new_link))

    emu.open_link(late, link)  # the replaced link
    assert emu.wait_for_messages(late)[0].html == text("en", "tutor.join.unknown")
    assert ask(emu, late, "/classes").html == text("en", "tutor.classes.none")
    assert ask(emu, late, f"/join {code_of(new_link)}").html == text("en", "tutor.join.done", name="Thursday B2", tutor="Jina")
    assert text("en", "tutor.classes.size_many", name="Thursday B2", size=2) in ask(emu, tutor, "/classes").html

    assert ask(emu, learner, "/leave").html == text("ko", "tutor.leave.done", name="Thursday B2")
    assert ask(emu, learner, "/leave").html == text("ko", "tutor.leave.none")
    assert text("en", "tutor.classes.size_one", name="Thursday B2") in ask(emu, tutor, "/classes").html


@pytest.mark.parametrize("command, answer", [
    ("/newclass", "tutor.error.no_name"),
    ("/newclass " + "x" * 65, "tutor.error.name_too_long"),
    ("/join", "tutor.join.usage"),
    ("/join nonsense", "tutor.join.unknown"),
    ("/join AbCdEfGhIjKlMnOpQrStUvWx", "tutor.join.unknown"),
    ("/invite", "tutor.invite.none"),
    ("/leave", "tutor.leave.none"),
    ("/linkgroup", "tutor.error.not_in_group"),
])
def test_bad_input_gets_a_clear_answer_and_changes_nothing(emu, command, answer):
    someone = emu.user(3001, "Sam")
    assert ask(emu, someone, command).html == text("en", answer, max=64)
    assert ask(emu, someone, "/classes").html == text("en", "tutor.classes.none")


def test_an_unknown_start_payload_is_left_to_the_welcome(emu):
    someone = emu.user(3002, "Sam")
    [welcome] = say(emu, someone, "/start AbCdEfGhIjKlMnOpQrStUvWx")  # shaped like a code, used by no class
    assert welcome.html == text("en", "tutor.join.unknown")
    [welcome] = say(emu, someone, "/start not-an-invite")
    assert "tutor" not in welcome.html and welcome.html != text("en", "tutor.join.unknown")


def test_a_tutor_cannot_have_two_classes_of_one_name(emu):
    tutor = emu.user(2001, "Jina")
    ask(emu, tutor, "/newclass Evening")
    assert ask(emu, tutor, "/newclass evening").html == text("en", "tutor.error.name_taken", name="evening")
    assert text("en", "tutor.classes.size_many", name="Evening", size=0) in ask(emu, tutor, "/classes").html


def test_a_second_tutor_can_neither_see_nor_manage_the_first_tutors_class(emu):
    first, second = emu.user(2001, "Jina"), emu.user(2002, "Hoon")
    learner = emu.user(1001, "Minji")
    alpha_link = invite_link(ask(emu, first, "/newclass Alpha one"))
    ask(emu, first, "/newclass Alpha two")
    ask(emu, second, "/newclass Beta one")
    ask(emu, second, "/newclass Beta two")

    theirs = class_ids(ask(emu, first, "/invite"))
    assert set(theirs) == {"Alpha one", "Alpha two"}
    choose = ask(emu, second, "/invite")
    assert choose.html == text("en", "tutor.choose.invite") and set(class_ids(choose)) == {"Beta one", "Beta two"}
    assert "Alpha" not in ask(emu, second, "/classes").html
    echo = ask(emu, second, "/invite Alpha one")  # a name they typed themselves, and nothing more
    assert echo.html == text("en", "tutor.unknown_class", name="Alpha one")

    for forged in (f"cl:invite:{theirs['Alpha one']}", f"cl:leave:{theirs['Alpha one']}",
                   f"cl:link:{theirs['Alpha one']}", "cl:invite:000000000000"):
        answer = emu.callback_answer(emu.press_data(second, choose.message_id, forged))
        assert answer["text"] == text("en", "tutor.button.refused")
    assert emu.callback_answer(emu.press_data(second, choose.message_id, "cl:invite"))["text"] == text("en", "button.expired")
    assert emu.message(second, choose.message_id).html == choose.html  # not edited
    assert [m.message_id for m in emu.messages(second) if "Alpha" in m.text] == [echo.message_id]

    emu.open_link(learner, alpha_link)  # the first tutor's link still works
    assert emu.wait_for_messages(learner)[0].html == text("en", "tutor.join.done", name="Alpha one", tutor="Jina")

    # the first tutor's own button replaces the link in place
    emu.press(first, "Alpha one")
    edited = emu.wait_for_edit(emu.last_message(first))
    new_link = invite_link(edited)
    assert edited.html == text("en", "tutor.invite.done", name="Alpha one", link=new_link, code=code_of(new_link))
    emu.open_link(emu.user(1002, "Tom"), alpha_link)
    assert emu.wait_for_messages(1002)[0].html == text("en", "tutor.join.unknown")


def test_only_the_tutor_links_a_group_and_its_members_join_from_there(emu):
    tutor, other_tutor = emu.user(2001, "Jina"), emu.user(2002, "Hoon")
    learner = emu.user(1001, "Minji")
    group = emu.group(-3001, "Thursday readers", members=[tutor, other_tutor, learner])
    ask(emu, tutor, "/newclass Thursday B2")
    ask(emu, tutor, "/newclass Friday C1")
    ask(emu, other_tutor, "/newclass Hoon's class")

    assert ask(emu, learner, "/linkgroup", chat=group).html == text("en", "tutor.error.not_tutor")
    assert ask(emu, tutor, "/newclass Sunday", chat=group).html == text("en", "tutor.private_only", command="/newclass")

    choose = ask(emu, tutor, "/linkgroup", chat=group)
    assert choose.html == text("en", "tutor.choose.link")
    thursday = class_ids(choose)["Thursday B2"]
    refused = emu.callback_answer(emu.press_data(learner, choose.message_id, f"cl:link:{thursday}", chat=group))
    assert refused["text"] == text("en", "tutor.button.refused")

    emu.press(tutor, "Thursday B2", chat=group)
    linked = emu.wait_for_edit(choose)
    assert linked.html == text("en", "tutor.link.done", name="Thursday B2")
    assert linked.button_labels == [text("en", "tutor.link.join")]
    [thursday_line] = [line for line in ask(emu, tutor, "/classes").html.splitlines() if "Thursday" in line]
    assert thursday_line.endswith(text("en", "tutor.classes.group_linked"))

    emu.press(learner, text("en", "tutor.link.join"), chat=group)  # opens the private chat with the invite
    assert emu.wait_for_messages(learner)[0].html == text("en", "tutor.join.done", name="Thursday B2", tutor="Jina")

    assert ask(emu, other_tutor, "/linkgroup", chat=group).html == text("en", "tutor.error.group_taken")
    assert text("en", "tutor.classes.group_linked") not in ask(emu, other_tutor, "/classes").html


def test_a_linked_group_stays_linked_when_it_becomes_a_supergroup(emu):
    tutor, other_tutor = emu.user(2001, "Jina"), emu.user(2002, "Hoon")
    group = emu.group(-3002, "Thursday readers", members=[tutor, other_tutor])
    ask(emu, tutor, "/newclass Thursday B2")
    ask(emu, other_tutor, "/newclass Hoon's class")
    assert ask(emu, tutor, "/linkgroup", chat=group).html == text("en", "tutor.link.done", name="Thursday B2")

    supergroup = emu.upgrade_to_supergroup(group, tutor)
    ask(emu, tutor, "/help", chat=supergroup)  # the tutor's updates are handled in order: the move is done

    assert ask(emu, other_tutor, "/linkgroup", chat=supergroup).html == text("en", "tutor.error.group_taken")
    [thursday_line] = [line for line in ask(emu, tutor, "/classes").html.splitlines() if "Thursday" in line]
    assert thursday_line.endswith(text("en", "tutor.classes.group_linked"))
