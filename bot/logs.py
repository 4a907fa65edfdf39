"""Logging: plain lines for a person (`LOG_FORMAT=text`) or one JSON object per line for a log
collector (`LOG_FORMAT=json`); every record made while an update is handled carries its update
id and user id."""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from bot.middlewares import Handler
from bot.settings import Settings

update_id: ContextVar[int | None] = ContextVar("update_id", default=None)
user_id: ContextVar[int | None] = ContextVar("user_id", default=None)
TEXT_FORMAT = (
    "%(asctime)s %(levelname)s %(name)s [update %(update_id)s user %(user_id)s]: %(message)s"
)


class UpdateContextMiddleware(BaseMiddleware):
    """Puts the update's id and its user's id where the log records will find them."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        update_token = update_id.set(event.update_id if isinstance(event, Update) else None)
        user_token = user_id.set(user.id if user else None)
        try:
            return await handler(event, data)
        finally:
            update_id.reset(update_token)
            user_id.reset(user_token)


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.update_id = update_id.get()
        record.user_id = user_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "update_id": getattr(record, "update_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(ContextFilter())
    formatter = JsonFormatter() if settings.log_format == "json" else logging.Formatter(TEXT_FORMAT)
    handler.setFormatter(formatter)
    logging.basicConfig(level=settings.log_level_number, handlers=[handler], force=True)
