"""The local sandbox: a loopback Telegram Bot API emulator and the harness tests drive it with.

`Emulator` (harness.py) is the entry point; `emulator.py` is the aiohttp server speaking Telegram's
wire format, `rules.py` Telegram's limits and refusals, `html.py` its HTML parse mode, `state.py`
the chats, messages, polls, files and update queue.
"""
from .harness import Emulator, EmulatorTimeout
from .objects import Call, Chat, Refusal, SentMessage, User

__all__ = ["Emulator", "EmulatorTimeout", "Call", "Chat", "Refusal", "SentMessage", "User"]
