"""Callback data factories. Each prefix carries a version digit: when a factory's fields
change, bump it, and buttons of old messages fall through to the «stale button» answer instead
of being misread. Everything unpacked here is client input and is checked again on the server."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from models.enums import AssessmentStage, DifficultyCategory, MeetingFormat, Role, Urgency


class MenuCb(CallbackData, prefix="menu1"):
    action: str


class CancelCb(CallbackData, prefix="cancel1"):
    pass


class ConsentCb(CallbackData, prefix="consent1"):
    accept: bool


class InviteWizardCb(CallbackData, prefix="invw1"):
    role: Role
    days: int = 0
    uses: int = 0


class InvitesPageCb(CallbackData, prefix="invp1"):
    page: int


class InviteRevokeCb(CallbackData, prefix="invr1"):
    invite_id: int
    page: int


class OrgsPageCb(CallbackData, prefix="orgp1"):
    page: int


class OrgCb(CallbackData, prefix="org1"):
    organization_id: int
    action: str  # "open" | "curator_link"
    page: int = 0


class TimezoneCb(CallbackData, prefix="tz1"):
    index: int


class ProfileCb(CallbackData, prefix="prof1"):
    action: str  # a field name from EDITABLE_FIELDS, "share_on" or "share_off"


class DeleteMeCb(CallbackData, prefix="delme1"):
    confirm: bool


class DifficultyCategoryCb(CallbackData, prefix="dcat1"):
    category: DifficultyCategory


class UrgencyCb(CallbackData, prefix="durg1"):
    urgency: Urgency
    difficulty_id: int = 0  # 0: the difficulty being registered


class DifficultyCb(CallbackData, prefix="dif1"):
    action: str  # "open" | "describe" | "urgency" | "work" | "overcome"
    difficulty_id: int
    page: int = 0


class DifficultyListCb(CallbackData, prefix="difl1"):
    mentee_id: int
    page: int = 0


class SelfCheckCb(CallbackData, prefix="sc1"):
    stage: AssessmentStage
    index: int
    score: int = 0  # 0: show the question


class SelfCheckViewCb(CallbackData, prefix="scv1"):
    mentee_id: int


class PickCb(CallbackData, prefix="pick1"):
    """Choosing people from a paged, searchable list."""

    purpose: str  # "mentor" | "mentees" | "new_mentor"
    person_id: int = 0  # 0: only turn to `page`
    page: int = 0
    pair_id: int = 0  # for "new_mentor": the pair whose dialogue made this list


class PairWizardCb(CallbackData, prefix="pw1"):
    step: str  # "mentees_done" | "form" | "model" | "period" | "confirm"
    value: str = ""


class PairCb(CallbackData, prefix="pair1"):
    action: str  # "open" | "change_mentor" | "complete" | "complete_yes" | "stop"
    pair_id: int
    page: int = 0


class PairsPageCb(CallbackData, prefix="pairs2"):
    page: int
    mine: bool = False
    # "" | "quiet" (no meetings for 14 days) | "overdue" (overdue goals) | a form's code
    # | "m<mentor id>"
    only: str = ""


class UnpairedPageCb(CallbackData, prefix="unp1"):
    page: int


class ReflectionScoreCb(CallbackData, prefix="refl1"):
    pair_id: int
    score: int


class ProgrammeCb(CallbackData, prefix="prog1"):
    action: str  # "open" | "aim" | "add" | "propose"
    pair_id: int


class ActivityCb(CallbackData, prefix="act1"):
    action: str  # "open" | "done" | "reflect"
    activity_id: int


class ActivityDifficultyCb(CallbackData, prefix="actd1"):
    difficulty_id: int  # 0: not tied to a difficulty


class SkipCb(CallbackData, prefix="skip1"):
    """«Пропустить» for an optional answer of the current dialogue."""


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


class GoalCb(CallbackData, prefix="gl1"):
    action: str  # "open" | "progress" | "submit" | "confirm" | "give_back" | "withdraw"
    goal_id: int


class PairGoalsCb(CallbackData, prefix="pgl1"):
    action: str  # "list" | "new"
    pair_id: int
    page: int = 0


class GoalMenteeCb(CallbackData, prefix="glm1"):
    mentee_id: int


class GoalLinkCb(CallbackData, prefix="gll1"):
    kind: str  # "difficulty" | "activity" | "none"
    item_id: int = 0


class HelpUrgencyCb(CallbackData, prefix="hlu1"):
    urgency: Urgency


class HelpCb(CallbackData, prefix="hl1"):
    action: str  # "open" | "take" | "reply" | "close" | "pass" | "helped" | "not_helped"
    request_id: int


class HelpListCb(CallbackData, prefix="hll1"):
    page: int


class HelpPassCb(CallbackData, prefix="hlp1"):
    request_id: int
    mentor_id: int = 0  # 0: only turn to `page`
    page: int = 0


class OrgSettingsCb(CallbackData, prefix="ost1"):
    field: str  # "escalation_hours"
    value: int


class ReminderToggleCb(CallbackData, prefix="rmt1"):
    category: str


class QuietHoursCb(CallbackData, prefix="rmq1"):
    start: int  # -1: the organisation's hours
    end: int = 0


class SummaryCb(CallbackData, prefix="sum1"):
    action: str  # "show" | "custom" | "charts" | "workbook"
    kind: str = "month"  # "month" | "quarter" | "year" | "custom"
    start: int = 0  # yyyymmdd of a custom period
    end: int = 0


class MentorsPageCb(CallbackData, prefix="mnt1"):
    page: int
