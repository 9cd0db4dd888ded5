"""Telegram handlers: thin functions that parse an update, call the core, save and render.

The list that wires them to updates is in `bot.app.handlers()`.
"""
