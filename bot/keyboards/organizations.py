"""The administrator's organisations: list, card, time zones."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.organizations import OrgAction, OrgCb, OrgsPageCb, TimezoneCb
from bot.keyboards.common import button, pager
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts import organizations as organizations_texts


def organizations_list(page: Page[object], entries: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for organization_id, name in entries:
        builder.row(
            button(
                name[:60],
                OrgCb(organization_id=organization_id, action=OrgAction.OPEN, page=page.number),
            )
        )
    pager(builder, page, lambda number: OrgsPageCb(page=number))
    return builder.as_markup()


def organization_card(organization_id: int, page: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    organizations_texts.BUTTON_CURATOR_LINK,
                    OrgCb(
                        organization_id=organization_id, action=OrgAction.CURATOR_LINK, page=page
                    ),
                )
            ],
            [
                button(
                    organizations_texts.BUTTON_TERRITORY,
                    OrgCb(organization_id=organization_id, action=OrgAction.TERRITORY, page=page),
                )
            ],
            [button(common_texts.BUTTON_BACK, OrgsPageCb(page=page))],
        ]
    )


def timezones(default: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(
        button(
            organizations_texts.BUTTON_DEFAULT_TIMEZONE.format(zone=default), TimezoneCb(index=-1)
        )
    )
    for index, (city, _zone) in enumerate(organizations_texts.TIMEZONE_CHOICES):
        builder.button(text=city, callback_data=TimezoneCb(index=index))
    builder.adjust(1, 3)
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()
