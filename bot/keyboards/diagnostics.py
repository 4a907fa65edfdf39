"""Self-diagnosis: the stage and the 1–5 scores."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.diagnostics import SelfCheckCb
from bot.keyboards.common import button
from bot.texts import common as common_texts
from bot.texts.diagnostics import BUTTON_SELF_CHECK_END, BUTTON_SELF_CHECK_START
from models.enums import AssessmentStage


def self_check_stages() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    BUTTON_SELF_CHECK_START,
                    SelfCheckCb(stage=AssessmentStage.START, index=0),
                ),
                button(BUTTON_SELF_CHECK_END, SelfCheckCb(stage=AssessmentStage.END, index=0)),
            ]
        ]
    )


def self_check_scores(stage: AssessmentStage, index: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for score in range(1, 6):
        builder.button(
            text=str(score), callback_data=SelfCheckCb(stage=stage, index=index, score=score)
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()
