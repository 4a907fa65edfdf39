"""Callback data of the proposals' buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.services.proposals import ProposalList


class ProposalAction(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    OPEN = "open"
    AGAIN = "again"


class ProposalCb(CallbackData, prefix="prop1"):
    action: ProposalAction
    pair_id: int


class ProposalsPageCb(CallbackData, prefix="props1"):
    which: ProposalList
    page: int = 0
