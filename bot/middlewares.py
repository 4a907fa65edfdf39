"""Dispatcher middlewares: one database transaction per update, and the acting user (`Actor`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError
from aiogram.types import TelegramObject, User
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import people
from bot.services.access import Actor
from bot.services.errors import DatabaseUnavailable

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class InFlightMiddleware(BaseMiddleware):
    """Knows which updates are being handled, so that a stopping instance can wait for them
    (aiogram does not wait for its polling tasks)."""

    def __init__(self) -> None:
        self._running: set[asyncio.Future[Any]] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._running.add(done)
        try:
            return await handler(event, data)
        finally:
            done.set_result(None)
            self._running.discard(done)

    async def finish(self, grace_seconds: float) -> None:
        """Wait until the updates being handled are done, at most `grace_seconds`."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=grace_seconds)


class DatabaseMiddleware(BaseMiddleware):
    """Opens the unit of work of an update: committed when the handler returns, rolled back when
    it raises (so a refused or failed action leaves nothing half-written).

    One exception: when only talking to Telegram failed (a reply, a callback answer), what the
    handler had already written is kept; handlers write through services first and reply after,
    so a lost reply never undoes a registration or an erasure."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self.session_factory = session_factory

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        try:
            async with self.session_factory() as session, session.begin():
                data["session"] = session
                try:
                    return await handler(event, data)
                except TelegramAPIError:
                    await session.commit()
                    raise
        except (OperationalError, InterfaceError, OSError) as error:
            logger.warning("Database unavailable: %s", error)
            raise DatabaseUnavailable from error


class ActorMiddleware(BaseMiddleware):
    """Loads the person behind the update's user and marks them active again if they had
    blocked the bot and now write to it."""

    def __init__(self, admin_ids: frozenset[int]) -> None:
        self.admin_ids = admin_ids

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is not None:
            session: AsyncSession = data["session"]
            person = await people.find_by_telegram_id(session, user.id)
            if person is not None and not person.is_active:
                person.is_active = True
            data["actor"] = Actor(
                telegram_id=user.id, person=person, is_admin=user.id in self.admin_ids
            )
        return await handler(event, data)
