"""The bot's settings, read once from the environment or `.env` (the real environment wins).

Every setting is documented in `.env.example` at the repository root. A missing or malformed
setting raises `SettingsError` with one line that names the setting and says what is expected;
the CLI prints that line and exits with status 2.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

#: Telegram's own Bot API endpoint; PTB appends the token to it.
TELEGRAM_BASE_URL = "https://api.telegram.org/bot"

#: A bot token is "<bot id>:<secret>" as BotFather prints it, e.g. "123456:ABC-def_Ghi".
TOKEN_SHAPE = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$")

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

#: Every environment variable the bot reads; each is documented in .env.example.
SETTING_NAMES = ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "DATA_DIR", "LOG_LEVEL", "SANDBOX_FILES_DIR", "RATE_LIMITER",
                 "CLOCK_FILE", "JOB_TICK_SECONDS", "ESPEAK_NG")

_FALSE = {"0", "false", "no", "off"}
_TRUE = {"1", "true", "yes", "on"}


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line meant for the person running the bot."""


@dataclass(frozen=True)
class Settings:
    """What the bot needs to run; build it with `Settings.load()`."""

    token: str | None = None  # None: `companion run` starts the sandbox instead
    base_url: str = TELEGRAM_BASE_URL
    data_dir: Path = Path("data")
    log_level: str = "INFO"
    sandbox_files_dir: Path = Path("sandbox-files")
    rate_limiter: bool = True  # off only for benchmarks
    clock_file: Path | None = None  # tests only: "now" is the ISO time written in this file
    job_tick_seconds: float = 30.0  # how often the bot looks for reminders and digests that are due
    espeak_ng: str = "espeak-ng"  # the speech synthesizer for pronunciation clips (a command or a path)

    @property
    def base_file_url(self) -> str:
        """Where files are downloaded: ".../bot" becomes ".../file/bot", as on Telegram's own server."""
        return self.base_url[: -len("/bot")] + "/file/bot"

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env") -> "Settings":
        """Read the settings from `environ` (default os.environ), falling back to `env_file` if it exists."""
        values: dict[str, str] = {}
        if env_file is not None and Path(env_file).is_file():
            from dotenv import dotenv_values

            values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
        values.update(os.environ if environ is None else environ)
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> "Settings":
        """Validate raw string values into Settings, or raise SettingsError."""

        def get(name: str) -> str:
            return (values.get(name) or "").strip()

        return cls(
            token=parse_token(get("TELEGRAM_BOT_TOKEN")),
            base_url=parse_base_url(get("TELEGRAM_BASE_URL") or TELEGRAM_BASE_URL),
            data_dir=Path(get("DATA_DIR") or "data"),
            log_level=parse_log_level(get("LOG_LEVEL") or "INFO"),
            sandbox_files_dir=Path(get("SANDBOX_FILES_DIR") or "sandbox-files"),
            rate_limiter=parse_switch("RATE_LIMITER", get("RATE_LIMITER") or "on"),
            clock_file=Path(get("CLOCK_FILE")) if get("CLOCK_FILE") else None,
            job_tick_seconds=parse_tick(get("JOB_TICK_SECONDS") or "30"),
            espeak_ng=get("ESPEAK_NG") or "espeak-ng",
        )

    def require_token(self) -> str:
        """The token, or SettingsError if there is none."""
        if not self.token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set: put the token from @BotFather in .env (see .env.example)")
        return self.token


def parse_tick(raw: str) -> float:
    """Seconds between two looks for due reminders: 0.05 (tests) to 3600."""
    try:
        seconds = float(raw)
    except ValueError:
        raise SettingsError(f"JOB_TICK_SECONDS must be a number of seconds, not {raw!r}") from None
    if not 0.05 <= seconds <= 3600:
        raise SettingsError("JOB_TICK_SECONDS must be between 0.05 and 3600")
    return seconds


def parse_token(raw: str) -> str | None:
    """An empty token means "no token"; anything else must look like BotFather's."""
    if not raw:
        return None
    if not TOKEN_SHAPE.match(raw):
        # Never echo the value: it may be a real secret with a typo in it.
        raise SettingsError("TELEGRAM_BOT_TOKEN is malformed: expected <digits>:<letters, digits, _ or ->, as @BotFather gives it")
    return raw


def parse_base_url(raw: str) -> str:
    """An http(s) URL ending in /bot, the way PTB and the Bot API server expect it."""
    url = raw.rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"TELEGRAM_BASE_URL is not an http(s) URL: {raw!r} (default {TELEGRAM_BASE_URL})")
    if not parts.path.endswith("/bot") or parts.query or parts.fragment:
        raise SettingsError(f"TELEGRAM_BASE_URL must end with /bot, like {TELEGRAM_BASE_URL}: got {raw!r}")
    return url


def parse_log_level(raw: str) -> str:
    """One of Python's level names, any case."""
    level = raw.upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}: got {raw!r}")
    return level


def parse_switch(name: str, raw: str) -> bool:
    """on/off, yes/no, true/false, 1/0."""
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise SettingsError(f"{name} must be on or off: got {raw!r}")
