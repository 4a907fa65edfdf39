"""The curator's invite wizard and the list of invites."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.invites import (
    InviteFindCb,
    InviteRenewCb,
    InviteRevokeCb,
    InvitesPageCb,
    InviteWizardCb,
)
from bot.keyboards.common import LABEL_LENGTH, button, pager
from bot.services.invites import EXPIRY_DAYS_CHOICES, TEACHER_ROLES, USES_CHOICES
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts import invites as invites_texts
from bot.texts.vocabulary import ROLE_NAMES, shorten
from models.enums import Role


def invite_roles() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role in TEACHER_ROLES:
        builder.button(text=ROLE_NAMES[role].capitalize(), callback_data=InviteWizardCb(role=role))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def invite_days(role: Role) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for days in EXPIRY_DAYS_CHOICES:
        builder.button(
            text=invites_texts.BUTTON_DAYS.format(days=days),
            callback_data=InviteWizardCb(role=role, days=days),
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def invite_uses(role: Role, days: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for uses in USES_CHOICES:
        builder.button(
            text=invites_texts.BUTTON_USES.format(uses=uses),
            callback_data=InviteWizardCb(role=role, days=days, uses=uses),
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def invites_list(page: Page[object], invite_ids: list[int]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for number, invite_id in enumerate(invite_ids, start=page.first):
        builder.button(
            text=invites_texts.BUTTON_REVOKE.format(number=number),
            callback_data=InviteRevokeCb(invite_id=invite_id, page=page.number, number=number),
        )
    builder.adjust(2)
    pager(builder, page, lambda number: InvitesPageCb(page=number))
    builder.row(button(invites_texts.BUTTON_FIND_LINK, InviteFindCb()))
    return builder.as_markup()


def confirm_revoke(invite_id: int, page: int, number: int) -> InlineKeyboardMarkup:
    revoke = InviteRevokeCb(invite_id=invite_id, page=page, number=number, confirm=True)
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(invites_texts.BUTTON_REVOKE_YES, revoke)],
            [button(invites_texts.BUTTON_REVOKE_NO, InvitesPageCb(page=page))],
        ]
    )


def pending_teachers(people: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    """A new link for each teacher found."""
    builder = InlineKeyboardBuilder()
    for person_id, name in people:
        label = invites_texts.BUTTON_RENEW.format(name=shorten(name, LABEL_LENGTH))
        builder.row(button(label, InviteRenewCb(person_id=person_id)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()
