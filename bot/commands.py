"""The command list each user sees in Telegram's menu, set per chat from their roles."""

from __future__ import annotations

import hashlib
import json

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import territories
from bot.texts import commands as texts
from models import Person
from models.enums import Role

ANNOUNCE_COMMAND = BotCommand(command="announce", description=texts.COMMAND_ANNOUNCE)
STRANGER_COMMANDS = (
    BotCommand(command="start", description=texts.COMMAND_START),
    BotCommand(command="help", description=texts.COMMAND_HELP),
)
PERSON_COMMANDS = (
    BotCommand(command="profile", description=texts.COMMAND_PROFILE),
    BotCommand(command="my_data", description=texts.COMMAND_MY_DATA),
    BotCommand(command="reminders", description=texts.COMMAND_REMINDERS),
    BotCommand(command="delete_me", description=texts.COMMAND_DELETE_ME),
    BotCommand(command="cancel", description=texts.COMMAND_CANCEL),
)
ROLE_COMMANDS = {
    Role.CURATOR: (
        BotCommand(command="new_pair", description=texts.COMMAND_NEW_PAIR),
        BotCommand(command="pairs", description=texts.COMMAND_PAIRS),
        BotCommand(command="unpaired", description=texts.COMMAND_UNPAIRED),
        BotCommand(command="proposals", description=texts.COMMAND_PROPOSALS),
        BotCommand(command="teachers", description=texts.COMMAND_TEACHERS),
        BotCommand(command="documents", description=texts.COMMAND_DOCUMENTS),
        BotCommand(command="roadmap", description=texts.COMMAND_ROADMAP),
        BotCommand(command="surveys", description=texts.COMMAND_SURVEYS),
        BotCommand(command="import", description=texts.COMMAND_IMPORT),
        BotCommand(command="invite", description=texts.COMMAND_INVITE),
        BotCommand(command="invites", description=texts.COMMAND_INVITES),
        BotCommand(command="requests", description=texts.COMMAND_REQUESTS),
        BotCommand(command="settings", description=texts.COMMAND_SETTINGS),
        BotCommand(command="summary", description=texts.COMMAND_SUMMARY),
        BotCommand(command="report", description=texts.COMMAND_REPORT),
        BotCommand(command="final_report", description=texts.COMMAND_FINAL_REPORT),
        BotCommand(command="mentor", description=texts.COMMAND_MENTORS),
        BotCommand(command="difficulties", description=texts.COMMAND_DIFFICULTIES),
        ANNOUNCE_COMMAND,
    ),
    Role.MENTOR: (
        BotCommand(command="my_pairs", description=texts.COMMAND_MY_PAIRS),
        BotCommand(command="meetings", description=texts.COMMAND_MEETINGS),
        BotCommand(command="goals", description=texts.COMMAND_GOALS),
        BotCommand(command="requests", description=texts.COMMAND_REQUESTS),
        BotCommand(command="achievements", description=texts.COMMAND_ACHIEVEMENTS),
    ),
    Role.MENTEE: (
        BotCommand(command="new_difficulty", description=texts.COMMAND_NEW_DIFFICULTY),
        BotCommand(command="my_difficulties", description=texts.COMMAND_MY_DIFFICULTIES),
        BotCommand(command="self_check", description=texts.COMMAND_SELF_CHECK),
        BotCommand(command="my_pairs", description=texts.COMMAND_MY_PAIRS),
        BotCommand(command="meetings", description=texts.COMMAND_MEETINGS),
        BotCommand(command="goals", description=texts.COMMAND_GOALS),
        BotCommand(command="need_help", description=texts.COMMAND_NEED_HELP),
        BotCommand(command="achievements", description=texts.COMMAND_ACHIEVEMENTS),
        BotCommand(command="requests", description=texts.COMMAND_REQUESTS),
    ),
}
ADMIN_COMMANDS = (
    BotCommand(command="new_org", description=texts.COMMAND_NEW_ORG),
    BotCommand(command="orgs", description=texts.COMMAND_ORGS),
    BotCommand(command="summary", description=texts.COMMAND_SUMMARY),
    BotCommand(command="report", description=texts.COMMAND_REPORT),
    BotCommand(command="final_report", description=texts.COMMAND_FINAL_REPORT),
    BotCommand(command="audit", description=texts.COMMAND_AUDIT),
)
TERRITORY_COMMAND = BotCommand(command="territory", description=texts.COMMAND_TERRITORY)


def commands_for(
    roles: frozenset[Role], is_admin: bool, coordinator: bool = False
) -> list[BotCommand]:
    """The list for these roles; admins and coordinators of a territory also see /territory."""
    commands = list(STRANGER_COMMANDS)
    for role in Role:
        if role in roles:
            commands.extend(c for c in ROLE_COMMANDS[role] if c not in commands)
    if is_admin:
        commands.extend(c for c in ADMIN_COMMANDS if c not in commands)
    if is_admin or coordinator:
        commands.append(TERRITORY_COMMAND)
    if coordinator and ANNOUNCE_COMMAND not in commands:
        commands.append(ANNOUNCE_COMMAND)
    if roles:
        commands.extend(PERSON_COMMANDS)
    elif is_admin or coordinator:
        commands.append(PERSON_COMMANDS[-1])  # /cancel for their own dialogues
    return commands


async def set_default_commands(bot: Bot) -> None:
    await bot.set_my_commands(list(STRANGER_COMMANDS), scope=BotCommandScopeDefault())


def fingerprint(bot_id: int, commands: list[BotCommand]) -> str:
    """Tells one command list from another, their descriptions included (a new release that
    renames a command sets it again), and one bot's from another's (a database moved to
    another bot sets them all again)."""
    listed = json.dumps([bot_id, [(c.command, c.description) for c in commands]])
    return hashlib.blake2b(listed.encode(), digest_size=8).hexdigest()


async def apply_chat_commands(
    bot: Bot,
    chat_id: int,
    roles: frozenset[Role],
    is_admin: bool,
    person: Person | None = None,
    *,
    coordinator: bool = False,
) -> None:
    """Sets the chat's command list for these roles; for a `person`, only when it is not the
    list last set in their chat (the unit of work keeps which one that was)."""
    commands = (
        commands_for(roles, is_admin, coordinator) if roles or is_admin or coordinator else []
    )
    current = fingerprint(bot.id, commands)
    if person is not None and person.commands_fingerprint == current:
        return
    scope = BotCommandScopeChat(chat_id=chat_id)
    if commands:
        await bot.set_my_commands(commands, scope=scope)
    else:
        await bot.delete_my_commands(scope=scope)
    if person is not None:
        person.commands_fingerprint = current


async def refresh_chat_commands(
    bot: Bot,
    session: AsyncSession,
    chat_id: int,
    roles: frozenset[Role],
    is_admin: bool,
    person: Person | None = None,
) -> None:
    """`apply_chat_commands` after the person's roles changed, keeping /territory and /announce
    for one who is also a coordinator."""
    await apply_chat_commands(
        bot,
        chat_id,
        roles,
        is_admin,
        person,
        coordinator=await territories.is_coordinator(session, chat_id),
    )
