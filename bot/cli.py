"""The `companion` command: `run` the bot, try it in the `sandbox`, `analyze` an article.

Each subcommand is a module-level `add_parser(subparsers)` that registers its arguments and sets
`func` (args -> exit status). To add one, write that function and append it to `SUBCOMMANDS`.
"""
from __future__ import annotations

import argparse
import logging
import sys

from bot import analyze_cli
from bot.settings import Settings, SettingsError

_log = logging.getLogger("bot.cli")


def add_run_parser(subparsers) -> None:
    """Register `run`."""
    parser = subparsers.add_parser(
        "run",
        help="run the bot with long polling (without a token: the local sandbox)",
        description="Run the bot on Telegram (TELEGRAM_BOT_TOKEN set) or, without a token, in the local sandbox.",
    )
    parser.set_defaults(func=run)


def add_sandbox_parser(subparsers) -> None:
    """Register `sandbox`."""
    parser = subparsers.add_parser(
        "sandbox",
        help="chat with the bot in this terminal, through a local Telegram emulator",
        description="Start a local Telegram emulator and the bot, and chat with it here. Type /sandbox in the chat for its commands.",
    )
    parser.add_argument("--name", default="Learner", help="your first name in the chat (default %(default)s)")
    parser.add_argument("--lang", default="en", help="your Telegram language code, e.g. ko (default %(default)s)")
    parser.add_argument("--wait", type=float, default=5.0, metavar="SECONDS",
                        help="how long to wait for the bot's answer before the next line (default %(default)s)")
    parser.set_defaults(func=sandbox)


#: Every subcommand's registration function, in the order `companion --help` lists them.
SUBCOMMANDS = [add_run_parser, add_sandbox_parser, analyze_cli.add_parser]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand in SUBCOMMANDS."""
    parser = argparse.ArgumentParser(prog="companion", description="Reading Companion: English news as reading lessons, on Telegram.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add_parser in SUBCOMMANDS:
        add_parser(subparsers)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the bot on Telegram, or the sandbox when there is no token."""
    settings = Settings.load()
    if not settings.token:
        print("TELEGRAM_BOT_TOKEN is not set, so the bot runs in the local sandbox (see .env.example to go live).", file=sys.stderr)
        return sandbox(argparse.Namespace(name="Learner", lang="en", wait=5.0), settings)
    from bot.runner import run_bot

    return run_bot(settings)


def sandbox(args: argparse.Namespace, settings: Settings | None = None) -> int:
    """Chat with the bot in this terminal."""
    from bot.sandbox.terminal import run_sandbox

    return run_sandbox(settings or Settings.load(), name=args.name, language_code=args.lang, wait=args.wait)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `companion` console script and `python -m bot`."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except SettingsError as error:
        print(f"companion: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
