"""A 429, a 5xx or a dropped connection on sendMessage: the reply still arrives, exactly once."""
from __future__ import annotations

import pytest

from bot.texts import text


def delivered(emu, chat_id: int, html: str) -> int:
    """How many sendMessage calls to the chat with that text reached the API."""
    return sum(1 for call in emu.calls("sendMessage") if call.params.get("chat_id") in (chat_id, str(chat_id))
               and call.params.get("text") == html)


@pytest.mark.parametrize("fault", ["429", "5xx", "drop"])
def test_the_reply_arrives_once_after_a_fault(emu, fault):
    learner = emu.user(1001, "Minji", language_code="en")
    emu.inject_fault("sendMessage", fault, times=1, retry_after=1)
    emu.send_text(learner, "/help")
    [answer] = emu.wait_for_messages(learner, timeout=15)
    assert answer.html == text("en", "help.body")
    assert emu.faults_served == [("sendMessage", fault)]
    # Updates are handled in order: once /start is answered, a late duplicate of /help would be here.
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner, timeout=15)
    assert welcome.html.startswith(text("en", "start.welcome", name="Minji"))
    assert [m.html for m in emu.messages(learner)] == [answer.html, welcome.html]
    assert delivered(emu, learner.id, text("en", "help.body")) == 1


def test_two_faults_in_a_row_are_survived_too(emu):
    learner = emu.user(1001, "Minji", language_code="ko")
    emu.inject_fault("sendMessage", "5xx", times=1)
    emu.inject_fault("sendMessage", "drop", times=1)
    emu.send_text(learner, "/help")
    [answer] = emu.wait_for_messages(learner, timeout=15)
    assert answer.html == text("ko", "help.body")
    assert len(emu.faults_served) == 2
    assert delivered(emu, learner.id, answer.html) == 1


@pytest.mark.parametrize("language_code, lang", [("en", "en"), ("ko", "ko")])
def test_when_the_retries_run_out_the_learner_gets_an_apology(running_bot, language_code, lang):
    emu = running_bot.emu
    learner = emu.user(1001, "Minji", language_code=language_code)
    emu.inject_fault("sendMessage", "5xx", times=4)  # the first try and all three retries
    emu.send_text(learner, "/help")
    [apology] = emu.wait_for_messages(learner, timeout=15)
    assert apology.html == text(lang, "error.generic")
    assert len(emu.faults_served) == 4
    assert "failed: NetworkError: Bad Gateway" in running_bot.log()
