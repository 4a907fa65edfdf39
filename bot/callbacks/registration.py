"""Callback data of the registration buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ConsentCb(CallbackData, prefix="consent1"):
    accept: bool


class KeepCb(CallbackData, prefix="keep1"):
    """«Оставить» the value the curator gave for the current question."""
