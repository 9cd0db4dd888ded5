"""Stopping the bot lets the job that is running finish and starts no new one (nothing is cancelled half-way)."""
from __future__ import annotations

import asyncio
import logging

from telegram.ext import ApplicationBuilder

from bot.runner import serve
from bot.sandbox import Emulator

TEST_TOKEN = "123456:TEST"


def test_no_job_is_cancelled_when_the_bot_stops(caplog):
    finished: list[int] = []

    async def slow_job(context) -> None:
        await asyncio.sleep(0.03)
        finished.append(1)

    async def instant_job(context) -> None:
        finished.append(0)

    async def run_and_stop(base_url: str) -> None:
        app = ApplicationBuilder().token(TEST_TOKEN).base_url(base_url).build()
        # Quick jobs come due every few ms: some fall due while stopping waits for the slow one to finish.
        app.job_queue.run_repeating(slow_job, interval=0.01, first=0)
        for offset in range(5):
            app.job_queue.run_repeating(instant_job, interval=0.002, first=0.001 * offset)
        stop = asyncio.Event()
        asyncio.get_running_loop().call_later(0.2, stop.set)
        await serve(app, stop, poll_seconds=1, allowed_updates=None)

    with caplog.at_level(logging.INFO), Emulator(token=TEST_TOKEN, username="ReadingCompanionBot") as emu:
        for _ in range(25):
            asyncio.run(run_and_stop(emu.base_url))
    assert 1 in finished and 0 in finished
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
