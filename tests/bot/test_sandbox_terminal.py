"""The terminal chat: driven by piped input, it shows the bot's messages readably and picks choices by number."""
from __future__ import annotations

import asyncio
import io
import subprocess
import sys

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode, PollType

from bot.sandbox import Emulator
from bot.sandbox.terminal import TerminalChat
from bot.sandbox.terminal_render import render_entities


@pytest.fixture
def run_companion(tmp_path, environment_with):
    """Run `python -m bot ARGS` in tmp_path with `typed` as its standard input."""

    def run(args: list[str], typed: str) -> subprocess.CompletedProcess:
        env = environment_with(DATA_DIR=str(tmp_path / "data"), SANDBOX_FILES_DIR=str(tmp_path / "files"))
        return subprocess.run([sys.executable, "-m", "bot", *args], input=typed, env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=90)

    return run


def test_companion_sandbox_chats_through_piped_input(tmp_path, run_companion):
    typed = "/start\n1\n/as 2 Tutor ko\n/help\n/group\n/start\n/quit\nthis line is never read\n"
    result = run_companion(["sandbox", "--wait", "5"], typed)
    out = result.stdout
    assert result.returncode == 0, result.stderr + out
    assert "Learner> /start" in out
    assert "Hi, **Learner**!" in out  # bold shown with **
    assert "[1] A2" in out  # /start offers the levels as numbered buttons
    assert "Your level is now **A2**" in out  # typing 1 pressed the first one
    assert "Tutor> /help" in out and "**제가 할 수 있는 일**" in out
    assert "Tutor in Class 1> /start" in out and "https://t.me/ReadingCompanionBot" in out  # groups: pointer to the private chat
    assert "this line is never read" not in out
    log = (tmp_path / "data" / "sandbox" / "bot.log").read_text()
    assert "is polling for updates" in log and "Stopped cleanly" in log and "Traceback" not in log


def test_companion_run_without_a_token_opens_the_sandbox(run_companion):
    result = run_companion(["run"], "/help\n")  # ends at the end of input, no /quit
    assert result.returncode == 0, result.stderr + result.stdout
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr
    assert "**What I can do**" in result.stdout


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        ("Hi, Minji!", [{"type": "bold", "offset": 4, "length": 5}], "Hi, **Minji**!"),
        ("👋 Hi Minji", [{"type": "bold", "offset": 6, "length": 5}], "👋 Hi **Minji**"),  # emoji = 2 UTF-16 units
        ("bold italic", [{"type": "bold", "offset": 0, "length": 11}, {"type": "italic", "offset": 5, "length": 6}],
         "**bold _italic_**"),
        ("read more", [{"type": "text_link", "offset": 0, "length": 9, "url": "https://example.org"}],
         "read more (https://example.org)"),
        ("run ls -l", [{"type": "code", "offset": 4, "length": 5}], "run `ls -l`"),
        ("plain", [{"type": "underline", "offset": 0, "length": 5}], "plain"),
    ],
)
def test_formatting_is_shown_with_plain_text_marks(text, entities, expected):
    assert render_entities(text, entities) == expected


@pytest.fixture
def emulator():
    with Emulator(token="123456:TEST") as emu:
        yield emu


async def playing_the_bot(emu, user) -> tuple[Bot, int]:
    """A real PTB Bot on the emulator, standing in for ours so a test can send what it likes.

    The user says /start first (a bot cannot write first); returns the bot and the next update offset.
    """
    bot = Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url)
    await bot.initialize()
    emu.send_text(user, "/start")
    [hello] = await bot.get_updates(timeout=5)
    return bot, hello.update_id + 1


async def test_buttons_are_numbered_and_pressed_by_number(emulator, tmp_path):
    out = io.StringIO()
    chat = TerminalChat(emulator, out, tmp_path / "files", name="Minji", wait=0.5)
    bot, offset = await playing_the_bot(emulator, chat.user)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next part", callback_data="next:1"),
                                      InlineKeyboardButton("Quiz", callback_data="quiz:1")]])
    await bot.send_message(chat.user.id, "<b>Part 1</b> of 3", parse_mode=ParseMode.HTML, reply_markup=keyboard)
    chat.show_new()
    assert "**Part 1** of 3" in out.getvalue()
    assert "[1] Next part   [2] Quiz" in out.getvalue()

    pressing = asyncio.create_task(asyncio.to_thread(chat.handle, "2"))
    [update] = await bot.get_updates(offset, timeout=5)
    assert update.callback_query.data == "quiz:1"
    assert update.callback_query.from_user.first_name == "Minji"
    await update.callback_query.answer("Quiz time!")
    assert await pressing is True
    assert "(toast) Quiz time!" in out.getvalue()
    await bot.shutdown()


async def test_poll_options_are_answered_by_number(emulator, tmp_path):
    out = io.StringIO()
    chat = TerminalChat(emulator, out, tmp_path / "files", wait=0.2)
    bot, offset = await playing_the_bot(emulator, chat.user)
    await bot.send_poll(chat.user.id, "Which word means 'glad'?", ["happy", "angry", "tired"],
                        type=PollType.QUIZ, correct_option_ids=[0], is_anonymous=False)
    chat.show_new()
    assert "📊 Quiz: Which word means 'glad'?" in out.getvalue()
    assert "  [3] tired" in out.getvalue()
    await asyncio.to_thread(chat.handle, "3")
    updates = await bot.get_updates(offset, timeout=5)
    assert [u.poll_answer.option_ids for u in updates if u.poll_answer] == [(2,)]
    assert "(you voted: tired)" in out.getvalue()
    await bot.shutdown()


async def test_files_the_bot_sends_are_saved_and_their_path_shown(emulator, tmp_path):
    out = io.StringIO()
    files = tmp_path / "files"
    chat = TerminalChat(emulator, out, files, wait=0.2)
    bot, _ = await playing_the_bot(emulator, chat.user)
    for _ in range(2):
        await bot.send_document(chat.user.id, b"deck bytes", filename="lesson.apkg", caption="Your flashcards")
    chat.show_new()
    assert (files / "lesson.apkg").read_bytes() == b"deck bytes"
    assert (files / "lesson-2.apkg").read_bytes() == b"deck bytes"  # nothing overwritten
    assert f"📎 saved {files / 'lesson.apkg'}" in out.getvalue()
    assert "Your flashcards" in out.getvalue()
    await bot.shutdown()


def test_a_number_with_nothing_to_pick_is_explained(emulator, tmp_path):
    out = io.StringIO()
    chat = TerminalChat(emulator, out, tmp_path / "files", wait=0.1)
    assert chat.handle("1") is True
    assert "nothing to pick" in out.getvalue()
    assert chat.handle("/quit") is False
