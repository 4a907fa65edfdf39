"""Callback data of the base of teachers' buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.services.staff import TeacherList


class TeachersPageCb(CallbackData, prefix="tch1"):
    which: TeacherList = TeacherList.ALL
    page: int = 0


class TeachersAction(StrEnum):
    SEARCH = "search"
    NEW = "new"


class TeachersCb(CallbackData, prefix="tchs1"):
    action: TeachersAction


class TeacherAction(StrEnum):
    OPEN = "open"
    TYPES = "types"
    TYPE = "type"  # value: the mentee type toggled
    REQUEST = "request"
    PROFILE = "profile"
    AREA = "area"  # value: the category toggled
    CAPACITY = "capacity"  # value: the new capacity
    WILLING = "willing"  # value: "1" or "0"
    BEYOND_SCHOOL = "beyond"  # value: "1" or "0"
    SUBJECTS = "subjects"
    LEFT = "left"
    BACK = "back"
    ROLE = "role"  # value: the role added


class TeacherCb(CallbackData, prefix="tc1"):
    action: TeacherAction
    person_id: int
    value: str = ""


class NewTeacherRoleCb(CallbackData, prefix="tnr1"):
    role: str  # a role's code, or "" for none
