"""Steps shared by the daily reminder tests: the reminder as a learner sees it, waiting for a line
in the bot's log, and a restart that keeps the test's clock."""
from __future__ import annotations

import time

from quiz_learner import CLOCK_FILE

from bot.sandbox.bot_process import spawn_bot, stop_bot
from bot.texts import text

#: The bot's settings in these tests: the clock file, and a look for due reminders five times a second.
ENV = dict(CLOCK_FILE=CLOCK_FILE, JOB_TICK_SECONDS="0.2")
WAIT = 20.0


def reminder(lang: str, *, cards: int = 0, assignments: tuple[str, ...] = ()) -> str:
    """The daily reminder as the learner should see it."""
    lines = [text(lang, "daily.title")]
    if cards:
        lines.append(text(lang, "daily.cards_one" if cards == 1 else "daily.cards_many", count=cards))
    lines += [text(lang, "daily.assignment", title=title) for title in assignments]
    lines.append(text(lang, "daily.change"))
    return "\n\n".join(lines)


def wait_for_log(running_bot, line: str, count: int = 1, timeout: float = WAIT) -> None:
    """Wait until the bot has logged `line` `count` times (its log is a file: read it again and again)."""
    deadline = time.monotonic() + timeout
    while running_bot.log().count(line) < count:
        assert time.monotonic() < deadline, f"no {line!r} (x{count}) in the log:\n{running_bot.log()}"
        time.sleep(0.05)


def restart(running_bot) -> None:
    """Stop the bot cleanly and start it again on the same data, clock and log."""
    assert stop_bot(running_bot.process) == 0, running_bot.log()
    with open(running_bot.log_path, "a", encoding="utf-8") as log:
        running_bot.process = spawn_bot(running_bot.emu, running_bot.data_dir, stderr=log,
                                        cwd=running_bot.log_path.parent, **ENV)
    running_bot.emu.wait_for_poll(timeout=WAIT)
