"""BotApiRequest and RetryingRequest against a real loopback HTTP server: what arrives, what fails, what is retried."""
from __future__ import annotations

import asyncio
import json
import socket

import aiohttp
import pytest
from aiohttp import hdrs, web
from telegram import InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.transport import BotApiRequest, RetryingRequest, was_not_delivered

KEYBOARD = {"inline_keyboard": [[{"text": "다음", "callback_data": "next"}]]}


class LoopbackBotApi:
    """A web server on 127.0.0.1 standing in for the Bot API: it records what arrives and answers as told."""

    def __init__(self, handler):
        self.handler = handler
        self.received: list[dict] = []  # the form of each request, in order
        self.arrived = asyncio.Event()  # set once a request has come in
        self.release = asyncio.Event()  # held answers wait for this; set before the server stops
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> LoopbackBotApi:
        app = web.Application()
        app.router.add_route("*", "/{method:.*}", self._record_and_answer)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", 0).start()
        self.url = "http://127.0.0.1:%d/bot123456:TEST" % self.runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        self.release.set()
        if self.runner is not None:
            await self.runner.cleanup()

    async def _record_and_answer(self, request: web.Request) -> web.StreamResponse:
        self.received.append(await form_in(request))
        self.arrived.set()
        return await self.handler(self)


async def form_in(request: web.Request) -> dict:
    """The parameters of a request (a JSON object, or a form); a file as (its Content-Disposition
    as sent, its Content-Type, its bytes)."""
    if request.content_type == "application/json":
        return await request.json()
    if request.content_type != "multipart/form-data":
        return dict(await request.post())
    form = {}
    async for part in await request.multipart():
        if part.filename is None:
            form[part.name] = await part.text()
        else:
            headers = part.headers
            form[part.name] = (headers[hdrs.CONTENT_DISPOSITION], headers[hdrs.CONTENT_TYPE], bytes(await part.read()))
    return form


async def answer_ok(api: LoopbackBotApi) -> web.Response:
    return web.json_response({"ok": True, "result": True})


async def answer_when_released(api: LoopbackBotApi) -> web.Response:
    await api.release.wait()
    return await answer_ok(api)


async def answer_502_then_ok(api: LoopbackBotApi) -> web.Response:
    if len(api.received) == 1:
        return web.Response(status=502, text="Bad Gateway")
    return await answer_ok(api)


@pytest.fixture
async def serve():
    """Start a LoopbackBotApi answering with a handler; every one started is stopped afterwards."""
    servers: list[LoopbackBotApi] = []

    async def start(handler) -> LoopbackBotApi:
        servers.append(LoopbackBotApi(handler))
        return await servers[-1].start()

    yield start
    for server in servers:
        await server.stop()


@pytest.fixture
async def opened():
    """Initialize a request object; every one opened is shut down afterwards."""
    requests: list[BotApiRequest] = []

    async def open_(request: BotApiRequest) -> BotApiRequest:
        requests.append(request)
        await request.initialize()
        return request

    yield open_
    for request in requests:
        await request.shutdown()


def form_of(**values) -> RequestData:
    return RequestData([RequestParameter.from_input(name, value) for name, value in values.items()])


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_a_message_arrives_as_a_json_object_with_its_values_intact(serve, opened):
    api = await serve(answer_ok)
    request = await opened(BotApiRequest())
    status, body = await request.do_request(
        f"{api.url}/sendMessage", "POST", form_of(chat_id=1001, text="지나쌤의 새 글", reply_markup=KEYBOARD))
    assert (status, json.loads(body)) == (200, {"ok": True, "result": True})
    [form] = api.received
    assert form == {"chat_id": "1001", "text": "지나쌤의 새 글", "reply_markup": json.dumps(KEYBOARD)}


async def test_an_upload_keeps_its_korean_filename_and_its_bytes(serve, opened):
    api = await serve(answer_ok)
    request = await opened(BotApiRequest())
    content = "단어,뜻\n지나쌤,teacher Jina\n".encode() + bytes(range(256))
    document = InputFile(content, filename="단어장.csv")
    status, _ = await request.do_request(
        f"{api.url}/sendDocument", "POST", form_of(chat_id=1001, document=document, caption="지나쌤 단어장"))
    assert status == 200
    [form] = api.received
    disposition = 'form-data; name="document"; filename="단어장.csv"'  # UTF-8 as it is, no filename*=
    assert form == {"chat_id": "1001", "caption": "지나쌤 단어장", "document": (disposition, "text/csv", content)}


async def test_a_slow_answer_times_out_and_is_not_sent_again(serve, opened):
    api = await serve(answer_when_released)
    request = await opened(RetryingRequest(read_timeout=0.2, retry_delays=(0.01,)))
    with pytest.raises(TimedOut) as raised:
        await request.do_request(f"{api.url}/sendMessage", "POST", form_of(chat_id=1001, text="hi"))
    assert not was_not_delivered(raised.value)  # Telegram may have sent it: a retry could send it twice
    assert len(api.received) == 1


async def test_waiting_too_long_for_a_free_connection_times_out_as_not_sent(serve, opened):
    api = await serve(answer_when_released)
    # Both small: aiohttp bounds the wait for a free connection by pool_timeout + connect_timeout together.
    request = await opened(BotApiRequest(connection_pool_size=1, pool_timeout=0.1, connect_timeout=0.1))
    holding = asyncio.create_task(request.do_request(f"{api.url}/getUpdates", "POST"))
    try:
        await asyncio.wait_for(api.arrived.wait(), 5)
        with pytest.raises(TimedOut) as raised:
            await request.do_request(f"{api.url}/sendMessage", "POST", form_of(chat_id=1001, text="hi"))
        assert isinstance(raised.value.__cause__, aiohttp.ConnectionTimeoutError)
        assert was_not_delivered(raised.value)
        assert len(api.received) == 1
        api.release.set()
        assert (await holding)[0] == 200  # the request holding the connection is unharmed
    finally:
        api.release.set()
        await asyncio.gather(holding, return_exceptions=True)


async def test_a_bad_gateway_is_retried_until_the_answer_comes(serve, opened):
    api = await serve(answer_502_then_ok)
    request = await opened(RetryingRequest(retry_delays=(0.01,)))
    status, body = await request.do_request(f"{api.url}/sendMessage", "POST", form_of(chat_id=1001, text="hi"))
    assert (status, json.loads(body)) == (200, {"ok": True, "result": True})
    assert len(api.received) == 2


async def test_a_refused_connection_is_a_network_error_safe_to_retry(opened):
    request = await opened(BotApiRequest(connect_timeout=2))
    with pytest.raises(NetworkError) as raised:
        await request.do_request(f"http://127.0.0.1:{closed_port()}/bot123456:TEST/getMe", "POST")
    assert not isinstance(raised.value, TimedOut)
    assert was_not_delivered(raised.value)


async def test_a_request_needs_initialize_and_shutting_down_twice_is_harmless(serve):
    api = await serve(answer_ok)
    request = BotApiRequest()
    with pytest.raises(RuntimeError):
        await request.do_request(f"{api.url}/getMe", "POST")
    await request.initialize()
    assert (await request.do_request(f"{api.url}/getMe", "POST"))[0] == 200
    await request.shutdown()
    await request.shutdown()
    with pytest.raises(RuntimeError):
        await request.do_request(f"{api.url}/getMe", "POST")
    assert len(api.received) == 1
