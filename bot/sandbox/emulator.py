"""The loopback Bot API server: Telegram's wire format over aiohttp.

Routes, as python-telegram-bot builds them from base_url/base_file_url:
    {POST,GET} /bot<token>/<method>     -> {"ok": true, "result": ...} or Telegram's error body
    GET        /file/bot<token>/<path>  -> the file's bytes
Method names are case-insensitive, like Telegram's. A malformed token gets 404 "Not Found", a
well-formed wrong one 401 "Unauthorized", an unknown method 404 "Not Found".
"""
from __future__ import annotations

import asyncio
import collections
import json
import re
import time
from typing import Any

from aiohttp import web

from . import account, media  # noqa: F401  (they register their methods)
from .methods import METHODS
from .rules import ApiError, Params, Upload
from .state import World

TOKEN_RE = re.compile(r"\d+:[A-Za-z0-9_-]+")
CONFLICT = ("Conflict: terminated by other getUpdates request; make sure that only one bot "
            "instance is running")
#: Long polls wait at most this long, whatever timeout the bot asks for (Telegram caps it too).
MAX_POLL_TIMEOUT = 50
BAD_GATEWAY_PAGE = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>"
                    "\r\n</body>\r\n</html>\r\n")
#: "429" flood control with retry_after; "5xx" a JSON 502 Bad Gateway; "502-html" the nginx page
#: Telegram's front end really serves when the backend is down; "drop" a connection closed unanswered.
FAULT_KINDS = ("429", "5xx", "502-html", "drop")


class _LongPoll:
    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.terminated = False


class BotApiServer:
    """Serves one World on 127.0.0.1; start()/stop() run on the event loop that serves it."""

    def __init__(self, world: World, token: str, *, host: str = "127.0.0.1", port: int = 0,
                 accept_any_token: bool = False):
        self.world = world
        self.token = token
        self.host = host
        self.port = port
        self.accept_any_token = accept_any_token
        self.faults: dict[str, collections.deque] = collections.defaultdict(collections.deque)
        self._poll: _LongPoll | None = None
        self._stopping = False
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._canonical = {name.lower(): name for name in [*METHODS, "getUpdates"]}

    async def start(self) -> None:
        if self._loop is None:
            self.world.listen(self._wake_threadsafe)
        self._loop = asyncio.get_running_loop()
        self._stopping = False
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self.handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self.handle_file)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None,
                                     shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        self._stopping = True
        self._wake()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- waking long polls ----------------------------------------------------------------------
    def _wake(self) -> None:
        if self._poll is not None:
            self._poll.event.set()

    def _wake_threadsafe(self) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._wake)
            except RuntimeError:  # the loop is shutting down
                pass

    # -- faults ---------------------------------------------------------------------------------
    def inject_fault(self, method: str, kind: str, times: int = 1, retry_after: float = 1) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"fault kind must be one of {FAULT_KINDS}, not {kind!r}")
        key = "*" if method == "*" else self._canonical.get(method.lower(), method).lower()
        for _ in range(times):
            self.faults[key].append((kind, retry_after))

    def _take_fault(self, method: str) -> tuple[str, int] | None:
        with self.world.cond:
            for key in (method.lower(), "*"):
                if self.faults.get(key):
                    fault = self.faults[key].popleft()
                    self.world.faults_served.append((method, fault[0]))
                    return fault
        return None

    def _serve_fault(self, request: web.Request, kind: str, retry_after: int) -> web.StreamResponse:
        if kind == "429":
            error = ApiError(f"Too Many Requests: retry after {retry_after}", 429,
                             {"retry_after": retry_after})
            return web.json_response(error.to_json(), status=429)
        if kind == "5xx":
            return web.json_response(ApiError("Bad Gateway", 502).to_json(), status=502)
        if kind == "502-html":
            return web.Response(text=BAD_GATEWAY_PAGE, status=502, content_type="text/html")
        if request.transport is not None:
            request.transport.abort()  # "drop": the connection dies without a response
        raise asyncio.CancelledError

    # -- requests -------------------------------------------------------------------------------
    async def _read_params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
        raw: dict[str, Any] = dict(request.query)
        uploads: dict[str, Upload] = {}
        if request.method != "POST" or not request.body_exists:
            return raw, uploads
        if request.content_type == "application/json":
            body = await request.read()
            if body.strip():
                data = json.loads(body)
                if not isinstance(data, dict):
                    raise ValueError("a JSON object is expected")
                raw.update(data)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    uploads[key] = Upload(value.filename, value.content_type, value.file.read())
                else:
                    raw[key] = value
        return raw, uploads

    def _token_error(self, token: str) -> ApiError | None:
        if not TOKEN_RE.fullmatch(token):
            return ApiError("Not Found", 404)
        if token != self.token and not self.accept_any_token:
            return ApiError("Unauthorized", 401)
        return None

    def _refuse(self, method: str, error: ApiError, params: dict[str, Any]) -> web.Response:
        self.world.record_refusal(method, error, params)
        return web.json_response(error.to_json(), status=error.error_code)

    async def handle_method(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        method = self._canonical.get(name.lower(), name)
        try:
            raw, uploads = await self._read_params(request)
        except ValueError:
            return self._refuse(method, ApiError("Bad Request: can't parse JSON object"), {})
        recorded = {**raw, **{k: {"filename": u.filename, "size": len(u.data)}
                              for k, u in uploads.items()}}
        token_error = self._token_error(request.match_info["token"])
        if token_error is not None:
            return self._refuse(method, token_error, recorded)
        fault = self._take_fault(method)
        if fault is not None:
            return self._serve_fault(request, *fault)
        self.world.record_call(method, recorded)
        params = Params(raw, uploads)
        if method == "getUpdates":
            return await self._get_updates(request, params, recorded)
        handler = METHODS.get(method)
        if handler is None:
            return self._refuse(method, ApiError("Not Found", 404), recorded)
        try:
            with self.world.cond:
                result = handler(self.world, params)
        except ApiError as error:
            return self._refuse(method, error, recorded)
        self.world.changed()
        return web.json_response({"ok": True, "result": result})

    async def _get_updates(self, request: web.Request, p: Params,
                           recorded: dict[str, Any]) -> web.StreamResponse:
        world = self.world
        try:
            offset = p.int("offset")
            limit = min(max(p.int("limit", 100) or 100, 1), 100)
            timeout = min(max(p.int("timeout", 0) or 0, 0), MAX_POLL_TIMEOUT)
            allowed = p.json("allowed_updates", "allowed updates")
        except ApiError as error:
            return self._refuse("getUpdates", error, recorded)
        with world.cond:
            if world.first_poll_at is None:
                world.first_poll_at = time.monotonic()
            if allowed is not None:
                world.allowed_updates = set(allowed) or None
        if self._poll is not None:  # Telegram ends the older request with 409
            self._poll.terminated = True
            self._poll.event.set()
        poll = self._poll = _LongPoll()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                poll.event.clear()
                if poll.terminated:
                    return await self._conflict(request, recorded)
                updates = world.take_updates(offset, limit)
                remaining = deadline - loop.time()
                if updates or remaining <= 0 or self._stopping:
                    return web.json_response({"ok": True, "result": updates})
                world.note_poll_waiting(+1)
                try:
                    await asyncio.wait_for(poll.event.wait(), remaining)
                except asyncio.TimeoutError:
                    pass
                finally:
                    world.note_poll_waiting(-1)
        finally:
            if self._poll is poll:
                self._poll = None

    async def _conflict(self, request: web.Request, recorded: dict[str, Any]) -> web.Response:
        error = ApiError(CONFLICT, 409)
        await asyncio.sleep(0.05)  # a client that went away (a killed bot) is not a conflict
        transport = request.transport
        if transport is not None and not transport.is_closing():
            self.world.record_refusal("getUpdates", error, recorded)
        return web.json_response(error.to_json(), status=409)

    async def handle_file(self, request: web.Request) -> web.StreamResponse:
        token_error = self._token_error(request.match_info["token"])
        if token_error is not None:
            return web.json_response(token_error.to_json(), status=token_error.error_code)
        path = request.match_info["path"]
        with self.world.cond:
            stored = next((f for f in self.world.files.values() if f.file_path == path), None)
        if stored is None:
            return web.json_response(ApiError("Not Found", 404).to_json(), status=404)
        return web.Response(body=stored.data,
                            content_type=stored.mime_type or "application/octet-stream")
