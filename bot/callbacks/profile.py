"""Callback data of the profile buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ProfileCb(CallbackData, prefix="prof1"):
    action: str  # a field name from EDITABLE_FIELDS, "share_on" or "share_off"


class DeleteMeCb(CallbackData, prefix="delme1"):
    confirm: bool
