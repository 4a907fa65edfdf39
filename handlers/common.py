"""Cancelling any dialogue (/cancel or the «Отмена» button) and refusing non-text answers."""

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks.common import CancelCb
from bot.replies import answer_quietly, edit
from bot.routing import Handlers
from bot.texts import common as texts

handlers = Handlers("common")


@handlers.message(Command("cancel"))
async def cancel_command(message: Message, state: FSMContext) -> None:
    had_state = await state.get_state() is not None
    await state.clear()
    await message.answer(texts.CANCELLED if had_state else texts.NOTHING_TO_CANCEL)


@handlers.callback_query(CancelCb.filter())
async def cancel_button(callback: CallbackQuery, state: FSMContext) -> None:
    await state.clear()
    await answer_quietly(callback)
    await edit(callback, texts.CANCELLED)


@handlers.message(~StateFilter(None), ~F.text)
async def text_expected(message: Message) -> None:
    await message.answer(texts.TEXT_EXPECTED)
