"""Callback data of the meetings buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from models.enums import MeetingFormat


class MeetingCb(CallbackData, prefix="mt1"):
    # "open" | "confirm" | "ask_move" | "move" | "cancel" | "cancel_yes" | "decline" | "log"
    # | "held" | "not_held"
    action: str
    meeting_id: int


class PairMeetingsCb(CallbackData, prefix="pmt1"):
    action: str  # "list" | "new" | "past"
    pair_id: int  # 0 with "list": all of one's own meetings
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


class MeetingTouchCb(CallbackData, prefix="mtx1"):
    kind: str  # "difficulty" | "activity" | "done"
    item_id: int = 0


class MeetingRateCb(CallbackData, prefix="mtr1"):
    meeting_id: int
    score: int
