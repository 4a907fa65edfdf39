"""The last router: buttons no handler accepted (stale, forged, or not for this person) and
messages nobody expected. A stranger is told how to get an invite (or to open again the one
whose registration was interrupted); nothing is stored."""

from aiogram import Bot
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.replies import notify
from bot.routing import Handlers
from bot.services.access import Actor
from bot.texts import common as texts
from handlers.menu import for_stranger

handlers = Handlers("fallback")


@handlers.callback_query()
async def stale_button(callback: CallbackQuery) -> None:
    await notify(callback, texts.STALE_BUTTON)


@handlers.message()
async def unknown_message(message: Message, actor: Actor, bot: Bot, session: AsyncSession) -> None:
    if actor.is_registered or actor.is_admin:
        await message.answer(texts.UNKNOWN_INPUT)
    else:
        await message.answer(await for_stranger(session, actor, bot))
