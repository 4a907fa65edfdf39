"""Short-term goals: the form's choices, the list, the card and the review."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.goals import GoalCb, GoalLinkCb, GoalMenteeCb, PairGoalsCb
from bot.callbacks.pairs import PairCb
from bot.keyboards.common import MENTEE_BUTTONS, _button, numbered
from bot.services.pagination import Page
from bot.texts import common as common_texts
from bot.texts import goals as goals_texts


def goal_mentees(mentees: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mentee_id, name in mentees[:MENTEE_BUTTONS]:
        builder.row(_button(name, GoalMenteeCb(mentee_id=mentee_id)))
    builder.row(_button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def goal_links(choices: list[tuple[str, int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, item_id, label in choices:
        icon = "🧩" if kind == "difficulty" else "📘"
        builder.row(_button(f"{icon} {label[:50]}", GoalLinkCb(kind=kind, item_id=item_id)))
    builder.row(_button(goals_texts.GOAL_NO_LINK, GoalLinkCb(kind="none")))
    builder.row(_button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def goals_list(
    page: Page[object], goal_ids: list[int], pair_id: int, *, can_add: bool
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [GoalCb(action="open", goal_id=goal_id) for goal_id in goal_ids],
        lambda number: PairGoalsCb(action="list", pair_id=pair_id, page=number),
    )
    if can_add:
        builder.row(
            _button(goals_texts.BUTTON_GOAL_NEW, PairGoalsCb(action="new", pair_id=pair_id))
        )
    builder.row(_button(common_texts.BUTTON_BACK, PairCb(action="open", pair_id=pair_id)))
    return builder.as_markup()


def goal_card(goal_id: int, pair_id: int, actions: list[str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for name in actions:
        builder.button(
            text=goals_texts.GOAL_BUTTONS[name], callback_data=GoalCb(action=name, goal_id=goal_id)
        )
    builder.adjust(2)
    builder.row(_button(goals_texts.BUTTON_GOALS, PairGoalsCb(action="list", pair_id=pair_id)))
    return builder.as_markup()


def open_goal(goal_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(goals_texts.BUTTON_GOAL_OPEN, GoalCb(action="open", goal_id=goal_id))]
        ]
    )


def goal_review(goal_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    goals_texts.GOAL_BUTTONS["confirm"], GoalCb(action="confirm", goal_id=goal_id)
                ),
                _button(
                    goals_texts.GOAL_BUTTONS["give_back"],
                    GoalCb(action="give_back", goal_id=goal_id),
                ),
            ]
        ]
    )
