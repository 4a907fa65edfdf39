"""Orders on mentorship pairs (приказы): the order fixing the pairs not fixed yet, and the order
of changes (a new mentor, an early end) to pairs already fixed. The curator gives the number
(or takes the next one proposed) and the date; each pair records the order that fixed it, and
each change is recorded once, so the next order lists only what no order has covered."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import NotFound, ValidationFailed
from bot.texts import documents as texts
from models import Order, OrderItem, Pair, PairMentor, Person
from models.enums import (
    MentorshipForm,
    MentorshipKind,
    OrderAction,
    OrderKind,
    PairStatus,
    RoleModel,
)

NUMBER_MAX = 32
_NUMBER = re.compile(r"^[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё/\-. ]*$")
ORDERS_SHOWN = 10


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A pair as an order names it: fixed (with its period), or changed on a day."""

    pair_id: int
    kind: MentorshipKind
    form: MentorshipForm
    role_model: RoleModel
    mentor: str
    mentees: list[str]
    starts_on: date
    ends_on: date | None
    action: OrderAction
    since: date | None = None  # for a change: the day it took effect


def _line(view: pairs.PairView, action: OrderAction, since: date | None = None) -> OrderLine:
    pair = view.pair
    return OrderLine(
        pair_id=pair.id,
        kind=pair.kind,
        form=pair.form,
        role_model=pair.role_model,
        mentor=view.mentor.full_name,
        mentees=[mentee.full_name for mentee in view.mentees],
        starts_on=pair.starts_on,
        ends_on=pair.ends_on,
        action=action,
        since=since,
    )


class NumberTaken(ValidationFailed):
    """The order's number is used already in the year of its date."""


@dataclass(frozen=True, slots=True)
class OrderDocument:
    organization: str
    curator: str | None
    kind: OrderKind
    number: str
    dated_on: date
    lines: list[OrderLine]


def _last_named_mentor(items: list[OrderItem]) -> dict[int, int | None]:
    """The mentor the latest order named for each pair."""
    named: dict[int, int | None] = {}
    for item in items:  # oldest first: the latest wins
        if item.action is not OrderAction.ENDED:
            named[item.pair_id] = item.mentor_id
    return named


async def pending(
    session: AsyncSession, actor: Actor, kind: OrderKind, *, lock: bool = False
) -> list[tuple[Pair, OrderLine]]:
    """What an order of this kind would list now: working pairs no order fixed; or, of the
    pairs fixed, those whose mentor changed since an order named them and those stopped
    early that no order ended. With `lock` (recording the order), the pairs are locked on
    PostgreSQL, so two curators recording at once cannot list the same pair twice."""
    curator = actor.require_curator()
    if kind is OrderKind.FIXING:
        statement = (
            select(Pair)
            .where(
                Pair.organization_id == curator.organization_id,
                Pair.status.in_(pairs.LIVE_STATUSES),
                Pair.fixed_by_order_id.is_(None),
            )
            .order_by(Pair.starts_on, Pair.id)
        )
        found = list(await session.scalars(statement.with_for_update() if lock else statement))
        return [(pair, _line(await pairs.view(session, pair), OrderAction.FIXED)) for pair in found]
    statement = (
        select(Pair)
        .where(
            Pair.organization_id == curator.organization_id,
            Pair.fixed_by_order_id.is_not(None),
        )
        .order_by(Pair.starts_on, Pair.id)
    )
    fixed = list(await session.scalars(statement.with_for_update() if lock else statement))
    items = list(
        await session.scalars(
            select(OrderItem)
            .join(Order, Order.id == OrderItem.order_id)
            .where(OrderItem.pair_id.in_([pair.id for pair in fixed]))
            .order_by(Order.id, OrderItem.id)  # as recorded: a back-dated order is still later
        )
    )
    named = _last_named_mentor(items)
    ended = {item.pair_id for item in items if item.action is OrderAction.ENDED}
    timezone = curator.organization.timezone
    lines: list[tuple[Pair, OrderLine]] = []
    for pair in fixed:
        if pair.status in pairs.LIVE_STATUSES and named.get(pair.id) != pair.mentor_id:
            since = await session.scalar(
                select(func.max(PairMentor.since)).where(PairMentor.pair_id == pair.id)
            )
            day = pairs.local_today(timezone, since) if since is not None else None
            view = await pairs.view(session, pair)
            lines.append((pair, _line(view, OrderAction.MENTOR_CHANGED, day)))
        elif pair.status is PairStatus.STOPPED and pair.id not in ended:
            finished = pair.finished_at
            day = pairs.local_today(timezone, finished) if finished is not None else None
            view = await pairs.view(session, pair)
            lines.append((pair, _line(view, OrderAction.ENDED, day)))
    return lines


async def next_number(session: AsyncSession, actor: Actor, on: date) -> str:
    """The number proposed for a new order: one more than the orders of this calendar year."""
    curator = actor.require_curator()
    count = await session.scalar(
        select(func.count(Order.id)).where(
            Order.organization_id == curator.organization_id,
            extract("year", Order.dated_on) == on.year,
        )
    )
    number = (count or 0) + 1
    while await _taken(session, curator.organization_id, str(number), on.year):
        number += 1
    return str(number)


async def _taken(session: AsyncSession, organization_id: int, number: str, year: int) -> bool:
    found = await session.scalar(
        select(Order.id).where(
            Order.organization_id == organization_id,
            func.lower(Order.number) == number.lower(),
            extract("year", Order.dated_on) == year,
        )
    )
    return found is not None


def order_number(text: str | None) -> str:
    number = " ".join((text or "").split()).removeprefix("№").strip()
    if len(number) > NUMBER_MAX or not _NUMBER.match(number):
        raise ValidationFailed(texts.ORDER_BAD_NUMBER)
    return number


async def free_number(session: AsyncSession, actor: Actor, text: str | None) -> str:
    """The typed number, valid and not taken this year (checked again for the order's date)."""
    curator = actor.require_curator()
    number = order_number(text)
    year = pairs.local_today(curator.organization.timezone).year
    if await _taken(session, curator.organization_id, number, year):
        raise ValidationFailed(texts.ORDER_NUMBER_TAKEN.format(number=number, year=year))
    return number


def order_date(actor: Actor, text: str | None) -> date:
    """The order's date: typed, today or earlier (an order is signed, then entered)."""
    today = pairs.local_today(actor.require_curator().organization.timezone)
    return validation.past_date(text, today)


async def check_can_create(session: AsyncSession, actor: Actor, kind: OrderKind) -> int:
    """How many pairs the order would list; refused when it would list none."""
    lines = await pending(session, actor, kind)
    if not lines:
        raise ValidationFailed(texts.ORDER_NOTHING[kind])
    return len(lines)


async def create(
    session: AsyncSession, actor: Actor, kind: OrderKind, number_text: str, dated_on: date
) -> Order:
    """Record the order with what it lists now; the pairs it fixes record it."""
    curator = actor.require_curator()
    number = order_number(number_text)
    if await _taken(session, curator.organization_id, number, dated_on.year):
        raise NumberTaken(texts.ORDER_NUMBER_TAKEN.format(number=number, year=dated_on.year))
    lines = await pending(session, actor, kind, lock=True)
    if not lines:
        raise ValidationFailed(texts.ORDER_NOTHING[kind])
    order = Order(
        organization_id=curator.organization_id,
        kind=kind,
        number=number,
        dated_on=dated_on,
        created_by_id=curator.id,
    )
    session.add(order)
    await session.flush()
    for pair, line in lines:
        session.add(
            OrderItem(
                order_id=order.id,
                pair_id=pair.id,
                action=line.action,
                mentor_id=pair.mentor_id,
                mentee_names="\n".join(line.mentees),
                starts_on=line.starts_on,
                ends_on=line.ends_on,
            )
        )
        if line.action is OrderAction.FIXED:
            pair.fixed_by_order_id = order.id
    await session.flush()
    return order


async def recent(session: AsyncSession, actor: Actor) -> list[Order]:
    curator = actor.require_curator()
    return list(
        await session.scalars(
            select(Order)
            .where(Order.organization_id == curator.organization_id)
            .order_by(Order.dated_on.desc(), Order.id.desc())
            .limit(ORDERS_SHOWN)
        )
    )


async def get(session: AsyncSession, actor: Actor, order_id: int) -> Order:
    """An order of the curator's organisation."""
    curator = actor.require_curator()
    order = await session.get(Order, order_id)
    if order is None or order.organization_id != curator.organization_id:
        raise NotFound(texts.ORDER_NOT_FOUND)
    return order


async def document(session: AsyncSession, actor: Actor, order_id: int) -> OrderDocument:
    """An order as recorded (what it said of each pair then), for its document; only the
    organisation's curator gets it."""
    curator = actor.require_curator()
    order = await get(session, actor, order_id)
    rows = await session.execute(
        select(OrderItem, Pair, Person.full_name)
        .join(Pair, Pair.id == OrderItem.pair_id)
        .outerjoin(Person, Person.id == OrderItem.mentor_id)
        .where(OrderItem.order_id == order.id)
        .order_by(OrderItem.id)
    )
    timezone = curator.organization.timezone
    lines = []
    for item, pair, mentor in rows.all():
        since = None
        if item.action is OrderAction.ENDED and pair.finished_at is not None:
            since = pairs.local_today(timezone, pair.finished_at)
        elif item.action is OrderAction.MENTOR_CHANGED:
            changed = await session.scalar(
                select(func.max(PairMentor.since)).where(
                    PairMentor.pair_id == pair.id, PairMentor.mentor_id == item.mentor_id
                )
            )
            since = pairs.local_today(timezone, changed) if changed is not None else None
        lines.append(
            OrderLine(
                pair_id=pair.id,
                kind=pair.kind,
                form=pair.form,
                role_model=pair.role_model,
                mentor=mentor or "",
                mentees=[name for name in item.mentee_names.split("\n") if name],
                starts_on=item.starts_on,
                ends_on=item.ends_on,
                action=item.action,
                since=since,
            )
        )
    return OrderDocument(
        organization=curator.organization.name,
        curator=curator.full_name,
        kind=order.kind,
        number=order.number,
        dated_on=order.dated_on,
        lines=lines,
    )
