"""Callback data of the pairs buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


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
