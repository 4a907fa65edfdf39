"""Meetings: the scheduling steps, the invitation, the card, the report and the rating."""

from __future__ import annotations

from datetime import date

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.meetings import (
    MeetingAction,
    MeetingCb,
    MeetingDayCb,
    MeetingDurationCb,
    MeetingFormatCb,
    MeetingRateCb,
    MeetingTimeCb,
    MeetingTouchCb,
    MeetingTouchKind,
    MeetingWhomCb,
    PairMeetingsAction,
    PairMeetingsCb,
)
from bot.callbacks.pairs import PairAction, PairCb
from bot.keyboards.common import LABEL_LENGTH, MENTEE_BUTTONS, button, numbered
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts import meetings as meetings_texts
from bot.texts.vocabulary import MEETING_FORMAT_NAMES, WEEKDAY_SHORT, shorten


def meeting_whom(mentees: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(button(meetings_texts.MEETING_WHOLE_GROUP, MeetingWhomCb(mentee_id=0)))
    for mentee_id, name in mentees[:MENTEE_BUTTONS]:
        builder.row(button(name, MeetingWhomCb(mentee_id=mentee_id)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_days(days: list[date]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for day in days:
        label = f"{WEEKDAY_SHORT[day.weekday()]} {day:%d.%m}"
        builder.button(text=label, callback_data=MeetingDayCb(day=int(f"{day:%Y%m%d}")))
    builder.adjust(4)
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_times(minutes: list[int]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for minute in minutes:
        hours, rest = divmod(minute, 60)
        builder.button(text=f"{hours:02d}:{rest:02d}", callback_data=MeetingTimeCb(minute=minute))
    builder.adjust(4)
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_formats() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for meeting_format, label in MEETING_FORMAT_NAMES.items():
        builder.button(
            text=label.capitalize(), callback_data=MeetingFormatCb(format=meeting_format)
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_invitation(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    meetings_texts.BUTTON_MEETING_CONFIRM,
                    MeetingCb(action=MeetingAction.CONFIRM, meeting_id=meeting_id),
                ),
                button(
                    meetings_texts.BUTTON_MEETING_ASK_MOVE,
                    MeetingCb(action=MeetingAction.ASK_MOVE, meeting_id=meeting_id),
                ),
            ],
            [
                button(
                    meetings_texts.BUTTON_MEETING_OPEN,
                    MeetingCb(action=MeetingAction.OPEN, meeting_id=meeting_id),
                )
            ],
        ]
    )


def open_meeting(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    meetings_texts.BUTTON_MEETING_OPEN,
                    MeetingCb(action=MeetingAction.OPEN, meeting_id=meeting_id),
                )
            ]
        ]
    )


def meeting_card(
    meeting_id: int,
    pair_id: int,
    *,
    answer: bool,
    change: bool,
    decline: bool,
    log: bool,
    rate: bool,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()

    def action(label: str, name: MeetingAction) -> None:
        builder.button(text=label, callback_data=MeetingCb(action=name, meeting_id=meeting_id))

    if answer:
        action(meetings_texts.BUTTON_MEETING_CONFIRM, MeetingAction.CONFIRM)
        action(meetings_texts.BUTTON_MEETING_ASK_MOVE, MeetingAction.ASK_MOVE)
    if change:
        action(meetings_texts.BUTTON_MEETING_MOVE, MeetingAction.MOVE)
        action(meetings_texts.BUTTON_MEETING_CANCEL, MeetingAction.CANCEL)
    if decline:
        action(meetings_texts.BUTTON_MEETING_DECLINE, MeetingAction.DECLINE)
    if log:
        action(meetings_texts.BUTTON_MEETING_LOG, MeetingAction.LOG)
    builder.adjust(2)
    if rate:
        builder.row(*rating_buttons(meeting_id))
    builder.row(
        button(
            meetings_texts.BUTTON_MEETINGS,
            PairMeetingsCb(action=PairMeetingsAction.LIST, pair_id=pair_id),
        )
    )
    return builder.as_markup()


def rating_buttons(meeting_id: int) -> list[InlineKeyboardButton]:
    return [
        button(str(score), MeetingRateCb(meeting_id=meeting_id, score=score))
        for score in range(1, 6)
    ]


def meeting_rating(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[rating_buttons(meeting_id)])


def confirm_meeting_cancel(meeting_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    meetings_texts.BUTTON_MEETING_CANCEL_YES,
                    MeetingCb(action=MeetingAction.CANCEL_YES, meeting_id=meeting_id),
                )
            ],
            [
                button(
                    common_texts.BUTTON_BACK,
                    MeetingCb(action=MeetingAction.OPEN, meeting_id=meeting_id),
                )
            ],
        ]
    )


def meeting_held(meeting_id: int, *, reminder: bool = False) -> InlineKeyboardMarkup:
    """«Состоялась» or «Не состоялась»; under a reminder, with the meeting to open instead of
    a cancel."""
    last = (
        button(
            meetings_texts.BUTTON_MEETING_OPEN,
            MeetingCb(action=MeetingAction.OPEN, meeting_id=meeting_id),
        )
        if reminder
        else button(common_texts.BUTTON_CANCEL, CancelCb())
    )
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    meetings_texts.BUTTON_MEETING_HELD,
                    MeetingCb(action=MeetingAction.HELD, meeting_id=meeting_id),
                ),
                button(
                    meetings_texts.BUTTON_MEETING_NOT_HELD,
                    MeetingCb(action=MeetingAction.NOT_HELD, meeting_id=meeting_id),
                ),
            ],
            [last],
        ]
    )


def meeting_durations(choices: tuple[int, ...]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for minutes in choices:
        builder.button(
            text=meetings_texts.MEETING_MINUTES.format(minutes=minutes),
            callback_data=MeetingDurationCb(minutes=minutes),
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meeting_touched(
    items: list[tuple[MeetingTouchKind, int, str, bool]],
) -> InlineKeyboardMarkup:
    """(kind, id, label, chosen) toggles, then «Готово»."""
    builder = InlineKeyboardBuilder()
    for kind, item_id, label, chosen in items:
        icon = "✅" if chosen else ("🧩" if kind is MeetingTouchKind.DIFFICULTY else "📘")
        builder.row(button(f"{icon} {label[:50]}", MeetingTouchCb(kind=kind, item_id=item_id)))
    count = sum(1 for *_, chosen in items if chosen)
    builder.row(
        button(
            common_texts.BUTTON_DONE.format(count=count), MeetingTouchCb(kind=MeetingTouchKind.DONE)
        )
    )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def meetings_list(
    page: Page[object],
    meetings: list[tuple[int, str]],
    pair_id: int,
    led: list[tuple[int, str]],
) -> InlineKeyboardMarkup:
    """The meetings of a pair (or all one's own, `pair_id` 0), and for each pair one leads
    (`led`: id and title, the title left out for the pair being listed) «Назначить»."""
    builder = numbered(
        page,
        [
            (label, MeetingCb(action=MeetingAction.OPEN, meeting_id=meeting_id))
            for meeting_id, label in meetings
        ],
        lambda number: PairMeetingsCb(action=PairMeetingsAction.LIST, pair_id=pair_id, page=number),
    )
    for led_id, title in led[:MENTEE_BUTTONS]:
        new = meetings_texts.BUTTON_MEETING_NEW
        if title:
            new = meetings_texts.BUTTON_MEETING_NEW_WITH.format(pair=shorten(title, LABEL_LENGTH))
        row = [button(new, PairMeetingsCb(action=PairMeetingsAction.NEW, pair_id=led_id))]
        if not title:
            past = PairMeetingsCb(action=PairMeetingsAction.PAST, pair_id=led_id)
            row.append(button(meetings_texts.BUTTON_MEETING_PAST, past))
        builder.row(*row)
    if pair_id:
        builder.row(
            button(common_texts.BUTTON_BACK, PairCb(action=PairAction.OPEN, pair_id=pair_id))
        )
    return builder.as_markup()
