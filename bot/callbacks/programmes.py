"""Callback data of the programmes buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ProgrammeCb(CallbackData, prefix="prog1"):
    action: str  # "open" | "aim" | "add" | "propose"
    pair_id: int


class ActivityCb(CallbackData, prefix="act1"):
    action: str  # "open" | "done" | "reflect"
    activity_id: int


class ActivityDifficultyCb(CallbackData, prefix="actd1"):
    difficulty_id: int  # 0: not tied to a difficulty
