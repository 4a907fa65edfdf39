"""Short-term goals: the form's choices, the list, the card and the review."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.goals import (
    GoalAction,
    GoalCb,
    GoalLinkCb,
    GoalLinkKind,
    GoalMenteeCb,
    PairGoalsAction,
    PairGoalsCb,
)
from bot.callbacks.pairs import PairAction, PairCb
from bot.keyboards.common import LABEL_LENGTH, MENTEE_BUTTONS, button, numbered
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts import goals as goals_texts
from bot.texts.vocabulary import shorten


def goal_mentees(mentees: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mentee_id, name in mentees[:MENTEE_BUTTONS]:
        builder.row(button(name, GoalMenteeCb(mentee_id=mentee_id)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def goal_links(choices: list[tuple[GoalLinkKind, int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, item_id, label in choices:
        icon = "🧩" if kind is GoalLinkKind.DIFFICULTY else "📘"
        builder.row(button(f"{icon} {label[:50]}", GoalLinkCb(kind=kind, item_id=item_id)))
    builder.row(button(goals_texts.GOAL_NO_LINK, GoalLinkCb(kind=GoalLinkKind.NONE)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def goals_list(
    page: Page[object], goals: list[tuple[int, str]], pair_id: int, *, can_add: bool
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [(title, GoalCb(action=GoalAction.OPEN, goal_id=goal_id)) for goal_id, title in goals],
        lambda number: PairGoalsCb(action=PairGoalsAction.LIST, pair_id=pair_id, page=number),
    )
    if can_add:
        builder.row(
            button(
                goals_texts.BUTTON_GOAL_NEW,
                PairGoalsCb(action=PairGoalsAction.NEW, pair_id=pair_id),
            )
        )
    builder.row(button(common_texts.BUTTON_BACK, PairCb(action=PairAction.OPEN, pair_id=pair_id)))
    return builder.as_markup()


def goal_pairs(pairs: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    """One's active pairs, to open the goals of one."""
    builder = InlineKeyboardBuilder()
    for pair_id, title in pairs[:MENTEE_BUTTONS]:
        opens = PairGoalsCb(action=PairGoalsAction.LIST, pair_id=pair_id)
        builder.row(button(shorten(title, LABEL_LENGTH), opens))
    return builder.as_markup()


def goal_card(goal_id: int, pair_id: int, actions: list[GoalAction]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for name in actions:
        builder.button(
            text=goals_texts.GOAL_BUTTONS[name], callback_data=GoalCb(action=name, goal_id=goal_id)
        )
    builder.adjust(2)
    builder.row(
        button(goals_texts.BUTTON_GOALS, PairGoalsCb(action=PairGoalsAction.LIST, pair_id=pair_id))
    )
    return builder.as_markup()


def open_goal(goal_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(goals_texts.BUTTON_GOAL_OPEN, GoalCb(action=GoalAction.OPEN, goal_id=goal_id))]
        ]
    )


def goal_review(goal_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    goals_texts.GOAL_BUTTONS[GoalAction.CONFIRM],
                    GoalCb(action=GoalAction.CONFIRM, goal_id=goal_id),
                ),
                button(
                    goals_texts.GOAL_BUTTONS[GoalAction.GIVE_BACK],
                    GoalCb(action=GoalAction.GIVE_BACK, goal_id=goal_id),
                ),
            ]
        ]
    )
