"""How many learners the bot serves at once: simulated learners through the loopback emulator.

    python benchmarks/bot_load.py                    # under two minutes on the 2-core dev machine
    python benchmarks/bot_load.py --learners 200 --rate 300 --seconds 30 --answers 500
    python benchmarks/bot_load.py --no-storage --profile bot.prof   # then: python -m pstats bot.prof

The real `companion run` runs in its own process with RATE_LIMITER=off (AIORateLimiter holds a bot
to Telegram's 30 messages a second on purpose) and its data on this disk. Every simulated learner
(benchmarks/simulated_learners.py) has read part 1 of the sample article and has a quiz open, and
does what a learner does: /start, /help, /read, "Next part", "Words in this part", /words,
/progress, /quiz, answers every question (quiz polls and typed answers, now and then wrong),
/progress (now with the chart), /help. Half of them read in Korean. A few learners go first,
untimed, so that first uses (imports, caches) are not timed.

- Throughput: --learners at once, each sending their next update as soon as the bot has
  answered the last one: updates answered per second, and the CPU time the bot process spent per
  update (what one free core would manage, whatever else runs here). It measures the bot's
  capacity only if the bot is never idle, and a closed loop like this one keeps it busy only with
  enough learners: each waits for their own round trip, so with 30 the bot sat idle a quarter of
  the time. Hence 100 by default; the share of one core the bot used is printed to show it was
  busy (the bot's event loop runs on one core).
- Latency: other learners' updates at a steady --rate (by default half the throughput measured,
  a load the bot carries without a queue): the time from an update entering the emulator to the
  bot's answer arriving there. That is the handler's time plus HTTP round trips to the emulator.
- The cost of recording one quiz answer with 100, 1,000 and 10,000 learners stored, as
  benchmarks/storage.py measures it, and the bot's peak memory (VmHWM of its process).

Goals on the 2-core dev machine (issue 4): 300 updates/s or more, p99 under 30 ms, one answer
under 10 ms with 10,000 learners stored. The load average and a fixed pure-Python loop's time are
printed before and after: other work on the machine slows every figure, and the host of this
virtual machine has been seen to run the same loop anywhere from 0.29 s to 0.50 s within minutes.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import storage  # noqa: E402  (benchmarks/storage.py: the cost of one answer)
from bot_roundtrip import percentile  # noqa: E402

from simulated_learners import STEPS, Driver, lay_down  # noqa: E402

from bot.sandbox import Emulator  # noqa: E402
from bot.sandbox.bot_process import bot_environment, spawn_bot, stop_bot  # noqa: E402

GOAL_UPDATES_PER_SECOND = 300
GOAL_P99_MS = 30.0
GOAL_ANSWER_MS = 10.0  # median, with 10,000 learners stored
def peak_memory_mb(pid: int) -> tuple[float, float]:
    """(VmHWM, VmRSS) of a process in MB: its peak and its current resident memory."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return tuple(int(fields[name].split()[0]) / 1024 for name in ("VmHWM", "VmRSS"))


def figures_ms(seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return f"p50 {statistics.median(ms):6.1f} ms   p99 {percentile(ms, 99):6.1f} ms   max {max(ms):6.1f} ms"


def start_bot(emu: Emulator, data_dir: Path, profile: Path | None) -> subprocess.Popen:
    """`companion run` against the emulator, rate limiter off; under cProfile if `profile` is given
    (the profile is written when the bot exits: `python -m pstats FILE`)."""
    if profile is None:
        return spawn_bot(emu, data_dir, log_level="WARNING", rate_limiter=False)
    return subprocess.Popen([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "bot", "run"],
                            env=bot_environment(emu, data_dir, "WARNING", rate_limiter=False),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, start_new_session=True)


def _stat(pid: int | str) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> tuple[float, float]:
    """User + system CPU time used so far by a process and by its children (the chart drawing
    process) together: (the process, its children)."""
    tick = os.sysconf("SC_CLK_TCK")
    children = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = _stat(entry.name)
            except OSError:
                continue  # gone meanwhile
            if int(fields[1]) == pid:
                children += (int(fields[11]) + int(fields[12])) / tick
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / tick, children


def settle(pid: int, quiet: float = 0.05, seconds: float = 0.5, limit: float = 60.0) -> None:
    """Wait until the process uses under `quiet` of a core over `seconds` (or `limit` s pass)."""
    give_up = time.monotonic() + limit
    while time.monotonic() < give_up:
        before = sum(cpu_seconds(pid))
        time.sleep(seconds)
        if sum(cpu_seconds(pid)) - before < quiet * seconds:
            return


def load_average() -> str:
    """The load average, and how long a fixed pure-Python loop takes now (the machine's speed)."""
    started, total = time.process_time(), 0
    for n in range(3_000_000):
        total += n * n
    return f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}; 3M multiply-adds in {time.process_time() - started:.2f} s"


def load(learners: int, rate: float | None, seconds: float, lessons: int, warm_up: int,
         profile: Path | None = None) -> list[bool]:
    """Throughput and latency through the emulator; prints them and returns which goals were met."""
    most = rate or GOAL_UPDATES_PER_SECOND / 2
    groups = {"warm-up": warm_up, "throughput": learners, "latency": int(most * seconds / 16) + 10}
    ids = iter(range(1_000_001, 1_000_001 + sum(groups.values())))
    print(f"load average before: {load_average()} (2 cores: a load above 2, or a slow loop, slows every figure)")
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:  # on the disk the bot uses, not tmpfs
        data_dir = Path(tmp) / "data"
        made = time.perf_counter()
        everyone = lay_down(data_dir, [next(ids) for _ in range(sum(groups.values()))], lessons)
        print(f"laid down {len(everyone):,} learners sharing {lessons} lessons in {time.perf_counter() - made:.1f} s")
        gc.collect()
        gc.freeze()  # the emulator plays Telegram here: no full collections of the set-up data in its answers
        order = iter(everyone.values())
        group = {name: {(l := next(order)).user_id: l for _ in range(count)} for name, count in groups.items()}
        with Emulator() as emu:
            bot = start_bot(emu, data_dir, profile)
            try:
                emu.wait_for_first_poll(timeout=60)
                for learner in everyone.values():
                    learner.user = emu.user(learner.user_id, f"Learner {learner.user_id}", language_code=learner.lang)
                Driver(emu, group["warm-up"]).all_at_once()  # first uses: imports, caches, the lexicon
                settle(bot.pid)  # the bot's start-up loading (bot/warm_up.py) is not timed either
                busy, (bot_cpu, drawing_cpu), our_cpu = Driver(emu, group["throughput"]), cpu_seconds(bot.pid), time.process_time()
                taken = busy.all_at_once()
                bot_cpu, drawing_cpu = (end - start for end, start in zip(cpu_seconds(bot.pid), (bot_cpu, drawing_cpu)))
                our_cpu = time.process_time() - our_cpu
                throughput = busy.sent / taken
                rate = rate or min(throughput / 2, most)
                enough = int(rate * seconds / 18) + 3  # each learner makes about 18 updates
                steady = Driver(emu, dict(list(group["latency"].items())[:enough]))
                missed = steady.steady(rate, seconds)
                hwm, rss = peak_memory_mb(bot.pid)
            finally:
                status = stop_bot(bot)
            if emu.refusals or status != 0:
                raise SystemExit(f"exit status {status}; the emulator refused: {emu.refusals[:5]}")
    trips = steady.tally.all()
    print(f"throughput: {busy.sent:,} updates from {learners} learners at once in {taken:.1f} s: "
          f"{throughput:.0f} updates/s   (goal: >= {GOAL_UPDATES_PER_SECOND})")
    print(f"    CPU per update: the bot {bot_cpu / busy.sent * 1000:.1f} ms (one free core would do "
          f"{busy.sent / bot_cpu:.0f}/s), its chart drawing process {drawing_cpu / busy.sent * 1000:.1f} ms, "
          f"the emulator and these learners {our_cpu / busy.sent * 1000:.1f} ms")
    print(f"    the bot process used {bot_cpu / taken:.0%} of one core; round trip under that full load: "
          f"{figures_ms(busy.tally.all())}")
    print(f"latency: {len(trips):,} updates at {rate:.0f}/s for {seconds:g} s from {len(steady.learners)} learners"
          + (f" ({missed} sends skipped: every learner was waiting)" if missed else "") + ":")
    print(f"    {figures_ms(trips)}   (goal: p99 < {GOAL_P99_MS:g} ms)")
    for step in dict.fromkeys(STEPS):
        if steady.tally.trips[step]:
            print(f"    {step:>10} x{len(steady.tally.trips[step]):<5} {figures_ms(steady.tally.trips[step])}")
    print(f"bot process memory: peak (VmHWM) {hwm:.0f} MB, at the end (VmRSS) {rss:.0f} MB")
    print(f"load average after: {load_average()}")
    return [throughput >= GOAL_UPDATES_PER_SECOND, percentile([t * 1000 for t in trips], 99) < GOAL_P99_MS]


def answer_cost(counts: list[int], answers: int) -> list[bool]:
    """One quiz answer's cost in the store at each size (benchmarks/storage.py); the goal at the largest."""
    print("one quiz answer recorded (benchmarks/storage.py: read the word, write answer + status + active day, fsync):")
    results = {count: storage.run(count, answers, open_learners=256) for count in counts}
    largest = max(counts)
    cold, _ = results[largest]
    median = statistics.median(cold) * 1000
    print(f"one answer with {largest:,} learners stored: median {median:.2f} ms   (goal: < {GOAL_ANSWER_MS:g} ms"
          f"{'' if largest >= 10_000 else ', at 10,000'})")
    return [median < GOAL_ANSWER_MS] if largest >= 10_000 else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100, help="learners at once in the throughput run")
    parser.add_argument("--lessons", type=int, default=16, help="distinct lessons the learners read")
    parser.add_argument("--warm-up", type=int, default=4, help="learners who go through it all first, untimed")
    parser.add_argument("--rate", type=float, help="updates/s in the latency run (default: half the throughput "
                        f"measured, at most {GOAL_UPDATES_PER_SECOND // 2}; --rate {GOAL_UPDATES_PER_SECOND} tries the goal)")
    parser.add_argument("--seconds", type=float, default=15, help="length of the latency run")
    parser.add_argument("--stored", type=int, nargs="*", default=[100, 1_000, 10_000], help="learners stored")
    parser.add_argument("--answers", type=int, default=200, help="answers timed at each size")
    parser.add_argument("--no-storage", action="store_true", help="skip the cost of one answer")
    parser.add_argument("--profile", type=Path, help="run the bot under cProfile, writing its profile here")
    args = parser.parse_args()
    met = load(args.learners, args.rate, args.seconds, args.lessons, args.warm_up, args.profile)
    if not args.no_storage and args.stored:
        met += answer_cost(args.stored, args.answers)
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
