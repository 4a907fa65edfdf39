"""Callback data of the goals buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class GoalAction(StrEnum):
    OPEN = "open"
    PROGRESS = "progress"
    SUBMIT = "submit"
    CONFIRM = "confirm"
    GIVE_BACK = "give_back"
    WITHDRAW = "withdraw"


class GoalCb(CallbackData, prefix="gl1"):
    action: GoalAction
    goal_id: int


class PairGoalsAction(StrEnum):
    LIST = "list"
    NEW = "new"


class PairGoalsCb(CallbackData, prefix="pgl1"):
    action: PairGoalsAction
    pair_id: int
    page: int = 0


class GoalMenteeCb(CallbackData, prefix="glm1"):
    mentee_id: int


class GoalLinkKind(StrEnum):
    DIFFICULTY = "difficulty"
    ACTIVITY = "activity"
    NONE = "none"


class GoalLinkCb(CallbackData, prefix="gll1"):
    kind: GoalLinkKind
    item_id: int = 0
