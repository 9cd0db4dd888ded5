"""`companion run` connects, publishes its menu, polls; waits for a Bot API that is down; stops on a signal."""
from __future__ import annotations

import signal
import time
from types import SimpleNamespace

from bot.sandbox import Emulator
from bot.sandbox.bot_process import spawn_bot, stop_bot
from bot.texts import text

TEST_TOKEN = "123456:TEST"
BOT_USERNAME = "ReadingCompanionBot"


def wait_for_line(path, needle: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        if needle in log:
            return log
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared in the log:\n{log}")


def test_the_bot_connects_publishes_its_menu_and_polls(running_bot):
    emu = running_bot.emu
    methods = [call.method for call in emu.calls()]
    assert methods.index("getMe") < methods.index("deleteWebhook") < methods.index("getUpdates")
    assert methods.count("setMyCommands") == 2
    assert f"@{BOT_USERNAME} is polling for updates" in running_bot.log()
    assert running_bot.data_dir.is_dir()


def test_sigint_stops_the_bot_cleanly(running_bot):
    running_bot.process.send_signal(signal.SIGINT)
    assert running_bot.process.wait(10) == 0
    assert "Stopped cleanly" in running_bot.log()


def test_the_bot_waits_for_the_bot_api_to_come_up(tmp_path, free_port):
    port = free_port
    down = SimpleNamespace(token=TEST_TOKEN, base_url=f"http://127.0.0.1:{port}/bot")
    log_path = tmp_path / "bot.log"
    with open(log_path, "w") as log:
        process = spawn_bot(down, tmp_path / "data", stderr=log, cwd=tmp_path)
    try:
        wait_for_line(log_path, "Could not connect to the Bot API")
        assert process.poll() is None, "the bot gave up instead of retrying"
        with Emulator(token=TEST_TOKEN, username=BOT_USERNAME, port=port) as emu:
            emu.wait_for_first_poll(timeout=60)
            learner = emu.user(1001, "Minji", language_code="ko")
            emu.send_text(learner, "/help")
            assert emu.wait_for_messages(learner)[0].html == text("ko", "help.body")
            assert stop_bot(process) == 0
            assert emu.refusals == []
    finally:
        stop_bot(process)
    log = log_path.read_text()
    attempts = [line for line in log.splitlines() if "Could not connect to the Bot API" in line]
    assert attempts and all(TEST_TOKEN not in line for line in attempts)
    assert "Traceback" not in log


def test_a_signal_during_startup_retries_stops_the_bot_cleanly(tmp_path, free_port):
    down = SimpleNamespace(token=TEST_TOKEN, base_url=f"http://127.0.0.1:{free_port}/bot")
    log_path = tmp_path / "bot.log"
    with open(log_path, "w") as log:
        process = spawn_bot(down, tmp_path / "data", stderr=log, cwd=tmp_path)
    wait_for_line(log_path, "Could not connect to the Bot API")
    assert stop_bot(process, timeout=10) == 0
    assert "Stopped cleanly" in log_path.read_text()


def test_a_token_the_bot_api_rejects_is_one_line_and_exit_status_2(tmp_path):
    wrong = "999999:WRONGtokenWRONGtokenWRONGtokenWRONG"
    log_path = tmp_path / "bot.log"
    with Emulator(token=TEST_TOKEN, username=BOT_USERNAME) as emu, open(log_path, "w") as log:
        process = spawn_bot(emu, tmp_path / "data", stderr=log, cwd=tmp_path, TELEGRAM_BOT_TOKEN=wrong)
        assert process.wait(30) == 2
    log = log_path.read_text()
    assert log.strip().splitlines()[-1] == (
        "companion: TELEGRAM_BOT_TOKEN was rejected by the Bot API: check it with @BotFather")
    assert wrong not in log and "Traceback" not in log
