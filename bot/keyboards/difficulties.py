"""Difficulties: categories, urgency, the list and the card."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.difficulties import (
    DifficultyAction,
    DifficultyCategoryCb,
    DifficultyCb,
    DifficultyListCb,
    UrgencyCb,
)
from bot.keyboards.common import button, numbered
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts import difficulties as difficulties_texts
from bot.texts.vocabulary import DIFFICULTY_CATEGORY_BUTTONS, URGENCY_NAMES


def difficulty_categories() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for category, label in DIFFICULTY_CATEGORY_BUTTONS.items():
        builder.button(text=label, callback_data=DifficultyCategoryCb(category=category))
    builder.adjust(2)
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def urgencies(difficulty_id: int = 0) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for urgency, label in URGENCY_NAMES.items():
        builder.button(
            text=label.capitalize(),
            callback_data=UrgencyCb(urgency=urgency, difficulty_id=difficulty_id),
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def difficulty_list(
    page: Page[object], mentee_id: int, difficulties: list[tuple[int, str]]
) -> InlineKeyboardMarkup:
    opens: list[tuple[str, CallbackData]] = [
        (label, DifficultyCb(action=DifficultyAction.OPEN, difficulty_id=item, page=page.number))
        for item, label in difficulties
    ]
    return numbered(
        page, opens, lambda number: DifficultyListCb(mentee_id=mentee_id, page=number)
    ).as_markup()


def difficulty_card(
    difficulty_id: int, mentee_id: int, page: int, *, owner: bool, can_take: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()

    def action(label: str, name: DifficultyAction) -> None:
        builder.button(
            text=label,
            callback_data=DifficultyCb(action=name, difficulty_id=difficulty_id, page=page),
        )

    if owner:
        action(difficulties_texts.BUTTON_DIFFICULTY_DESCRIBE, DifficultyAction.DESCRIBE)
        action(difficulties_texts.BUTTON_DIFFICULTY_URGENCY, DifficultyAction.URGENCY)
    if can_take:
        action(difficulties_texts.BUTTON_DIFFICULTY_WORK, DifficultyAction.WORK)
    if owner and can_take:
        action(difficulties_texts.BUTTON_DIFFICULTY_OVERCOME, DifficultyAction.OVERCOME)
    builder.adjust(2)
    builder.row(button(common_texts.BUTTON_BACK, DifficultyListCb(mentee_id=mentee_id, page=page)))
    return builder.as_markup()
