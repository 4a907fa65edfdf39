"""The pulse check-in's five steps, a row each."""

from __future__ import annotations

from datetime import date

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.pulse import PulseCb
from bot.keyboards.common import button
from bot.texts import pulse as texts


def steps(pair_id: int, day: date) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    stamp = int(day.strftime("%Y%m%d"))
    for score, label in texts.PULSE_STEPS.items():
        builder.row(button(label, PulseCb(pair_id=pair_id, day=stamp, score=score)))
    return builder.as_markup()
