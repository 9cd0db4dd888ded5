"""A simulated learner taking the one-minute vocabulary check through the emulator."""
from __future__ import annotations

import re
from typing import Callable

from bot.sandbox import Emulator, SentMessage, User
from bot.texts import text

COUNTER = re.compile(r"\((\d+)/(\d+)\)")


def shown_word(message: SentMessage) -> tuple[str, int, int]:
    """The word a check message asks about, its number and the number of words: ("heritage", 7, 21)."""
    [word] = message.bold
    number, total = map(int, COUNTER.search(message.text).groups())
    return word, number, total


def answer(emu: Emulator, learner: User, message: SentMessage, knows: bool, lang: str = "en") -> SentMessage:
    """Press "Yes, I know it" or "No" on the check message; the message as the bot edits it next."""
    emu.press(learner, text(lang, "check.yes" if knows else "check.no"), message=message.message_id)
    return emu.wait_for_edit(message)


def take_check(emu: Emulator, learner: User, message: SentMessage, knows: Callable[[str], bool],
               lang: str = "en") -> tuple[SentMessage, list[str]]:
    """Answer every word shown on `message` with knows(word) until the result; (result, words asked)."""
    words = []
    first = shown_word(message)[1]
    while message.buttons:
        word, number, total = shown_word(message)
        assert number == first + len(words) and total >= number
        words.append(word)
        message = answer(emu, learner, message, knows(word), lang)
    return message, words


def start_check(emu: Emulator, learner: User, lang: str = "en") -> SentMessage:
    """Send /start and press "Take a one-minute vocabulary check"; the message showing the first word."""
    emu.send_text(learner, "/start")
    [welcome] = emu.wait_for_messages(learner)
    emu.press(learner, text(lang, "level.take_check"), message=welcome.message_id)
    return emu.wait_for_edit(welcome, timeout=20)  # the first check of a process loads the word lists
