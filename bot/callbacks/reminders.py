"""Callback data of the reminders buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.services.reminders.kinds import Category


class ReminderToggleCb(CallbackData, prefix="rmt1"):
    category: Category


class QuietHoursCb(CallbackData, prefix="rmq1"):
    start: int  # -1: the organisation's hours
    end: int = 0
