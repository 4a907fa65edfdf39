"""The organisation's settings."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.settings import OrgSettingsCb
from bot.keyboards.common import button
from bot.services.organizations import OrgSetting
from bot.texts.settings import ORG_SETTING_BUTTONS


def org_settings(
    current: dict[OrgSetting, int], choices: dict[OrgSetting, tuple[int, ...]]
) -> InlineKeyboardMarkup:
    """A row of choices per setting, the current one ticked."""
    builder = InlineKeyboardBuilder()
    for field, values in choices.items():
        row = []
        for value in values:
            label = ORG_SETTING_BUTTONS[field](value)
            shown = f"✅ {label}" if value == current[field] else label
            row.append(button(shown, OrgSettingsCb(field=field, value=value)))
        builder.row(*row)
    return builder.as_markup()
