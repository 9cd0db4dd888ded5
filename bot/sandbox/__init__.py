"""The local sandbox: a loopback Telegram Bot API emulator and the harness tests drive it with.

`Emulator` (harness.py, reading half in watching.py) is the entry point. Inside: emulator.py is the
aiohttp server speaking Telegram's wire format; methods.py, account.py and media.py the Bot API
methods; people.py what users do; rules.py Telegram's limits and refusals; markup.py its HTML parse
mode; state.py the chats, messages, polls, files and update queue; samples.py tiny real media.
The terminal chat (terminal.py) and the bot process helpers (bot_process.py) build on these.
"""
from .harness import Emulator, EmulatorTimeout
from .objects import Call, Chat, Refusal, SentMessage, User

__all__ = ["Emulator", "EmulatorTimeout", "Call", "Chat", "Refusal", "SentMessage", "User"]
