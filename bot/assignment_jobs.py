"""The assignments' clock work: reminders the day before a due date, and tutors' daily digests.

One repeating JobQueue job (`schedule`, called from bot/app.py's build_application) looks every
JOB_TICK_SECONDS at the bot's clock (`bot.handlers.common.now`, which tests move with CLOCK_FILE)
and sends what is due. What was sent is kept in the store, so neither the next tick nor a restart
sends it again.
"""
from __future__ import annotations

from datetime import datetime

from telegram import Bot
from telegram.ext import Application, ContextTypes

from bot.handlers.assignment_notices import remind, send_digest
from bot.handlers.common import now, store_of
from bot.store import Repositories
from lessons.assignment_progress import digest_due, has_finished, local_moment, needs_reminder, reminder_due_dates
from lessons.assignments import Assignment


JOB_NAME = "assignment reminders and digests"


def schedule(app: Application, every: float) -> None:
    """Run `tick` every `every` seconds while the bot runs (one at a time; a late one is merged)."""
    app.job_queue.run_repeating(tick, interval=every, first=every, name=JOB_NAME,
                                job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None})


async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the reminders and digests due now."""
    store, at = store_of(context), now(context)
    await send_reminders(context.bot, store, at)
    await send_digests(context.bot, store, at)


def finished(store: Repositories, assignment: Assignment, learner_id: int) -> bool:
    """Whether the learner is done with the assignment (every part read, or its quiz completed)."""
    reading = next((r for r in store.progress(learner_id).readings() if r.assignment_id == assignment.assignment_id), None)
    lesson = store.lessons.get(reading.lesson_id) if reading else None
    finish = store.assignment_progress.finish(assignment.assignment_id, learner_id)
    return has_finished(reading, len(lesson.chunks) if lesson else 0, finish)


async def send_reminders(bot: Bot, store: Repositories, at: datetime) -> None:
    """Remind each learner who has not finished an assignment due tomorrow in their calendar."""
    first, last = reminder_due_dates(at)
    for assignment in store.assignments.due_between(first, last):
        class_ = store.classes.get(assignment.class_id)
        for learner_id in class_.learner_ids if class_ else ():
            learner = store.learners.get(learner_id)
            local_now = local_moment(at, learner.timezone if learner else None)
            reminded = store.assignment_progress.was_reminded(assignment.assignment_id, learner_id)
            if needs_reminder(assignment, local_now, finished=False, reminded=reminded) and not finished(
                    store, assignment, learner_id):
                await remind(bot, store, assignment, class_, learner_id, at)


async def send_digests(bot: Bot, store: Repositories, at: datetime) -> None:
    """Send each tutor with held finishes their digest, once a day from 18:00 their time."""
    for tutor_id in store.assignment_progress.tutors_with_held():
        tutor = store.learners.get(tutor_id)
        local_now = local_moment(at, tutor.timezone if tutor else None)
        held = len(store.assignment_progress.held(tutor_id))
        if digest_due(local_now, store.assignment_progress.last_digest(tutor_id), held):
            await send_digest(bot, store, tutor_id, local_now.date())
