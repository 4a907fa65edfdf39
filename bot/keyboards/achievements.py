"""The buttons of achievements, portfolios, recognitions and the mentor's statement."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.achievements import (
    AchievementKindCb,
    AchievementLevelCb,
    AchievementsAction,
    AchievementsCb,
    NoFileCb,
    PortfolioCb,
    RecognitionKindCb,
    StatementCb,
)
from bot.callbacks.common import CancelCb, SkipCb, TodayCb
from bot.keyboards.common import button
from bot.texts import achievements as texts
from bot.texts import common as common_texts


def achievements(person_id: int, *, mentee: bool, mentor: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(button(texts.BUTTON_ACHIEVEMENT_ADD, AchievementsCb(action=AchievementsAction.ADD)))
    if mentee:
        builder.row(button(texts.BUTTON_PORTFOLIO, PortfolioCb(person_id=person_id)))
    if mentor:
        builder.row(button(texts.BUTTON_STATEMENT, StatementCb(mentor_id=person_id)))
    return builder.as_markup()


def _with_cancel(builder: InlineKeyboardBuilder) -> InlineKeyboardMarkup:
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def kinds() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, name in texts.KIND_NAMES.items():
        builder.row(button(name, AchievementKindCb(kind=kind)))
    return _with_cancel(builder)


def levels() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for level, name in texts.LEVEL_NAMES.items():
        builder.row(button(name.capitalize(), AchievementLevelCb(level=level)))
    builder.row(button(texts.BUTTON_NO_LEVEL, AchievementLevelCb(level=None)))
    return _with_cancel(builder)


def skip_result() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(button(common_texts.BUTTON_SKIP, SkipCb()))
    return _with_cancel(builder)


def today() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(button(texts.BUTTON_TODAY, TodayCb()))
    return _with_cancel(builder)


def no_file() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(button(texts.BUTTON_NO_FILE, NoFileCb()))
    return _with_cancel(builder)


def recognition_kinds() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, name in texts.RECOGNITION_NAMES.items():
        builder.row(button(name, RecognitionKindCb(kind=kind)))
    return _with_cancel(builder)
