"""The token never reaches the bot's log: its stderr is read after real traffic, faults and a stale button."""
from __future__ import annotations

import pytest

from bot.sandbox.bot_process import stop_bot

#: Shaped like a real BotFather token, so both the URL and the bare-token patterns are exercised.
TOKEN = "7654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX"


@pytest.mark.bot_token(TOKEN)
@pytest.mark.parametrize("level", [pytest.param(level, marks=pytest.mark.bot_env(LOG_LEVEL=level)) for level in ("INFO", "DEBUG")])
def test_the_token_is_not_in_the_log(running_bot, level):
    emu = running_bot.emu
    learner = emu.user(1001, "Minji")
    emu.inject_fault("sendMessage", "5xx")
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    emu.callback_answer(emu.press_data(learner, welcome.message_id, "stale"))
    emu.inject_fault("sendMessage", "drop")
    emu.send_text(learner, "/help")
    emu.wait_for_messages(learner)
    stop_bot(running_bot.process)

    log = running_bot.log()
    assert "is polling for updates" in log and "sendMessage failed (HTTP 502)" in log  # the log is not empty
    assert TOKEN not in log
    assert TOKEN.split(":")[1] not in log
    if level == "DEBUG":  # PTB logs the Bot API URL, token and all, at DEBUG: the filter caught it
        assert "Set Bot API URL: http://127.0.0.1" in log and "/bot<redacted>" in log
