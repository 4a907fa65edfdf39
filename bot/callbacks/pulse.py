"""Callback data of the pulse check-in's buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class PulseCb(CallbackData, prefix="pulse1"):
    pair_id: int
    day: int  # the pulse day as YYYYMMDD
    score: int
