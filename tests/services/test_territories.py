"""The territory's rules: who sees which territory, organisations in several time zones each
counted over their own local dates (and the total equal to the parts added up), the ranking, and
the register's N = A / B."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, update

from bot.services import monitoring, territories
from bot.services.access import Actor
from bot.services.errors import AccessDenied, ValidationFailed
from bot.services.territories import Indicator
from models import (
    Coordinator,
    Meeting,
    Organization,
    Pair,
    Regulation,
    Territory,
    utcnow,
)
from models.enums import MeetingFormat, MeetingStatus, TerritoryKind
from tests.services.test_monitoring import MOSCOW, OCTOBER, TODAY, build

VLADIVOSTOK = "Asia/Vladivostok"
ADMIN = Actor(telegram_id=1, person=None, is_admin=True)


def stranger(telegram_id: int) -> Actor:
    return Actor(telegram_id=telegram_id, person=None, is_admin=False)


async def _contour(factory) -> dict[str, int]:
    """Two regions; the first with two municipalities: the known schools of the monitoring's
    tests in the first municipality, the other school (in Vladivostok's time) in the second."""
    ids = await build(factory)
    async with factory.begin() as session:
        north = await territories.create_region(session, ADMIN, "Тверская область")
        south = await territories.create_region(session, ADMIN, "Псковская область")
        first = await territories.create_municipality(session, ADMIN, north.id, "Город Тверь")
        second = await territories.create_municipality(session, ADMIN, north.id, "Конаково")
        for organization, place in (("first", first), ("empty", first), ("other", second)):
            await territories.attach(session, ADMIN, ids[organization], place.id)
        await session.execute(
            update(Organization).where(Organization.id == ids["other"]).values(timezone=VLADIVOSTOK)
        )
        ids |= {"north": north.id, "south": south.id, "first_place": first.id}
        ids["second_place"] = second.id
    return ids


async def _coordinator(factory, territory_id: int, telegram_id: int) -> Actor:
    async with factory.begin() as session:
        link = await territories.invite_coordinator(session, ADMIN, territory_id)
        await territories.join(session, telegram_id, "Координатор", link.code, utcnow())
    return stranger(telegram_id)


async def test_each_organisation_counts_its_own_local_dates(session_factory):
    ids = await _contour(session_factory)
    async with session_factory.begin() as session:
        pair = await session.scalar(select(Pair).where(Pair.organization_id == ids["other"]))
        assert pair is not None
        # 31.10 23:00 in Moscow, but 01.11 06:00 in Vladivostok: not October's there
        session.add(
            Meeting(
                pair_id=pair.id,
                mentor_id=pair.mentor_id,
                starts_at=datetime(2026, 10, 31, 20, 0, tzinfo=UTC),
                format=MeetingFormat.OFFLINE,
                topic="Поздняя",
                status=MeetingStatus.HELD,
            )
        )
    async with session_factory() as session:
        current = await territories.picture(session, ADMIN, ids["north"], OCTOBER, TODAY)
        moscow = await monitoring.summary(
            session, [ids["first"], ids["empty"]], OCTOBER, MOSCOW, TODAY
        )
        far = await monitoring.summary(session, [ids["other"]], OCTOBER, VLADIVOSTOK, TODAY)
        same_zone = await monitoring.summary(session, [ids["other"]], OCTOBER, MOSCOW, TODAY)
    summary = current.summary
    assert summary.by_organization[ids["other"]].meetings_held == 1
    assert same_zone.total.meetings_held == 2  # what one zone for the region would have said
    assert set(summary.organizations) == {ids["first"], ids["empty"], ids["other"]}
    # the territory's total is the organisations' summaries added up
    for name in ("teachers", "involved", "meetings_held", "requests", "goals_overdue"):
        assert getattr(summary.total, name) == (
            getattr(moscow.total, name) + getattr(far.total, name)
        ), name
    assert summary.total.rating_count == moscow.total.rating_count + far.total.rating_count
    assert summary.total.first_answer_median_minutes == moscow.total.first_answer_median_minutes
    assert summary.total.self_check == moscow.total.self_check
    # grouped by municipality, each group's total its schools'
    groups = {group.name: group for group in current.groups}
    assert set(groups) == {"Город Тверь", "Конаково"}
    assert groups["Город Тверь"].total.meetings_held == moscow.total.meetings_held
    assert groups["Конаково"].total.teachers == far.total.teachers


async def test_coordinators_see_only_their_territory(session_factory):
    ids = await _contour(session_factory)
    regional = await _coordinator(session_factory, ids["north"], 501)
    municipal = await _coordinator(session_factory, ids["second_place"], 502)
    other_region = await _coordinator(session_factory, ids["south"], 503)
    async with session_factory() as session:
        for territory in ("north", "first_place", "second_place"):
            await territories.require_territory(session, regional, ids[territory])
        await territories.require_territory(session, municipal, ids["second_place"])
        await territories.require_organization(session, municipal, ids["other"])
        for actor, territory in (
            (municipal, "north"),
            (municipal, "first_place"),
            (other_region, "north"),
            (other_region, "second_place"),
            (regional, "south"),
        ):
            with pytest.raises(AccessDenied):
                await territories.require_territory(session, actor, ids[territory])
        with pytest.raises(AccessDenied):
            await territories.require_organization(session, municipal, ids["first"])
        with pytest.raises(AccessDenied):
            await territories.require_organization(session, other_region, ids["other"])
        with pytest.raises(AccessDenied):
            await territories.home(session, stranger(999))
        # a municipal coordinator neither invites nor makes municipalities
        with pytest.raises(AccessDenied):
            await territories.invite_coordinator(session, municipal, ids["second_place"])
        with pytest.raises(AccessDenied):
            await territories.attach(session, regional, ids["first"], ids["north"])


async def test_a_link_makes_one_coordinator_once(session_factory):
    ids = await _contour(session_factory)
    async with session_factory.begin() as session:
        link = await territories.invite_coordinator(session, ADMIN, ids["north"])
        code = link.code
    assert len(code) == 21 and code.startswith(territories.CODE_PREFIX)
    async with session_factory.begin() as session:
        await territories.join(session, 601, "Иванова Мария", code, utcnow())
        await territories.join(session, 601, "Иванова Мария", code, utcnow())  # again: the same
    async with session_factory.begin() as session:
        with pytest.raises(ValidationFailed):
            await territories.join(session, 602, "Другой", code, utcnow())
        second = await territories.invite_coordinator(session, ADMIN, ids["south"])
        with pytest.raises(ValidationFailed):  # one territory a person
            await territories.join(session, 601, "Иванова Мария", second.code, utcnow())
    async with session_factory() as session:
        joined = await session.scalar(select(Coordinator).where(Coordinator.code == code))
    assert joined is not None and joined.full_name == "Иванова Мария"


async def test_names_are_unique_among_siblings(session_factory):
    async with session_factory.begin() as session:
        region = await territories.create_region(session, ADMIN, "Тверская область")
        with pytest.raises(ValidationFailed):
            await territories.create_region(session, ADMIN, "ТВЕРСКАЯ область")
        await territories.create_municipality(session, ADMIN, region.id, "Ржев")
        with pytest.raises(ValidationFailed):
            await territories.create_municipality(session, ADMIN, region.id, "ржев")
        place = await session.scalar(select(Territory).where(Territory.name == "Ржев"))
        assert place is not None and place.kind is TerritoryKind.MUNICIPALITY
        with pytest.raises(ValidationFailed):  # no municipality inside a municipality
            await territories.create_municipality(session, ADMIN, place.id, "Деревня")


async def test_ranking_and_register(session_factory):
    ids = await _contour(session_factory)
    async with session_factory.begin() as session:
        session.add(
            Regulation(
                organization_id=ids["first"],
                adopted_on=date(2026, 9, 1),
                file_id="file",
                file_name="Положение.docx",
                uploaded_at=utcnow(),
            )
        )
    async with session_factory() as session:
        current = await territories.picture(session, ADMIN, ids["north"], OCTOBER, TODAY)
        listed = await territories.register(session, ADMIN, ids["north"])
    by_share = territories.ranking(current.summary, Indicator.INVOLVED_SHARE)
    assert by_share[0].organization_id == ids["empty"] and by_share[0].flagged
    by_meetings = territories.ranking(current.summary, Indicator.MEETINGS_PER_PAIR)
    assert by_meetings[0].organization_id == ids["empty"]
    entries = {entry.organization_id: entry for entry in listed.entries}
    assert entries[ids["first"]].curator_appointed is False  # the curator has no Telegram yet
    assert entries[ids["first"]].regulation is not None
    assert entries[ids["first"]].active_pairs == 2
    assert entries[ids["empty"]].last_activity is None
    shares = {share.name: (share.adopted, share.total) for share in listed.shares}
    assert shares == {"Город Тверь": (1, 2), "Конаково": (0, 1), "Тверская область": (1, 3)}
