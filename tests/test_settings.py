"""Settings come only from the environment or .env; a bad one is one readable line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import DEFAULT_DATABASE_URL, SettingsError, load_settings

TOKEN = "123456789:AAHfakeTOKENforTESTSonly_abcdefghijk"
ROOT = Path(__file__).resolve().parent.parent


def test_defaults_and_parsing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in ("DATABASE_URL", "ADMIN_IDS", "TIMEZONE", "LOG_LEVEL", "TELEGRAM_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("ADMIN_IDS", "111, 222;333")
    settings = load_settings()
    assert settings.admin_ids == {111, 222, 333}
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.telegram_api_url == "https://api.telegram.org"
    assert settings.timezone == "Europe/Moscow"
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@localhost/db")
    assert load_settings().database_url == "postgresql+asyncpg://u@localhost/db"


def test_env_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    (tmp_path / ".env").write_text(f"BOT_TOKEN={TOKEN}\nLOG_LEVEL=debug\n")
    assert load_settings().log_level == "DEBUG"


SETTING_NAMES = (
    "BOT_TOKEN",
    "ADMIN_IDS",
    "TIMEZONE",
    "DATABASE_URL",
    "TELEGRAM_API_URL",
    "LOG_LEVEL",
)


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({}, "BOT_TOKEN"),
        ({"BOT_TOKEN": "nonsense"}, "BOT_TOKEN"),
        ({"BOT_TOKEN": TOKEN, "ADMIN_IDS": "12,abc"}, "ADMIN_IDS"),
        ({"BOT_TOKEN": TOKEN, "TIMEZONE": "Europe/Atlantis"}, "TIMEZONE"),
        ({"BOT_TOKEN": TOKEN, "DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "ftp://x"}, "TELEGRAM_API_URL"),
        ({"BOT_TOKEN": TOKEN, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ],
)
def test_bad_setting_is_named_with_a_fix(
    env: dict[str, str], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for setting in SETTING_NAMES:
        monkeypatch.delenv(setting, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError) as error:
        load_settings(_env_file=None)
    line = str(error.value)
    assert "\n" not in line
    assert line.startswith(f"Ошибка настройки {name}:") and "Как исправить" in line


def test_python_m_bot_stops_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        env={**env, "BOT_TOKEN": "nonsense", "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], (
        "exactly one line is printed"
    )
    assert "BOT_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_load_settings_raises_settings_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    with pytest.raises(SettingsError, match="BOT_TOKEN"):
        load_settings(_env_file=None)
