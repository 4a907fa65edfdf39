"""Callback data of the registration buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ConsentCb(CallbackData, prefix="consent1"):
    accept: bool
