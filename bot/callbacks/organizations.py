"""Callback data of the organizations buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class OrgsPageCb(CallbackData, prefix="orgp1"):
    page: int


class OrgAction(StrEnum):
    OPEN = "open"
    CURATOR_LINK = "curator_link"
    TERRITORY = "territory"


class OrgCb(CallbackData, prefix="org1"):
    organization_id: int
    action: OrgAction
    page: int = 0


class TimezoneCb(CallbackData, prefix="tz1"):
    index: int
