"""Small helpers for answering: edit a message in place (tolerating «not modified»), answer a
callback with a text that may be longer than an alert allows, and answer a dialogue step the
same way whether its button was pressed or its answer typed (`Say`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import suppress

from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message

from bot.dialogue import Data, Dialogue
from bot.keyboards.common import cancel as cancel_keyboard
from bot.texts.vocabulary import esc

ALERT_LIMIT = 200


async def send(
    callback: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Answer a button press with a new message in the presser's chat."""
    await answer_quietly(callback)
    assert callback.bot is not None  # set by the dispatcher on every event
    await callback.bot.send_message(callback.from_user.id, text, reply_markup=markup)


async def send_file(callback: CallbackQuery, content: bytes, name: str, caption: str) -> None:
    """Answer a button press with a file made for it (a document to print, say)."""
    await answer_quietly(callback)
    assert callback.bot is not None  # set by the dispatcher on every event
    await callback.bot.send_document(
        callback.from_user.id, BufferedInputFile(content, filename=name), caption=caption
    )


async def edit(
    callback: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the callback's message; send a new one if it can no longer be edited."""
    message = callback.message
    if not isinstance(message, Message):
        await send(callback, text, markup)
        return
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as error:
        if "message is not modified" in error.message:
            return
        if "message to edit not found" in error.message or "can't be edited" in error.message:
            await send(callback, text, markup)
            return
        raise


async def notify(callback: CallbackQuery, text: str) -> None:
    """Answer a button press with plain `text`: an alert when it fits one, else a message."""
    if len(text) <= ALERT_LIMIT:
        try:
            await callback.answer(text, show_alert=True)
        except TelegramBadRequest:  # answered already or too late: say it in the chat instead
            pass
        else:
            return
    else:
        await answer_quietly(callback)
    if isinstance(callback.message, Message):
        await callback.message.answer(esc(text))


async def answer_quietly(callback: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner (with a short toast); a query answered too late is harmless:
    what the button did stands, and the message edit that follows still shows it."""
    with suppress(TelegramBadRequest):
        await callback.answer(text)


async def ask_for_text(
    callback: CallbackQuery,
    state: FSMContext,
    next_state: State,
    prompt: str,
    dialogue: Dialogue[Data] | None = None,
    data: Data | None = None,
) -> None:
    """Start a one-answer dialogue from a button: any earlier dialogue ends, `data` (of that
    `dialogue`) is kept for the handler of `next_state`, and the prompt offers «Отмена»."""
    await state.clear()
    await state.set_state(next_state)
    if dialogue is not None and data is not None:
        await dialogue.set(state, data)
    await send(callback, prompt, cancel_keyboard())


class Say(ABC):
    """How a dialogue step answers: in place of the message whose button was pressed
    (`in_place`), or with a new message after a typed answer (`anew`); one handler body
    serves both."""

    @abstractmethod
    async def __call__(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None: ...

    @abstractmethod
    async def note(self, text: str) -> None:
        """A short word before the answer: a toast for a button, a message for typed text."""


class _InPlace(Say):
    def __init__(self, callback: CallbackQuery) -> None:
        self.callback = callback
        self.answered = False  # a button press is answered once: the first answer stops it

    async def __call__(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        await self._answer()
        await edit(self.callback, text, markup)

    async def note(self, text: str) -> None:
        await self._answer(text)

    async def _answer(self, text: str | None = None) -> None:
        if not self.answered:
            self.answered = True
            await answer_quietly(self.callback, text)


class _Anew(Say):
    def __init__(self, message: Message) -> None:
        self.message = message

    async def __call__(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        await self.message.answer(text, reply_markup=markup)

    async def note(self, text: str) -> None:
        await self.message.answer(text)


def in_place(callback: CallbackQuery) -> Say:
    """Answer a button by replacing its message (the spinner stopped first)."""
    return _InPlace(callback)


def anew(message: Message) -> Say:
    """Answer a typed message with a new message."""
    return _Anew(message)
