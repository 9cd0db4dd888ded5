"""How long the daily reminders of many learners take under the rate limiter, and what other users
feel meanwhile, through the loopback emulator with the real `companion run`.

    python benchmarks/reminders.py                       # 2,000 learners: about two minutes
    python benchmarks/reminders.py --learners 10000      # the issue's 10,000: about eight minutes

Every learner (half in Seoul at 07:00, half in London at 22:00: the same moment in March) has one
review card due, laid down with the real Store before the bot starts. The bot runs with the rate
limiter ON, as in production: AIORateLimiter holds it to Telegram's 30 messages a second overall,
and the reminders themselves to `bot.daily_reminders.REMINDERS_PER_SECOND` (25) of those, so the
answers to people using the bot meanwhile still go out at once. The send time is therefore set by
that rate: 10,000 reminders take 10,000 / 25 s, about 6.7 minutes, whatever the machine; the
default of 2,000 learners takes 80 s and the 10,000 figure is extrapolated from it (printed).

Printed: the time to read the schedule at start-up (every learner's file, once), the time from
the bot's clock passing the reminder time to the last reminder arriving, the reminders per second,
and the latency of /help (sent to the emulator -> answer arrived there) for other users, idle
before and during the sending: p50/p99/max. Goals on the 2-core dev machine: every reminder sent
once, at 20 or more a second, and other users' p99 under 500 ms while they go out.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, time as clock_time, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot_roundtrip import percentile  # noqa: E402

from bot.daily_reminders import REMINDERS_PER_SECOND  # noqa: E402
from bot.sandbox import Emulator  # noqa: E402
from bot.sandbox.bot_process import spawn_bot, stop_bot  # noqa: E402
from bot.store import Store  # noqa: E402
from vocab.items import VocabItem  # noqa: E402
from vocab.progress import Learner, WordStatus  # noqa: E402
from vocab.review import new_card  # noqa: E402

GOAL_PER_SECOND = 20.0
GOAL_P99_MS = 500.0
#: 21:00 UTC on 10 March 2024; the reminders are due at 22:00 UTC (07:00 in Seoul, 22:00 in London).
BEFORE = datetime(2024, 3, 10, 21, 0, tzinfo=timezone.utc)
DUE = datetime(2024, 3, 10, 22, 0, 30, tzinfo=timezone.utc)
FIRST_ID = 1_000_001
OTHER_IDS = range(900_001, 900_006)
WORD = VocabItem(item="munitions", lemma="munition", kind="word", forms=("munition", "munitions"), pos="noun",
                 zipf=2.85, level="C1", count=2, sentence="Russia is buying munitions from the North.",
                 chunk=0, gloss="weapons and ammunition")


def lay_down(data_dir: Path, count: int) -> None:
    """`count` learners with a reminder due at DUE and one review card due, one write each."""
    store = Store.open(data_dir)
    try:
        for n in range(count):
            user_id = FIRST_ID + n
            seoul = n % 2 == 0
            learner = Learner(user_id, f"Learner {n}", BEFORE - timedelta(days=30), language="ko" if seoul else "en",
                              level="B2", timezone="Asia/Seoul" if seoul else "Europe/London",
                              reminder_time=clock_time(7, 0) if seoul else clock_time(22, 0))
            word = WordStatus.first_met(WORD, "0123456789ab", BEFORE - timedelta(days=2))
            progress = store.progress(user_id)
            with progress.batch():
                store.learners.save(learner)
                progress.save_words(word)
                progress.save_cards(new_card(word, BEFORE - timedelta(days=1)))
    finally:
        store.close()


def wait_for_log(log_path: Path, line: str, timeout: float) -> float:
    """Seconds until the bot logged `line`."""
    started = time.monotonic()
    while line not in log_path.read_text(encoding="utf-8", errors="replace"):
        if time.monotonic() - started > timeout:
            raise SystemExit(f"the bot never logged {line!r}; its log:\n{log_path.read_text()}")
        time.sleep(0.05)
    return time.monotonic() - started


class OtherUsers:
    """People using the bot meanwhile: /help at a steady rate, each answer's round trip timed."""

    def __init__(self, emu: Emulator, rate: float):
        self.emu = emu
        self.users = [emu.user(uid, "Someone", language_code="en") for uid in OTHER_IDS]
        self.interval = 1 / rate
        self.stop = threading.Event()
        self.seconds: list[float] = []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        n = 0
        next_at = time.monotonic()
        while not self.stop.is_set():
            user = self.users[n % len(self.users)]
            sent = time.perf_counter()
            self.emu.send_text(user, "/help")
            self.emu.wait_for_messages(user, timeout=60)
            self.seconds.append(time.perf_counter() - sent)
            n += 1
            next_at += self.interval
            time.sleep(max(0.0, next_at - time.monotonic()))

    def start(self) -> None:
        """Keep sending, in a thread, until `stop` is set; the round trips land in `seconds`."""
        self.seconds = []
        self.thread.start()

    def measure(self, count: int) -> list[float]:
        """`count` round trips, in this thread (the bot otherwise idle)."""
        seconds = []
        for n in range(count):
            user = self.users[n % len(self.users)]
            sent = time.perf_counter()
            self.emu.send_text(user, "/help")
            self.emu.wait_for_messages(user, timeout=60)
            seconds.append(time.perf_counter() - sent)
            time.sleep(self.interval)
        return seconds


def figures(seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return f"p50 {statistics.median(ms):7.1f} ms   p99 {percentile(ms, 99):7.1f} ms   max {max(ms):7.1f} ms   ({len(ms)} answers)"


def delivered(emu: Emulator) -> int:
    """Reminders that reached the learners (messages in their chats)."""
    with emu.world.cond:
        return sum(len(state.messages) for chat_id, state in emu.world.chats.items() if chat_id >= FIRST_ID)


def peak_memory_mb(pid: int) -> float:
    """VmHWM of a process: its peak resident memory."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmHWM"].split()[0]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=2000, help="learners with a reminder due (default 2000)")
    parser.add_argument("--rate", type=float, default=4.0, help="other users' /help per second meanwhile")
    parser.add_argument("--tick", default="0.5", help="JOB_TICK_SECONDS of the bot")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:  # on the disk the bot uses, not tmpfs
        tmp = Path(tmp)
        started = time.perf_counter()
        lay_down(tmp / "data", args.learners)
        print(f"laid down {args.learners:,} learners with a card due in {time.perf_counter() - started:.1f} s")
        clock = tmp / "clock.txt"
        clock.write_text(BEFORE.isoformat(), encoding="utf-8")
        log_path = tmp / "bot.log"
        with Emulator() as emu, open(log_path, "w", encoding="utf-8") as log:
            for n in range(args.learners):  # each opened their chat with the bot long ago
                emu.user(FIRST_ID + n, f"Learner {n}", language_code="ko" if n % 2 == 0 else "en")
            with emu.world.cond:
                emu.world.started.update(range(FIRST_ID, FIRST_ID + args.learners))
            bot = spawn_bot(emu, tmp / "data", stderr=log, cwd=tmp, rate_limiter=True,
                            CLOCK_FILE=str(clock), JOB_TICK_SECONDS=args.tick)
            try:
                emu.wait_for_first_poll(timeout=60)
                built = wait_for_log(log_path, f"daily reminders: {args.learners} learner(s) scheduled", 600)
                print(f"schedule read from storage at start-up: {built:.1f} s after the first poll")
                others = OtherUsers(emu, args.rate)
                idle = others.measure(40)
                others.start()
                clock.write_text(DUE.isoformat(), encoding="utf-8")
                moved = time.monotonic()
                while delivered(emu) < args.learners:
                    if time.monotonic() - moved > args.learners / 10 + 60:
                        raise SystemExit(f"only {delivered(emu)} of {args.learners} reminders arrived")
                    time.sleep(0.2)
                took = time.monotonic() - moved
                others.stop.set()
                others.thread.join(60)
                during = others.seconds
                time.sleep(2 * float(args.tick) + 1)  # anything sent twice would arrive by now
                count, memory = delivered(emu), peak_memory_mb(bot.pid)
            finally:
                stop_bot(bot)
        refusals = emu.refusals
    per_second = args.learners / took
    print(f"{count:,} reminders for {args.learners:,} learners in {took:.1f} s: {per_second:.1f} a second "
          f"(reminders are held to {REMINDERS_PER_SECOND}/s)   (goal: >= {GOAL_PER_SECOND:g}/s, each once)")
    print(f"10,000 learners at that rate: {10_000 / per_second / 60:.1f} minutes")
    print(f"/help for other users, bot idle:           {figures(idle)}")
    print(f"/help for other users, reminders going out: {figures(during)}   (goal: p99 < {GOAL_P99_MS:g} ms)")
    print(f"bot peak memory: {memory:.0f} MB; emulator refusals: {len(refusals)}")
    p99 = percentile([s * 1000 for s in during], 99)
    ok = count == args.learners and not refusals and per_second >= GOAL_PER_SECOND and p99 < GOAL_P99_MS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
