"""Logging for the bot process: one stderr handler, with the bot token redacted from every record.

The token is part of every Bot API URL ("https://api.telegram.org/bot<token>/sendMessage"), and
httpx logs each request URL at INFO. So httpx and httpcore are held at WARNING, and a filter on the
handler rewrites any token that still gets through (an exception message, a debug line) to
"bot<redacted>", whatever logger the record came from.
"""
from __future__ import annotations

import logging
import re
import sys

REDACTED = "<redacted>"

#: "bot" + "<bot id>:<secret>" as it appears in Bot API URLs.
TOKEN_IN_URL = re.compile(r"bot[0-9]+:[A-Za-z0-9_-]+")
#: A bare token of the real shape (BotFather's secrets are 35 characters).
BARE_TOKEN = re.compile(r"\b[0-9]{6,}:[A-Za-z0-9_-]{30,}")

#: Loggers that print request URLs at INFO or chatter at DEBUG (or at INFO on every job run).
NOISY_LOGGERS = ("httpx", "httpcore", "apscheduler")  # apscheduler: a line per job run

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def redact(text: str, token: str | None = None) -> str:
    """The text with the token, and anything shaped like one, replaced."""
    if token:
        text = text.replace("bot" + token, "bot" + REDACTED).replace(token, REDACTED)
    text = TOKEN_IN_URL.sub("bot" + REDACTED, text)
    return BARE_TOKEN.sub(REDACTED, text)


class RedactTokenFilter(logging.Filter):
    """Rewrites a record's message, traceback and stack so that no bot token is left in them."""

    def __init__(self, token: str | None = None):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.token)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.token)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.token)
        return True


def configure_logging(level: str = "INFO", token: str | None = None, stream=None) -> logging.Handler:
    """Send all logs to stderr (or `stream`) at `level`, tokens redacted; return the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactTokenFilter(token))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler
