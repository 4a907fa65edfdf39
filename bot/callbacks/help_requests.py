"""Callback data of the help requests buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import Urgency


class HelpUrgencyCb(CallbackData, prefix="hlu1"):
    urgency: Urgency


class HelpAction(StrEnum):
    OPEN = "open"
    TAKE = "take"
    REPLY = "reply"
    CLOSE = "close"
    PASS = "pass"  # noqa: S105 - to another mentor, not a password
    HELPED = "helped"
    NOT_HELPED = "not_helped"


class HelpCb(CallbackData, prefix="hl1"):
    action: HelpAction
    request_id: int


class HelpListCb(CallbackData, prefix="hll1"):
    page: int


class HelpPassCb(CallbackData, prefix="hlp1"):
    request_id: int
    mentor_id: int = 0  # 0: only turn to `page`
    page: int = 0
