"""Callback data of the settings buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class OrgSettingsCb(CallbackData, prefix="ost1"):
    field: str  # "escalation_hours"
    value: int
