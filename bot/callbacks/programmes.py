"""Callback data of the programmes buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class ProgrammeAction(StrEnum):
    OPEN = "open"
    AIM = "aim"
    ADD = "add"  # an activity
    PROPOSE = "propose"  # a mentee's proposal to change the programme
    APPROVE = "approve"  # the curator's
    DOCUMENT = "document"  # the printed programme


class ProgrammeCb(CallbackData, prefix="prog1"):
    action: ProgrammeAction
    pair_id: int


class ActivityAction(StrEnum):
    OPEN = "open"
    DONE = "done"
    REFLECT = "reflect"


class ActivityCb(CallbackData, prefix="act1"):
    action: ActivityAction
    activity_id: int


class ActivityDifficultyCb(CallbackData, prefix="actd1"):
    difficulty_id: int  # 0: not tied to a difficulty
