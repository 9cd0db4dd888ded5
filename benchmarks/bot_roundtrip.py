"""How fast the bot answers, measured through the loopback emulator with the real `companion run`.

    python benchmarks/bot_roundtrip.py [--messages 300] [--starts 3]

Round trip: from a user's message entering the emulator to the bot's reply arriving there, the bot
in its own process with AIORateLimiter off (it holds a bot to Telegram's 30 messages a second on
purpose, and this sends faster than that). Each message is sent while the bot is idle, so these are
latencies, not throughput. Start-up: from launching the process to its first getUpdates long poll
(interpreter, imports, getMe, setMyCommands twice, deleteWebhook).
Goals on the 2-core dev machine: median round trip < 10 ms, start-up < 2 s.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.sandbox import Emulator
from bot.sandbox.bot_process import spawn_bot, stop_bot

GOAL_MEDIAN_MS = 10.0
GOAL_STARTUP_S = 2.0


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of the values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def start_up_seconds(data_dir: Path) -> float:
    """Seconds from spawning the bot to its first long poll."""
    with Emulator() as emu:
        started = time.monotonic()
        bot = spawn_bot(emu, data_dir, log_level="WARNING", rate_limiter=False)
        try:
            return emu.wait_for_first_poll(timeout=30) - started
        finally:
            stop_bot(bot)


def round_trips_ms(data_dir: Path, messages: int, warm_up: int = 20) -> list[float]:
    """Milliseconds from each /help sent to its answer, after a warm-up."""
    with Emulator() as emu:
        bot = spawn_bot(emu, data_dir, log_level="WARNING", rate_limiter=False)
        try:
            emu.wait_for_first_poll(timeout=30)
            learner = emu.user(1001, "Minji", language_code="ko")
            times = []
            for n in range(warm_up + messages):
                emu.wait_for_poll(timeout=10)  # the bot is idle and listening: measure one message alone
                sent = time.perf_counter()
                emu.send_text(learner, "/help")
                emu.wait_for_messages(learner, timeout=10)
                if n >= warm_up:
                    times.append((time.perf_counter() - sent) * 1000)
            if emu.refusals:
                raise SystemExit(f"the emulator refused: {emu.refusals}")
            return times
        finally:
            stop_bot(bot)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        starts = [start_up_seconds(Path(tmp) / f"start{n}") for n in range(args.starts)]
        trips = round_trips_ms(Path(tmp) / "trips", args.messages)
    median, p99 = statistics.median(trips), percentile(trips, 99)
    startup = statistics.median(starts)
    print(f"round trip, {len(trips)} messages: median {median:.2f} ms, p99 {p99:.2f} ms, max {max(trips):.2f} ms"
          f"   (goal: median < {GOAL_MEDIAN_MS:g} ms)")
    print(f"start-up to first long poll, {len(starts)} starts: median {startup:.2f} s, "
          f"each {', '.join(f'{s:.2f}' for s in starts)} s   (goal: < {GOAL_STARTUP_S:g} s)")
    return 0 if median < GOAL_MEDIAN_MS and startup < GOAL_STARTUP_S else 1


if __name__ == "__main__":
    sys.exit(main())
