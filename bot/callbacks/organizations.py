"""Callback data of the organizations buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class OrgsPageCb(CallbackData, prefix="orgp1"):
    page: int


class OrgCb(CallbackData, prefix="org1"):
    organization_id: int
    action: str  # "open" | "curator_link"
    page: int = 0


class TimezoneCb(CallbackData, prefix="tz1"):
    index: int
