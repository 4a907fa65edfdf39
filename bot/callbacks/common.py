"""Callback data of the buttons every feature shares: cancel and skip."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class CancelCb(CallbackData, prefix="cancel1"):
    pass


class TodayCb(CallbackData, prefix="today1"):
    """«Сегодня» for the date the current dialogue asks."""


class SkipCb(CallbackData, prefix="skip1"):
    """«Пропустить» for an optional answer of the current dialogue."""
