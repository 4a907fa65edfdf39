"""Callback data of the monitoring buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class SummaryCb(CallbackData, prefix="sum1"):
    action: str  # "show" | "custom" | "charts" | "workbook"
    kind: str = "month"  # "month" | "quarter" | "year" | "custom"
    start: int = 0  # yyyymmdd of a custom period
    end: int = 0


class MentorsPageCb(CallbackData, prefix="mnt1"):
    page: int
