"""Monitoring: the summary's periods and files, the mentors' list."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.monitoring import MentorsPageCb, SummaryAction, SummaryCb
from bot.callbacks.pairs import PairsPageCb
from bot.keyboards.common import button, pager
from bot.services.monitoring import PeriodKind
from bot.services.pagination import Page
from bot.texts import monitoring as monitoring_texts


def summary(kind: PeriodKind, start: int, end: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code in PeriodKind:
        name = monitoring_texts.SUMMARY_PERIOD_BUTTONS[code]
        action = SummaryAction.CUSTOM if code is PeriodKind.CUSTOM else SummaryAction.SHOW
        label = f"✅ {name}" if code is kind else name
        builder.button(text=label, callback_data=SummaryCb(action=action, kind=code))
    builder.adjust(4)
    builder.row(
        button(
            monitoring_texts.BUTTON_CHARTS,
            SummaryCb(action=SummaryAction.CHARTS, kind=kind, start=start, end=end),
        ),
        button(
            monitoring_texts.BUTTON_WORKBOOK,
            SummaryCb(action=SummaryAction.WORKBOOK, kind=kind, start=start, end=end),
        ),
    )
    builder.row(
        button(
            monitoring_texts.BUTTON_FINAL_REPORT,
            SummaryCb(action=SummaryAction.FINAL, kind=kind, start=start, end=end),
        )
    )
    return builder.as_markup()


def mentors(page: Page[object], mentors: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mentor_id, name in mentors:
        label = monitoring_texts.BUTTON_MENTOR_PAIRS.format(name=name)
        builder.row(button(label[:60], PairsPageCb(page=0, only=f"m{mentor_id}")))
    pager(builder, page, lambda number: MentorsPageCb(page=number))
    return builder.as_markup()
