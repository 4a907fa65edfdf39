"""The profile's buttons and the confirmation of erasing one's data."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.profile import EDITABLE, DeleteMeCb, ProfileAction, ProfileCb
from bot.keyboards.common import button
from bot.texts import profile as profile_texts


def profile(share_contact: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for field in EDITABLE:
        name = profile_texts.PROFILE_FIELD_NAMES[field]
        builder.button(
            text=profile_texts.BUTTON_EDIT.format(field=name), callback_data=ProfileCb(action=field)
        )
    builder.adjust(2)
    if share_contact:
        builder.row(
            button(profile_texts.BUTTON_SHARE_OFF, ProfileCb(action=ProfileAction.SHARE_OFF))
        )
    else:
        builder.row(button(profile_texts.BUTTON_SHARE_ON, ProfileCb(action=ProfileAction.SHARE_ON)))
    return builder.as_markup()


def delete_me() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(profile_texts.BUTTON_DELETE_YES, DeleteMeCb(confirm=True))],
            [button(profile_texts.BUTTON_DELETE_NO, DeleteMeCb(confirm=False))],
        ]
    )
