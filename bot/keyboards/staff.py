"""The base of teachers: the lists with their filters, a teacher's card, the toggles of mentee
types and of a mentor's areas, and the role of a teacher being added."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb
from bot.callbacks.pairs import SuggestCb
from bot.callbacks.staff import (
    NewTeacherRoleCb,
    TeacherAction,
    TeacherCb,
    TeachersAction,
    TeachersCb,
    TeachersPageCb,
)
from bot.keyboards.common import button, numbered
from bot.services import matching
from bot.services.pagination import Page
from bot.services.staff import TeacherCard, TeacherList
from bot.texts import common as common_texts
from bot.texts import matching as matching_texts
from bot.texts import staff as texts
from bot.texts.vocabulary import (
    DIFFICULTY_CATEGORIES,
    MENTEE_TYPE_NAMES,
    ROLE_NAMES,
    category_short,
)
from models.enums import MenteeType, Role


def teachers(
    page: Page[object], which: TeacherList, items: list[tuple[int, str]]
) -> InlineKeyboardMarkup:
    builder = numbered(
        page,
        [
            (name, TeacherCb(action=TeacherAction.OPEN, person_id=person_id))
            for person_id, name in items
        ],
        lambda number: TeachersPageCb(which=which, page=number),
    )
    lists = InlineKeyboardBuilder()
    for code, label in texts.TEACHERS_LIST_BUTTONS.items():
        shown = f"✅ {label}" if code == which.value else label
        lists.button(text=shown, callback_data=TeachersPageCb(which=TeacherList(code)))
    lists.adjust(4)
    builder.attach(lists)
    builder.row(
        button(texts.BUTTON_TEACHER_SEARCH, TeachersCb(action=TeachersAction.SEARCH)),
        button(texts.BUTTON_TEACHER_NEW, TeachersCb(action=TeachersAction.NEW)),
    )
    return builder.as_markup()


def _act(action: TeacherAction, person_id: int, value: str = "") -> TeacherCb:
    return TeacherCb(action=action, person_id=person_id, value=value)


def card(teacher: TeacherCard, *, curator: bool, unpaired: bool) -> InlineKeyboardMarkup:
    person_id = teacher.person.id
    builder = InlineKeyboardBuilder()
    if teacher.left:
        if curator:
            builder.row(button(texts.BUTTON_BACK, _act(TeacherAction.BACK, person_id)))
        return builder.as_markup()
    if teacher.is_mentee:
        builder.row(
            button(texts.BUTTON_TYPES, _act(TeacherAction.TYPES, person_id)),
            button(texts.BUTTON_REQUEST, _act(TeacherAction.REQUEST, person_id)),
        )
        if curator and unpaired:
            builder.row(button(matching_texts.BUTTON_SUGGEST, SuggestCb(mentee_id=person_id)))
    if teacher.is_mentor:
        builder.row(button(texts.BUTTON_MENTOR_PROFILE, _act(TeacherAction.PROFILE, person_id)))
    if curator:
        for role in (Role.MENTOR, Role.MENTEE):
            if role not in teacher.person.role_set:
                builder.row(
                    button(
                        texts.BUTTON_ADD_ROLE.format(role=ROLE_NAMES[role]),
                        _act(TeacherAction.ROLE, person_id, role.value),
                    )
                )
        builder.row(button(texts.BUTTON_LEFT, _act(TeacherAction.LEFT, person_id)))
    return builder.as_markup()


def mentee_types(person_id: int, chosen: frozenset[MenteeType]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, label in MENTEE_TYPE_NAMES.items():
        shown = common_texts.BUTTON_SELECTED.format(name=label) if kind in chosen else label
        builder.row(button(shown, _act(TeacherAction.TYPE, person_id, kind.value)))
    builder.row(button(texts.BUTTON_TEACHER_OPEN, _act(TeacherAction.OPEN, person_id)))
    return builder.as_markup()


def mentor_profile(teacher: TeacherCard) -> InlineKeyboardMarkup:
    person_id = teacher.person.id
    builder = InlineKeyboardBuilder()
    for category in DIFFICULTY_CATEGORIES:
        label = category_short(category)
        shown = (
            common_texts.BUTTON_SELECTED.format(name=label) if category in teacher.areas else label
        )
        builder.row(button(shown, _act(TeacherAction.AREA, person_id, category.value)))
    capacity = teacher.capacity
    row = []
    if capacity > matching.CAPACITY_RANGE.start:
        row.append(button("−", _act(TeacherAction.CAPACITY, person_id, str(capacity - 1))))
    row.append(
        button(
            texts.BUTTON_CAPACITY.format(capacity=capacity), _act(TeacherAction.PROFILE, person_id)
        )
    )
    if capacity < matching.CAPACITY_RANGE.stop - 1:
        row.append(button("+", _act(TeacherAction.CAPACITY, person_id, str(capacity + 1))))
    builder.row(*row)
    builder.row(
        *(
            button(
                common_texts.BUTTON_SELECTED.format(name=label)
                if teacher.willing is answer
                else label,
                _act(TeacherAction.WILLING, person_id, "1" if answer else "0"),
            )
            for answer, label in texts.BUTTON_WILLING.items()
        )
    )
    beyond = teacher.person.mentor_beyond_school
    builder.row(
        button(
            texts.BUTTON_BEYOND_SCHOOL[beyond],
            _act(TeacherAction.BEYOND_SCHOOL, person_id, "0" if beyond else "1"),
        )
    )
    builder.row(
        button(texts.BUTTON_SUBJECTS, _act(TeacherAction.SUBJECTS, person_id)),
        button(texts.BUTTON_TEACHER_OPEN, _act(TeacherAction.OPEN, person_id)),
    )
    return builder.as_markup()


def new_teacher_roles() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role in (Role.MENTOR, Role.MENTEE):
        builder.button(
            text=ROLE_NAMES[role].capitalize(), callback_data=NewTeacherRoleCb(role=role.value)
        )
    builder.button(text=texts.TEACHER_NO_ROLE, callback_data=NewTeacherRoleCb(role=""))
    builder.adjust(2, 1)
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()
