"""Callback data of the menu buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class MenuCb(CallbackData, prefix="menu1"):
    action: str
