"""Callback data of the difficulties buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import DifficultyCategory, Urgency


class DifficultyCategoryCb(CallbackData, prefix="dcat1"):
    category: DifficultyCategory


class UrgencyCb(CallbackData, prefix="durg1"):
    urgency: Urgency
    difficulty_id: int = 0  # 0: the difficulty being registered


class DifficultyAction(StrEnum):
    OPEN = "open"
    DESCRIBE = "describe"
    URGENCY = "urgency"
    WORK = "work"
    OVERCOME = "overcome"


class DifficultyCb(CallbackData, prefix="dif1"):
    action: DifficultyAction
    difficulty_id: int
    page: int = 0


class DifficultyListCb(CallbackData, prefix="difl1"):
    mentee_id: int
    page: int = 0
