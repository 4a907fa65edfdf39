"""The main menu of a person's roles; its buttons' actions."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.meetings import PairMeetingsAction, PairMeetingsCb
from bot.callbacks.menu import MenuAction, MenuCb
from bot.keyboards.common import button
from bot.texts import difficulties as difficulties_texts
from bot.texts import goals as goals_texts
from bot.texts import help_requests as help_requests_texts
from bot.texts import invites as invites_texts
from bot.texts import meetings as meetings_texts
from bot.texts import monitoring as monitoring_texts
from bot.texts import organizations as organizations_texts
from bot.texts import pairs as pairs_texts
from bot.texts import profile as profile_texts
from bot.texts import proposals as proposals_texts
from bot.texts import reminders as reminders_texts
from bot.texts import staff as staff_texts
from bot.texts.diagnostics import BUTTON_SELF_CHECK
from bot.texts.menu import BUTTON_HELP
from bot.texts.settings import BUTTON_ORG_SETTINGS
from models.enums import Role


def main_menu(roles: frozenset[Role], is_admin: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if Role.MENTEE in roles:
        builder.row(
            button(
                difficulties_texts.BUTTON_NEW_DIFFICULTY, MenuCb(action=MenuAction.NEW_DIFFICULTY)
            ),
            button(
                difficulties_texts.BUTTON_MY_DIFFICULTIES, MenuCb(action=MenuAction.MY_DIFFICULTIES)
            ),
        )
        builder.row(
            button(BUTTON_SELF_CHECK, MenuCb(action=MenuAction.SELF_CHECK)),
            button(help_requests_texts.BUTTON_NEED_HELP, MenuCb(action=MenuAction.NEED_HELP)),
        )
    if roles & {Role.MENTOR, Role.MENTEE}:
        builder.row(
            button(pairs_texts.BUTTON_MY_PAIRS, MenuCb(action=MenuAction.MY_PAIRS)),
            button(
                meetings_texts.BUTTON_MEETINGS,
                PairMeetingsCb(action=PairMeetingsAction.LIST, pair_id=0),
            ),
        )
    if roles & {Role.MENTOR, Role.MENTEE}:
        builder.row(
            button(goals_texts.BUTTON_GOALS, MenuCb(action=MenuAction.GOALS)),
            button(help_requests_texts.BUTTON_HELP_REQUESTS, MenuCb(action=MenuAction.REQUESTS)),
        )
    elif roles:
        builder.row(
            button(help_requests_texts.BUTTON_HELP_REQUESTS, MenuCb(action=MenuAction.REQUESTS))
        )
    if Role.CURATOR in roles:
        builder.row(
            button(pairs_texts.BUTTON_NEW_PAIR, MenuCb(action=MenuAction.NEW_PAIR)),
            button(pairs_texts.BUTTON_PAIRS, MenuCb(action=MenuAction.PAIRS)),
        )
        builder.row(
            button(pairs_texts.BUTTON_UNPAIRED, MenuCb(action=MenuAction.UNPAIRED)),
            button(proposals_texts.BUTTON_PROPOSALS, MenuCb(action=MenuAction.PROPOSALS)),
        )
        builder.row(
            button(staff_texts.BUTTON_TEACHERS, MenuCb(action=MenuAction.TEACHERS)),
            button(staff_texts.BUTTON_IMPORT, MenuCb(action=MenuAction.IMPORT)),
        )
        builder.row(button(invites_texts.BUTTON_INVITE, MenuCb(action=MenuAction.INVITE)))
        builder.row(
            button(invites_texts.BUTTON_INVITES, MenuCb(action=MenuAction.INVITES)),
            button(BUTTON_ORG_SETTINGS, MenuCb(action=MenuAction.SETTINGS)),
        )
    if Role.CURATOR in roles or is_admin:
        builder.row(button(monitoring_texts.BUTTON_SUMMARY, MenuCb(action=MenuAction.SUMMARY)))
    if is_admin:
        builder.row(
            button(organizations_texts.BUTTON_NEW_ORG, MenuCb(action=MenuAction.NEW_ORG)),
            button(organizations_texts.BUTTON_ORGS, MenuCb(action=MenuAction.ORGS)),
        )
    if roles:
        builder.row(
            button(profile_texts.BUTTON_PROFILE, MenuCb(action=MenuAction.PROFILE)),
            button(reminders_texts.BUTTON_REMINDERS, MenuCb(action=MenuAction.REMINDERS)),
        )
        builder.row(button(profile_texts.BUTTON_MY_DATA, MenuCb(action=MenuAction.MY_DATA)))
    builder.row(button(BUTTON_HELP, MenuCb(action=MenuAction.HELP)))
    return builder.as_markup()
