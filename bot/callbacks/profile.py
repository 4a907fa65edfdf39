"""Callback data of the profile buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class ProfileAction(StrEnum):
    """Edit one field (named as the person's column), or show or hide one's contact."""

    FULL_NAME = "full_name"
    POSITION = "position"
    SUBJECT = "subject"
    EXPERIENCE_YEARS = "experience_years"
    SHARE_ON = "share_on"
    SHARE_OFF = "share_off"


# the fields a person edits, in the order the profile shows them
EDITABLE = (
    ProfileAction.FULL_NAME,
    ProfileAction.POSITION,
    ProfileAction.SUBJECT,
    ProfileAction.EXPERIENCE_YEARS,
)


class ProfileCb(CallbackData, prefix="prof1"):
    action: ProfileAction


class DeleteMeCb(CallbackData, prefix="delme1"):
    confirm: bool
