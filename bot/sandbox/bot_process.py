"""The real bot (`python -m bot run`, i.e. `companion run`) as a child process aimed at an emulator.

The sandbox terminal, the end-to-end tests and the benchmark all start the bot this way, so they
exercise exactly what runs in production: settings from the environment, logging, start-up
retries, long polling and the SIGTERM shutdown.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

#: How long a clean shutdown may take before the bot is killed.
STOP_TIMEOUT = 10.0
#: The checkout this code was imported from: the child imports the very same `bot`, `lessons` and
#: `vocab`, whatever checkout `pip install -e` last pointed at and whatever its working directory.
CHECKOUT = Path(__file__).resolve().parents[2]


def bot_environment(emu, data_dir: Path, log_level: str = "INFO", rate_limiter: bool = True, **extra: str) -> dict[str, str]:
    """The environment that points `companion run` at the emulator `emu`."""
    env = dict(os.environ)
    env.update(
        TELEGRAM_BOT_TOKEN=emu.token,
        TELEGRAM_BASE_URL=emu.base_url,
        DATA_DIR=str(data_dir),
        LOG_LEVEL=log_level,
        RATE_LIMITER="on" if rate_limiter else "off",
        PYTHONUNBUFFERED="1",
        PYTHONPATH=os.pathsep.join(p for p in (str(CHECKOUT), os.environ.get("PYTHONPATH", "")) if p),
    )
    env.update(extra)
    return env


def spawn_bot(emu, data_dir: Path, *, log_level: str = "INFO", rate_limiter: bool = True,
              stderr: IO | int | None = None, cwd: Path | None = None, **extra_env: str) -> subprocess.Popen:
    """Start `python -m bot run` against `emu` in its own session (a terminal's Ctrl+C is not its stop signal)."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=bot_environment(emu, data_dir, log_level, rate_limiter, **extra_env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        cwd=cwd,
        start_new_session=True,
    )


def stop_bot(process: subprocess.Popen, timeout: float = STOP_TIMEOUT) -> int:
    """Send SIGTERM and wait; kill it if it does not stop in time. Returns the exit status."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode
