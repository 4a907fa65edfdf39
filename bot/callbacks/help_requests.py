"""Callback data of the help requests buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from models.enums import Urgency


class HelpUrgencyCb(CallbackData, prefix="hlu1"):
    urgency: Urgency


class HelpCb(CallbackData, prefix="hl1"):
    action: str  # "open" | "take" | "reply" | "close" | "pass" | "helped" | "not_helped"
    request_id: int


class HelpListCb(CallbackData, prefix="hll1"):
    page: int


class HelpPassCb(CallbackData, prefix="hlp1"):
    request_id: int
    mentor_id: int = 0  # 0: only turn to `page`
    page: int = 0
