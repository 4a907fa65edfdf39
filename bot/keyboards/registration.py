"""The consent buttons of the registration."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks.registration import ConsentCb
from bot.keyboards.common import _button
from bot.texts.registration import BUTTON_CONSENT_NO, BUTTON_CONSENT_YES


def consent() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(BUTTON_CONSENT_YES, ConsentCb(accept=True))],
            [_button(BUTTON_CONSENT_NO, ConsentCb(accept=False))],
        ]
    )
