"""Which failed requests the bot may safely send again: only those that cannot have taken effect twice."""
from __future__ import annotations

import aiohttp
import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.transport import method_of, was_not_delivered


def caused_by(error: Exception, cause: Exception) -> Exception:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    "error, retry",
    [
        (NetworkError("aiohttp.ClientConnectorError: Cannot connect to host 127.0.0.1:8081"), True),
        (NetworkError("aiohttp.ServerDisconnectedError: Server disconnected"), True),
        (NetworkError("Bad Gateway"), True),
        (caused_by(TimedOut(), aiohttp.ConnectionTimeoutError("no free connection or no connection made")), True),
        (caused_by(TimedOut(), aiohttp.SocketTimeoutError("read")), False),  # Telegram may have sent it already
        (caused_by(TimedOut(), TimeoutError()), False),  # an upload that ran out of time as a whole
        (BadRequest("Message is too long"), False),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v),
)
def test_only_undelivered_requests_are_retried(error, retry):
    assert was_not_delivered(error) is retry


@pytest.mark.parametrize(
    "url, method",
    [
        ("https://api.telegram.org/bot123456:TEST/sendMessage", "sendMessage"),
        ("http://127.0.0.1:8081/bot123456:TEST/getUpdates/", "getUpdates"),
    ],
)
def test_the_logged_method_name_carries_no_token(url, method):
    assert method_of(url) == method
