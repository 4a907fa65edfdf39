"""/start without an invite: the main menu of a person's roles (or how to get an invite), and
/help, which explains what each of their roles can do."""

from aiogram import Bot, F
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.menu import MenuAction, MenuCb
from bot.commands import apply_chat_commands
from bot.keyboards import menu as keyboards
from bot.replies import send
from bot.routing import Handlers
from bot.services import invites, territories
from bot.services.access import Actor
from bot.texts import menu as texts
from bot.texts import territories as territory_texts
from bot.texts.common import NEED_INVITE, REGISTRATION_INTERRUPTED
from bot.texts.vocabulary import esc, role_list
from models import utcnow

handlers = Handlers("menu")


def main_menu(actor: Actor) -> tuple[str, InlineKeyboardMarkup | None]:
    person = actor.person
    if person is not None:
        text = texts.MAIN_MENU.format(
            name=esc(person.full_name),
            organization=esc(person.organization.name),
            roles=role_list(person.role_set),
        )
    elif actor.is_admin:
        text = texts.ADMIN_MENU
    else:
        return NEED_INVITE, None
    return text, keyboards.main_menu(actor.roles, actor.is_admin)


async def help_text(session: AsyncSession, actor: Actor) -> str:
    parts = [texts.HELP_COMMON]
    parts.extend(texts.HELP_BY_ROLE[role] for role in texts.HELP_BY_ROLE if actor.has_role(role))
    if actor.is_admin:
        parts.append(texts.HELP_ADMIN)
    coordinator = await territories.coordinator_of(session, actor.telegram_id)
    if coordinator is not None:
        parts.append(texts.HELP_COORDINATOR)
    elif not actor.is_registered and not actor.is_admin:
        parts.append(NEED_INVITE)
    return "\n\n".join(parts)


async def for_stranger(session: AsyncSession, actor: Actor, bot: Bot) -> str:
    """What someone the bot does not know is told: to open again the invite they opened if
    their registration was interrupted, else how to get one."""
    invite = await invites.interrupted_registration(session, actor.telegram_id, utcnow())
    if invite is None:
        return NEED_INVITE
    return REGISTRATION_INTERRUPTED.format(
        organization=esc(invite.organization.name),
        link=invites.deep_link((await bot.me()).username or "", invite.code),
    )


@handlers.message(CommandStart(deep_link=False))
async def start(
    message: Message, state: FSMContext, actor: Actor, bot: Bot, session: AsyncSession
) -> None:
    await state.clear()
    coordinator = await territories.coordinator_of(session, actor.telegram_id)
    if coordinator is not None or actor.is_registered or actor.is_admin:
        await apply_chat_commands(
            bot,
            message.chat.id,
            actor.roles,
            actor.is_admin,
            actor.person,
            coordinator=coordinator is not None,
        )
    if coordinator is not None and not actor.is_registered:
        await message.answer(
            territory_texts.WELCOME.format(territory=esc(coordinator.territory.name))
        )
        return
    if not actor.is_registered and not actor.is_admin:
        await message.answer(await for_stranger(session, actor, bot))
        return
    text, markup = main_menu(actor)
    await message.answer(text, reply_markup=markup)


@handlers.message(Command("help"))
async def help_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    await message.answer(await help_text(session, actor))


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.HELP))
async def help_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    await send(callback, await help_text(session, actor))
