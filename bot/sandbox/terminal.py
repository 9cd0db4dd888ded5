"""`companion sandbox`: the emulator, the real bot as a child process, and a chat in this terminal.

The person types as a Telegram user. Lines starting with one of the sandbox's own commands
(LOCAL_HELP) act on the sandbox; a number picks a numbered button or poll option; anything else
is sent to the bot as a message. Works the same with piped input: after each line it waits for
the bot's answer, and it ends cleanly at the end of the input.
"""
from __future__ import annotations

import mimetypes
import shlex
import sys
import threading
import time
from pathlib import Path
from typing import IO

from .terminal_render import Choice, choices_of, render_choices, render_message

SANDBOX_TOKEN = "123456:SANDBOX"
FIRST_USER_ID = 1001
GROUP_ID = -2001
#: After the bot's first answer, wait this long for more before showing the prompt again.
QUIET_SECONDS = 0.4
WATCH_INTERVAL = 0.05

LOCAL_HELP = """\
Sandbox commands (everything else goes to the bot):
  1, 2, ...              press that button or answer that poll option (several: 1 3)
  /as ID [NAME [LANG]]   be another user, e.g. /as 2 Tutor ko (new users are created)
  /group [TITLE]         talk in the group chat (the bot is added to it the first time)
  /private               back to your private chat with the bot
  /file PATH             send a file (an article as .txt, .docx, .pdf, .html)
  /say TEXT              send TEXT as it is, even a number
  /sandbox               show this list
  /quit                  stop (so does Ctrl+D or the end of piped input)"""


class TerminalChat:
    """One person at a terminal, acting as Telegram users in a chat with the bot."""

    def __init__(self, emu, out: IO[str], files_dir: Path, *, name: str = "Learner",
                 language_code: str = "en", wait: float = 5.0):
        self.emu, self.out, self.files_dir, self.wait = emu, out, files_dir, wait
        self.users = {}
        self.user = self.add_user(FIRST_USER_ID, name, language_code)
        self.group = None
        self.chat_id = self.user.id
        self.shown: dict[tuple[int, int], tuple] = {}  # (chat, message id) -> what was printed
        self.choices: dict[int, list[Choice]] = {}  # chat id -> numbered choices on screen
        self.printed = 0
        self.changed = threading.Condition()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="sandbox-watcher", daemon=True)

    # -- people and chats --------------------------------------------------------------------------
    def add_user(self, user_id: int, name: str, language_code: str | None):
        self.users[user_id] = self.emu.user(user_id, name, language_code=language_code)
        return self.users[user_id]

    def chat_ids(self) -> list[int]:
        return list(self.users) + ([self.group.id] if self.group else [])

    def chat_name(self, chat_id: int) -> str:
        if self.group and chat_id == self.group.id:
            return f"group {self.group.title}"
        user = self.users.get(chat_id)
        return f"private chat with {user.first_name}" if user else f"chat {chat_id}"

    @property
    def prompt(self) -> str:
        where = f" in {self.group.title}" if self.group and self.chat_id == self.group.id else ""
        return f"{self.user.first_name}{where}> "

    # -- showing what the bot did ------------------------------------------------------------------
    def say(self, *lines: str) -> None:
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def show_new(self) -> int:
        """Print bot messages that are new or changed since last shown; how many were printed."""
        count = 0
        for chat_id in self.chat_ids():
            for message in self.emu.messages(chat_id, include_deleted=True):
                key = (chat_id, message.message_id)
                state = (message.version, message.text, repr(message.buttons), message.deleted, repr(message.poll))
                if self.shown.get(key) == state or (key not in self.shown and message.deleted):
                    continue
                note = "edited" if key in self.shown else ""
                self.shown[key] = state
                self.show(message, note)
                count += 1
        return count

    def show(self, message, note: str) -> None:
        chat_id = message.chat_id
        header = "Reading Companion" if chat_id == self.chat_id else f"Reading Companion → {self.chat_name(chat_id)}"
        lines = render_message(message, header=header, note=note)
        lines += [f"📎 saved {path}" for path in self.save_files(message)]
        choices = choices_of(message) if not message.deleted else []
        if choices:
            self.choices[chat_id] = choices
            lines += render_choices(choices)
        elif any(c.message.message_id == message.message_id for c in self.choices.get(chat_id, [])):
            del self.choices[chat_id]  # its buttons are gone
        self.say(*lines)

    def save_files(self, message) -> list[Path]:
        """Save the document, photo or voice note of a message; their paths."""
        saved = []
        for kind, default_name in (("document", "file"), ("photo", "photo.jpg"), ("voice", "voice.ogg")):
            media = getattr(message, kind)
            if isinstance(media, list):  # PhotoSize list: the largest is last
                media = media[-1] if media else None
            if not media or "file_id" not in media:
                continue
            name = Path(media.get("file_name") or f"{message.message_id}-{default_name}").name
            path = unique_path(self.files_dir / name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.emu.download(media["file_id"]))
            saved.append(path)
        return saved

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_INTERVAL):
            with self.changed:
                count = self.show_new()
                if count:
                    self.printed += count
                    self.changed.notify_all()

    def settle(self, since: int, first_wait: float) -> None:
        """Wait for the bot's answer: the first new message (up to `first_wait` s), then quiet."""
        deadline = time.monotonic() + first_wait
        with self.changed:
            while self.printed == since and time.monotonic() < deadline:
                self.changed.wait(deadline - time.monotonic())
            last = None
            while self.printed != last:
                last = self.printed
                self.changed.wait(QUIET_SECONDS)

    # -- acting on a line --------------------------------------------------------------------------
    def handle(self, line: str) -> bool:
        """Act on one typed line; False when the person wants to stop."""
        line = line.strip()
        if not line:
            return True
        word, _, rest = line.partition(" ")
        rest = rest.strip()
        before = self.printed
        if word == "/quit":
            return False
        if word == "/sandbox":
            self.say(LOCAL_HELP)
            return True
        try:
            local = {"/as": self.switch_user, "/group": self.enter_group, "/private": self.leave_group,
                     "/file": self.send_file, "/say": self.send_text}.get(word)
            if local:
                expect_answer = local(rest)
            elif all(part.isdigit() for part in line.replace(",", " ").split()):
                expect_answer = self.pick([int(n) for n in line.replace(",", " ").split()])
            else:
                expect_answer = self.send_text(line)
        except (LookupError, ValueError, OSError) as error:
            self.say(f"(sandbox) {error}")
            return True
        if expect_answer:
            self.settle(before, self.wait)
        return True

    def send_text(self, text: str) -> bool:
        if not text:
            raise ValueError("nothing to send: /say TEXT")
        self.emu.send_text(self.user, text, chat=self.current_chat())
        return True

    def send_file(self, path: str) -> bool:
        if not path:
            raise ValueError("which file? /file PATH")
        file = Path(shlex.split(path)[0]).expanduser()
        mime_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.emu.send_document(self.user, file.name, file.read_bytes(), mime_type=mime_type, chat=self.current_chat())
        return True

    def pick(self, numbers: list[int]) -> bool:
        """Press button N, or answer the poll with options N..."""
        choices = self.choices.get(self.chat_id, [])
        if not choices:
            raise LookupError("there is nothing to pick here; type text to send it, or /say 1 to send a number")
        if any(not 1 <= n <= len(choices) for n in numbers):
            raise LookupError(f"pick a number from 1 to {len(choices)}")
        picked = [choices[n - 1] for n in numbers]
        if picked[0].kind == "option":
            self.emu.answer_poll(self.user, picked[0].message, [c.value for c in picked])
            self.say(f"(you voted: {', '.join(c.label for c in picked)})")
            return True
        button = picked[0]
        if str(button.value).startswith(("http://", "https://")) and "t.me/" not in str(button.value):
            self.say(f"(a link: {button.value})")
            return False
        callback_id = self.emu.press(self.user, button.label, chat=self.current_chat(), message=button.message)
        if callback_id:
            answer = self.emu.callback_answer(callback_id, timeout=self.wait)
            if answer.get("text"):
                self.say(f"({'alert' if answer.get('show_alert') else 'toast'}) {answer['text']}")
        return True

    def switch_user(self, args: str) -> bool:
        parts = args.split()
        if not parts or not parts[0].lstrip("-").isdigit():
            raise ValueError("usage: /as ID [NAME [LANG]], e.g. /as 2 Tutor ko")
        user_id = int(parts[0])
        known = self.users.get(user_id)
        name = parts[1] if len(parts) > 1 else (known.first_name if known else f"User{user_id}")
        lang = parts[2] if len(parts) > 2 else (known.language_code if known else "en")
        self.user = self.add_user(user_id, name, lang)
        self.chat_id = user_id
        self.say(f"(you are now {name}, id {user_id}, language {lang}, in your private chat)")
        return False

    def enter_group(self, title: str) -> bool:
        if self.group is None:
            self.group = self.emu.group(GROUP_ID, title or "Class 1", members=list(self.users.values()))
            self.emu.add_bot_to_group(self.group, by=self.user)
        self.chat_id = self.group.id
        self.say(f"(you are in the group {self.group.title}; /private to leave)")
        return False

    def leave_group(self, _: str = "") -> bool:
        self.chat_id = self.user.id
        self.say("(back in your private chat)")
        return False

    def current_chat(self):
        return self.group if self.group and self.chat_id == self.group.id else None

    # -- the loop ----------------------------------------------------------------------------------
    def next_line(self, lines: IO[str], interactive: bool) -> str | None:
        """The next typed line, echoed when piped so the transcript reads like a chat; None at the end."""
        if interactive:
            try:
                return input(self.prompt)
            except EOFError:
                self.say("")
                return None
        line = lines.readline()
        if not line:
            return None
        self.say(f"{self.prompt}{line.rstrip()}")
        return line

    def run(self, lines: IO[str], interactive: bool) -> None:
        """Read lines until /quit or the end of input."""
        self._watcher.start()
        try:
            while (line := self.next_line(lines, interactive)) is not None and self.handle(line):
                pass
        except KeyboardInterrupt:
            self.say("")
        finally:
            self._stop.set()
            self._watcher.join()
            with self.changed:
                self.show_new()


def unique_path(path: Path) -> Path:
    """`path`, or `name-2.ext`, `name-3.ext`... if it exists already."""
    candidate, n = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def run_sandbox(settings, *, name: str = "Learner", language_code: str = "en", wait: float = 5.0,
                stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> int:
    """Start the emulator and the bot, chat until /quit or end of input, stop both; the exit status."""
    from .bot_process import spawn_bot, stop_bot
    from .harness import Emulator

    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    sandbox_dir = settings.data_dir / "sandbox"
    sandbox_dir.mkdir(parents=True, exist_ok=True)
    log_path = sandbox_dir / "bot.log"
    with Emulator(token=SANDBOX_TOKEN) as emu, open(log_path, "a", encoding="utf-8") as log:
        bot = spawn_bot(emu, sandbox_dir, log_level=settings.log_level, stderr=log)
        try:
            emu.wait_for_first_poll(timeout=30)
            chat = TerminalChat(emu, stdout, settings.sandbox_files_dir, name=name, language_code=language_code, wait=wait)
            chat.say(f"Sandbox: you are chatting with @{emu.username} through a local Telegram emulator.",
                     f"Bot log: {log_path}   Files the bot sends: {settings.sandbox_files_dir}/",
                     "Type /start to begin, /sandbox for the sandbox's own commands, /quit to stop.")
            chat.run(stdin, interactive=stdin.isatty())
        except TimeoutError:
            print(f"The bot did not start; see {log_path}", file=sys.stderr)
            return 1
        finally:
            status = stop_bot(bot)
    if status != 0:
        print(f"The bot stopped with status {status}; see {log_path}", file=sys.stderr)
    return 0 if status == 0 else 1
