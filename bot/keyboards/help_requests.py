"""Situational help: urgency, the request card, the list and passing it on."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.help_requests import HelpAction, HelpCb, HelpListCb, HelpPassCb, HelpUrgencyCb
from bot.keyboards.common import button, numbered, pager
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts import help_requests as help_requests_texts


def help_urgencies() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for urgency, label in help_requests_texts.HELP_URGENCY_NAMES.items():
        builder.row(button(label, HelpUrgencyCb(urgency=urgency)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def help_request(request_id: int, actions: list[HelpAction]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for name in actions:
        builder.button(
            text=help_requests_texts.HELP_BUTTONS[name],
            callback_data=HelpCb(action=name, request_id=request_id),
        )
    builder.adjust(2)
    return builder.as_markup()


def help_list(page: Page[object], requests: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    opens: list[tuple[str, CallbackData]] = [
        (label, HelpCb(action=HelpAction.OPEN, request_id=request_id))
        for request_id, label in requests
    ]
    return numbered(page, opens, lambda number: HelpListCb(page=number)).as_markup()


def help_mentors(
    page: Page[object], request_id: int, mentors: list[tuple[int, str]]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mentor_id, name in mentors:
        builder.row(
            button(name, HelpPassCb(request_id=request_id, mentor_id=mentor_id, page=page.number))
        )
    pager(builder, page, lambda number: HelpPassCb(request_id=request_id, page=number))
    builder.row(
        button(common_texts.BUTTON_BACK, HelpCb(action=HelpAction.OPEN, request_id=request_id))
    )
    return builder.as_markup()
