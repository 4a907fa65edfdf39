"""Callback data of the monitoring buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.services.monitoring import PeriodKind


class SummaryAction(StrEnum):
    SHOW = "show"
    CUSTOM = "custom"  # ask for a period
    CHARTS = "charts"
    WORKBOOK = "workbook"
    FINAL = "final"  # the final analytic report


class SummaryCb(CallbackData, prefix="sum1"):
    action: SummaryAction
    kind: PeriodKind = PeriodKind.MONTH
    start: int = 0  # yyyymmdd of a custom period
    end: int = 0


class MentorsPageCb(CallbackData, prefix="mnt1"):
    page: int
