"""Proposals: accept or decline, the curator's lists and «propose again»."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.proposals import ProposalAction, ProposalCb, ProposalsPageCb
from bot.keyboards.common import button, numbered
from bot.services.pagination import Page
from bot.services.proposals import ProposalList
from bot.texts import proposals as texts


def answer(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    texts.BUTTON_ACCEPT, ProposalCb(action=ProposalAction.ACCEPT, pair_id=pair_id)
                ),
                button(
                    texts.BUTTON_DECLINE, ProposalCb(action=ProposalAction.DECLINE, pair_id=pair_id)
                ),
            ]
        ]
    )


def again(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(texts.BUTTON_AGAIN, ProposalCb(action=ProposalAction.AGAIN, pair_id=pair_id))]
        ]
    )


def proposals_list(
    page: Page[object], which: ProposalList, items: list[tuple[int, str]]
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [
            (label, ProposalCb(action=ProposalAction.OPEN, pair_id=pair_id))
            for pair_id, label in items
        ],
        lambda number: ProposalsPageCb(which=which, page=number),
    )
    lists = InlineKeyboardBuilder()
    for code, label in texts.PROPOSAL_LISTS.items():
        shown = f"✅ {label}" if code == which.value else label
        lists.button(text=shown, callback_data=ProposalsPageCb(which=ProposalList(code)))
    lists.adjust(3)
    builder.attach(lists)
    return builder.as_markup()
