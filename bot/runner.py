"""`companion run`: start the bot with long polling, ride out network trouble, stop cleanly on a signal.

PTB's `run_polling` would do most of this, but it retries start-up silently (its retry lines are
DEBUG) and does not retry `post_init` (the command menu). Here start-up is retried with backoff and
one log line per failed attempt, and SIGTERM/SIGINT stop it at any point, even mid-retry.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from bot.settings import Settings, SettingsError

_log = logging.getLogger(__name__)

#: Seconds between start-up attempts: doubling, then steady, so a bot started before the network
#: comes up connects within half a minute of it.
FIRST_DELAY = 1.0
MAX_DELAY = 30.0

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


async def until_stopped(action: Callable[[], Awaitable[None]], stop: asyncio.Event) -> bool:
    """Run `action`; False (and the action cancelled) if `stop` is set first."""
    task = asyncio.ensure_future(action())
    stopping = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if task in done:
        task.result()  # raises what the action raised
        return True
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return False


async def retry_until_up(what: str, action: Callable[[], Awaitable[None]], stop: asyncio.Event) -> bool:
    """Run `action` until it succeeds (True) or `stop` is set (False), waiting longer after each network error."""
    delay, attempt = FIRST_DELAY, 1
    while not stop.is_set():
        try:
            return await until_stopped(action, stop)
        except InvalidToken:
            raise SettingsError("TELEGRAM_BOT_TOKEN was rejected by the Bot API: check it with @BotFather") from None
        except RetryAfter as error:
            wait = error.retry_after if isinstance(error.retry_after, (int, float)) else error.retry_after.total_seconds()
            reason = f"asked to wait {wait:g} s"
        except BadRequest:
            raise
        except NetworkError as error:
            wait, reason = delay, f"{type(error).__name__}: {error}"
            delay = min(MAX_DELAY, delay * 2)
        _log.warning("Could not %s (%s); attempt %d, next in %g s", what, reason, attempt, wait)
        attempt += 1
        try:
            await asyncio.wait_for(stop.wait(), timeout=wait)
        except asyncio.TimeoutError:
            pass
    return False


async def initialize(app: Application) -> None:
    """Connect (getMe) and publish the command menu."""
    await app.initialize()
    if app.post_init:
        await app.post_init(app)


def on_polling_error(error: TelegramError) -> None:
    """One line per failed getUpdates; PTB keeps polling with backoff."""
    _log.warning("Polling for updates failed (%s: %s); retrying", type(error).__name__, error)


def pause_jobs(app: Application) -> None:
    """Start no new job, so that stopping waits for the running ones and cancels none.

    PTB's `JobQueue.stop` waits for the jobs running when it is called, then shuts the scheduler down,
    which cancels any job that fell due meanwhile (logged by APScheduler as an error with a traceback).
    """
    if app.job_queue and app.job_queue.scheduler.running:
        app.job_queue.scheduler.pause()


async def serve(app: Application, stop: asyncio.Event, *, poll_seconds: int, allowed_updates) -> None:
    """Start up (retrying), handle updates until `stop` is set, then shut down in order."""
    start_polling = lambda: app.updater.start_polling(  # noqa: E731
        timeout=poll_seconds, allowed_updates=allowed_updates, error_callback=on_polling_error
    )
    try:
        up = await retry_until_up("connect to the Bot API", lambda: initialize(app), stop)
        up = up and await retry_until_up("start polling", start_polling, stop)
        if up:
            await app.start()
            _log.info("@%s is polling for updates; stop it with Ctrl+C or SIGTERM", app.bot.username)
            await stop.wait()
            _log.info("Stopping")
    finally:
        if app.updater and app.updater.running:
            await app.updater.stop()
        if app.running:
            pause_jobs(app)
            await app.stop()
        await app.shutdown()
        await app.bot.shutdown()  # after a failed start-up (a rejected token) app.shutdown() skips the bot's connections
    _log.info("Stopped cleanly")


async def main_loop(settings: Settings) -> None:
    """Build the bot and serve it until SIGINT or SIGTERM."""
    from bot.app import ALLOWED_UPDATES, LONG_POLL_SECONDS, build_application
    from bot.warm_up import warm_up

    app = build_application(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def request_stop() -> None:
        stop.set()
        for sig in STOP_SIGNALS:  # a second signal stops the hard way
            loop.remove_signal_handler(sig)

    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, request_stop)
    warm_up()  # before polling (a stop signal meanwhile is honoured after it): see bot/warm_up.py
    await serve(app, stop, poll_seconds=LONG_POLL_SECONDS, allowed_updates=ALLOWED_UPDATES)


def run_bot(settings: Settings) -> int:
    """Run the bot in the foreground; the process's exit status."""
    from bot.logging_setup import configure_logging

    configure_logging(settings.log_level, settings.token)
    settings.require_token()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        asyncio.run(main_loop(settings))
    except TelegramError as error:  # start-up refused for good (not a network error): say why in one line
        _log.error("The Bot API refused to start the bot: %s: %s", type(error).__name__, error)
        return 1
    return 0
