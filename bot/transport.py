"""How the bot talks HTTP to the Bot API: aiohttp under PTB's BaseRequest, retrying what failed in transit.

PTB ships one transport, HTTPXRequest. Under load, httpx with its httpcore pool and anyio layers
spends about as much CPU on every Bot API call as the handler that made it (benchmarks/bot_load.py
measured half of the bot's CPU there); aiohttp, already a dependency of the sandbox's emulator,
does the same HTTP/1.1 keep-alive work in a fraction of that. `BotApiRequest` is PTB's documented
extension point (`telegram.request.BaseRequest`) implemented on aiohttp, translating aiohttp's
errors into PTB's `TimedOut` and `NetworkError` as HTTPXRequest does for httpx.

PTB leaves retries to the application. Its AIORateLimiter (set up in `bot.app`) already waits out
"429 Too Many Requests"; `RetryingRequest` adds the other transient failures: a 5xx answer from the
server and a connection that broke before an answer came. A read timeout is NOT retried: the server
may have acted on the request already, and a learner would see the same message twice.
"""
from __future__ import annotations

import asyncio
import logging

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.store.disk_writes import on_disk

_log = logging.getLogger(__name__)

#: Seconds to wait before each retry: short, because a learner is waiting for the answer.
RETRY_DELAYS = (0.2, 0.5, 1.0)

#: Time-outs that happen before a request leaves this machine, so retrying cannot duplicate it:
#: aiohttp raises this one while waiting for a free connection or for the connection to open.
NOT_SENT_TIMEOUTS = (aiohttp.ConnectionTimeoutError,)


def was_not_delivered(error: NetworkError) -> bool:
    """True when the request surely did not take effect or failed in transit (not a Bot API refusal)."""
    if isinstance(error, TimedOut):
        return isinstance(error.__cause__, NOT_SENT_TIMEOUTS)
    return type(error) is NetworkError  # BadRequest etc. are subclasses: refusals, never retried


def method_of(url: str) -> str:
    """The Bot API method of a request URL, without the token in front of it."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def _seconds(value, default: float | None) -> float | None:
    """A timeout PTB passed, or this request's default when PTB passed its DEFAULT_NONE marker."""
    return default if value is BaseRequest.DEFAULT_NONE else value


def _total(*parts: float | None) -> float | None:
    return None if any(part is None for part in parts) else sum(parts)


#: The Bot API takes parameters as a JSON object as well as a form; a JSON body costs a fraction
#: of a form's percent-encoding (the json module is in C), so only uploads go as a multipart form.
JSON_HEADERS = {"Content-Type": "application/json"}


def _body(request_data: RequestData | None) -> tuple[bytes | aiohttp.FormData | None, dict[str, str] | None]:
    """The request's body and the headers it needs: JSON, or a multipart form when there are files."""
    if request_data is None:
        return None, None
    if not request_data.contains_files:
        return request_data.json_payload, JSON_HEADERS
    fields = request_data.json_parameters
    files = request_data.multipart_data
    form = aiohttp.FormData(quote_fields=False)
    for name, value in fields.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form, None


class BotApiRequest(BaseRequest):
    """PTB's BaseRequest on an aiohttp session with a pool of `connection_pool_size` keep-alive connections.

    Timeouts: `read_timeout` between bytes of the answer, as for HTTPXRequest. aiohttp times the
    wait for a free connection and the opening of one together, so those two are bounded by
    `pool_timeout + connect_timeout` together. aiohttp has no write timeout: a request with files
    is bounded as a whole by the sum of all of them, with `media_write_timeout` for the upload.
    Before anything is sent, the writes of the update being handled reach the disk (`on_disk`).
    """

    __slots__ = ("_connections", "_session", "_timeouts", "_media_write_timeout")

    def __init__(self, connection_pool_size: int = 1, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0, media_write_timeout: float | None = 20.0) -> None:
        self._connections = connection_pool_size
        self._timeouts = dict(read=read_timeout, write=write_timeout, connect=connect_timeout, pool=pool_timeout)
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout, which PTB adds to a long poll's own timeout."""
        return self._timeouts["read"]

    async def initialize(self) -> None:
        """Open the session (the pool fills as requests need connections)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections, enable_cleanup_closed=False)
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT},
                                                  auto_decompress=False)

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout=BaseRequest.DEFAULT_NONE, write_timeout=BaseRequest.DEFAULT_NONE,
                         connect_timeout=BaseRequest.DEFAULT_NONE, pool_timeout=BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        """Send one request; (HTTP status, body), or PTB's TimedOut / NetworkError."""
        if self._session is None or self._session.closed:
            raise RuntimeError("This BotApiRequest is not initialized!")
        await on_disk()  # nothing reaches a learner before the change it acknowledges is saved
        uploads = bool(request_data and request_data.contains_files)
        read = _seconds(read_timeout, self._timeouts["read"])
        connect = _seconds(connect_timeout, self._timeouts["connect"])
        pool = _seconds(pool_timeout, self._timeouts["pool"])
        write = _seconds(write_timeout, self._media_write_timeout if uploads else self._timeouts["write"])
        timeout = aiohttp.ClientTimeout(total=_total(pool, connect, write, read) if uploads else None,
                                        connect=_total(pool, connect), sock_connect=connect, sock_read=read)
        try:
            body, headers = _body(request_data)
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as error:
            raise TimedOut("Timed out waiting for a connection to the Bot API: the request was *not* sent.") from error
        except asyncio.TimeoutError as error:  # aiohttp's read timeout, or the whole upload's
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {error}") from error


class RetryingRequest(BotApiRequest):
    """BotApiRequest that retries 5xx answers and broken connections a few times before giving up."""

    __slots__ = ("retry_delays",)

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
