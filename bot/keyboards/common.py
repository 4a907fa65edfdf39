"""Buttons every feature shares (cancel, skip, a pager, a numbered list) and how a button is made
from callback data."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb, SkipCb
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts.vocabulary import shorten

MENTEE_BUTTONS = 20  # a message holds at most 100 buttons; larger groups list the first


def button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def cancel() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[button(common_texts.BUTTON_CANCEL, CancelCb())]])


def pager(
    builder: InlineKeyboardBuilder, page: Page[object], make: Callable[[int], CallbackData]
) -> None:
    """Add ‹ n/N › buttons under a paged list (nothing when it fits one page)."""
    if page.pages <= 1:
        return
    row: list[InlineKeyboardButton] = []
    if page.has_previous:
        row.append(button(common_texts.BUTTON_PREVIOUS, make(page.number - 1)))
    row.append(button(f"{page.number + 1}/{page.pages}", make(page.number)))
    if page.has_next:
        row.append(button(common_texts.BUTTON_NEXT, make(page.number + 1)))
    builder.row(*row)


LABEL_LENGTH = 40  # of a list's button: the whole row on a phone, without being cut


def numbered(
    page: Page[object],
    opens: list[tuple[str, CallbackData]],
    turn: Callable[[int], CallbackData],
) -> InlineKeyboardBuilder:
    """A button per item, numbered as the list's lines are and named by a short label (a name, a
    title), one to a row, then the pager."""
    builder = InlineKeyboardBuilder()
    for number, (label, data) in enumerate(opens, start=page.first):
        builder.row(button(f"{number}. {shorten(label, LABEL_LENGTH)}", data))
    pager(builder, page, turn)
    return builder


def skip() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(common_texts.BUTTON_SKIP, SkipCb())],
            [button(common_texts.BUTTON_CANCEL, CancelCb())],
        ]
    )
