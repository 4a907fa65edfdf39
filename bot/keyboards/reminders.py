"""/reminders: switches and quiet hours."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.reminders import QuietHoursCb, ReminderToggleCb
from bot.keyboards.common import button
from bot.services.reminders.kinds import Category
from bot.texts import reminders as reminders_texts


def reminder_settings(
    categories: list[tuple[Category, bool]], quiet_choices: tuple[tuple[int, int], ...]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for category, enabled in categories:
        template = (
            reminders_texts.BUTTON_REMINDER_ON if enabled else reminders_texts.BUTTON_REMINDER_OFF
        )
        name = reminders_texts.REMINDER_CATEGORY_NAMES[category]
        builder.row(button(template.format(name=name), ReminderToggleCb(category=category)))
    row = [button(reminders_texts.BUTTON_QUIET_ORG, QuietHoursCb(start=-1))]
    for start, end in quiet_choices:
        hours = (
            reminders_texts.REMINDERS_QUIET.format(start=start, end=end)
            if start != end
            else reminders_texts.REMINDERS_QUIET_OFF
        )
        row.append(
            button(
                reminders_texts.BUTTON_QUIET.format(hours=hours), QuietHoursCb(start=start, end=end)
            )
        )
    builder.row(*row[:3])
    builder.row(*row[3:])
    return builder.as_markup()
