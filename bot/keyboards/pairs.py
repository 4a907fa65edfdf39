"""Pairs and groups: the people picker, the wizard's choices, lists, the card and its changes."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.diagnostics import SelfCheckViewCb
from bot.callbacks.difficulties import DifficultyListCb
from bot.callbacks.goals import PairGoalsAction, PairGoalsCb
from bot.callbacks.meetings import PairMeetingsAction, PairMeetingsCb
from bot.callbacks.pairs import (
    PairAction,
    PairCb,
    PairsPageCb,
    PairWizardCb,
    PairWizardStep,
    PickCb,
    PickPurpose,
    ReflectionScoreCb,
    UnpairedPageCb,
)
from bot.callbacks.programmes import ProgrammeAction, ProgrammeCb
from bot.keyboards.common import MENTEE_BUTTONS, button, numbered, pager
from bot.services.pagination import Page
from bot.services.pairs import PERIOD_CHOICES
from bot.texts import common as common_texts
from bot.texts import goals as goals_texts
from bot.texts import meetings as meetings_texts
from bot.texts import pairs as pairs_texts
from bot.texts import programmes as programmes_texts
from bot.texts.vocabulary import FORM_NAMES, ROLE_MODEL_NAMES
from models import Person


def people_picker(
    purpose: PickPurpose,
    page: Page[Person],
    selected: frozenset[int] = frozenset(),
    pair_id: int = 0,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for person in page.items:
        label = person.full_name
        if person.telegram_id is None:
            label = pairs_texts.NOT_JOINED_MARK + label
        if person.id in selected:
            label = common_texts.BUTTON_SELECTED.format(name=label)
        builder.row(
            button(
                label[:60],
                PickCb(purpose=purpose, person_id=person.id, page=page.number, pair_id=pair_id),
            )
        )
    pager(builder, page, lambda number: PickCb(purpose=purpose, page=number, pair_id=pair_id))
    if purpose is PickPurpose.MENTEES:
        builder.row(
            button(
                common_texts.BUTTON_DONE.format(count=len(selected)),
                PairWizardCb(step=PairWizardStep.MENTEES_DONE),
            )
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def _choices(step: PairWizardStep, labels: dict[str, str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for value, label in labels.items():
        builder.row(button(label, PairWizardCb(step=step, value=value)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def forms() -> InlineKeyboardMarkup:
    return _choices(PairWizardStep.FORM, {form.value: label for form, label in FORM_NAMES.items()})


def role_models() -> InlineKeyboardMarkup:
    return _choices(
        PairWizardStep.MODEL, {model.value: label for model, label in ROLE_MODEL_NAMES.items()}
    )


def periods() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for months in PERIOD_CHOICES:
        builder.button(
            text=pairs_texts.BUTTON_PERIOD.format(months=months),
            callback_data=PairWizardCb(step=PairWizardStep.PERIOD, value=str(months)),
        )
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def pair_confirm() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(pairs_texts.BUTTON_CREATE, PairWizardCb(step=PairWizardStep.CONFIRM))],
            [button(common_texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def pairs_list(
    page: Page[object], pairs: list[tuple[int, str]], mine: bool, only: str = ""
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [
            (label, PairCb(action=PairAction.OPEN, pair_id=pair_id, page=page.number))
            for pair_id, label in pairs
        ],
        lambda number: PairsPageCb(page=number, mine=mine, only=only),
    )
    if not mine:
        filters = InlineKeyboardBuilder()
        for code, label in pairs_texts.PAIRS_FILTER_BUTTONS.items():
            shown = f"✅ {label}" if code == only else label
            filters.button(text=shown, callback_data=PairsPageCb(page=0, only=code))
        filters.adjust(3)
        builder.attach(filters)
    return builder.as_markup()


def unpaired(page: Page[object]) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    pager(builder, page, lambda number: UnpairedPageCb(page=number))
    return builder.as_markup() if page.pages > 1 else None


def pair_card(
    pair_id: int,
    mentees: list[tuple[int, str]],
    *,
    manage: bool,
    see_mentees: bool,
    reflect: bool,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(
        button(
            programmes_texts.BUTTON_PROGRAMME,
            ProgrammeCb(action=ProgrammeAction.OPEN, pair_id=pair_id),
        )
    )
    builder.row(
        button(
            meetings_texts.BUTTON_MEETINGS,
            PairMeetingsCb(action=PairMeetingsAction.LIST, pair_id=pair_id),
        ),
        button(goals_texts.BUTTON_GOALS, PairGoalsCb(action=PairGoalsAction.LIST, pair_id=pair_id)),
    )
    if reflect:
        builder.row(
            button(
                pairs_texts.BUTTON_FINAL_REFLECTION,
                PairCb(action=PairAction.REFLECT, pair_id=pair_id),
            )
        )
    if see_mentees:
        for mentee_id, name in mentees[:MENTEE_BUTTONS]:
            short = name.split(" ")[0]
            builder.row(
                button(
                    pairs_texts.BUTTON_MENTEE_DIFFICULTIES.format(name=short),
                    DifficultyListCb(mentee_id=mentee_id),
                ),
                button(
                    pairs_texts.BUTTON_MENTEE_SELF_CHECK.format(name=short),
                    SelfCheckViewCb(mentee_id=mentee_id),
                ),
            )
    if manage:
        builder.row(
            button(
                pairs_texts.BUTTON_CHANGE_MENTOR,
                PairCb(action=PairAction.CHANGE_MENTOR, pair_id=pair_id),
            )
        )
        builder.row(
            button(
                pairs_texts.BUTTON_COMPLETE, PairCb(action=PairAction.COMPLETE, pair_id=pair_id)
            ),
            button(pairs_texts.BUTTON_STOP, PairCb(action=PairAction.STOP, pair_id=pair_id)),
        )
    return builder.as_markup()


def confirm_complete(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    pairs_texts.BUTTON_COMPLETE_YES,
                    PairCb(action=PairAction.COMPLETE_YES, pair_id=pair_id),
                )
            ],
            [button(common_texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def reflection_scores(pair_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for score in range(1, 6):
        builder.button(
            text=str(score), callback_data=ReflectionScoreCb(pair_id=pair_id, score=score)
        )
    return builder.as_markup()


def open_pair(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(pairs_texts.BUTTON_OPEN_PAIR, PairCb(action=PairAction.OPEN, pair_id=pair_id))]
        ]
    )
