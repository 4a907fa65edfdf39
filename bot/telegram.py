"""The `Bot` and its HTTP session: the Bot API base URL comes from settings (a self-hosted or
fake server works as well as Telegram), and every call is retried on 429 (after the full
`retry_after`) and on 5xx or network errors (with backoff): aiogram raises these, never retries.

A handler's reply waits out a 429 only up to `max_wait` seconds (the user is waiting); a
longer flood wait fails the reply. Before any call, the update's unit of work is committed
(`CommitBeforeTelegram`), so no database transaction waits on Telegram."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import LinkPreviewOptions

from bot import metrics
from bot.middlewares import CommitBeforeTelegram
from bot.settings import Settings

logger = logging.getLogger(__name__)


class RetryMiddleware(BaseRequestMiddleware):
    """Retries a call on 429 (honouring retry_after in full) and on transient failures."""

    def __init__(self, attempts: int = 4, backoff: float = 0.5, max_wait: float = 5.0) -> None:
        self.attempts = attempts
        self.backoff = backoff
        self.max_wait = max_wait

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        attempts = (
            1 if isinstance(method, GetUpdates) else self.attempts
        )  # polling backs off itself
        attempt = 0
        while True:
            attempt += 1
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                metrics.RATE_LIMITED.inc()
                if attempt >= attempts or error.retry_after > self.max_wait:
                    raise
                logger.warning("429 on %s, waiting %s s", method.__api_method__, error.retry_after)
                await asyncio.sleep(error.retry_after)
            except (TelegramServerError, TelegramNetworkError) as error:
                if attempt >= attempts:
                    raise
                delay = self.backoff * 2 ** (attempt - 1)
                logger.warning("%s on %s, retry in %.1f s", error, method.__api_method__, delay)
                await asyncio.sleep(delay)


class KeepResponseModels(BaseRequestMiddleware):
    """Keeps each `Response[T]` model aiogram parses Telegram's answers with alive. aiogram
    parametrizes it on every call and pydantic caches the class only weakly, so the garbage
    collector keeps freeing it and each call rebuilt its validator (a few milliseconds of CPU
    for `Message`: about half of the bot's time per update under load, see bench/load.py)."""

    def __init__(self) -> None:
        self._models: dict[Any, type[Response[Any]]] = {}

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in self._models:
            self._models[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)


def create_bot(settings: Settings, *, max_flood_wait: float = 5.0) -> Bot:
    """The bot of the handlers; the notification sender gets its own with `max_flood_wait=0`:
    it paces itself and answers a 429 by holding back that chat (or everyone) instead."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    session.middleware(KeepResponseModels())
    session.middleware(CommitBeforeTelegram())
    session.middleware(RetryMiddleware(max_wait=max_flood_wait))
    return Bot(
        token=settings.bot_token,
        session=session,
        # Not `link_preview_is_disabled`: aiogram would also send the removed
        # `disable_web_page_preview` parameter, which the Bot API spec no longer has.
        default=DefaultBotProperties(
            parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)
        ),
    )
