"""Callback data of the invites buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from models.enums import Role


class InviteWizardCb(CallbackData, prefix="invw1"):
    role: Role
    days: int = 0
    uses: int = 0


class InvitesPageCb(CallbackData, prefix="invp1"):
    page: int


class InviteRevokeCb(CallbackData, prefix="invr1"):
    invite_id: int
    page: int
