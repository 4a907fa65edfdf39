"""Pairs and groups: the people picker, the wizard's choices, lists, the card and its changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.achievements import PortfolioCb, RecognizeCb, StatementCb
from bot.callbacks.common import CancelCb
from bot.callbacks.diagnostics import SelfCheckViewCb
from bot.callbacks.difficulties import DifficultyListCb
from bot.callbacks.goals import PairGoalsAction, PairGoalsCb
from bot.callbacks.meetings import PairMeetingsAction, PairMeetingsCb
from bot.callbacks.pair_notes import NotesAction, NotesCb
from bot.callbacks.pairs import (
    PairAction,
    PairCb,
    PairsPageCb,
    PairWizardCb,
    PairWizardStep,
    PickCb,
    PickPurpose,
    ReflectionScoreCb,
    SuggestCb,
    SuggestPickCb,
    UnpairedPageCb,
)
from bot.callbacks.programmes import ProgrammeAction, ProgrammeCb
from bot.keyboards.common import LABEL_LENGTH, MENTEE_BUTTONS, button, numbered, pager
from bot.services.pagination import Page
from bot.texts import achievements as achievement_texts
from bot.texts import common as common_texts
from bot.texts import goals as goals_texts
from bot.texts import matching as matching_texts
from bot.texts import meetings as meetings_texts
from bot.texts import pair_notes as notes_texts
from bot.texts import pairs as pairs_texts
from bot.texts import programmes as programmes_texts
from bot.texts.vocabulary import FORM_NAMES, KIND_NAMES, ROLE_MODEL_NAMES, shorten
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


def kinds() -> InlineKeyboardMarkup:
    return _choices(PairWizardStep.KIND, {kind.value: label for kind, label in KIND_NAMES.items()})


def forms() -> InlineKeyboardMarkup:
    return _choices(PairWizardStep.FORM, {form.value: label for form, label in FORM_NAMES.items()})


def role_models() -> InlineKeyboardMarkup:
    return _choices(
        PairWizardStep.MODEL, {model.value: label for model, label in ROLE_MODEL_NAMES.items()}
    )


def requests(choices: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    return _choices(
        PairWizardStep.REQUEST, {str(request_id): label for request_id, label in choices}
    )


def starts(days: list[tuple[date, str]]) -> InlineKeyboardMarkup:
    return _choices(PairWizardStep.START, {f"{day:%Y%m%d}": label for day, label in days})


def periods(choices: tuple[int, ...]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for months in choices:
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


def suggestions(
    mentee_id: int, mentors: list[tuple[int, str]], *, everyone: bool, beyond: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for number, (mentor_id, name) in enumerate(mentors, start=1):
        builder.row(
            button(
                f"{number}. {shorten(name, LABEL_LENGTH)}",
                SuggestPickCb(mentee_id=mentee_id, mentor_id=mentor_id),
            )
        )
    toggle = matching_texts.BUTTON_FITTING if everyone else matching_texts.BUTTON_EVERYONE
    builder.row(
        button(
            toggle,
            SuggestCb(mentee_id=mentee_id, everyone=not everyone, toggle=True, beyond=beyond),
        )
    )
    where = matching_texts.BUTTON_OWN_SCHOOL if beyond else matching_texts.BUTTON_BEYOND
    builder.row(
        button(
            where, SuggestCb(mentee_id=mentee_id, everyone=everyone, toggle=True, beyond=not beyond)
        )
    )
    return builder.as_markup()


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


def unpaired(page: Page[object], mentees: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    """A mentee a line: opens the ranked mentors for them."""
    return numbered(
        page,
        [(name, SuggestCb(mentee_id=mentee_id)) for mentee_id, name in mentees],
        lambda number: UnpairedPageCb(page=number),
    ).as_markup()


@dataclass(frozen=True, slots=True)
class CardButtons:
    """What the pair's card offers the one looking at it."""

    programme: bool  # the pair's kind has a personalised programme
    work: bool  # meetings and goals: a pair that is or was working
    notes: bool  # a participant's own notes, or the curator's view of the mentor's
    see_mentees: bool
    reflect: bool
    manage: bool  # the curator's changes of a working pair
    paused: bool
    mentor_id: int = 0
    statement: bool = False  # the mentor's statement: for the mentor and the curator
    recognize: bool = False  # the curator's recognition of the mentor


def pair_card(
    pair_id: int, mentees: list[tuple[int, str]], offers: CardButtons
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if offers.programme:
        builder.row(
            button(
                programmes_texts.BUTTON_PROGRAMME,
                ProgrammeCb(action=ProgrammeAction.OPEN, pair_id=pair_id),
            )
        )
    if offers.work:
        builder.row(
            button(
                meetings_texts.BUTTON_MEETINGS,
                PairMeetingsCb(action=PairMeetingsAction.LIST, pair_id=pair_id),
            ),
            button(
                goals_texts.BUTTON_GOALS, PairGoalsCb(action=PairGoalsAction.LIST, pair_id=pair_id)
            ),
        )
    if offers.notes:
        builder.row(
            button(notes_texts.BUTTON_NOTES, NotesCb(action=NotesAction.LIST, pair_id=pair_id))
        )
    if offers.reflect:
        builder.row(
            button(
                pairs_texts.BUTTON_FINAL_REFLECTION,
                PairCb(action=PairAction.REFLECT, pair_id=pair_id),
            )
        )
    if offers.see_mentees:
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
                button(
                    achievement_texts.BUTTON_PORTFOLIO_OF.format(name=short),
                    PortfolioCb(person_id=mentee_id),
                ),
            )
    if offers.statement:
        builder.row(
            button(achievement_texts.BUTTON_STATEMENT, StatementCb(mentor_id=offers.mentor_id))
        )
    if offers.recognize:
        builder.row(
            button(achievement_texts.BUTTON_RECOGNIZE, RecognizeCb(mentor_id=offers.mentor_id))
        )
    if offers.manage:
        builder.row(
            button(
                pairs_texts.BUTTON_MESSAGE_BOTH,
                PairCb(action=PairAction.MESSAGE, pair_id=pair_id),
            )
        )
        builder.row(
            button(
                pairs_texts.BUTTON_CHANGE_MENTOR,
                PairCb(action=PairAction.CHANGE_MENTOR, pair_id=pair_id),
            ),
            button(pairs_texts.BUTTON_RESUME, PairCb(action=PairAction.RESUME, pair_id=pair_id))
            if offers.paused
            else button(pairs_texts.BUTTON_PAUSE, PairCb(action=PairAction.PAUSE, pair_id=pair_id)),
        )
        builder.row(
            button(
                pairs_texts.BUTTON_COMPLETE, PairCb(action=PairAction.COMPLETE, pair_id=pair_id)
            ),
            button(pairs_texts.BUTTON_STOP, PairCb(action=PairAction.STOP, pair_id=pair_id)),
        )
    return builder.as_markup()


def stalled(pair_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    pairs_texts.BUTTON_MESSAGE_BOTH,
                    PairCb(action=PairAction.MESSAGE, pair_id=pair_id),
                )
            ],
            [button(pairs_texts.BUTTON_OPEN_PAIR, PairCb(action=PairAction.OPEN, pair_id=pair_id))],
        ]
    )


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
