"""The registration's buttons: consent, adding a role, confirming what the curator gave."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks.common import CancelCb
from bot.callbacks.registration import ConsentCb, KeepCb
from bot.keyboards.common import button
from bot.texts import registration as texts
from bot.texts.common import BUTTON_CANCEL
from bot.texts.vocabulary import shorten

YesNo = dict[bool, tuple[str, ...]]


def _yes_no(yes: str, no: str) -> YesNo:
    """A question's two buttons, with the words a person may type instead of tapping."""
    return {True: (yes, *texts.TYPED_YES), False: (no, *texts.TYPED_NO)}


CONSENT = _yes_no(texts.BUTTON_CONSENT_YES, texts.BUTTON_CONSENT_NO)
ROLE = _yes_no(texts.BUTTON_ROLE_YES, texts.BUTTON_ROLE_NO)
KNOWN = _yes_no(texts.BUTTON_KNOWN_RIGHT, texts.BUTTON_KNOWN_FIX)


def yes_no(labels: YesNo) -> InlineKeyboardMarkup:
    rows = [[button(labels[answer][0], ConsentCb(accept=answer))] for answer in (True, False)]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def keep(value: str) -> InlineKeyboardMarkup:
    """«Оставить: …» the value the curator gave, or cancel."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(texts.BUTTON_KEEP.format(value=shorten(value, 40)), KeepCb())],
            [button(BUTTON_CANCEL, CancelCb())],
        ]
    )
