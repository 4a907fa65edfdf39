"""Curators' invite links: a three-tap wizard (role, expiry, uses), the list of links still
valid, and revoking one."""

from aiogram import Bot, F
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.invites import InviteRevokeCb, InvitesPageCb, InviteWizardCb
from bot.callbacks.menu import MenuAction, MenuCb
from bot.keyboards import invites as keyboards
from bot.replies import answer_quietly, edit, send
from bot.routing import Handlers
from bot.services import invites
from bot.services.access import Actor
from bot.texts import invites as texts
from bot.texts.vocabulary import ROLE_NAMES, ROLE_NAMES_GENITIVE, local_time

handlers = Handlers("invites")


async def render_invites(
    session: AsyncSession, actor: Actor, bot: Bot, page_number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page = await invites.list_active_invites(session, actor, page_number)
    if not page.total:
        return texts.INVITES_EMPTY, None
    username = (await bot.me()).username or ""
    timezone = actor.require_person().organization.timezone
    lines = [texts.INVITES_HEADER.format(total=page.total, page=page.number + 1, pages=page.pages)]
    for offset, invite in enumerate(page.items):
        lines.append(
            texts.INVITE_LINE.format(
                number=page.first + offset,
                role=ROLE_NAMES[invite.role],
                uses_left=invite.max_uses - invite.uses,
                max_uses=invite.max_uses,
                expires=local_time(invite.expires_at, timezone),
                link=invites.deep_link(username, invite.code),
            )
        )
    return "\n\n".join(lines), keyboards.invites_list(page, [item.id for item in page.items])


@handlers.message(Command("invite"))
async def invite_command(message: Message, actor: Actor) -> None:
    actor.require_curator()
    await message.answer(texts.INVITE_CHOOSE_ROLE, reply_markup=keyboards.invite_roles())


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.INVITE))
async def invite_button(callback: CallbackQuery, actor: Actor) -> None:
    actor.require_curator()
    await send(callback, texts.INVITE_CHOOSE_ROLE, keyboards.invite_roles())


@handlers.callback_query(InviteWizardCb.filter())
async def invite_wizard(
    callback: CallbackQuery,
    callback_data: InviteWizardCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    curator = actor.require_curator()
    role = callback_data.role
    invites.check_wizard_choice(role, callback_data.days, callback_data.uses)
    role_name = ROLE_NAMES_GENITIVE[role]
    await answer_quietly(callback)
    if not callback_data.days:
        await edit(
            callback, texts.INVITE_CHOOSE_DAYS.format(role=role_name), keyboards.invite_days(role)
        )
        return
    if not callback_data.uses:
        await edit(
            callback,
            texts.INVITE_CHOOSE_USES.format(role=role_name, days=callback_data.days),
            keyboards.invite_uses(role, callback_data.days),
        )
        return
    invite = await invites.create_invite(
        session,
        actor,
        organization_id=curator.organization_id,
        role=role,
        expires_in_days=callback_data.days,
        max_uses=callback_data.uses,
    )
    timezone = curator.organization.timezone
    await edit(
        callback,
        texts.INVITE_CREATED.format(
            role=role_name,
            link=invites.deep_link((await bot.me()).username or "", invite.code),
            expires=local_time(invite.expires_at, timezone),
            timezone=timezone,
            uses=invite.max_uses,
        ),
    )


@handlers.message(Command("invites"))
async def invites_command(message: Message, session: AsyncSession, actor: Actor, bot: Bot) -> None:
    text, markup = await render_invites(session, actor, bot, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.INVITES))
async def invites_button(
    callback: CallbackQuery, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    text, markup = await render_invites(session, actor, bot, 0)
    await send(callback, text, markup)


@handlers.callback_query(InvitesPageCb.filter())
async def invites_page(
    callback: CallbackQuery,
    callback_data: InvitesPageCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    text, markup = await render_invites(session, actor, bot, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(InviteRevokeCb.filter())
async def revoke(
    callback: CallbackQuery,
    callback_data: InviteRevokeCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    actor.require_curator()
    await invites.revoke_invite(session, actor, callback_data.invite_id)
    await answer_quietly(callback, texts.INVITE_REVOKED_DONE)
    text, markup = await render_invites(session, actor, bot, callback_data.page)
    await edit(callback, text, markup)
