"""Callback data of the pairs buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class PickPurpose(StrEnum):
    MENTOR = "mentor"
    MENTEES = "mentees"
    NEW_MENTOR = "new_mentor"


class PickCb(CallbackData, prefix="pick1"):
    """Choosing people from a paged, searchable list."""

    purpose: PickPurpose
    person_id: int = 0  # 0: only turn to `page`
    page: int = 0
    pair_id: int = 0  # for NEW_MENTOR: the pair whose dialogue made this list


class PairWizardStep(StrEnum):
    MENTEES_DONE = "mentees_done"
    KIND = "kind"
    FORM = "form"
    MODEL = "model"
    REQUEST = "request"
    START = "start"
    PERIOD = "period"
    CONFIRM = "confirm"


class PairWizardCb(CallbackData, prefix="pw2"):
    step: PairWizardStep
    # the kind's, form's or role model's code, the request's id, the start day (YYYYMMDD) or
    # the months
    value: str = ""


class SuggestCb(CallbackData, prefix="sug1"):
    """The ranked mentors for a mentee; `everyone` shows those at capacity too."""

    mentee_id: int
    everyone: bool = False
    toggle: bool = False  # pressed in the suggestions themselves: they change in place
    beyond: bool = False  # mentors of the region's other schools (virtual mentoring)


class SuggestPickCb(CallbackData, prefix="sugp1"):
    """A suggested mentor chosen: the wizard goes on with this mentor and mentee."""

    mentee_id: int
    mentor_id: int


class PairAction(StrEnum):
    OPEN = "open"
    CHANGE_MENTOR = "change_mentor"
    COMPLETE = "complete"
    COMPLETE_YES = "complete_yes"
    STOP = "stop"
    REFLECT = "reflect"
    PAUSE = "pause"
    RESUME = "resume"
    MESSAGE = "message"


class PairCb(CallbackData, prefix="pair1"):
    action: PairAction
    pair_id: int
    page: int = 0


class PairsPageCb(CallbackData, prefix="pairs2"):
    page: int
    mine: bool = False
    # "" | "stalled" | "overdue" (overdue goals) | a status's or a kind's code | "m<mentor id>"
    only: str = ""


class UnpairedPageCb(CallbackData, prefix="unp1"):
    page: int


class ReflectionScoreCb(CallbackData, prefix="refl1"):
    pair_id: int
    score: int
