"""Daily reminders: each learner who chose a reminder time gets one message a day at that time on
their own clock, only when review cards are due or an assignment of theirs is open.

    start(app, settings)           # in build_application: the repeating job
    reschedule(context, learner)   # after /settings changed the learner's time or time zone

PTB's JobQueue does not keep jobs across restarts, so the bot keeps one repeating job (every
JOB_TICK_SECONDS) and its own schedule in memory: a heap of (next reminder in UTC, user id),
rebuilt from storage once at start-up. Memory follows the learners who set a reminder, not all
data. Each learner's file keeps the local date of their last reminder, so a restart never sends
a second one the same day (the date is written before the message goes: at most one a day).

Sending happens in background tasks, `SENDERS` at a time and at most `REMINDERS_PER_SECOND`,
through the bot's rate limiter, so the handlers of learners using the bot meanwhile are not held
up behind thousands of reminders.
"""
from __future__ import annotations

import asyncio
import heapq
import logging
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from aiolimiter import AsyncLimiter
from telegram import InlineKeyboardMarkup
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.handlers.assignment_views import start_keyboard
from bot.handlers.common import CLOCK, STORE
from bot.settings import Settings
from bot.store import Store
from bot.texts import text
from lessons.assignment_progress import has_finished
from vocab.progress import Learner
from vocab.progress_summary import local_date
from vocab.reminder_times import next_reminder
from vocab.review import due_cards

_log = logging.getLogger(__name__)

#: bot_data key of the DailyReminders.
SCHEDULE = "daily_reminders"
#: Reminders being sent at once: enough to keep the rate limiter busy, few enough that a
#: learner's reply never waits behind more than a handful of them.
SENDERS = 4
#: Telegram allows about 30 messages a second in all; reminders take at most this many of them,
#: so that the bot's answers to learners using it meanwhile still go out at once.
REMINDERS_PER_SECOND = 25
#: At start-up, a reminder whose time passed less than this long ago (the bot was restarting)
#: is still sent; one missed for longer waits for the next day.
CATCH_UP = timedelta(hours=2)
#: Open assignments named in one reminder (any more are counted).
ASSIGNMENTS_SHOWN = 3


class ReminderSchedule:
    """Who gets a reminder when: a heap of (UTC moment, user id), one live entry per learner.

    A learner who changes their time gets a new entry; the old one stays in the heap until it
    comes up and is dropped then (it is no longer the learner's entry in `_next`).
    """

    def __init__(self) -> None:
        self._heap: list[tuple[datetime, int]] = []
        self._next: dict[int, datetime] = {}
        self.ready = False  # built from storage
        self._changed: set[int] = set()  # learners rescheduled while it was being built

    def __len__(self) -> int:
        return len(self._next)

    def when(self, user_id: int) -> datetime | None:
        return self._next.get(user_id)

    def set(self, user_id: int, moment: datetime | None) -> None:
        """Remind `user_id` at `moment` (UTC), or never (None)."""
        if not self.ready:
            self._changed.add(user_id)
        if moment is None:
            self._next.pop(user_id, None)
            return
        self._next[user_id] = moment
        heapq.heappush(self._heap, (moment, user_id))
        if len(self._heap) > 2 * len(self._next) + 64:  # many changes: drop the dead entries
            self._heap = [(m, u) for u, m in self._next.items()]
            heapq.heapify(self._heap)

    def built(self, entries: list[tuple[datetime, int]]) -> None:
        """Take the schedule read from storage, keeping changes made while it was read."""
        for moment, user_id in entries:
            if user_id not in self._changed:
                self._next[user_id] = moment
        self._heap = [(m, u) for u, m in self._next.items()]
        heapq.heapify(self._heap)
        self._changed.clear()
        self.ready = True

    def due(self, now: datetime) -> list[tuple[datetime, int]]:
        """Take out every (moment, user id) due at `now`, earliest first."""
        taken = []
        while self._heap and self._heap[0][0] <= now:
            moment, user_id = heapq.heappop(self._heap)
            if self._next.get(user_id) == moment:
                del self._next[user_id]
                taken.append((moment, user_id))
        return taken


def first_reminder(learner: Learner, now: datetime) -> datetime | None:
    """When the learner's next reminder is due, counting one missed in the last `CATCH_UP`."""
    if learner.reminder_time is None:
        return None
    return next_reminder(learner.reminder_time, learner.timezone, now - CATCH_UP)


def read_schedule(store: Store, now: datetime, going_on: Callable[[], bool] = lambda: True) -> list[tuple[datetime, int]]:
    """(moment, user id) of everyone with a reminder time, read once from storage (in a thread;
    it gives up, with what it has, once `going_on()` is false: the bot is stopping)."""
    entries = []
    for user_id in store.learners.ids():
        if not going_on():
            break
        learner = store.learners.get(user_id)
        moment = first_reminder(learner, now) if learner else None
        if moment is not None:
            entries.append((moment, user_id))
    return entries


@dataclass(frozen=True)
class Reminder:
    """What a learner's reminder says: cards due and open assignments."""

    learner: Learner
    day: date  # the learner's date of the reminder
    cards_due: int
    assignments: tuple[tuple[str, str], ...]  # (assignment id, title) of each open one, oldest first


def open_assignments(store: Store, user_id: int) -> tuple[tuple[str, str], ...]:
    """(assignment id, title) of the learner's assignments not finished yet, oldest first."""
    readings = {r.assignment_id: r for r in store.progress(user_id).readings() if r.assignment_id}
    titles = []
    for assignment in store.assignments.for_learner(user_id):
        reading = readings.get(assignment.assignment_id)
        entry = store.lessons.entry(reading.lesson_id if reading else assignment.lesson_id)
        finish = store.assignment_progress.finish(assignment.assignment_id, user_id)
        if not has_finished(reading, entry.parts if entry else 0, finish):
            titles.append((assignment.assignment_id, entry.title if entry else ""))
    return tuple(titles)


def reminder_for(store: Store, user_id: int, moment: datetime, now: datetime) -> Reminder | str:
    """The reminder due at `moment` if it is still to be sent (the learner still wants one, none
    went out on that local day yet, and something is waiting), its day marked as reminded; else
    why not: "off", "already sent", "nothing due"."""
    learner = store.learners.get(user_id)
    if learner is None or learner.reminder_time is None:
        return "off"
    day = local_date(moment, learner.timezone)
    progress = store.progress(user_id)
    last = progress.last_reminded()
    if last is not None and last >= day:
        return "already sent"
    cards = len(due_cards(progress.cards(), now))
    assignments = open_assignments(store, user_id)
    if not cards and not assignments:
        return "nothing due"
    progress.mark_reminded(day)
    return Reminder(learner, day, cards, assignments)


def reminder_message(reminder: Reminder) -> tuple[str, InlineKeyboardMarkup | None]:
    """The reminder in the learner's language (/review and /settings in it are tappable), with
    the button that starts the oldest open assignment."""
    lang = reminder.learner.language
    lines = [text(lang, "daily.title")]
    if reminder.cards_due:
        lines.append(text(lang, "daily.cards_one" if reminder.cards_due == 1 else "daily.cards_many",
                          count=reminder.cards_due))
    for _, title in reminder.assignments[:ASSIGNMENTS_SHOWN]:
        lines.append(text(lang, "daily.assignment", title=title[:200]))
    if len(reminder.assignments) > ASSIGNMENTS_SHOWN:
        lines.append(text(lang, "daily.more_assignments", count=len(reminder.assignments) - ASSIGNMENTS_SHOWN))
    lines.append(text(lang, "daily.change"))
    markup = start_keyboard(lang, reminder.assignments[0][0]) if reminder.assignments else None
    return "\n\n".join(lines), markup


class DailyReminders:
    """The schedule and its senders: reminders that came due go out `SENDERS` at a time, in
    background tasks that PTB awaits at shutdown (the rest wait for the restart's catch-up)."""

    def __init__(self, app: Application):
        self.app = app
        self.schedule = ReminderSchedule()
        self.waiting: deque[tuple[datetime, int]] = deque()
        self.senders = 0
        self.limiter = AsyncLimiter(REMINDERS_PER_SECOND, 1)
        self.building = False
        self.outcomes: Counter[str] = Counter()  # of the reminders since the queue was last empty

    @property
    def store(self) -> Store:
        return self.app.bot_data[STORE]

    def now(self) -> datetime:
        return self.app.bot_data[CLOCK].now()

    async def tick(self) -> None:
        """Read the schedule from storage the first time; then hand what came due to the senders."""
        if not self.schedule.ready:
            if not self.building:
                self.building = True
                self.app.create_task(self._build(), name="daily reminders: schedule")
            return
        self.waiting.extend(self.schedule.due(self.now()))
        while self.senders < min(SENDERS, len(self.waiting)):
            self.senders += 1
            self.app.create_task(self._send_waiting(), name="daily reminders: sender")

    async def _build(self) -> None:
        """Read every learner's reminder time from storage, once, off the event loop."""
        entries = await asyncio.to_thread(read_schedule, self.store, self.now(), lambda: self.app.running)
        self.schedule.built(entries)
        _log.info("daily reminders: %d learner(s) scheduled", len(self.schedule))

    async def _send_waiting(self) -> None:
        try:
            while self.waiting and self.app.running:
                moment, user_id = self.waiting.popleft()
                try:
                    await self._remind(moment, user_id)
                except Exception:  # one learner's trouble must not stop the others' reminders
                    _log.exception("daily reminder for %s failed", user_id)
                    self.outcomes["failed"] += 1
        finally:
            self.senders -= 1
            if not self.senders and not self.waiting and self.outcomes:
                _log.info("daily reminders done: %s", ", ".join(f"{n} {what}" for what, n in sorted(self.outcomes.items())))
                self.outcomes.clear()

    async def _remind(self, moment: datetime, user_id: int) -> None:
        now = self.now()

        def look() -> tuple[Reminder | str, Learner | None]:  # file reads, off the event loop
            found = reminder_for(self.store, user_id, moment, now)
            return found, found.learner if isinstance(found, Reminder) else self.store.learners.get(user_id)

        reminder, learner = await asyncio.to_thread(look)
        if learner and learner.reminder_time and self.schedule.when(user_id) is None:
            self.schedule.set(user_id, next_reminder(learner.reminder_time, learner.timezone, max(moment, now)))
        if not isinstance(reminder, Reminder):
            self.outcomes[reminder] += 1
            return
        async with self.limiter:
            try:
                body, markup = reminder_message(reminder)
                await self.app.bot.send_message(user_id, body, reply_markup=markup)
                self.outcomes["sent"] += 1
            except Forbidden:
                _log.info("learner %s blocked the bot: their daily reminder is off", user_id)
                self.store.learners.save(replace(self.store.learners.get(user_id) or learner, reminder_time=None))
                self.schedule.set(user_id, None)
                self.outcomes["blocked"] += 1
            except TelegramError as error:
                _log.warning("could not send the daily reminder to %s: %s", user_id, error)
                self.outcomes["failed"] += 1


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The repeating job: send the daily reminders that came due."""
    await context.bot_data[SCHEDULE].tick()


def start(app: Application, settings: Settings) -> None:
    """Set up the reminders and their repeating job (the schedule is read at the first tick)."""
    app.bot_data[SCHEDULE] = DailyReminders(app)
    app.job_queue.run_repeating(tick, interval=settings.job_tick_seconds, first=0, name="daily reminders")


def reschedule(context: ContextTypes.DEFAULT_TYPE, learner: Learner) -> None:
    """After the learner changed their reminder time or time zone: their next reminder."""
    reminders: DailyReminders | None = context.bot_data.get(SCHEDULE)
    if reminders is None:
        return
    schedule = reminders.schedule
    if learner.reminder_time is None:
        schedule.set(learner.user_id, None)
        return
    now = context.bot_data[CLOCK].now()
    schedule.set(learner.user_id, next_reminder(learner.reminder_time, learner.timezone, now))
