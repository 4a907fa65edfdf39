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


class InviteRevokeCb(CallbackData, prefix="invr2"):
    invite_id: int
    page: int
    number: int  # the invite's line in the list, for the confirmation
    confirm: bool = False  # False: ask first


class InviteFindCb(CallbackData, prefix="invf1"):
    """Look up a teacher's personal link by name."""


class InviteRenewCb(CallbackData, prefix="invn1"):
    person_id: int
