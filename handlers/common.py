"""Cancelling any dialogue (/cancel, the «Отмена» button, or «отмена» typed) and refusing what
a step cannot take in place of words (a sticker, a photo), naming what it waits for."""

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.common import CancelCb
from bot.dialogue import TypedChoice
from bot.replies import answer_quietly, edit
from bot.routing import Handlers
from bot.services import invites
from bot.services.access import Actor
from bot.texts import common as texts
from handlers.steps import expectation

handlers = Handlers("common")


async def _cancel(state: FSMContext, session: AsyncSession, actor: Actor) -> bool:
    """End the dialogue; a newcomer cancelling their registration is not reminded of it."""
    had_state = await state.get_state() is not None
    await state.clear()
    if not actor.is_registered:
        await invites.forget_opening(session, actor.telegram_id)
    return had_state


@handlers.message(Command("cancel"))
async def cancel_command(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    had_state = await _cancel(state, session, actor)
    await message.answer(texts.CANCELLED if had_state else texts.NOTHING_TO_CANCEL)


@handlers.message(~StateFilter(None), TypedChoice({True: (texts.BUTTON_CANCEL, "отменить")}))
async def cancel_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    """«Отмена» typed instead of tapped: the step never takes it as its answer."""
    await _cancel(state, session, actor)
    await message.answer(texts.CANCELLED)


@handlers.callback_query(CancelCb.filter())
async def cancel_button(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _cancel(state, session, actor)
    await answer_quietly(callback)
    await edit(callback, texts.CANCELLED)


@handlers.message(~StateFilter(None), ~F.text)
async def text_expected(message: Message, raw_state: str | None) -> None:
    """A sticker, a photo or a voice message where the step takes words or a button."""
    await message.answer(f"{texts.TEXT_EXPECTED} {expectation(raw_state)}")
