"""The external contour: /territory for admins and coordinators — regions and municipalities,
the coordinator's link, the territory's summary grouped by municipality, its ranking, its
register of organisations with N = A / B, its workbook, one organisation's read-only summary —
and the admin's choice of an organisation's territory."""

from __future__ import annotations

from aiogram import Bot, F
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.organizations import OrgAction, OrgCb
from bot.callbacks.territories import (
    AttachCb,
    RegionsAction,
    RegionsCb,
    TerritoryAction,
    TerritoryCb,
)
from bot.commands import apply_chat_commands
from bot.dialogue import Dialogue, Step
from bot.keyboards import territories as keyboards
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import audit, invites, monitoring, pairs, territories, workbook
from bot.services.access import Actor
from bot.services.monitoring import Period, PeriodKind
from bot.services.pagination import PAGE_SIZE, Page
from bot.services.territories import Picture, Register
from bot.settings import Settings
from bot.texts import territories as texts
from bot.texts.vocabulary import LIST_MORE, day, decimal, esc, fit, shorten
from handlers.monitoring import render as render_summary
from handlers.monitoring import summary_body
from models import Territory, utcnow

handlers = Handlers("territories")

ANSWER = F.text & ~F.text.startswith("/")
ORGANIZATION_LINES = 40  # in the chat; the workbook has all


class TerritoryForm(StatesGroup):
    region_name = Step(texts.ASK_REGION_NAME, starts=True)
    municipality_name = Step(texts.ASK_MUNICIPALITY_NAME.format(region="…"), starts=True)


class MunicipalityData(TypedDict):
    region_id: int


NEW_MUNICIPALITY = Dialogue(MunicipalityData)


def _period(settings: Settings, kind: PeriodKind) -> Period:
    return monitoring.period(kind, pairs.local_today(settings.timezone))


async def _picture(
    session: AsyncSession, actor: Actor, settings: Settings, territory_id: int, kind: PeriodKind
) -> Picture:
    """The territory's summary for the current period of this kind (the region's today)."""
    today = pairs.local_today(settings.timezone)
    return await territories.picture(
        session, actor, territory_id, _period(settings, kind), today, in_parallel=True
    )


def _kind_name(territory: Territory) -> str:
    return texts.KIND_NAMES[territory.kind]


# --- joining and the start ----------------------------------------------------------------------


@handlers.message(CommandStart(deep_link=True, magic=F.args.regexp(territories.CODE_PATTERN)))
async def join_by_link(
    message: Message, command: CommandObject, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    user = message.from_user
    full_name = user.full_name if user is not None else ""
    coordinator = await territories.join(
        session, actor.telegram_id, full_name, command.args or "", utcnow()
    )
    await apply_chat_commands(
        bot, message.chat.id, actor.roles, actor.is_admin, actor.person, coordinator=True
    )
    await message.answer(texts.WELCOME.format(territory=esc(coordinator.territory.name)))


async def _regions_text(session: AsyncSession, actor: Actor) -> tuple[str, list[Territory]]:
    regions = await territories.home(session, actor)
    head = texts.REGIONS_HEADER.format(count=len(regions)) if regions else texts.REGIONS_EMPTY
    return head, regions


@handlers.message(Command("territory", "territories"))
async def territory_command(
    message: Message, session: AsyncSession, actor: Actor, settings: Settings
) -> None:
    if actor.is_admin:
        text, regions = await _regions_text(session, actor)
        await message.answer(text, reply_markup=keyboards.regions(regions))
        return
    (own,) = await territories.home(session, actor)
    text, markup = await _view(session, actor, settings, own.id, PeriodKind.YEAR)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(RegionsCb.filter(F.action == RegionsAction.LIST))
async def regions_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    actor.require_admin()
    text, regions = await _regions_text(session, actor)
    await answer_quietly(callback)
    await edit(callback, text, keyboards.regions(regions))


# --- new regions and municipalities -----------------------------------------------------------


@handlers.callback_query(RegionsCb.filter(F.action == RegionsAction.NEW))
async def new_region(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_admin()
    await ask_for_text(callback, state, TerritoryForm.region_name, texts.ASK_REGION_NAME)


@handlers.message(StateFilter(TerritoryForm.region_name), ANSWER)
async def region_named(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    region = await territories.create_region(session, actor, message.text)
    await state.clear()
    text = texts.CREATED.format(kind=_kind_name(region), name=esc(region.name))
    _, regions = await _regions_text(session, actor)
    await message.answer(text, reply_markup=keyboards.regions(regions))


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.NEW_MUNICIPALITY))
async def new_municipality(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    region = await territories.require_regional(session, actor, callback_data.territory_id)
    await ask_for_text(
        callback,
        state,
        TerritoryForm.municipality_name,
        texts.ASK_MUNICIPALITY_NAME.format(region=esc(region.name)),
        NEW_MUNICIPALITY,
        MunicipalityData(region_id=region.id),
    )


@handlers.message(StateFilter(TerritoryForm.municipality_name), ANSWER)
async def municipality_named(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await NEW_MUNICIPALITY.get(state, "region_id")
    place = await territories.create_municipality(session, actor, data["region_id"], message.text)
    await state.clear()
    assert place.parent is not None
    text = texts.CREATED.format(kind=_kind_name(place), name=esc(place.name))
    entries = await territories.municipalities(session, place.parent)
    await message.answer(
        text, reply_markup=keyboards.municipalities(place.parent, entries, regional=True)
    )


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.MUNICIPALITIES))
async def municipalities_button(
    callback: CallbackQuery, callback_data: TerritoryCb, session: AsyncSession, actor: Actor
) -> None:
    region, entries = await territories.municipalities_of(
        session, actor, callback_data.territory_id
    )
    regional = await territories.is_regional(session, actor)
    await answer_quietly(callback)
    await edit(
        callback,
        texts.MUNICIPALITIES.format(region=esc(region.name), count=len(entries)),
        keyboards.municipalities(region, entries, regional=regional),
    )


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.INVITE))
async def invite_button(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    coordinator = await territories.invite_coordinator(session, actor, callback_data.territory_id)
    link = invites.deep_link((await bot.me()).username or "", coordinator.code)
    await send(
        callback,
        texts.INVITE_MADE.format(
            territory=esc(coordinator.territory.name), days=territories.INVITE_DAYS, link=link
        ),
    )


async def _coordinators_view(
    session: AsyncSession, actor: Actor, settings: Settings, territory_id: int
) -> tuple[str, InlineKeyboardMarkup]:
    territory, found = await territories.coordinators_of(session, actor, territory_id, utcnow())
    lines = []
    for coordinator in found:
        if coordinator.joined_at is None:
            name = texts.COORDINATOR_PENDING.format(
                day=day(pairs.local_today(settings.timezone, coordinator.expires_at))
            )
            since = ""
        else:
            name = coordinator.full_name or texts.NO_NAME
            since = texts.COORDINATOR_SINCE.format(
                day=day(pairs.local_today(settings.timezone, coordinator.joined_at))
            )
        lines.append(
            (coordinator.id, name, texts.COORDINATOR_LINE.format(name=esc(name), since=since))
        )
    head = texts.COORDINATORS_HEAD.format(territory=esc(territory.name))
    text = fit(head, [line for *_, line in lines]) if lines else head + texts.COORDINATORS_EMPTY
    markup = keyboards.coordinators(territory.id, [(key, name) for key, name, _ in lines])
    return text, markup


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.COORDINATORS))
async def coordinators_button(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
) -> None:
    text, markup = await _coordinators_view(session, actor, settings, callback_data.territory_id)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.REVOKE))
async def revoke_button(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
) -> None:
    revoked = await territories.revoke(
        session, actor, callback_data.territory_id, callback_data.coordinator_id, utcnow()
    )
    text, markup = await _coordinators_view(session, actor, settings, revoked.territory_id)
    name = revoked.full_name or texts.NO_NAME
    await answer_quietly(callback, texts.REVOKED.format(name=name))
    await edit(callback, text, markup)


# --- the territory's summary ------------------------------------------------------------------


def render(current: Picture) -> str:
    summary = current.summary
    chosen = summary.period
    if not summary.organizations:
        return texts.SUMMARY_EMPTY.format(territory=esc(current.territory.name))
    head = texts.SUMMARY_HEAD.format(
        territory=esc(current.territory.name),
        kind=_kind_name(current.territory),
        count=len(summary.organizations),
        start=day(chosen.start),
        end=day(chosen.end),
    )
    body = summary_body(summary, summary.total)
    parts: list[str] = []
    if current.groups:
        parts.append(texts.GROUPS_HEADER)
        for group in current.groups:
            figures = group.total
            parts.append(
                texts.GROUP_LINE.format(
                    name=esc(group.name),
                    count=len(group.organization_ids),
                    share=round(figures.share * 100),
                    pairs=figures.active_pairs,
                    held=figures.meetings_held,
                    per_pair=decimal(summary.per_pair_month(figures)),
                    requests=figures.requests,
                )
            )
    parts.append(texts.ORGANIZATIONS_HEADER)
    for key, name in list(summary.organizations.items())[:ORGANIZATION_LINES]:
        figures = summary.by_organization[key]
        parts.append(
            texts.ORGANIZATION_LINE.format(
                name=esc(shorten(name, 60)),
                share=round(figures.share * 100),
                pairs=figures.active_pairs,
                held=figures.meetings_held,
                requests=figures.requests,
            )
        )
    if len(summary.organizations) > ORGANIZATION_LINES:
        parts.append(LIST_MORE.format(more=len(summary.organizations) - ORGANIZATION_LINES))
    return fit(head + body, parts)


async def _view(
    session: AsyncSession, actor: Actor, settings: Settings, territory_id: int, kind: PeriodKind
) -> tuple[str, InlineKeyboardMarkup]:
    current = await _picture(session, actor, settings, territory_id, kind)
    regional = await territories.is_regional(session, actor)
    return render(current), keyboards.view(current.territory, kind, regional=regional)


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.SHOW))
async def show_button(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
) -> None:
    text, markup = await _view(
        session, actor, settings, callback_data.territory_id, callback_data.kind
    )
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.RANKING))
async def ranking_button(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
) -> None:
    current = await _picture(
        session, actor, settings, callback_data.territory_id, callback_data.kind
    )
    chosen = current.summary.period
    places = territories.ranking(current.summary, callback_data.indicator)
    head = texts.RANKING_HEAD.format(
        territory=esc(current.territory.name),
        indicator=texts.INDICATOR_NAMES[callback_data.indicator],
        start=day(chosen.start),
        end=day(chosen.end),
    )
    lines = [
        texts.RANKING_LINE.format(
            place=number,
            flag=texts.RANKING_FLAG if place.flagged else "",
            name=esc(shorten(place.name, 60)),
            value=_indicator_value(callback_data.indicator, place.value),
        )
        for number, place in enumerate(places, start=1)
    ]
    text = fit(head, lines) if lines else head + texts.RANKING_EMPTY
    await answer_quietly(callback)
    await edit(
        callback,
        text,
        keyboards.ranking(current.territory.id, callback_data.kind, callback_data.indicator),
    )


def _indicator_value(indicator: territories.Indicator, value: float) -> str:
    if indicator is territories.Indicator.INVOLVED_SHARE:
        return f"{round(value * 100)} %"
    if indicator is territories.Indicator.MEETINGS_PER_PAIR:
        return decimal(value)
    return str(round(value))


# --- the register -----------------------------------------------------------------------------


def render_register(current: Register) -> str:
    head = texts.REGISTER_HEAD.format(territory=esc(current.territory.name))
    lines = []
    for entry in current.entries:
        regulation = entry.regulation
        lines.append(
            texts.REGISTER_LINE.format(
                mark="✅" if regulation is not None and entry.curator_appointed else "▫️",
                name=esc(shorten(entry.name, 60)),
                municipality=f" · {esc(entry.municipality)}" if entry.municipality else "",
                curator=texts.REGISTER_YES if entry.curator_appointed else texts.REGISTER_NO,
                regulation=(
                    texts.REGISTER_ADOPTED.format(
                        day=day(regulation.adopted_on), file=esc(regulation.file_name)
                    )
                    if regulation is not None
                    else texts.REGISTER_NOT_ADOPTED
                ),
                pairs=entry.active_pairs,
                activity=(
                    day(pairs.local_today(entry.timezone, entry.last_activity))
                    if entry.last_activity is not None
                    else texts.REGISTER_NEVER
                ),
            )
        )
    indicator = texts.REGISTER_INDICATOR_HEAD + "".join(
        texts.REGISTER_INDICATOR_LINE.format(
            name=esc(share.name),
            adopted=share.adopted,
            total=share.total,
            share=decimal(share.percent),
        )
        for share in current.shares
    )
    # the indicator first when the list is long: it is what the report needs
    return fit(head + indicator + "\n", lines)


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.REGISTER))
async def register_button(
    callback: CallbackQuery, callback_data: TerritoryCb, session: AsyncSession, actor: Actor
) -> None:
    current = await territories.register(session, actor, callback_data.territory_id)
    await answer_quietly(callback)
    await edit(
        callback,
        render_register(current),
        keyboards.back(current.territory.id, callback_data.kind),
    )


# --- one organisation, read-only ----------------------------------------------------------------


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.ORGANIZATIONS))
async def organizations_button(
    callback: CallbackQuery, callback_data: TerritoryCb, session: AsyncSession, actor: Actor
) -> None:
    territory = await territories.require_territory(session, actor, callback_data.territory_id)
    entries = await territories.members(session, territory)
    pages = max(1, -(-len(entries) // PAGE_SIZE))
    number = min(max(callback_data.page, 0), pages - 1)
    shown = entries[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
    page: Page[object] = Page(shown, number, len(entries), PAGE_SIZE)
    await answer_quietly(callback)
    await edit(
        callback,
        texts.ORGANIZATIONS_LIST.format(territory=esc(territory.name), total=len(entries)),
        keyboards.organizations(
            territory.id,
            callback_data.kind,
            page,
            [(entry.id, entry.name) for entry in shown],
        ),
    )


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.DRILL))
async def drill_button(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    organization = await territories.require_organization(
        session, actor, callback_data.organization_id
    )
    today = pairs.local_today(organization.timezone)
    chosen = monitoring.period(callback_data.kind, today)
    current = await monitoring.summary(
        session, [organization.id], chosen, organization.timezone, today
    )
    await audit.record(
        session,
        actor,
        "territory_summary",
        organization_id=organization.id,
        details=f"{day(chosen.start)}–{day(chosen.end)}",
    )
    await answer_quietly(callback)
    await edit(
        callback,
        render_summary(current, region=False) + texts.DRILL_NOTE,
        keyboards.back(callback_data.territory_id, callback_data.kind),
    )


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.WORKBOOK))
async def workbook_button(
    callback: CallbackQuery,
    callback_data: TerritoryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
    bot: Bot,
) -> None:
    current = await _picture(
        session, actor, settings, callback_data.territory_id, callback_data.kind
    )
    chosen = current.summary.period
    territory = current.territory
    # figures only, each organisation over its own local dates: no person's data
    content = workbook.table(
        texts.TABLE_SHEET, texts.TABLE_HEADERS, territories.table(current), settings.timezone
    )
    await answer_quietly(callback)
    name = f"territory_{territory.id}_{chosen.start:%Y%m%d}_{chosen.end:%Y%m%d}.xlsx"
    await bot.send_document(
        callback.from_user.id,
        BufferedInputFile(content, filename=name),
        caption=texts.WORKBOOK_CAPTION.format(
            territory=esc(territory.name), start=day(chosen.start), end=day(chosen.end)
        ),
    )


# --- an organisation's territory (admins) -----------------------------------------------------


@handlers.callback_query(OrgCb.filter(F.action == OrgAction.TERRITORY))
async def attach_choices(
    callback: CallbackQuery, callback_data: OrgCb, session: AsyncSession, actor: Actor
) -> None:
    organization, current, entries = await territories.attach_choices(
        session, actor, callback_data.organization_id
    )
    await send(
        callback,
        texts.ATTACH_ASK.format(
            organization=esc(organization.name),
            current=esc(current.name) if current is not None else texts.ATTACH_NONE,
        ),
        keyboards.attach_choices(organization.id, entries),
    )


@handlers.callback_query(AttachCb.filter(F.territory_id > 0))
async def attach_chosen(
    callback: CallbackQuery, callback_data: AttachCb, session: AsyncSession, actor: Actor
) -> None:
    organization, territory = await territories.attach(
        session, actor, callback_data.organization_id, callback_data.territory_id
    )
    await answer_quietly(callback)
    await edit(
        callback,
        texts.ATTACHED.format(organization=esc(organization.name), territory=esc(territory.name)),
    )
