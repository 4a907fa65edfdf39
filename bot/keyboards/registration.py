"""The consent buttons of the registration."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks.registration import ConsentCb
from bot.keyboards.common import button
from bot.texts.registration import BUTTON_CONSENT_NO, BUTTON_CONSENT_YES


def consent() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(BUTTON_CONSENT_YES, ConsentCb(accept=True))],
            [button(BUTTON_CONSENT_NO, ConsentCb(accept=False))],
        ]
    )
