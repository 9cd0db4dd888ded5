"""Fixtures for the emulator's own tests: a bare emulator (no bot process), a real PTB Bot on it,
and a plain-HTTP caller.

`emu` here overrides tests/bot/conftest.py's fixture of the same name (which also starts the bot):
these tests play the bot themselves, with python-telegram-bot's `Bot` or with httpx.
"""
from __future__ import annotations

import json

import httpx
import pytest
from telegram import Bot

from bot.sandbox import Emulator

TOKEN = "123456:TEST"


@pytest.fixture
def emu():
    """A running emulator with no bot attached."""
    with Emulator(token=TOKEN, username="ReadingCompanionBot") as emulator:
        yield emulator


@pytest.fixture
def alice(emu):
    """A learner who has opened her private chat (her /start is the first pending update)."""
    user = emu.user(1001, "Alice", language_code="ko")
    emu.send_text(user, "/start")
    return user


@pytest.fixture
async def bot(emu):
    """python-telegram-bot's real Bot, pointed at the emulator."""
    async with Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url) as real_bot:
        yield real_bot


class Api:
    """Calls Bot API methods with plain HTTP and returns (status, decoded body)."""

    def __init__(self, emu: Emulator):
        self.emu = emu
        self.client = httpx.Client(timeout=10)

    def url(self, method: str, token: str | None = None) -> str:
        return f"{self.emu.base_url}{token or self.emu.token}/{method}"

    def __call__(self, method: str, token: str | None = None, **params) -> tuple[int, dict]:
        response = self.client.post(self.url(method, token), json=params)
        return response.status_code, response.json()

    def form(self, method: str, files=None, **params) -> tuple[int, dict]:
        """The way python-telegram-bot sends: form fields, objects as JSON text."""
        data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
        response = self.client.post(self.url(method), data=data, files=files)
        return response.status_code, response.json()

    def refused(self, method: str, **params) -> str:
        """The description of a refusal (fails if the call succeeded)."""
        status, body = self(method, **params)
        assert not body["ok"], f"{method} was accepted: {body}"
        assert status == body["error_code"]
        return body["description"]

    def ok(self, method: str, **params):
        status, body = self(method, **params)
        assert status == 200 and body["ok"], body
        return body["result"]


@pytest.fixture
def api(emu):
    caller = Api(emu)
    yield caller
    caller.client.close()
