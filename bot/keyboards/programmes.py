"""The programme card and its activities."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.pairs import PairAction, PairCb
from bot.callbacks.programmes import (
    ActivityAction,
    ActivityCb,
    ActivityDifficultyCb,
    ProgrammeAction,
    ProgrammeCb,
)
from bot.keyboards.common import LABEL_LENGTH, button
from bot.texts import common as common_texts
from bot.texts import programmes as programmes_texts
from bot.texts.vocabulary import shorten


def programme(
    pair_id: int,
    activities: list[tuple[int, str]],
    *,
    mentor: bool,
    mentee: bool,
    exists: bool,
    curator: bool = False,
    draft: bool = False,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for number, (activity_id, title) in enumerate(activities, start=1):
        opens = ActivityCb(action=ActivityAction.OPEN, activity_id=activity_id)
        builder.row(button(f"{number}. {shorten(title, LABEL_LENGTH)}", opens))
    if mentor:
        aim = (
            programmes_texts.BUTTON_PROGRAMME_AIM
            if exists
            else programmes_texts.BUTTON_PROGRAMME_CREATE
        )
        row = [button(aim, ProgrammeCb(action=ProgrammeAction.AIM, pair_id=pair_id))]
        if exists:
            row.append(
                button(
                    programmes_texts.BUTTON_ACTIVITY_ADD,
                    ProgrammeCb(action=ProgrammeAction.ADD, pair_id=pair_id),
                )
            )
        builder.row(*row)
    if mentee and exists:
        builder.row(
            button(
                programmes_texts.BUTTON_PROPOSE,
                ProgrammeCb(action=ProgrammeAction.PROPOSE, pair_id=pair_id),
            )
        )
    if exists:
        row = []
        if curator and draft:
            approve = ProgrammeCb(action=ProgrammeAction.APPROVE, pair_id=pair_id)
            row.append(button(programmes_texts.BUTTON_PROGRAMME_APPROVE, approve))
        if curator or mentor:
            document = ProgrammeCb(action=ProgrammeAction.DOCUMENT, pair_id=pair_id)
            row.append(button(programmes_texts.BUTTON_PROGRAMME_FILE, document))
        if row:
            builder.row(*row)
    builder.row(button(common_texts.BUTTON_BACK, PairCb(action=PairAction.OPEN, pair_id=pair_id)))
    return builder.as_markup()


def activity(
    activity_id: int, pair_id: int, *, can_finish: bool, can_reflect: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if can_finish:
        builder.button(
            text=programmes_texts.BUTTON_ACTIVITY_DONE,
            callback_data=ActivityCb(action=ActivityAction.DONE, activity_id=activity_id),
        )
    if can_reflect:
        builder.button(
            text=programmes_texts.BUTTON_ACTIVITY_REFLECT,
            callback_data=ActivityCb(action=ActivityAction.REFLECT, activity_id=activity_id),
        )
    builder.row(
        button(common_texts.BUTTON_BACK, ProgrammeCb(action=ProgrammeAction.OPEN, pair_id=pair_id))
    )
    return builder.as_markup()


def activity_difficulties(choices: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for difficulty_id, label in choices:
        builder.row(button(label[:60], ActivityDifficultyCb(difficulty_id=difficulty_id)))
    builder.row(
        button(programmes_texts.BUTTON_NO_DIFFICULTY, ActivityDifficultyCb(difficulty_id=0))
    )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def open_programme(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    programmes_texts.BUTTON_PROGRAMME,
                    ProgrammeCb(action=ProgrammeAction.OPEN, pair_id=pair_id),
                )
            ]
        ]
    )
