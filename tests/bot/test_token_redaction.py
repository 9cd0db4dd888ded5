"""The bot token never reaches the logs: not from httpx's request lines, not from an exception."""
from __future__ import annotations

import io
import logging

import httpx
import pytest

from bot.logging_setup import configure_logging, redact

TOKEN = "7654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX"
OTHER_TOKEN = "1234567:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsawY"


@pytest.fixture
def log_stream():
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    stream = io.StringIO()
    configure_logging("DEBUG", TOKEN, stream=stream)
    yield stream
    root.handlers[:], root.level = saved[0], saved[1]
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.parametrize(
    "line",
    [
        f"HTTP Request: POST https://api.telegram.org/bot{TOKEN}/getUpdates \"HTTP/1.1 200 OK\"",
        f"The token `{TOKEN}` was rejected by the server.",
        f"GET http://127.0.0.1:8081/file/bot{TOKEN}/documents/file_1.pdf",
        f"another bot's URL: https://api.telegram.org/bot{OTHER_TOKEN}/getMe",
        "the test token: http://127.0.0.1:4000/bot123456:TEST/sendMessage",
    ],
)
def test_redact_removes_tokens(line):
    cleaned = redact(line, TOKEN)
    for secret in (TOKEN, OTHER_TOKEN, "123456:TEST"):
        assert secret not in cleaned
    assert "<redacted>" in cleaned


def test_redact_leaves_ordinary_text_alone():
    line = "2024-05-01 12:30:45,123 INFO bot.runner: polling; chat -2001 at 10:15"
    assert redact(line, TOKEN) == line


def test_a_logged_request_url_is_redacted(log_stream):
    logging.getLogger("telegram.ext").info("calling %s", f"https://api.telegram.org/bot{TOKEN}/sendMessage")
    output = log_stream.getvalue()
    assert "https://api.telegram.org/bot<redacted>/sendMessage" in output
    assert TOKEN not in output


def test_a_logged_traceback_is_redacted(log_stream):
    try:
        raise RuntimeError(f"failed: https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError:
        logging.getLogger("bot").exception("start-up failed")
    output = log_stream.getvalue()
    assert "Traceback" in output and "RuntimeError" in output
    assert TOKEN not in output and TOKEN.split(":")[1] not in output


def test_httpx_request_lines_are_held_back_at_info(log_stream):
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"ok": True, "result": True})

    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        client.post(f"https://api.telegram.org/bot{TOKEN}/getMe")
    assert "HTTP Request" not in log_stream.getvalue()
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
