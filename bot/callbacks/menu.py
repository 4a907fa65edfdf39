"""Callback data of the menu buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class MenuAction(StrEnum):
    NEW_DIFFICULTY = "new_difficulty"
    MY_DIFFICULTIES = "my_difficulties"
    SELF_CHECK = "self_check"
    NEED_HELP = "need_help"
    MY_PAIRS = "my_pairs"
    GOALS = "goals"
    REQUESTS = "requests"
    NEW_PAIR = "new_pair"
    PAIRS = "pairs"
    UNPAIRED = "unpaired"
    TEACHERS = "teachers"
    PROPOSALS = "proposals"
    IMPORT = "import"
    INVITE = "invite"
    INVITES = "invites"
    SETTINGS = "settings"
    SUMMARY = "summary"
    NEW_ORG = "new_org"
    ORGS = "orgs"
    PROFILE = "profile"
    REMINDERS = "reminders"
    MY_DATA = "my_data"
    HELP = "help"


class MenuCb(CallbackData, prefix="menu1"):
    action: MenuAction
