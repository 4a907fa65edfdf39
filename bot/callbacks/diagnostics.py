"""Callback data of the diagnostics buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from models.enums import AssessmentStage


class SelfCheckCb(CallbackData, prefix="sc1"):
    stage: AssessmentStage
    index: int
    score: int = 0  # 0: show the question


class SelfCheckViewCb(CallbackData, prefix="scv1"):
    mentee_id: int
