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
    FORM = "form"
    MODEL = "model"
    PERIOD = "period"
    CONFIRM = "confirm"


class PairWizardCb(CallbackData, prefix="pw1"):
    step: PairWizardStep
    value: str = ""  # the form's or the role model's code, or the months


class PairAction(StrEnum):
    OPEN = "open"
    CHANGE_MENTOR = "change_mentor"
    COMPLETE = "complete"
    COMPLETE_YES = "complete_yes"
    STOP = "stop"
    REFLECT = "reflect"


class PairCb(CallbackData, prefix="pair1"):
    action: PairAction
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
