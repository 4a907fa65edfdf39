"""Callback data of the meetings buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import MeetingFormat


class MeetingAction(StrEnum):
    OPEN = "open"
    CONFIRM = "confirm"
    ASK_MOVE = "ask_move"
    MOVE = "move"
    CANCEL = "cancel"
    CANCEL_YES = "cancel_yes"
    DECLINE = "decline"
    LOG = "log"
    HELD = "held"
    NOT_HELD = "not_held"


class MeetingCb(CallbackData, prefix="mt1"):
    action: MeetingAction
    meeting_id: int


class PairMeetingsAction(StrEnum):
    LIST = "list"
    NEW = "new"
    PAST = "past"  # record a meeting held without being scheduled


class PairMeetingsCb(CallbackData, prefix="pmt1"):
    action: PairMeetingsAction
    pair_id: int  # 0 with LIST: all of one's own meetings
    page: int = 0


class MeetingWhomCb(CallbackData, prefix="mtw1"):
    mentee_id: int  # 0: the whole group


class MeetingDayCb(CallbackData, prefix="mtd1"):
    day: int  # yyyymmdd in the organisation's time zone


class MeetingTimeCb(CallbackData, prefix="mtt1"):
    minute: int  # minutes after local midnight


class MeetingFormatCb(CallbackData, prefix="mtf1"):
    format: MeetingFormat


class MeetingDurationCb(CallbackData, prefix="mtm1"):
    minutes: int


class MeetingTouchKind(StrEnum):
    DIFFICULTY = "difficulty"
    ACTIVITY = "activity"
    DONE = "done"


class MeetingTouchCb(CallbackData, prefix="mtx1"):
    kind: MeetingTouchKind
    item_id: int = 0


class MeetingRateCb(CallbackData, prefix="mtr1"):
    meeting_id: int
    score: int
