"""Callback data of the settings buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.services.organizations import OrgSetting


class OrgSettingsCb(CallbackData, prefix="ost1"):
    field: OrgSetting
    value: int
