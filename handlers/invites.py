"""Curators' invite links: a three-tap wizard (role, expiry, uses), the list of links still
valid (whose each personal one is, and how many times each was used), revoking one after a
confirmation, and finding a teacher's personal link by name to send again (a new one replaces
the old)."""

from aiogram import Bot, F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.invites import (
    InviteFindCb,
    InviteRenewCb,
    InviteRevokeCb,
    InvitesPageCb,
    InviteWizardCb,
)
from bot.callbacks.menu import MenuAction, MenuCb
from bot.dialogue import Step
from bot.keyboards import invites as keyboards
from bot.keyboards.common import cancel
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import invites, pairs
from bot.services.access import Actor
from bot.texts import invites as texts
from bot.texts.vocabulary import ROLE_NAMES, ROLE_NAMES_GENITIVE, esc, local_time
from models import Invite

handlers = Handlers("invites")


class InviteSearch(StatesGroup):
    name = Step(texts.EXPECT_NAME, starts=True)


ANSWER = F.text & ~F.text.startswith("/")


async def _who(session: AsyncSession, invite: Invite) -> str:
    """A personal link's teacher and role, or a general link's role."""
    role = ROLE_NAMES[invite.role]
    if invite.person_id is None:
        return texts.INVITE_GENERAL.format(role=role)
    names = await pairs.names(session, {invite.person_id})
    return texts.INVITE_PERSONAL.format(name=esc(names.get(invite.person_id, "")), role=role)


async def render_invites(
    session: AsyncSession, actor: Actor, bot: Bot, page_number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page = await invites.list_active_invites(session, actor, page_number)
    if not page.total:
        return texts.INVITES_EMPTY, keyboards.invites_list(page, [])
    username = (await bot.me()).username or ""
    timezone = actor.require_person().organization.timezone
    lines = [texts.INVITES_HEADER.format(total=page.total, page=page.number + 1, pages=page.pages)]
    for offset, invite in enumerate(page.items):
        lines.append(
            texts.INVITE_LINE.format(
                number=page.first + offset,
                who=await _who(session, invite),
                uses=invite.uses,
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


@handlers.callback_query(InviteRevokeCb.filter(~F.confirm))
async def ask_revoke(
    callback: CallbackQuery, callback_data: InviteRevokeCb, session: AsyncSession, actor: Actor
) -> None:
    invite = await invites.get_managed_invite(session, actor, callback_data.invite_id)
    question = texts.INVITE_CONFIRM_REVOKE.format(
        number=callback_data.number, who=await _who(session, invite)
    )
    markup = keyboards.confirm_revoke(invite.id, callback_data.page, callback_data.number)
    await answer_quietly(callback)
    await edit(callback, question, markup)


@handlers.callback_query(InviteRevokeCb.filter(F.confirm))
async def revoke(
    callback: CallbackQuery,
    callback_data: InviteRevokeCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    invite = await invites.revoke_invite(session, actor, callback_data.invite_id)
    done = texts.INVITE_REVOKED_LINE.format(who=await _who(session, invite))
    await answer_quietly(callback, texts.INVITE_REVOKED_DONE)
    text, markup = await render_invites(session, actor, bot, callback_data.page)
    await edit(callback, done + text, markup)


# --- a teacher's personal link, found by name -------------------------------------------------


@handlers.callback_query(InviteFindCb.filter())
async def ask_name(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await ask_for_text(callback, state, InviteSearch.name, texts.INVITE_ASK_NAME)


@handlers.message(StateFilter(InviteSearch.name), ANSWER)
async def name_typed(message: Message, session: AsyncSession, actor: Actor, bot: Bot) -> None:
    found = await invites.pending_teachers(session, actor, message.text)
    query = esc(message.text or "")
    if not found:
        await message.answer(texts.INVITE_FOUND_NONE.format(query=query), reply_markup=cancel())
        return
    username = (await bot.me()).username or ""
    text = texts.INVITE_FOUND_HEADER.format(query=query)
    for person, invite in found:
        link = invites.deep_link(username, invite.code) if invite else texts.INVITE_FOUND_NO_LINK
        text += texts.INVITE_FOUND_LINE.format(name=esc(person.full_name), link=link)
    markup = keyboards.pending_teachers([(person.id, person.full_name) for person, _ in found])
    await message.answer(text + texts.INVITE_FOUND_HINT, reply_markup=markup)


@handlers.callback_query(InviteRenewCb.filter())
async def renew(
    callback: CallbackQuery,
    callback_data: InviteRenewCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    invite = await invites.renew_personal_invite(session, actor, callback_data.person_id)
    await state.clear()
    names = await pairs.names(session, {callback_data.person_id})
    timezone = actor.require_person().organization.timezone
    renewed = texts.INVITE_RENEWED.format(
        name=esc(names.get(callback_data.person_id, "")),
        expires=local_time(invite.expires_at, timezone),
        link=invites.deep_link((await bot.me()).username or "", invite.code),
    )
    await send(callback, renewed)
