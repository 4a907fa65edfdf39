"""Callback data of announcements: the audience chosen, the sending, and the delivery check."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import AnnouncementAudience


class AnnounceAction(StrEnum):
    AUDIENCE = "aud"  # the audience chosen: the text is asked for next
    SEND = "send"  # the preview confirmed


class AnnounceCb(CallbackData, prefix="ann1"):
    """`territory_id` 0: the curator's organisation (or the coordinator's own territory)."""

    action: AnnounceAction
    territory_id: int = 0
    audience: AnnouncementAudience = AnnouncementAudience.EVERYONE


class DeliveryCb(CallbackData, prefix="annd1"):
    announcement_id: int
