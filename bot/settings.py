"""Settings of the bot, read only from the environment or `.env` (pydantic-settings).

`load_settings()` turns any validation error into one readable line naming the setting
(`SettingsError`), so `python -m bot` can stop without a traceback.
"""

from __future__ import annotations

import logging
import re
from typing import Annotated, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,}$")
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/nastavnik.db"

# How to fix each setting, shown after the name when it is wrong.
HOW_TO_FIX = {
    "BOT_TOKEN": "получите токен у @BotFather и запишите его в .env: BOT_TOKEN=123456:ABC...",
    "TELEGRAM_API_URL": "укажите адрес Bot API, например https://api.telegram.org",
    "DATABASE_URL": (
        "укажите, например, sqlite+aiosqlite:///data/nastavnik.db "
        "или postgresql+asyncpg://user:password@host/db"
    ),
    "ADMIN_IDS": "перечислите Telegram id администраторов через запятую: ADMIN_IDS=111,222",
    "TIMEZONE": "укажите часовой пояс из базы IANA, например Europe/Moscow",
    "LOG_LEVEL": "одно из DEBUG, INFO, WARNING, ERROR",
    "LOG_FORMAT": "text (строки для человека) или json (для сборщика логов)",
    "BOT_MODE": "polling (по умолчанию) или webhook",
    "WEBHOOK_URL": "публичный адрес бота за обратным прокси, например https://bot.example.ru",
    "WEBHOOK_SECRET": "1–256 символов A-Z, a-z, 0-9, _ и -; придумайте длинную случайную строку",
    "WEBHOOK_PORT": "номер порта от 1 до 65535",
    "REDIS_URL": "например redis://127.0.0.1:6379/0",
    "HEALTH_PORT": "номер порта от 1 до 65535 для /healthz и /metrics или 0, чтобы не открывать",
}


S = TypeVar("S", bound="DatabaseSettings")


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


class DatabaseSettings(BaseSettings):
    """Where the database is: all that `python -m bot backup` and `restore` need."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    database_url: str = Field(default=DEFAULT_DATABASE_URL, alias="DATABASE_URL")

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        value = value.strip()
        for plain, driver in (
            ("postgres://", "postgresql+asyncpg://"),
            ("postgresql://", "postgresql+asyncpg://"),
            ("sqlite://", "sqlite+aiosqlite://"),
        ):
            if value.startswith(plain):
                value = driver + value.removeprefix(plain)
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("поддерживаются только sqlite+aiosqlite:// и postgresql+asyncpg://")
        return value


class Settings(DatabaseSettings):
    bot_token: str = Field(alias="BOT_TOKEN")
    telegram_api_url: str = Field(default="https://api.telegram.org", alias="TELEGRAM_API_URL")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(default=frozenset(), alias="ADMIN_IDS")
    timezone: str = Field(default="Europe/Moscow", alias="TIMEZONE")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    log_format: Literal["text", "json"] = Field(default="text", alias="LOG_FORMAT")
    bot_mode: Literal["polling", "webhook"] = Field(default="polling", alias="BOT_MODE")
    webhook_url: str = Field(default="", alias="WEBHOOK_URL")
    webhook_path: str = Field(default="/telegram/webhook", alias="WEBHOOK_PATH")
    webhook_host: str = Field(default="0.0.0.0", alias="WEBHOOK_HOST")  # noqa: S104 - behind a proxy
    webhook_port: int = Field(default=8080, ge=1, le=65535, alias="WEBHOOK_PORT")
    webhook_secret: str = Field(default="", alias="WEBHOOK_SECRET")
    redis_url: str = Field(default="", alias="REDIS_URL")
    # polling mode: where /healthz and /metrics are served (0: not served)
    health_host: str = Field(default="127.0.0.1", alias="HEALTH_HOST")
    health_port: int = Field(default=0, ge=0, le=65535, alias="HEALTH_PORT")
    # false: this instance sends no reminders (another one does, or a benchmark measures
    # the handling of updates alone)
    scheduler_enabled: bool = Field(default=True, alias="SCHEDULER_ENABLED")

    @field_validator("webhook_secret")
    @classmethod
    def _check_secret(cls, value: str) -> str:
        if value and not SECRET_PATTERN.match(value):
            raise ValueError("только A-Z, a-z, 0-9, _ и -, от 1 до 256 символов")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("адрес должен начинаться с https://")
        return value

    @field_validator("redis_url")
    @classmethod
    def _check_redis_url(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("адрес должен начинаться с redis://")
        return value

    @model_validator(mode="after")
    def _webhook_needs_url_and_secret(self) -> Settings:
        if self.bot_mode == "webhook":
            if not self.webhook_url:
                raise PydanticCustomError("webhook_url", "в режиме webhook обязателен", {})
            if not self.webhook_secret:
                raise PydanticCustomError("webhook_secret", "в режиме webhook обязателен", {})
        return self

    @property
    def webhook_endpoint(self) -> str:
        return self.webhook_url + self.webhook_path

    @field_validator("bot_token")
    @classmethod
    def _check_token(cls, value: str) -> str:
        value = value.strip()
        if not TOKEN_PATTERN.match(value):
            raise ValueError("токен должен иметь вид 123456789:AA... (как выдаёт @BotFather)")
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _check_api_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("адрес должен начинаться с http:// или https://")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> frozenset[int]:
        if isinstance(value, frozenset | set | list | tuple):
            return frozenset(int(item) for item in value)
        text = str(value or "").strip()
        if not text:
            return frozenset()
        ids: set[int] = set()
        for part in re.split(r"[,\s;]+", text):
            if not part:
                continue
            if not part.isdigit():
                raise ValueError(f"«{part}» — не число")
            ids.add(int(part))
        return frozenset(ids)

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"неизвестный часовой пояс «{value}»") from error
        return value.strip()

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"неизвестный уровень «{value}»")
        return level

    @property
    def log_level_number(self) -> int:
        return logging.getLevelName(self.log_level)  # type: ignore[no-any-return]


def load_settings(**overrides: object) -> Settings:
    """Read the settings; raise `SettingsError` with one line naming the first bad setting."""
    return _load(Settings, overrides)


def load_database_settings() -> DatabaseSettings:
    return _load(DatabaseSettings, {})


def _load(kind: type[S], overrides: dict[str, object]) -> S:
    try:
        return kind(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        # a rule across settings names the setting by its error type
        name = str(first["loc"][0] if first["loc"] else first["type"]).upper()
        if first["type"] == "missing":
            problem = "не задана"
        elif first["type"] in {
            "literal_error",
            "int_parsing",
            "less_than_equal",
            "greater_than_equal",
        }:
            problem = f"недопустимое значение «{first.get('input')}»"
        else:
            problem = str(first["msg"]).removeprefix("Value error, ")
        hint = HOW_TO_FIX.get(name, "")
        raise SettingsError(f"Ошибка настройки {name}: {problem}. Как исправить: {hint}") from None
