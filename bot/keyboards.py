"""Inline keyboards of every screen; callback data comes only from `bot.callbacks`."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot import texts
from bot.callbacks import (
    CancelCb,
    ConsentCb,
    DeleteMeCb,
    DifficultyCategoryCb,
    DifficultyCb,
    DifficultyListCb,
    InviteRevokeCb,
    InvitesPageCb,
    InviteWizardCb,
    MenuCb,
    OrgCb,
    OrgsPageCb,
    ProfileCb,
    SelfCheckCb,
    TimezoneCb,
    UrgencyCb,
)
from bot.services.invites import EXPIRY_DAYS_CHOICES, TEACHER_ROLES, USES_CHOICES
from bot.services.pagination import Page
from models.enums import AssessmentStage, Role


def _button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def cancel() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[_button(texts.BUTTON_CANCEL, CancelCb())]])


def consent() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_CONSENT_YES, ConsentCb(accept=True))],
            [_button(texts.BUTTON_CONSENT_NO, ConsentCb(accept=False))],
        ]
    )


def main_menu(roles: frozenset[Role], is_admin: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if Role.MENTEE in roles:
        builder.row(
            _button(texts.BUTTON_NEW_DIFFICULTY, MenuCb(action="new_difficulty")),
            _button(texts.BUTTON_MY_DIFFICULTIES, MenuCb(action="my_difficulties")),
        )
        builder.row(_button(texts.BUTTON_SELF_CHECK, MenuCb(action="self_check")))
    if Role.CURATOR in roles:
        builder.row(_button(texts.BUTTON_INVITE, MenuCb(action="invite")))
        builder.row(_button(texts.BUTTON_INVITES, MenuCb(action="invites")))
    if is_admin:
        builder.row(
            _button(texts.BUTTON_NEW_ORG, MenuCb(action="new_org")),
            _button(texts.BUTTON_ORGS, MenuCb(action="orgs")),
        )
    if roles:
        builder.row(
            _button(texts.BUTTON_PROFILE, MenuCb(action="profile")),
            _button(texts.BUTTON_MY_DATA, MenuCb(action="my_data")),
        )
    builder.row(_button(texts.BUTTON_HELP, MenuCb(action="help")))
    return builder.as_markup()


def invite_roles() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role in TEACHER_ROLES:
        builder.button(
            text=texts.ROLE_NAMES[role].capitalize(), callback_data=InviteWizardCb(role=role)
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def invite_days(role: Role) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for days in EXPIRY_DAYS_CHOICES:
        builder.button(
            text=texts.BUTTON_DAYS.format(days=days),
            callback_data=InviteWizardCb(role=role, days=days),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def invite_uses(role: Role, days: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for uses in USES_CHOICES:
        builder.button(
            text=texts.BUTTON_USES.format(uses=uses),
            callback_data=InviteWizardCb(role=role, days=days, uses=uses),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def pager(
    builder: InlineKeyboardBuilder, page: Page[object], make: Callable[[int], CallbackData]
) -> None:
    """Add ‹ n/N › buttons under a paged list (nothing when it fits one page)."""
    if page.pages <= 1:
        return
    row: list[InlineKeyboardButton] = []
    if page.has_previous:
        row.append(_button(texts.BUTTON_PREVIOUS, make(page.number - 1)))
    row.append(_button(f"{page.number + 1}/{page.pages}", make(page.number)))
    if page.has_next:
        row.append(_button(texts.BUTTON_NEXT, make(page.number + 1)))
    builder.row(*row)


def invites_list(page: Page[object], invite_ids: list[int]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    first = page.number * page.size + 1
    for offset, invite_id in enumerate(invite_ids):
        builder.button(
            text=texts.BUTTON_REVOKE.format(number=first + offset),
            callback_data=InviteRevokeCb(invite_id=invite_id, page=page.number),
        )
    builder.adjust(2)
    pager(builder, page, lambda number: InvitesPageCb(page=number))
    return builder.as_markup()


def organizations_list(page: Page[object], entries: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for organization_id, name in entries:
        builder.row(
            _button(
                name[:60], OrgCb(organization_id=organization_id, action="open", page=page.number)
            )
        )
    pager(builder, page, lambda number: OrgsPageCb(page=number))
    return builder.as_markup()


def organization_card(organization_id: int, page: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    texts.BUTTON_CURATOR_LINK,
                    OrgCb(organization_id=organization_id, action="curator_link", page=page),
                )
            ],
            [_button(texts.BUTTON_BACK, OrgsPageCb(page=page))],
        ]
    )


def timezones(default: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(_button(texts.BUTTON_DEFAULT_TIMEZONE.format(zone=default), TimezoneCb(index=-1)))
    for index, (city, _zone) in enumerate(texts.TIMEZONE_CHOICES):
        builder.button(text=city, callback_data=TimezoneCb(index=index))
    builder.adjust(1, 3)
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def profile(share_contact: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for field, name in texts.PROFILE_FIELD_NAMES.items():
        builder.button(
            text=texts.BUTTON_EDIT.format(field=name), callback_data=ProfileCb(action=field)
        )
    builder.adjust(2)
    if share_contact:
        builder.row(_button(texts.BUTTON_SHARE_OFF, ProfileCb(action="share_off")))
    else:
        builder.row(_button(texts.BUTTON_SHARE_ON, ProfileCb(action="share_on")))
    return builder.as_markup()


def delete_me() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(texts.BUTTON_DELETE_YES, DeleteMeCb(confirm=True))],
            [_button(texts.BUTTON_DELETE_NO, DeleteMeCb(confirm=False))],
        ]
    )


def difficulty_categories() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for category, label in texts.DIFFICULTY_CATEGORY_BUTTONS.items():
        builder.button(text=label, callback_data=DifficultyCategoryCb(category=category))
    builder.adjust(2)
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def urgencies(difficulty_id: int = 0) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for urgency, label in texts.URGENCY_NAMES.items():
        builder.button(
            text=label.capitalize(),
            callback_data=UrgencyCb(urgency=urgency, difficulty_id=difficulty_id),
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def difficulty_list(
    page: Page[object], mentee_id: int, difficulty_ids: list[int]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    first = page.number * page.size + 1
    for offset, difficulty_id in enumerate(difficulty_ids):
        builder.button(
            text=str(first + offset),
            callback_data=DifficultyCb(
                action="open", difficulty_id=difficulty_id, page=page.number
            ),
        )
    builder.adjust(4)
    pager(builder, page, lambda number: DifficultyListCb(mentee_id=mentee_id, page=number))
    return builder.as_markup()


def difficulty_card(
    difficulty_id: int, mentee_id: int, page: int, *, owner: bool, can_take: bool
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()

    def action(label: str, name: str) -> None:
        builder.button(
            text=label,
            callback_data=DifficultyCb(action=name, difficulty_id=difficulty_id, page=page),
        )

    if owner:
        action(texts.BUTTON_DIFFICULTY_DESCRIBE, "describe")
        action(texts.BUTTON_DIFFICULTY_URGENCY, "urgency")
    if can_take:
        action(texts.BUTTON_DIFFICULTY_WORK, "work")
    if owner and can_take:
        action(texts.BUTTON_DIFFICULTY_OVERCOME, "overcome")
    builder.adjust(2)
    builder.row(_button(texts.BUTTON_BACK, DifficultyListCb(mentee_id=mentee_id, page=page)))
    return builder.as_markup()


def self_check_stages() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                _button(
                    texts.BUTTON_SELF_CHECK_START,
                    SelfCheckCb(stage=AssessmentStage.START, index=0),
                ),
                _button(
                    texts.BUTTON_SELF_CHECK_END, SelfCheckCb(stage=AssessmentStage.END, index=0)
                ),
            ]
        ]
    )


def self_check_scores(stage: AssessmentStage, index: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for score in range(1, 6):
        builder.button(
            text=str(score), callback_data=SelfCheckCb(stage=stage, index=index, score=score)
        )
    builder.row(_button(texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()
