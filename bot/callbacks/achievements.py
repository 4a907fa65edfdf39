"""Callback data of achievements, portfolios, recognitions and the mentor's statement."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import AchievementKind, AchievementLevel, RecognitionKind


class AchievementsAction(StrEnum):
    LIST = "list"
    ADD = "add"


class AchievementsCb(CallbackData, prefix="ach1"):
    action: AchievementsAction


class AchievementKindCb(CallbackData, prefix="achk1"):
    kind: AchievementKind


class AchievementLevelCb(CallbackData, prefix="achl1"):
    level: AchievementLevel | None = None  # None: without a level


class PortfolioCb(CallbackData, prefix="portf1"):
    person_id: int


class StatementCb(CallbackData, prefix="stmt1"):
    mentor_id: int


class RecognizeCb(CallbackData, prefix="recog1"):
    mentor_id: int


class RecognitionKindCb(CallbackData, prefix="recogk1"):
    kind: RecognitionKind


class NoFileCb(CallbackData, prefix="nofile1"):
    """«Без файла» for the file the current dialogue asks."""
