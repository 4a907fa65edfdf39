"""The external contour (seed 000 §3.2, seed 001 §4.2): territories — a region and its
municipalities — and their coordinators. Who may see a territory is decided here, once: the
system's admins every one; a regional coordinator their region and its municipalities; a
municipal coordinator their municipality; nobody else. The territory's monitoring (grouped by
municipality, ranked by an indicator) and its register of organisations are computed here."""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import monitoring, validation, virtual_mentoring
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.monitoring import Figures, Period, Summary
from bot.texts import territories as texts
from bot.texts.common import ACCESS_ADMIN_ONLY
from models import (
    Coordinator,
    HelpRequest,
    Meeting,
    Organization,
    Pair,
    Person,
    PersonRole,
    Regulation,
    Territory,
    utcnow,
)
from models.enums import PairStatus, Role, TerritoryKind

CODE_PREFIX = "coord"  # with 16 random characters: never an organisation's invite (16 in all)
CODE_PATTERN = rf"^{CODE_PREFIX}[A-Za-z0-9_-]{{16}}$"
INVITE_DAYS = 7


# --- who sees what ----------------------------------------------------------------------------


async def coordinator_of(session: AsyncSession, telegram_id: int) -> Coordinator | None:
    """The actor's coordinator record, if they joined as one and were not revoked."""
    return await session.scalar(
        select(Coordinator).where(
            Coordinator.telegram_id == telegram_id,
            Coordinator.joined_at.is_not(None),
            Coordinator.revoked_at.is_(None),
        )
    )


async def is_coordinator(session: AsyncSession, telegram_id: int) -> bool:
    """For the command list of their chat: a coordinator also has /territory and /announce."""
    return await coordinator_of(session, telegram_id) is not None


def covers(own: Territory, other: Territory) -> bool:
    """A territory covers itself and, a region, its municipalities."""
    return own.id == other.id or (own.kind is TerritoryKind.REGION and other.parent_id == own.id)


async def _reach(
    session: AsyncSession, actor: Actor, territory_id: int
) -> tuple[Territory, Coordinator | None]:
    """The territory, if the actor may see it (callback data is the client's word), and the
    actor's coordinator record (None: an admin)."""
    territory = await session.get(Territory, territory_id)
    coordinator = None if actor.is_admin else await coordinator_of(session, actor.telegram_id)
    if not actor.is_admin and coordinator is None:
        raise AccessDenied(texts.ACCESS_COORDINATOR_ONLY)
    if territory is None:
        raise NotFound(texts.TERRITORY_NOT_FOUND)
    if coordinator is not None and not covers(coordinator.territory, territory):
        raise AccessDenied(texts.ACCESS_OTHER_TERRITORY)
    return territory, coordinator


async def require_territory(session: AsyncSession, actor: Actor, territory_id: int) -> Territory:
    """The territory, if the actor may see it."""
    territory, _ = await _reach(session, actor, territory_id)
    return territory


async def require_regional(session: AsyncSession, actor: Actor, territory_id: int) -> Territory:
    """The territory, for an admin or the coordinator of its region: they create municipalities
    and invite coordinators."""
    territory, coordinator = await _reach(session, actor, territory_id)
    if coordinator is not None and coordinator.territory.kind is not TerritoryKind.REGION:
        raise AccessDenied(texts.ACCESS_REGIONAL_ONLY)
    return territory


async def is_regional(session: AsyncSession, actor: Actor) -> bool:
    """An admin, or a regional coordinator: they create municipalities and invite."""
    if actor.is_admin:
        return True
    coordinator = await coordinator_of(session, actor.telegram_id)
    return coordinator is not None and coordinator.territory.kind is TerritoryKind.REGION


async def home(session: AsyncSession, actor: Actor) -> list[Territory]:
    """Where the actor starts: every region for an admin, their own territory for a
    coordinator."""
    if actor.is_admin:
        return list(
            await session.scalars(
                select(Territory)
                .where(Territory.kind == TerritoryKind.REGION)
                .order_by(Territory.name)
            )
        )
    coordinator = await coordinator_of(session, actor.telegram_id)
    if coordinator is None:
        raise AccessDenied(texts.ACCESS_COORDINATOR_ONLY)
    return [coordinator.territory]


async def municipalities_of(
    session: AsyncSession, actor: Actor, region_id: int
) -> tuple[Territory, list[Territory]]:
    """A region the actor sees and its municipalities."""
    region = await require_territory(session, actor, region_id)
    if region.kind is not TerritoryKind.REGION:
        raise ValidationFailed(texts.NOT_A_REGION)
    return region, await municipalities(session, region)


async def municipalities(session: AsyncSession, region: Territory) -> list[Territory]:
    return list(
        await session.scalars(
            select(Territory).where(Territory.parent_id == region.id).order_by(Territory.name)
        )
    )


async def require_organization(
    session: AsyncSession, actor: Actor, organization_id: int
) -> Organization:
    """An organisation of a territory the actor sees (one of no territory: admins only)."""
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(texts.ORGANIZATION_NOT_FOUND)
    if organization.territory_id is None:
        if not actor.is_admin:
            raise AccessDenied(texts.ACCESS_OTHER_TERRITORY)
        return organization
    await require_territory(session, actor, organization.territory_id)
    return organization


# --- territories and coordinators -------------------------------------------------------------


async def _check_free(session: AsyncSession, parent_id: int | None, name: str) -> None:
    """No two regions, nor two municipalities of a region, by the same name in any case
    (SQLite's lower() does not fold Cyrillic: compared here)."""
    siblings = (
        Territory.parent_id.is_(None) if parent_id is None else Territory.parent_id == parent_id
    )
    taken = await session.scalars(select(Territory.name).where(siblings))
    if name.casefold() in {other.casefold() for other in taken}:
        raise ValidationFailed(texts.NAME_TAKEN.format(name=name))


async def create_region(session: AsyncSession, actor: Actor, name: str | None) -> Territory:
    if not actor.is_admin:
        raise AccessDenied(ACCESS_ADMIN_ONLY)
    value = validation.region(name)
    await _check_free(session, None, value)
    region = Territory(kind=TerritoryKind.REGION, name=value)
    session.add(region)
    await session.flush()
    return region


async def create_municipality(
    session: AsyncSession, actor: Actor, region_id: int, name: str | None
) -> Territory:
    region = await require_regional(session, actor, region_id)
    if region.kind is not TerritoryKind.REGION:
        raise ValidationFailed(texts.NOT_A_REGION)
    value = validation.short_text(name, field="Название", maximum=validation.ORG_NAME_MAX)
    await _check_free(session, region.id, value)
    municipality = Territory(kind=TerritoryKind.MUNICIPALITY, name=value, parent=region)
    session.add(municipality)
    await session.flush()
    return municipality


async def invite_coordinator(
    session: AsyncSession, actor: Actor, territory_id: int, now: datetime | None = None
) -> Coordinator:
    """A one-use link for a coordinator of the territory, valid a week."""
    territory = await require_regional(session, actor, territory_id)
    coordinator = Coordinator(
        territory_id=territory.id,
        code=CODE_PREFIX + secrets.token_urlsafe(12),
        expires_at=(now or utcnow()) + timedelta(days=INVITE_DAYS),
        created_by_telegram_id=actor.telegram_id,
    )
    session.add(coordinator)
    await session.flush()
    await session.refresh(coordinator, ["territory"])
    return coordinator


async def coordinators_of(
    session: AsyncSession, actor: Actor, territory_id: int, now: datetime
) -> tuple[Territory, list[Coordinator]]:
    """The territory's coordinators who joined, and its links still open (for an admin or the
    region's coordinator)."""
    territory = await require_regional(session, actor, territory_id)
    found = await session.scalars(
        select(Coordinator)
        .where(
            Coordinator.territory_id == territory.id,
            Coordinator.revoked_at.is_(None),
            or_(Coordinator.joined_at.is_not(None), Coordinator.expires_at > now),
        )
        .order_by(Coordinator.joined_at.is_(None), Coordinator.full_name, Coordinator.id)
    )
    return territory, list(found)


async def revoke(
    session: AsyncSession, actor: Actor, territory_id: int, coordinator_id: int, now: datetime
) -> Coordinator:
    """A coordinator (or an unused link) of the territory, or of one of its municipalities,
    revoked: from now they see nothing."""
    territory = await require_regional(session, actor, territory_id)
    coordinator = await session.get(Coordinator, coordinator_id)
    if (
        coordinator is None
        or coordinator.revoked_at is not None
        or not covers(territory, coordinator.territory)
    ):
        raise NotFound(texts.COORDINATOR_NOT_FOUND)
    if coordinator.telegram_id == actor.telegram_id:
        raise ValidationFailed(texts.REVOKE_SELF)
    coordinator.revoked_at = now
    await session.flush()
    return coordinator


async def join(
    session: AsyncSession, telegram_id: int, full_name: str, code: str, now: datetime
) -> Coordinator:
    """The person who opened a coordinator's link becomes that coordinator (once)."""
    coordinator = await session.scalar(
        # FOR UPDATE of the coordinator alone: PostgreSQL locks no row of an outer join's
        # nullable side (the territory is joined eagerly)
        select(Coordinator).where(Coordinator.code == code).with_for_update(of=Coordinator)
    )
    if coordinator is None:
        raise NotFound(texts.INVITE_UNKNOWN)
    if coordinator.revoked_at is not None:
        raise ValidationFailed(texts.INVITE_REVOKED)
    if coordinator.telegram_id == telegram_id:
        return coordinator
    if coordinator.telegram_id is not None:
        raise ValidationFailed(texts.INVITE_USED)
    if coordinator.expires_at <= now:
        raise ValidationFailed(texts.INVITE_EXPIRED)
    current = await coordinator_of(session, telegram_id)
    if current is not None:
        raise ValidationFailed(texts.ALREADY_COORDINATOR.format(territory=current.territory.name))
    coordinator.telegram_id = telegram_id
    # the name Telegram shows, as it is (escaped where it is shown): not asked for
    coordinator.full_name = " ".join(full_name.split())[:150] or texts.NO_NAME
    coordinator.joined_at = now
    await session.flush()
    return coordinator


async def attach(
    session: AsyncSession, actor: Actor, organization_id: int, territory_id: int
) -> tuple[Organization, Territory]:
    """Admins say which region or municipality an organisation belongs to."""
    if not actor.is_admin:
        raise AccessDenied(ACCESS_ADMIN_ONLY)
    organization = await session.get(Organization, organization_id)
    territory = await session.get(Territory, territory_id)
    if organization is None:
        raise NotFound(texts.ORGANIZATION_NOT_FOUND)
    if territory is None:
        raise NotFound(texts.TERRITORY_NOT_FOUND)
    organization.territory_id = territory.id
    organization.region = (territory.parent or territory).name
    await session.flush()
    return organization, territory


async def attach_choices(
    session: AsyncSession, actor: Actor, organization_id: int
) -> tuple[Organization, Territory | None, list[Territory]]:
    """An organisation, its territory now, and every territory it may be put in (admins)."""
    if not actor.is_admin:
        raise AccessDenied(ACCESS_ADMIN_ONLY)
    organization = await require_organization(session, actor, organization_id)
    current = (
        None
        if organization.territory_id is None
        else await session.get(Territory, organization.territory_id)
    )
    return organization, current, await _every_territory(session)


async def _every_territory(session: AsyncSession) -> list[Territory]:
    """Regions, each followed by its municipalities."""
    rows = list(await session.scalars(select(Territory)))
    regions = sorted((t for t in rows if t.parent_id is None), key=lambda t: t.name)
    children: dict[int, list[Territory]] = defaultdict(list)
    for territory in rows:
        if territory.parent_id is not None:
            children[territory.parent_id].append(territory)
    ordered: list[Territory] = []
    for region in regions:
        ordered.append(region)
        ordered.extend(sorted(children[region.id], key=lambda t: t.name))
    return ordered


# --- the territory's organisations ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """An organisation of a territory, with the municipality it is in (None: the region's own)."""

    id: int
    name: str
    timezone: str
    municipality_id: int | None


async def members(session: AsyncSession, territory: Territory) -> list[Member]:
    """The organisations of the territory (a region's: its own and its municipalities'), by
    name."""
    inside = (
        virtual_mentoring.in_region(territory.id)
        if territory.kind is TerritoryKind.REGION
        else Organization.territory_id == territory.id
    )
    rows = await session.execute(
        select(Organization.id, Organization.name, Organization.timezone, Organization.territory_id)
        .where(inside)
        .order_by(Organization.name, Organization.id)
    )
    return [
        Member(key, name, zone, None if place == territory.id else place)
        if territory.kind is TerritoryKind.REGION
        else Member(key, name, zone, territory.id)
        for key, name, zone, place in rows.all()
    ]


def zones(organizations: list[Member]) -> dict[str, list[int]]:
    """The organisations by time zone: each is counted over its own local dates."""
    grouped: dict[str, list[int]] = defaultdict(list)
    for organization in organizations:
        grouped[organization.timezone].append(organization.id)
    return dict(grouped)


# --- the territory's monitoring ---------------------------------------------------------------


@dataclass
class Group:
    """The organisations of one municipality (or of the region's own) and their total."""

    name: str
    organization_ids: list[int]
    total: Figures


@dataclass
class Picture:
    territory: Territory
    summary: Summary
    groups: list[Group] = field(default_factory=list)  # a region's, by municipality


async def picture(
    session: AsyncSession,
    actor: Actor,
    territory_id: int,
    chosen: Period,
    today: date,
    *,
    in_parallel: bool = False,
) -> Picture:
    """The summary of the territory's organisations, side by side and, for a region, grouped
    by municipality with each group's total (`in_parallel` as `monitoring.summary`)."""
    territory = await require_territory(session, actor, territory_id)
    organizations = await members(session, territory)
    current = await monitoring.zoned_summary(
        session, zones(organizations), chosen, today, in_parallel=in_parallel
    )
    result = Picture(territory, current)
    if territory.kind is TerritoryKind.REGION:
        names = {place.id: place.name for place in await municipalities(session, territory)}
        grouped: dict[int | None, list[int]] = defaultdict(list)
        for organization in organizations:
            grouped[organization.municipality_id].append(organization.id)
        for place, ids in sorted(
            grouped.items(), key=lambda item: (item[0] is None, names.get(item[0] or 0, ""))
        ):
            name = texts.DIRECT if place is None else names[place]
            parts = [current.by_organization[key] for key in ids]
            result.groups.append(Group(name, ids, monitoring.total_of(parts)))
    return result


def table(current: Picture) -> list[list[object]]:
    """The territory's organisations side by side for the workbook: each municipality's, then
    its total; the territory's total last."""
    summary = current.summary
    groups = current.groups or [
        Group(current.territory.name, list(summary.organizations), summary.total)
    ]

    def line(place: str, name: str, figures: Figures) -> list[object]:
        return [
            place,
            name,
            figures.teachers,
            figures.involved,
            round(figures.share * 100, 1),
            figures.mentors,
            figures.mentees,
            figures.active_pairs,
            figures.meetings_held,
            round(summary.per_pair_month(figures), 2),
            figures.requests,
            figures.goals_overdue,
        ]

    rows: list[list[object]] = []
    for group in groups:
        for key in group.organization_ids:
            rows.append(line(group.name, summary.organizations[key], summary.by_organization[key]))
        if current.groups:
            rows.append(line(group.name, texts.TABLE_GROUP_TOTAL, group.total))
    rows.append(line(current.territory.name, texts.TABLE_TOTAL, summary.total))
    return rows


class Indicator(StrEnum):
    MEETINGS_PER_PAIR = "meetings"  # fewest meetings a pair a month first
    INVOLVED_SHARE = "involved"  # the lowest share of the staff involved first
    GOALS_OVERDUE = "overdue"  # the most overdue goals first


@dataclass(frozen=True, slots=True)
class Place:
    organization_id: int
    name: str
    value: float
    flagged: bool  # under the national aim (the share), or with no meeting at all


def ranking(current: Summary, indicator: Indicator) -> list[Place]:
    """The organisations worst first by the indicator; ties by name."""
    places: list[Place] = []
    for key, name in current.organizations.items():
        figures = current.by_organization[key]
        if indicator is Indicator.MEETINGS_PER_PAIR:
            value = current.per_pair_month(figures)
            flagged = figures.active_pairs > 0 and figures.meetings_held == 0
        elif indicator is Indicator.INVOLVED_SHARE:
            value = figures.share
            flagged = value < monitoring.NATIONAL_AIM_SHARE
        else:
            value = float(figures.goals_overdue)
            flagged = value > 0
        places.append(Place(key, name, value, flagged))
    descending = indicator is Indicator.GOALS_OVERDUE
    return sorted(places, key=lambda place: -place.value if descending else place.value)


# --- the register -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One organisation in the register."""

    organization_id: int
    name: str
    municipality: str | None
    curator_appointed: bool
    regulation: Regulation | None  # the adopted one in force (the latest)
    active_pairs: int
    last_activity: datetime | None  # the latest pair formed, meeting logged or request asked
    timezone: str


@dataclass(frozen=True, slots=True)
class Share:
    """N = A / B: of B organisations, A have adopted the regulation."""

    name: str
    adopted: int
    total: int

    @property
    def percent(self) -> float:
        return 100 * self.adopted / self.total if self.total else 0.0


@dataclass
class Register:
    territory: Territory
    entries: list[Entry]
    shares: list[Share]  # per municipality (a region's), then the whole territory's


async def register(session: AsyncSession, actor: Actor, territory_id: int) -> Register:
    territory = await require_territory(session, actor, territory_id)
    organizations = await members(session, territory)
    ids = [organization.id for organization in organizations]
    names = {place.id: place.name for place in await municipalities(session, territory)}
    names[territory.id] = territory.name
    curators = set(
        await session.scalars(
            select(Person.organization_id)
            .join(PersonRole, PersonRole.person_id == Person.id)
            .where(
                Person.organization_id.in_(ids),
                PersonRole.role == Role.CURATOR,
                Person.telegram_id.is_not(None),
                Person.left_on.is_(None),
            )
            .distinct()
        )
    )
    regulations: dict[int, Regulation] = {}
    for regulation in await session.scalars(
        select(Regulation)
        .where(Regulation.organization_id.in_(ids))
        .order_by(Regulation.adopted_on, Regulation.id)
    ):
        regulations[regulation.organization_id] = regulation
    active = dict(
        (
            await session.execute(
                select(Pair.organization_id, func.count())
                .where(Pair.organization_id.in_(ids), Pair.status == PairStatus.ACTIVE)
                .group_by(Pair.organization_id)
            )
        ).all()
    )
    latest: dict[int, datetime] = {}
    for statement in (
        select(Pair.organization_id, func.max(Pair.created_at))
        .where(Pair.organization_id.in_(ids))
        .group_by(Pair.organization_id),
        select(Pair.organization_id, func.max(Meeting.created_at))
        .join(Pair, Pair.id == Meeting.pair_id)
        .where(Pair.organization_id.in_(ids))
        .group_by(Pair.organization_id),
        select(HelpRequest.organization_id, func.max(HelpRequest.created_at))
        .where(HelpRequest.organization_id.in_(ids))
        .group_by(HelpRequest.organization_id),
    ):
        for key, when in (await session.execute(statement)).all():
            if when is not None and (key not in latest or when > latest[key]):
                latest[key] = when
    entries = [
        Entry(
            organization.id,
            organization.name,
            None if organization.municipality_id is None else names[organization.municipality_id],
            organization.id in curators,
            regulations.get(organization.id),
            active.get(organization.id, 0),
            latest.get(organization.id),
            organization.timezone,
        )
        for organization in organizations
    ]
    shares: list[Share] = []
    if territory.kind is TerritoryKind.REGION:
        by_place: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            by_place[entry.municipality or texts.DIRECT].append(entry)
        shares = [_share(name, part) for name, part in sorted(by_place.items())]
    shares.append(_share(territory.name, entries))
    return Register(territory, entries, shares)


def _share(name: str, entries: list[Entry]) -> Share:
    return Share(name, sum(entry.regulation is not None for entry in entries), len(entries))
