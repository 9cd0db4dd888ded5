"""Simulated learners for benchmarks/bot_load.py: laid down in DATA_DIR before the bot starts,
then played against the loopback emulator from one thread.

Each has read part 1 of the sample article and has a quiz open, and then does what a learner
does (STEPS). The bot's messages are stamped as the emulator stores them, and a learner acts again
once the bot has answered their last update: for a command, its message (a chart photo after
/progress is not waited for); for a quiz answer, the next question or the result.
"""
from __future__ import annotations

import json
import queue
import random
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot import render
from bot.sandbox import Emulator, SentMessage, User
from bot.store import Store
from bot.texts import text

SAMPLE = Path(__file__).resolve().parents[1] / "lessons" / "samples" / "korea-herald-2023-11-11.txt"
T0 = datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)

#: What each learner does, in order; "answer" repeats until the quiz's result comes.
STEPS = ("/start", "/help", "/read", "next", "words", "/words", "/progress", "/quiz", "answer", "/progress", "/help")
QUIZ_STEPS = ("/quiz", "answer")
#: How long to wait for the bot before calling the run failed.
STALL_SECONDS = 30.0


@dataclass
class SimulatedLearner:
    user_id: int
    lang: str
    questions: list[dict]
    step: int = 0
    position: int = 0  # the quiz question on screen
    screen: SentMessage | None = None  # the last quiz question shown
    sent_at: float = 0.0
    got: int = 0  # messages received for the update in flight
    busy: bool = False
    user: User | None = None  # registered with the emulator once it runs

    @property
    def done(self) -> bool:
        return self.step >= len(STEPS)


@dataclass
class Tally:
    """Round trips by kind of update (seconds)."""

    trips: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def all(self) -> list[float]:
        return [t for trips in self.trips.values() for t in trips]


#: Messages /words sends in each language (set by `lay_down`).
words_messages: dict[str, int] = {}


def lay_down(data_dir: Path, user_ids: list[int], lessons: int) -> dict[int, SimulatedLearner]:
    """Learners who have read part 1 of the sample and have a quiz open, written before the bot
    starts: `lessons` of them with the real Store (each adds the article: a lesson of their own),
    the others as copies of those learners' files (sharing their lessons, as a class does)."""
    from lessons.analysis import analyse
    from vocab.lexicon import load_lexicon
    from vocab.progress import Learner, QuizSession, ReadingState
    from vocab.quiz import make_quiz, question_to_dict

    lexicon = load_lexicon()
    lesson = analyse(SAMPLE.read_text(encoding="utf-8"), "B2", lexicon=lexicon)
    quizzes = [[question_to_dict(q) for q in make_quiz(lesson.vocabulary, random.Random(seed), lexicon=lexicon)]
               for seed in range(lessons)]
    store = Store.open(data_dir)
    models = []
    for n, user_id in enumerate(user_ids[:lessons]):
        store.learners.save(Learner(user_id, f"Learner {user_id}", T0 - timedelta(days=1), level="B2"))
        lesson_id = store.lessons.add(lesson, user_id, T0)
        progress = store.progress(user_id)
        with progress.batch():
            progress.save_reading(ReadingState(lesson_id, T0))
            progress.save_quiz(QuizSession(lesson_id, T0, tuple(quizzes[n])))
        models.append(json.loads(store._learner_files.path_for(user_id).read_bytes()))  # as benchmarks/storage.py
    paths = {user_id: store._learner_files.path_for(user_id) for user_id in user_ids}
    store.close()
    learners = {}
    for n, user_id in enumerate(user_ids):
        lang = "ko" if n % 2 else "en"
        data = models[n % lessons]
        data["learner"]["1"].update(user_id=user_id, name=f"Learner {user_id}", language=lang)
        paths[user_id].parent.mkdir(parents=True, exist_ok=True)
        paths[user_id].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        learners[user_id] = SimulatedLearner(user_id, lang, quizzes[n % lessons])
    words_messages.update({lang: len(render.words_overview(lesson, (), lang)) for lang in ("en", "ko")})
    return learners


def is_quiz_screen(message: SentMessage) -> bool:
    """A question (poll or typed clue) or the quiz's result: what ends the answer to a quiz update."""
    return bool(message.poll) or "✍️" in message.text or "🏁" in message.text


class Driver:
    """Plays the learners against the emulator from one thread: the bot's messages arrive on a
    queue (stamped when the emulator stores them), and each learner acts once answered."""

    def __init__(self, emu: Emulator, learners: dict[int, SimulatedLearner]) -> None:
        self.emu, self.learners = emu, learners
        self.arrivals: queue.SimpleQueue = queue.SimpleQueue()
        self.tally = Tally()
        self.sent = 0
        original = emu.world.add_message

        def add_message(state, sender, from_bot, content, **extra):
            message = original(state, sender, from_bot, content, **extra)
            if from_bot and state.chat.id in self.learners:
                self.arrivals.put((time.perf_counter(), state.chat.id))
            return message

        emu.world.add_message = add_message  # the emulator calls it with its lock held: keep it short

    def act(self, learner: SimulatedLearner) -> None:
        """Send the learner's next update."""
        step, user, emu = STEPS[learner.step], learner.user, self.emu
        learner.busy, learner.got = True, 0
        learner.sent_at = time.perf_counter()
        if step == "answer":
            poll = learner.screen.poll
            if poll:
                right = poll["correct_option_id"] if learner.position % 4 else (poll["correct_option_id"] + 1) % 4
                emu.answer_poll(user, learner.screen, [right])
            else:
                answer = learner.questions[learner.position]["answer"]
                emu.send_text(user, answer if learner.position % 3 else answer.upper())
            learner.position += 1
        elif step in ("next", "words"):
            emu.press(user, text(learner.lang, "reading.next" if step == "next" else "reading.words"))
        else:
            emu.send_text(user, step)
        self.sent += 1

    def arrived(self, at: float, chat_id: int) -> SimulatedLearner | None:
        """Take one message the bot sent; the learner, if that completed the answer to their update."""
        learner = self.learners[chat_id]
        [message] = self.emu.wait_for_messages(chat_id, timeout=1)
        if not learner.busy or message.photo or message.document or message.voice:
            return None  # a chart after /progress, a notice: not what ends the answer to an update
        step = STEPS[learner.step]
        learner.got += 1
        if step in QUIZ_STEPS:
            if not is_quiz_screen(message):
                return None  # a verdict before the next poll: the poll is still to come
            learner.screen = message
            finished = "🏁" in message.text
        else:
            if learner.got < (words_messages[learner.lang] if step == "/words" else 1):
                return None
            finished = True
        self.tally.trips[step].append(at - learner.sent_at)
        learner.busy = False
        if step != "answer" or finished:
            learner.step += 1
        return learner

    def next_arrival(self, timeout: float) -> tuple[float, int] | None:
        try:
            return self.arrivals.get(timeout=timeout)
        except queue.Empty:
            return None

    def stalled(self) -> SystemExit:
        waiting = [(l.user.id, STEPS[l.step]) for l in self.learners.values() if l.busy][:5]
        return SystemExit(f"the bot stopped answering; learners waiting: {waiting}; refusals: {self.emu.refusals[:3]}")

    def all_at_once(self) -> float:
        """Every learner at once, each acting as soon as answered; seconds taken."""
        started = time.perf_counter()
        for learner in self.learners.values():
            self.act(learner)
        while any(l.busy for l in self.learners.values()):
            arrival = self.next_arrival(STALL_SECONDS)
            if arrival is None:
                raise self.stalled()
            learner = self.arrived(*arrival)
            if learner is not None and not learner.done:
                self.act(learner)
        return time.perf_counter() - started

    def steady(self, rate: float, seconds: float) -> int:
        """An update every 1/rate s, from the next idle learner in turn, for `seconds`; then wait
        for the last answers. Returns the sends skipped because every learner was waiting."""
        turns = deque(self.learners.values())
        started = time.perf_counter()
        due, stop_at, missed = started, started + seconds, 0
        while True:
            now = time.perf_counter()
            sending = now < stop_at
            if sending and now >= due:
                missed += not self.send_next(turns)
                due += 1 / rate
                continue
            if not sending and not any(l.busy for l in self.learners.values()):
                return missed
            arrival = self.next_arrival(due - now if sending else STALL_SECONDS)
            if arrival is not None:
                self.arrived(*arrival)
            elif not sending:
                raise self.stalled()

    def send_next(self, turns: deque) -> bool:
        """The next learner in turn who is not waiting for the bot acts; False if there is none."""
        for _ in range(len(turns)):
            learner = turns[0]
            turns.rotate(-1)
            if not learner.busy and not learner.done:
                self.act(learner)
                return True
        return False
