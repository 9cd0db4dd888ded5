"""Native polls: Telegram's limits on quizzes, and poll/poll_answer updates when users vote."""
from __future__ import annotations

import pytest
from telegram import InputPollOption, Poll
from telegram.error import BadRequest


async def send_quiz(bot, chat_id, **overrides):
    params = dict(question="The army ran short of ____.", options=["munitions", "gardens", "songs"],
                  type=Poll.QUIZ, correct_option_ids=[0], is_anonymous=False,
                  explanation="<b>munitions</b>: military weapons", explanation_parse_mode="HTML")
    params.update(overrides)
    return await bot.send_poll(chat_id, **params)


async def updates_of(bot):
    updates = await bot.get_updates(timeout=5)
    await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return updates


async def test_a_quiz_arrives_as_sent(bot, emu, alice):
    sent = await send_quiz(bot, alice.id)
    assert sent.poll.type == Poll.QUIZ and sent.poll.correct_option_ids == (0,)
    assert sent.poll.explanation == "munitions: military weapons"
    assert [e.type for e in sent.poll.explanation_entities] == ["bold"]
    [shown] = emu.wait_for_messages(alice)
    assert shown.kind == "poll"
    assert shown.poll["options"] == ["munitions", "gardens", "songs"]
    assert (shown.poll["correct_option_id"], shown.poll["is_anonymous"]) == (0, False)


async def test_answering_sends_poll_answer_then_poll(bot, emu, alice):
    await updates_of(bot)  # Alice's /start
    await send_quiz(bot, alice.id)
    [shown] = emu.wait_for_messages(alice)
    emu.answer_poll(alice, shown, [2])
    answer, state = [u.poll_answer or u.poll for u in await updates_of(bot)]
    assert (answer.poll_id, answer.user.id, answer.option_ids) == (shown.poll["id"], alice.id, (2,))
    assert [o.voter_count for o in state.options] == [0, 0, 1]
    assert state.total_voter_count == 1
    assert emu.message(alice, shown.message_id).poll["voter_counts"] == [0, 0, 1]


async def test_anonymous_polls_send_no_poll_answer(bot, emu, alice):
    await updates_of(bot)
    await bot.send_poll(alice.id, "Did you enjoy it?", ["Yes", "No"])
    [shown] = emu.wait_for_messages(alice)
    emu.answer_poll(alice, shown, [0])
    assert [bool(u.poll) for u in await updates_of(bot)] == [True]


async def test_a_quiz_answer_cannot_be_changed(bot, emu, alice):
    await send_quiz(bot, alice.id)
    [shown] = emu.wait_for_messages(alice)
    emu.answer_poll(alice, shown, [1])
    with pytest.raises(ValueError):
        emu.answer_poll(alice, shown, [0])
    with pytest.raises(ValueError):
        emu.answer_poll(alice, shown, [0, 1])


async def test_regular_polls_allow_changing_and_retracting(bot, emu, alice):
    await bot.send_poll(alice.id, "Level?", ["B1", "B2"], is_anonymous=False)
    [shown] = emu.wait_for_messages(alice)
    emu.answer_poll(alice, shown, [0])
    emu.answer_poll(alice, shown, [1])
    assert emu.message(alice, shown.message_id).poll["voter_counts"] == [0, 1]
    emu.answer_poll(alice, shown, [])
    assert emu.message(alice, shown.message_id).poll["total_voter_count"] == 0


async def test_stopping_a_poll_closes_it_once(bot, emu, alice):
    sent = await send_quiz(bot, alice.id)
    stopped = await bot.stop_poll(alice.id, sent.message_id)
    assert stopped.is_closed
    with pytest.raises(BadRequest):
        await bot.stop_poll(alice.id, sent.message_id)
    assert emu.refusals[-1].description == "Bad Request: poll has already been closed"
    with pytest.raises(ValueError):
        emu.answer_poll(alice, sent.poll.id, [0])


def test_stopping_a_message_without_a_poll_is_refused(api, alice):
    sent = api.ok("sendMessage", chat_id=alice.id, text="not a poll")
    assert api.refused("stopPoll", chat_id=alice.id, message_id=sent["message_id"]
                       ) == "Bad Request: message with poll to stop not found"


QUESTION_300 = "q" * 300
EXPLANATION_200 = "e" * 200


@pytest.mark.parametrize(
    "overrides, description",
    [
        ({"question": "q" * 301}, "Bad Request: poll question length must not exceed 300"),
        ({"question": " "}, "Bad Request: poll question must be non-empty"),
        ({"explanation": "e" * 201, "explanation_parse_mode": None},
         "Bad Request: poll explanation length must not exceed 200"),
        ({"explanation": "<i>" + "e" * 201 + "</i>"},
         "Bad Request: poll explanation length must not exceed 200"),
        ({"explanation": "a\nb\nc\nd"}, "Bad Request: poll explanation length must not exceed 200"),
        ({"options": ["o" * 101, "b"]}, "Bad Request: poll options length must not exceed 100"),
        ({"options": [" ", "b"]}, "Bad Request: poll options must be non-empty"),
        ({"options": [str(i) for i in range(13)]}, "Bad Request: poll can't have more than 12 options"),
        ({"correct_option_ids": [3]}, "Bad Request: wrong correct option ID specified"),
        ({"explanation": "<b>why"},
         "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\""),
    ],
    ids=["question-301", "question-empty", "explanation-201", "explanation-201-visible",
         "explanation-3-line-feeds", "option-101", "option-empty", "13-options",
         "correct-out-of-range", "explanation-html"],
)
async def test_quiz_limits(bot, emu, alice, overrides, description):
    with pytest.raises(BadRequest):
        await send_quiz(bot, alice.id, **overrides)
    assert emu.refusals[-1].description == description
    assert emu.messages(alice) == []


async def test_quiz_at_the_limits_is_accepted(bot, emu, alice):
    options = [InputPollOption("o" * 100)] + [str(i) for i in range(11)]
    sent = await send_quiz(bot, alice.id, question=QUESTION_300, options=options,
                           explanation="<i>" + EXPLANATION_200 + "</i>", correct_option_ids=[11])
    assert len(sent.poll.options) == 12 and sent.poll.explanation == EXPLANATION_200
    assert emu.refusals == []


def test_options_must_be_a_list(api, alice):
    assert api.refused("sendPoll", chat_id=alice.id, question="Q?",
                       options=[]) == "Bad Request: poll must have at least one answer option"
    status, body = api.form("sendPoll", chat_id=str(alice.id), question="Q?", options="a, b")
    assert body["description"] == "Bad Request: can't parse options JSON object"


def test_old_correct_option_id_still_works(api, alice):
    sent = api.ok("sendPoll", chat_id=alice.id, question="Q?", options=["a", "b"], type="quiz",
                  correct_option_id=1)
    assert sent["poll"]["correct_option_ids"] == [1]


async def test_questions_and_options_keep_only_custom_emoji(bot, alice):
    options = [InputPollOption("<i>flee</i>", text_parse_mode="HTML"), "run"]
    sent = await bot.send_poll(alice.id, "<b>Which</b> word?", options, question_parse_mode="HTML")
    assert sent.poll.question == "Which word?" and sent.poll.question_entities == ()
    assert sent.poll.options[0].text == "flee" and sent.poll.options[0].text_entities == ()


async def test_a_timed_poll_closes_by_itself(bot, emu, alice):
    sent = await bot.send_poll(alice.id, "Quick!", ["a", "b"], open_period=5)
    emu.world.polls[sent.poll.id].opened_at -= 6  # five seconds pass
    with pytest.raises(ValueError, match="closed"):
        emu.answer_poll(alice, sent.poll.id, [0])
    assert emu.message(alice, sent.message_id).poll["is_closed"]
