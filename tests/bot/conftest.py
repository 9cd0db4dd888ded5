"""End-to-end fixtures: the Bot API emulator in this process, the real `companion run` beside it.

    def test_something(emu):                 # the bot is up and long-polling
        alice = emu.user(1001, "Alice", language_code="ko")
        emu.send_text(alice, "/start")
        [welcome] = emu.wait_for_messages(alice)

`running_bot` gives the process and its log too. At teardown the bot gets SIGTERM and must exit
with status 0, its log must hold no traceback, and the emulator must have refused nothing.
Ask for other settings with `@pytest.mark.bot_env(LOG_LEVEL="DEBUG")`, or another token with
`@pytest.mark.bot_token("987654:...")`.
"""
from __future__ import annotations

import os
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.sandbox import Emulator
from bot.sandbox.bot_process import CHECKOUT, spawn_bot, stop_bot
from bot.settings import SETTING_NAMES

TEST_TOKEN = "123456:TEST"
BOT_USERNAME = "ReadingCompanionBot"
START_TIMEOUT = 20.0


def pytest_configure(config):
    config.addinivalue_line("markers", "bot_env(**settings): extra environment for the bot process")
    config.addinivalue_line("markers", "bot_token(token): the token the emulator and the bot use")


@dataclass
class RunningBot:
    """The emulator, and the bot process polling it."""

    emu: Emulator
    process: subprocess.Popen
    log_path: Path
    data_dir: Path

    def log(self) -> str:
        """Everything the bot has logged so far (its stderr)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def start_bot(emu: Emulator, tmp_path: Path, **env: str) -> RunningBot:
    """Spawn `python -m bot run` against `emu` and wait for its first long poll."""
    data_dir, log_path = tmp_path / "data", tmp_path / "bot.log"
    settings = {"log_level": env.pop("LOG_LEVEL", "INFO"), "rate_limiter": env.pop("RATE_LIMITER", "on") == "on"}
    with open(log_path, "w", encoding="utf-8") as log:
        process = spawn_bot(emu, data_dir, stderr=log, cwd=tmp_path, **settings, **env)
    bot = RunningBot(emu, process, log_path, data_dir)
    try:
        emu.wait_for_first_poll(timeout=START_TIMEOUT)
    except TimeoutError:
        stop_bot(process)
        pytest.fail(f"the bot did not start polling; its log:\n{bot.log()}")
    return bot


@pytest.fixture
def running_bot(request, tmp_path):
    """The emulator and the real bot process; checks a clean exit and zero refusals at the end."""
    env_marker = request.node.get_closest_marker("bot_env")
    token_marker = request.node.get_closest_marker("bot_token")
    token = token_marker.args[0] if token_marker else TEST_TOKEN
    with Emulator(token=token, username=BOT_USERNAME) as emu:
        bot = start_bot(emu, tmp_path, **(env_marker.kwargs if env_marker else {}))
        try:
            yield bot
        finally:
            status = stop_bot(bot.process)
        log = bot.log()
        assert status == 0, f"the bot exited with status {status}; its log:\n{log}"
        assert "Traceback" not in log, log
        assert emu.refusals == [], f"the emulator refused: {emu.refusals}"


@pytest.fixture
def emu(running_bot) -> Emulator:
    """The emulator's user-side API, with the real bot running against it."""
    return running_bot.emu


@pytest.fixture
def environment_with():
    """Build a child process's environment: this one without the bot's settings, plus the given ones."""

    def build(**settings: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CHECKOUT), env.get("PYTHONPATH", "")) if p)
        env.update(settings)
        return env

    return build


@pytest.fixture
def free_port() -> int:
    """A local TCP port nothing listens on (yet)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
