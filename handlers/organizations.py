"""Admins: create an organisation (name, time zone, region) with its curator's invite link, and
browse all organisations of the region."""

from aiogram import Bot, F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.organizations import OrgAction, OrgCb, OrgsPageCb, TimezoneCb
from bot.dialogue import Dialogue, Step, typed_choice
from bot.keyboards import organizations as keyboards
from bot.keyboards.common import cancel
from bot.replies import answer_quietly, edit, send
from bot.routing import Handlers
from bot.services import invites, organizations, validation
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.settings import Settings
from bot.texts import organizations as texts
from bot.texts.validation import VALIDATION_TIMEZONE
from bot.texts.vocabulary import esc

handlers = Handlers("organizations")


class NewOrganization(StatesGroup):
    name = Step(texts.EXPECT_NAME, starts=True)
    timezone = Step(texts.EXPECT_TIMEZONE)
    region = Step(texts.EXPECT_REGION)


class NewOrganizationData(TypedDict, total=False):
    name: str
    timezone: str


NEW_ORGANIZATION = Dialogue(NewOrganizationData)

ANSWER = F.text & ~F.text.startswith("/")


async def _start_new_organization(message: Message, state: FSMContext, actor: Actor) -> None:
    actor.require_admin()
    await state.set_state(NewOrganization.name)
    await message.answer(texts.ORG_ASK_NAME, reply_markup=cancel())


@handlers.message(Command("new_org"))
async def new_org_command(message: Message, state: FSMContext, actor: Actor) -> None:
    await _start_new_organization(message, state, actor)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.NEW_ORG))
async def new_org_button(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_admin()
    await answer_quietly(callback)
    if isinstance(callback.message, Message):
        await _start_new_organization(callback.message, state, actor)


@handlers.message(StateFilter(NewOrganization.name), ANSWER)
async def name_answer(
    message: Message, state: FSMContext, actor: Actor, settings: Settings
) -> None:
    actor.require_admin()
    await NEW_ORGANIZATION.set(state, {"name": validation.organization_name(message.text)})
    await state.set_state(NewOrganization.timezone)
    await message.answer(
        texts.ORG_ASK_TIMEZONE, reply_markup=keyboards.timezones(settings.timezone)
    )


async def _timezone_chosen(message: Message, state: FSMContext, timezone: str) -> None:
    await NEW_ORGANIZATION.update(state, {"timezone": timezone})
    await state.set_state(NewOrganization.region)
    await message.answer(texts.ORG_ASK_REGION, reply_markup=cancel())


@handlers.message(StateFilter(NewOrganization.timezone), ANSWER)
async def timezone_typed(message: Message, state: FSMContext, actor: Actor) -> None:
    """A city of the buttons («Москва») or a zone's name («Asia/Omsk»)."""
    actor.require_admin()
    zone = typed_choice(message.text, {zone: city for city, zone in texts.TIMEZONE_CHOICES})
    await _timezone_chosen(message, state, zone or validation.timezone_name(message.text))


@handlers.callback_query(StateFilter(NewOrganization.timezone), TimezoneCb.filter())
async def timezone_button(
    callback: CallbackQuery,
    callback_data: TimezoneCb,
    state: FSMContext,
    actor: Actor,
    settings: Settings,
) -> None:
    actor.require_admin()
    index = callback_data.index
    if index == -1:
        timezone = settings.timezone
    elif 0 <= index < len(texts.TIMEZONE_CHOICES):
        timezone = texts.TIMEZONE_CHOICES[index][1]
    else:
        raise ValidationFailed(VALIDATION_TIMEZONE)
    await answer_quietly(callback)
    await edit(callback, texts.ORG_TIMEZONE_CHOSEN.format(timezone=timezone))
    if isinstance(callback.message, Message):
        await _timezone_chosen(callback.message, state, timezone)


@handlers.message(StateFilter(NewOrganization.region), ANSWER)
async def region_answer(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    data = await NEW_ORGANIZATION.get(state, "name", "timezone")
    organization = await organizations.create_organization(
        session, actor, name=data["name"], timezone=data["timezone"], region=message.text or ""
    )
    invite = await invites.create_curator_invite(session, actor, organization.id)
    await state.clear()
    await message.answer(
        texts.ORG_CREATED.format(
            name=esc(organization.name),
            region=esc(organization.region),
            timezone=organization.timezone,
            days=invites.CURATOR_INVITE_DAYS,
            link=invites.deep_link((await bot.me()).username or "", invite.code),
        )
    )


async def render_organizations(
    session: AsyncSession, actor: Actor, page_number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page = await organizations.list_organizations(session, actor, page_number)
    if not page.total:
        return texts.ORGS_EMPTY, None
    header = texts.ORGS_HEADER.format(total=page.total, page=page.number + 1, pages=page.pages)
    entries = [(item.id, item.name) for item in page.items]
    return header, keyboards.organizations_list(page, entries)


@handlers.message(Command("orgs"))
async def orgs_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_organizations(session, actor, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.ORGS))
async def orgs_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_organizations(session, actor, 0)
    await send(callback, text, markup)


@handlers.callback_query(OrgsPageCb.filter())
async def orgs_page(
    callback: CallbackQuery, callback_data: OrgsPageCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_organizations(session, actor, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(OrgCb.filter(F.action == OrgAction.OPEN))
async def org_open(
    callback: CallbackQuery, callback_data: OrgCb, session: AsyncSession, actor: Actor
) -> None:
    organization, people_count, curators = await organizations.organization_card(
        session, actor, callback_data.organization_id
    )
    await answer_quietly(callback)
    await edit(
        callback,
        texts.ORG_CARD.format(
            name=esc(organization.name),
            region=esc(organization.region),
            timezone=organization.timezone,
            people=people_count,
            curators=curators,
        ),
        keyboards.organization_card(organization.id, callback_data.page),
    )


@handlers.callback_query(OrgCb.filter(F.action == OrgAction.CURATOR_LINK))
async def org_curator_link(
    callback: CallbackQuery, callback_data: OrgCb, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    actor.require_admin()
    organization = await organizations.get_organization(session, callback_data.organization_id)
    invite = await invites.create_curator_invite(session, actor, organization.id)
    await send(
        callback,
        texts.CURATOR_LINK.format(
            name=esc(organization.name),
            days=invites.CURATOR_INVITE_DAYS,
            link=invites.deep_link((await bot.me()).username or "", invite.code),
        ),
    )
