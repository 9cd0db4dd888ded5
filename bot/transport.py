"""How the bot talks HTTP to the Bot API: PTB's HTTPXRequest, retrying what failed in transit.

PTB leaves retries to the application. Its AIORateLimiter (set up in `bot.app`) already waits out
"429 Too Many Requests"; this adds the other transient failures: a 5xx answer from the server and
a connection that broke before an answer came. A read timeout is NOT retried: the server may have
acted on the request already, and a learner would see the same message twice.
"""
from __future__ import annotations

import asyncio
import logging

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

_log = logging.getLogger(__name__)

#: Seconds to wait before each retry: short, because a learner is waiting for the answer.
RETRY_DELAYS = (0.2, 0.5, 1.0)

#: Time-outs that happen before a request leaves this machine, so retrying cannot duplicate it.
NOT_SENT_TIMEOUTS = (httpx.ConnectTimeout, httpx.PoolTimeout)


def was_not_delivered(error: NetworkError) -> bool:
    """True when the request surely did not take effect or failed in transit (not a Bot API refusal)."""
    if isinstance(error, TimedOut):
        return isinstance(error.__cause__, NOT_SENT_TIMEOUTS)
    return type(error) is NetworkError  # BadRequest etc. are subclasses: refusals, never retried


def method_of(url: str) -> str:
    """The Bot API method of a request URL, without the token in front of it."""
    return url.rstrip("/").rsplit("/", 1)[-1]


class RetryingRequest(HTTPXRequest):
    """HTTPXRequest that retries 5xx answers and broken connections a few times before giving up."""

    def __init__(self, *args, retry_delays: tuple[float, ...] = RETRY_DELAYS, **kwargs):
        super().__init__(*args, **kwargs)
        self.retry_delays = retry_delays

    async def do_request(self, url: str, method: str, request_data=None, **timeouts) -> tuple[int, bytes]:
        for attempt, delay in enumerate((*self.retry_delays, None), start=1):
            try:
                code, payload = await super().do_request(url, method, request_data, **timeouts)
            except NetworkError as error:
                if delay is None or not was_not_delivered(error):
                    raise
                reason = str(error)
            else:
                if code < 500 or delay is None:
                    return code, payload
                reason = f"HTTP {code}"
            _log.warning("%s failed (%s); retry %d of %d in %.2g s", method_of(url), reason, attempt, len(self.retry_delays), delay)
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover
