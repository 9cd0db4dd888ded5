"""Settings come from the environment or .env; a bad one is one clear line and exit status 2."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


import pytest

from bot.settings import SETTING_NAMES, TELEGRAM_BASE_URL, Settings, SettingsError

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"

SECRET = "7654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX"


def test_defaults_without_any_setting():
    settings = Settings.from_mapping({})
    assert settings.token is None
    assert settings.base_url == TELEGRAM_BASE_URL
    assert settings.base_file_url == "https://api.telegram.org/file/bot"
    assert settings.data_dir == Path("data")
    assert settings.log_level == "INFO"
    assert settings.sandbox_files_dir == Path("sandbox-files")
    assert settings.rate_limiter is True


def test_every_setting_is_read_from_the_environment():
    changed = Settings.from_mapping({
        "TELEGRAM_BOT_TOKEN": SECRET, "TELEGRAM_BASE_URL": "http://localhost:8081/bot", "DATA_DIR": "/srv/data",
        "LOG_LEVEL": "WARNING", "SANDBOX_FILES_DIR": "/tmp/files", "RATE_LIMITER": "off",
        "CLOCK_FILE": "/tmp/clock.txt", "JOB_TICK_SECONDS": "0.5", "ESPEAK_NG": "/opt/espeak/bin/espeak-ng",
    })
    defaults = Settings.from_mapping({})
    assert all(getattr(changed, f) != getattr(defaults, f) for f in Settings.__dataclass_fields__)


def test_every_setting_is_documented_in_env_example():
    lines = [line.removeprefix("# ") for line in ENV_EXAMPLE.read_text().splitlines()]
    documented = [line.split("=")[0] for line in lines if re.fullmatch(r"[A-Z_]+=.*", line)]
    assert sorted(documented) == sorted(SETTING_NAMES)
    assert Settings.load({}, env_file=ENV_EXAMPLE) == Settings()  # its values are the defaults


@pytest.mark.parametrize(
    "base_url, expected, file_url",
    [
        ("http://localhost:8081/bot", "http://localhost:8081/bot", "http://localhost:8081/file/bot"),
        ("https://tg.example.org/api/bot/", "https://tg.example.org/api/bot", "https://tg.example.org/api/file/bot"),
        ("http://127.0.0.1:5000/bot", "http://127.0.0.1:5000/bot", "http://127.0.0.1:5000/file/bot"),
    ],
)
def test_the_file_url_follows_the_base_url(base_url, expected, file_url):
    settings = Settings.from_mapping({"TELEGRAM_BASE_URL": base_url})
    assert (settings.base_url, settings.base_file_url) == (expected, file_url)


@pytest.mark.parametrize(
    "name, value, names_in_message",
    [
        ("TELEGRAM_BOT_TOKEN", "not-a-token", "TELEGRAM_BOT_TOKEN"),
        ("TELEGRAM_BOT_TOKEN", "123456:has space", "TELEGRAM_BOT_TOKEN"),
        ("TELEGRAM_BOT_TOKEN", "abc:DEF", "TELEGRAM_BOT_TOKEN"),
        ("TELEGRAM_BASE_URL", "api.telegram.org/bot", "TELEGRAM_BASE_URL"),
        ("TELEGRAM_BASE_URL", "ftp://example.org/bot", "TELEGRAM_BASE_URL"),
        ("TELEGRAM_BASE_URL", "https://api.telegram.org/", "TELEGRAM_BASE_URL"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL"),
        ("RATE_LIMITER", "maybe", "RATE_LIMITER"),
    ],
)
def test_a_malformed_setting_is_one_line_naming_it(name, value, names_in_message):
    with pytest.raises(SettingsError) as caught:
        Settings.from_mapping({name: value})
    message = str(caught.value)
    assert names_in_message in message
    assert "\n" not in message


def test_a_malformed_token_is_not_echoed():
    typo = SECRET.replace(":", ";")
    with pytest.raises(SettingsError) as caught:
        Settings.from_mapping({"TELEGRAM_BOT_TOKEN": typo})
    assert typo not in str(caught.value) and SECRET.split(":")[1] not in str(caught.value)


def test_log_level_is_read_in_any_case():
    assert Settings.from_mapping({"LOG_LEVEL": "debug"}).log_level == "DEBUG"


def test_dotenv_is_read_and_the_real_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(f"TELEGRAM_BOT_TOKEN={SECRET}\nLOG_LEVEL=WARNING\nDATA_DIR=/srv/companion\n")
    settings = Settings.load({"LOG_LEVEL": "ERROR"}, env_file=env_file)
    assert settings.token == SECRET
    assert settings.log_level == "ERROR"
    assert settings.data_dir == Path("/srv/companion")


def test_a_missing_dotenv_is_fine(tmp_path):
    assert Settings.load({}, env_file=tmp_path / "nowhere.env") == Settings()


@pytest.mark.parametrize(
    "settings, expected",
    [
        ({"TELEGRAM_BOT_TOKEN": "123:bad token"}, "TELEGRAM_BOT_TOKEN is malformed"),
        ({"TELEGRAM_BOT_TOKEN": SECRET, "TELEGRAM_BASE_URL": "localhost:8081"}, "TELEGRAM_BASE_URL is not an http(s) URL"),
        ({"TELEGRAM_BOT_TOKEN": SECRET, "LOG_LEVEL": "chatty"}, "LOG_LEVEL must be one of"),
    ],
)
def test_companion_run_with_a_bad_setting_prints_one_line_and_exits_2(tmp_path, environment_with, settings, expected):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], env=environment_with(**settings), cwd=tmp_path,
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr


def test_a_bad_setting_in_dotenv_is_reported_the_same_way(tmp_path, environment_with):
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=123456:TEST\nTELEGRAM_BASE_URL=not a url\n")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], env=environment_with(), cwd=tmp_path,
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "TELEGRAM_BASE_URL" in result.stderr
