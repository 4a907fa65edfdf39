"""Callback data of the goals buttons."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


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
