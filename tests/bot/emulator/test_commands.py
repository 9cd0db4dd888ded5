"""The command menu: setMyCommands per scope and language, and the menu each user sees."""
from __future__ import annotations

import pytest
from telegram import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeChat
from telegram.error import BadRequest

ENGLISH = [BotCommand("start", "Start"), BotCommand("help", "Help")]
KOREAN = [BotCommand("start", "시작"), BotCommand("help", "도움말")]


async def test_languages_and_scopes_are_kept_apart(bot, emu):
    await bot.set_my_commands(ENGLISH)
    await bot.set_my_commands(KOREAN, language_code="ko")
    await bot.set_my_commands([BotCommand("report", "Class report")],
                              scope=BotCommandScopeAllGroupChats())
    assert [c["description"] for c in emu.commands()] == ["Start", "Help"]
    assert [c["description"] for c in emu.commands(language_code="ko")] == ["시작", "도움말"]
    assert [c["command"] for c in emu.commands(scope={"type": "all_group_chats"})] == ["report"]
    assert [c.description for c in await bot.get_my_commands(language_code="ko")] == ["시작", "도움말"]
    assert await bot.get_my_commands(language_code="de") == ()


async def test_each_user_sees_the_menu_telegram_would_pick(bot, emu):
    korean = emu.user(1, "Minji", language_code="ko")
    german = emu.user(2, "Jonas", language_code="de")
    group = emu.group(-5, "Class", members=[korean])
    await bot.set_my_commands(ENGLISH)
    await bot.set_my_commands(KOREAN, language_code="ko")
    await bot.set_my_commands([BotCommand("report", "Report")], scope=BotCommandScopeAllGroupChats())
    assert [c["description"] for c in emu.command_menu(korean)] == ["시작", "도움말"]
    assert [c["description"] for c in emu.command_menu(german)] == ["Start", "Help"]
    assert [c["command"] for c in emu.command_menu(korean, group)] == ["report"]
    await bot.set_my_commands([BotCommand("quiz", "Quiz")], scope=BotCommandScopeChat(korean.id))
    assert [c["command"] for c in emu.command_menu(korean)] == ["quiz"]


async def test_deleting_commands(bot, emu):
    await bot.set_my_commands(ENGLISH, language_code="ko")
    await bot.delete_my_commands(language_code="ko")
    assert emu.commands(language_code="ko") == []


@pytest.mark.parametrize(
    "command, description, error",
    [("Start", "Start", "Bad Request: BOT_COMMAND_INVALID"),
     ("/start", "Start", "Bad Request: BOT_COMMAND_INVALID"),
     ("x" * 33, "Long", "Bad Request: BOT_COMMAND_INVALID"),
     ("start", "", "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"),
     ("start", "d" * 257, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")],
)
def test_command_rules(api, emu, command, description, error):
    assert api.refused("setMyCommands",
                       commands=[{"command": command, "description": description}]) == error


async def test_bad_language_codes_are_refused(bot, emu):
    with pytest.raises(BadRequest):
        await bot.set_my_commands(ENGLISH, language_code="korean")
    assert emu.refusals[-1].description == "Bad Request: invalid language code specified"
