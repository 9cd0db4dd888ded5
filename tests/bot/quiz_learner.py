"""A learner who has read the sample lesson, laid down in DATA_DIR before the bot starts, and a
helper that takes the bot's quiz through the emulator the way a person would.

The data is written with the real `bot.store.Store`, so the quiz tests do not depend on the
article and reading handlers: the bot finds a learner whose current lesson is the sample.
"""
from __future__ import annotations

import signal
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path

from bot.sandbox import Emulator, SentMessage, User
from bot.sandbox.bot_process import spawn_bot
from bot.store import Store
from lessons.analysis import analyse
from lessons.article import Lesson
from vocab.lexicon import load_lexicon
from vocab.progress import Learner, ReadingState, WordStatus
from vocab.quiz_questions import TypedRecall, make_typed_recall

SAMPLE = Path(__file__).resolve().parents[2] / "lessons" / "samples" / "korea-herald-2023-11-11.txt"
#: The bot's clock (CLOCK_FILE, relative to the bot's working directory, the test's tmp_path).
CLOCK_FILE = "clock.txt"
#: Waits for the bot: generous, because the first quiz loads the lexicon in the bot process.
WAIT = 20.0


@cache
def sample_lesson() -> Lesson:
    return analyse(SAMPLE.read_text(encoding="utf-8"), "B2", lexicon=load_lexicon())


def set_clock(tmp_path: Path, moment: datetime) -> None:
    """Move the bot's clock (it reads the file each time it asks for the time)."""
    (tmp_path / CLOCK_FILE).write_text(moment.isoformat(), encoding="utf-8")


def lay_down_reader(data_dir: Path, user_id: int, *, name: str = "Minji", language: str = "en",
                    timezone_name: str | None = None, at: datetime | None = None,
                    known: tuple[str, ...] = (), active_days: tuple[date, ...] = ()) -> str:
    """A learner who has read the whole sample lesson (their current one); returns its lesson id.
    `known` are lemmas they marked "I know it"; `active_days` days they were active before."""
    at = at or datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)
    lesson = sample_lesson()
    store = Store.open(data_dir)
    try:
        store.learners.save(Learner(user_id=user_id, name=name, created_at=at - timedelta(days=3),
                                    language=language, level="B2", timezone=timezone_name))
        lesson_id = store.lessons.add(lesson, user_id, at - timedelta(hours=1))
        last = len(lesson.chunks) - 1
        progress = store.progress(user_id)
        progress.save_reading(ReadingState(lesson_id=lesson_id, started_at=at - timedelta(hours=1), part=last,
                                           parts_read=frozenset(range(last + 1)), finished_at=at))
        items = {item.lemma: item for item in lesson.vocabulary}
        progress.save_words(*(WordStatus.first_met(items[lemma], lesson_id, at).marked_known(at) for lemma in known))
        for day in active_days:
            progress.mark_active(day)
    finally:
        store.close()
    return lesson_id


def stored(data_dir: Path):
    """The store as the bot left it (open it only while the bot is stopped)."""
    return Store.open(data_dir)


def kill_and_restart(running_bot, **env: str) -> None:
    """SIGKILL the bot mid-flight and start it again on the same DATA_DIR, logging to the same
    file (the fixture's teardown then stops the new process and reads the whole log)."""
    running_bot.process.send_signal(signal.SIGKILL)
    running_bot.process.wait(10)
    with open(running_bot.log_path, "a", encoding="utf-8") as log:
        running_bot.process = spawn_bot(running_bot.emu, running_bot.data_dir, stderr=log,
                                        cwd=running_bot.log_path.parent, **env)


def typed_question(message: SentMessage, lesson: Lesson) -> TypedRecall:
    """The typed question a clue message asks: the one whose clue and letter hint it shows."""
    asked = [q for q in (make_typed_recall(item) for item in lesson.vocabulary)
             if q is not None and q.clue in message.text and q.hint in message.text]
    assert len(asked) == 1, f"{message.text!r} matches {[q.answer for q in asked]}"
    return asked[0]


def one_slip(question: TypedRecall) -> str:
    """The answer with two neighbouring letters swapped (a slip that is no accepted form)."""
    word = question.answer
    for i in range(1, len(word) - 2):
        a, b = word[i], word[i + 1]
        if a.isalpha() and b.isalpha() and a != b:
            slipped = word[:i] + b + a + word[i + 2:]
            if slipped not in question.forms:
                return slipped
    raise AssertionError(f"no slip for {word!r}")


#: How the taker answers typed questions, in turn: exactly, in the wrong case, with one slipped
#: letter, wrongly.
TYPED_WAYS = ("exact", "case", "slip", "wrong")


@dataclass
class Answered:
    lemma: str
    kind: str  # "poll" or "typed"
    way: str  # "right"/"wrong" for polls, one of TYPED_WAYS for typed
    correct: bool
    verdict: str = ""  # what the bot said about a typed answer


@dataclass
class QuizTaker:
    """Answers the bot's questions: polls right or wrong as told, typed answers in TYPED_WAYS."""

    emu: Emulator
    user: User
    lesson: Lesson
    answered: list[Answered] = field(default_factory=list)
    questions: list[SentMessage] = field(default_factory=list)  # the questions as shown, in order
    typed_turn: int = 0

    def next_screen(self, timeout: float = WAIT) -> tuple[list[SentMessage], SentMessage]:
        """The bot's messages up to the next question or the result: (texts before it, it)."""
        before: list[SentMessage] = []
        while True:
            [message] = self.emu.wait_for_messages(self.user, timeout=timeout)
            if message.poll or is_clue(message) or is_result(message):
                return before, message
            before.append(message)

    def skip_shown(self) -> None:
        """Forget what the bot has sent so far (what came before a restart)."""
        self.emu.wait_for_messages(self.user, count=0, since=self.emu.mark(self.user))

    def answer(self, question: SentMessage, right: bool | None = None, way: str | None = None) -> Answered:
        """Answer a poll (right or wrong) or a typed clue (`way`, else the next of TYPED_WAYS)."""
        self.questions.append(question)
        if question.poll:
            poll = question.poll
            right = True if right is None else right
            lemma = self.lemma_of_poll(poll)
            choice = poll["correct_option_id"] if right else (poll["correct_option_id"] + 1) % len(poll["options"])
            self.emu.answer_poll(self.user, question, [choice])
            done = Answered(lemma, "poll", "right" if right else "wrong", right)
        else:
            typed = typed_question(question, self.lesson)
            if way is None:
                way = TYPED_WAYS[self.typed_turn % len(TYPED_WAYS)]
                self.typed_turn += 1
            given = {"exact": typed.answer, "case": typed.answer.upper(), "slip": one_slip(typed),
                     "wrong": "zzyzx"}[way]
            self.emu.send_text(self.user, given)
            done = Answered(typed.lemma, "typed", way, way != "wrong")
        self.answered.append(done)
        return done

    def lemma_of_poll(self, poll: dict) -> str:
        """The lesson item a poll asks about: the quoted word (word -> meaning) or the right
        option (gap-fill)."""
        for item in self.lesson.vocabulary:
            if f"'{item.item}'" in poll["question"]:
                return item.lemma
        right = poll["options"][poll["correct_option_id"]].lower()
        for item in self.lesson.vocabulary:
            if right in {f.lower() for f in (item.item, *item.forms)}:
                return item.lemma
        raise AssertionError(f"no item of the lesson is the answer to {poll['question']!r}")

    def take(self, polls_right=lambda n: True) -> SentMessage:
        """Answer every question up to the result (poll n right if `polls_right(n)`); the result."""
        before, screen = self.next_screen()
        polls = 0
        while not is_result(screen):
            done = self.answer(screen, right=polls_right(polls) if screen.poll else None)
            polls += screen.poll is not None
            before, screen = self.next_screen()
            if done.kind == "typed":
                done.verdict = "\n".join(m.text for m in before) + "\n" + screen.text
        return screen


def is_clue(message: SentMessage) -> bool:
    return "Type the word" in message.text or "단어를 입력해 주세요" in message.text


def is_result(message: SentMessage) -> bool:
    return "Quiz done" in message.text or "퀴즈 끝" in message.text
