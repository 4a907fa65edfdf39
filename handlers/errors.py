"""What a user sees when something fails: a refused action gets its reason; an unexpected error
is logged with its context and the user gets a short apology instead of silence; a user who
blocked the bot is marked inactive. An outage of the database or Redis is not handled here:
the update is left to be delivered again (`bot.updates`), and nobody is told anything."""

import logging
from contextlib import suppress

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import ExceptionTypeFilter, Filter
from aiogram.types import ErrorEvent
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.outages import as_outage
from bot.replies import answer_quietly, notify
from bot.routing import Handlers
from bot.services import people
from bot.services.errors import DomainError
from bot.texts import common as texts
from bot.texts.vocabulary import esc
from bot.updates import APOLOGISED

handlers = Handlers("errors")

logger = logging.getLogger(__name__)


def _user_id(event: ErrorEvent) -> int | None:
    update = event.update
    source = update.message or update.callback_query or update.my_chat_member
    user = source.from_user if source else None
    return user.id if user else None


@handlers.errors(ExceptionTypeFilter(DomainError))
async def refused(event: ErrorEvent) -> None:
    assert isinstance(event.exception, DomainError)
    reason = event.exception.message
    update = event.update
    with suppress(TelegramAPIError):
        if update.callback_query is not None:
            await notify(update.callback_query, reason)
        elif update.message is not None:
            await update.message.answer(esc(reason))


@handlers.errors(ExceptionTypeFilter(TelegramForbiddenError))
async def blocked(event: ErrorEvent, session_factory: async_sessionmaker[AsyncSession]) -> None:
    assert isinstance(event.exception, TelegramForbiddenError)
    user_id = _user_id(event)
    logger.info("Forbidden for user %s: %s", user_id, event.exception.message)
    if user_id is not None and any(
        reason in event.exception.message for reason in ("blocked", "deactivated")
    ):
        async with session_factory() as session, session.begin():
            await people.set_active(session, user_id, active=False)


class NotAnOutage(Filter):
    async def __call__(self, event: ErrorEvent) -> bool:
        return as_outage(event.exception) is None


@handlers.errors(NotAnOutage())
async def unexpected(event: ErrorEvent, bot: Bot) -> str | None:
    error = event.exception
    if isinstance(error, TelegramBadRequest) and "query is too old" in error.message:
        logger.info("Late answer to a callback query (update %s)", event.update.update_id)
        return None
    logger.error(
        "Unhandled error in update %s from user %s",
        event.update.update_id,
        _user_id(event),
        exc_info=error,
    )
    chat_id = _user_id(event)
    if chat_id is None:
        return APOLOGISED
    if event.update.callback_query is not None:
        await answer_quietly(event.update.callback_query)
    with suppress(TelegramAPIError):
        await bot.send_message(chat_id, texts.UNEXPECTED_ERROR)
    return APOLOGISED
