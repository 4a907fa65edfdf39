"""Announcements' keyboards: whom to send to, the preview's confirmation, the delivery check."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.announcements import AnnounceAction, AnnounceCb, DeliveryCb
from bot.callbacks.common import CancelCb
from bot.keyboards.common import button
from bot.texts import announcements as texts
from bot.texts import common as common_texts
from models.enums import AnnouncementAudience


def audiences(territory_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for audience in AnnouncementAudience:
        builder.button(
            text=texts.AUDIENCE_NAMES[audience],
            callback_data=AnnounceCb(
                action=AnnounceAction.AUDIENCE, territory_id=territory_id, audience=audience
            ),
        )
    builder.adjust(2)
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def confirm(territory_id: int, audience: AnnouncementAudience) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    texts.BUTTON_SEND,
                    AnnounceCb(
                        action=AnnounceAction.SEND, territory_id=territory_id, audience=audience
                    ),
                ),
                button(common_texts.BUTTON_CANCEL, CancelCb()),
            ]
        ]
    )


def delivery(announcement_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(texts.BUTTON_DELIVERY, DeliveryCb(announcement_id=announcement_id))]
        ]
    )
