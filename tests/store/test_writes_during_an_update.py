"""Store writes inside an update go to worker threads, keep their order, and are on disk before the update's answer."""
from __future__ import annotations

import asyncio
import json
import threading

import pytest
from aiohttp import web
from tinydb import TinyDB

import bot.store.disk_writes as disk_writes
from bot.store.atomic import AtomicJSONStorage
from bot.store.disk_writes import WRITER, DiskWriteFailed, DiskWriter, on_disk, update_writes
from bot.transport import BotApiRequest


@pytest.fixture
def writer():
    """A DiskWriter of its own; its worker threads are stopped afterwards."""
    made: list[DiskWriter] = []

    def make(workers: int) -> DiskWriter:
        made.append(DiskWriter(workers=workers))
        return made[-1]

    yield make
    for one in made:
        one.finish()


@pytest.fixture
def held(monkeypatch):
    """Writes of the files named in `held.names` wait in their worker thread until `held.release` is set."""
    release, names = threading.Event(), set()
    real = disk_writes.write_atomically

    def write_when_released(path, payload):
        if path.name in names:
            assert release.wait(10), "the test never released the write"
        real(path, payload)

    monkeypatch.setattr(disk_writes, "write_atomically", write_when_released)
    yield type("Held", (), {"release": release, "names": names})
    release.set()  # never leave a worker thread waiting


def on_disk_now(path) -> list[int]:
    return [row["n"] for row in json.loads(path.read_text())["_default"].values()]


def test_outside_an_update_an_insert_is_on_disk_when_it_returns(tmp_path):
    path = tmp_path / "db.json"
    TinyDB(path, storage=AtomicJSONStorage).insert({"n": 1})
    assert on_disk_now(path) == [1]


async def test_inserts_in_an_update_are_all_on_disk_after_on_disk_with_no_temporary_file_left(tmp_path):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    with update_writes():
        for n in range(5):
            db.insert({"n": n})
        assert [d["n"] for d in db.all()] == [0, 1, 2, 3, 4]  # the database sees its changes at once
        await on_disk()
        assert on_disk_now(path) == [0, 1, 2, 3, 4]
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


async def test_writes_of_one_file_on_several_workers_leave_the_last_one_on_disk(tmp_path, writer):
    path, four = tmp_path / "db.json", writer(4)
    with update_writes():
        for n in range(1, 51):
            four.write(path, str(n).encode())
        await on_disk()
    assert path.read_bytes() == b"50"
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


async def test_a_failed_write_in_an_update_is_raised_once_and_the_database_shows_the_disk(tmp_path):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"n": 0})
    (tmp_path / "db.json.tmp").mkdir()  # the temporary file cannot be written
    with update_writes():
        db.insert({"n": 1})  # returns: the write fails later, in a worker thread
        with pytest.raises(DiskWriteFailed):
            await on_disk()
        await on_disk()  # the failure was reported already
    assert [d["n"] for d in db.all()] == [0]
    assert on_disk_now(path) == [0]


async def test_a_failed_write_is_raised_only_once_the_updates_other_writes_are_on_disk(tmp_path, held):
    bad, slow = tmp_path / "bad.json", tmp_path / "slow.json"
    (tmp_path / "bad.json.tmp").mkdir()  # this one fails
    held.names.add("slow.json")  # this one is still being written
    with update_writes():
        WRITER.write(bad, b"[]")
        WRITER.write(slow, b"[1]")
        waiting = asyncio.ensure_future(on_disk())
        await asyncio.sleep(0.2)
        assert not waiting.done()  # the failure alone does not end the wait
        held.release.set()
        with pytest.raises(DiskWriteFailed):
            await waiting
    assert slow.read_bytes() == b"[1]"


def test_reading_a_file_again_waits_for_its_write_in_flight(tmp_path, writer, held):
    path, one = tmp_path / "db.json", writer(1)
    one.write(path, b"old")  # outside an update: at once
    held.names.add("db.json")
    seen: list[bytes] = []

    def read_again():
        one.wait_for(path)
        seen.append(path.read_bytes())

    with update_writes():
        one.write(path, b"new")
        reader = threading.Thread(target=read_again)
        reader.start()
        reader.join(0.2)
        assert reader.is_alive() and seen == []  # still waiting: the write is held
        held.release.set()
        reader.join(5)
    assert not reader.is_alive() and seen == [b"new"]


async def test_a_bot_api_request_waits_until_the_updates_writes_are_on_disk(tmp_path, held):
    path = tmp_path / "answer.json"
    path.write_bytes(b"nothing yet")
    seen: list[bytes] = []

    async def record_the_file(request: web.Request) -> web.Response:
        seen.append(path.read_bytes())
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/bot123456:TEST/sendMessage", record_the_file)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = "http://127.0.0.1:%d/bot123456:TEST/sendMessage" % runner.addresses[0][1]
    request = BotApiRequest()
    await request.initialize()
    try:
        held.names.add("answer.json")
        with update_writes():
            WRITER.write(path, b"answer saved")
            sending = asyncio.create_task(request.do_request(url, "POST"))
            await asyncio.sleep(0.2)
            assert seen == []  # the request waits for the write, not the server for the request
            held.release.set()
            status, _ = await asyncio.wait_for(sending, 5)
        assert status == 200 and seen == [b"answer saved"]
    finally:
        held.release.set()
        await request.shutdown()
        await runner.cleanup()
