"""The profile's buttons and the confirmation of erasing one's data."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.profile import EDITABLE, DeleteMeCb, ProfileAction, ProfileCb
from bot.callbacks.staff import TeacherAction, TeacherCb
from bot.keyboards.common import button
from bot.texts import profile as profile_texts
from bot.texts import staff as staff_texts
from models.enums import Role


def profile(person_id: int, share_contact: bool, roles: frozenset[Role]) -> InlineKeyboardMarkup:
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
    if Role.MENTEE in roles:
        builder.row(
            button(
                staff_texts.BUTTON_TYPES, TeacherCb(action=TeacherAction.TYPES, person_id=person_id)
            ),
            button(
                staff_texts.BUTTON_REQUEST,
                TeacherCb(action=TeacherAction.REQUEST, person_id=person_id),
            ),
        )
    if Role.MENTOR in roles:
        builder.row(
            button(
                staff_texts.BUTTON_MENTOR_PROFILE,
                TeacherCb(action=TeacherAction.PROFILE, person_id=person_id),
            )
        )
    return builder.as_markup()


def delete_me() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(profile_texts.BUTTON_DELETE_YES, DeleteMeCb(confirm=True))],
            [button(profile_texts.BUTTON_DELETE_NO, DeleteMeCb(confirm=False))],
        ]
    )
