"""The notification outbox: every reminder is a row with a unique key (thing, kind, fire time,
person), so planning it twice queues it once. Senders claim due rows in a transaction (on
PostgreSQL with `FOR UPDATE SKIP LOCKED`, on SQLite under `BEGIN IMMEDIATE`), each claim
carrying a lease: the rows of a sender that crashed are claimed again once the lease is over,
so a message in flight at the moment of a crash is sent at most once more, and nothing else is
repeated or lost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from models import NOTIFICATIONS, Notification
from models.database import upsert_insert
from models.enums import NotificationStatus

LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 8
KEY_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Draft:
    """A notification to queue: `key` must name the thing, the kind, the fire time and the
    person, so that the same reminder always gets the same key."""

    key: str
    person_id: int
    kind: str
    due_at: datetime
    payload: dict[str, Any] = field(default_factory=dict)


async def enqueue(session: AsyncSession, drafts: Sequence[Draft]) -> None:
    """Queue the drafts; a key already queued (sent or not) is left as it is."""
    unique = {draft.key: draft for draft in drafts}
    # Planning runs every minute over the same days: most keys are queued already, and
    # reading them is cheaper than letting each insert conflict.
    for start in range(0, len(unique), KEY_CHUNK):
        chunk = list(unique)[start : start + KEY_CHUNK]
        for key in await session.scalars(
            select(Notification.key).where(Notification.key.in_(chunk))
        ):
            del unique[key]
    if not unique:
        return
    statement = upsert_insert(session, Notification).on_conflict_do_nothing(index_elements=["key"])
    rows = [
        {
            "key": draft.key,
            "person_id": draft.person_id,
            "kind": draft.kind,
            "due_at": draft.due_at,
            "payload": draft.payload,
            "status": NotificationStatus.PENDING,
            "attempts": 0,
        }
        for draft in unique.values()
    ]
    await session.execute(statement, rows)


async def add_to_digest(
    session: AsyncSession,
    person_id: int,
    kind: str,
    group: str,
    line: str,
    due_at: datetime,
    **payload: Any,
) -> None:
    """Add a line to the person's digest of `group` (changes of one programme, say) waiting to
    be sent, or start one due at `due_at`: many changes made at once come as one message."""
    prefix = f"{kind}:{group}:{person_id}:"
    waiting = await session.scalar(
        select(Notification)
        .where(
            Notification.key.startswith(prefix, autoescape=True),
            Notification.status == NotificationStatus.PENDING,
        )
        .with_for_update()
    )
    if waiting is not None:
        waiting.payload = {**waiting.payload, "lines": [*waiting.payload.get("lines", []), line]}
        await session.flush()
        return
    key = prefix + due_at.strftime("%Y%m%d%H%M%S%f")
    await enqueue(session, [Draft(key, person_id, kind, due_at, {**payload, "lines": [line]})])


def _claimable(now: datetime) -> Any:
    row = NOTIFICATIONS.c
    return or_(
        and_(row.status == NotificationStatus.PENDING, row.due_at <= now),
        and_(row.status == NotificationStatus.CLAIMED, row.claimed_at < now - LEASE),
    )


async def claim(
    session: AsyncSession,
    now: datetime,
    worker: str,
    limit: int,
    keys: Sequence[str] | None = None,
) -> list[Notification]:
    """Take up to `limit` due rows (and rows whose claim lease ran out) for this worker; only
    those of `keys` when given."""
    only = Notification.key.in_(keys) if keys is not None else true()
    ids = list(
        await session.scalars(
            select(Notification.id)
            .where(_claimable(now), only)
            .order_by(Notification.due_at, Notification.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
    if not ids:
        return []
    await session.execute(
        update(NOTIFICATIONS)
        .where(NOTIFICATIONS.c.id.in_(ids), _claimable(now))
        .values(
            status=NotificationStatus.CLAIMED,
            claimed_at=now,
            claimed_by=worker,
            attempts=NOTIFICATIONS.c.attempts + 1,
        )
    )
    claimed = await session.scalars(
        select(Notification)
        .where(Notification.id.in_(ids), Notification.claimed_by == worker)
        .order_by(Notification.due_at, Notification.id)
        .execution_options(populate_existing=True)
    )
    return list(claimed)


@dataclass(frozen=True, slots=True)
class Claim:
    """Who holds a row and since when: a row re-claimed after its lease (by another sender, or
    by this one) gets a new claim, and the old one can no longer send or mark it."""

    notification_id: int
    worker: str
    since: datetime


def _held(claim: Claim) -> Any:
    return _held_all(claim.worker, claim.since, [claim.notification_id])


def _held_all(worker: str, since: datetime, ids: Sequence[int]) -> Any:
    row = NOTIFICATIONS.c
    return and_(
        row.id.in_(ids),
        row.claimed_by == worker,
        row.claimed_at == since,
        row.status == NotificationStatus.CLAIMED,
    )


async def renew(session: AsyncSession, claim: Claim, now: datetime) -> Claim | None:
    """Extend the lease of a row about to be sent; None when the claim was lost (its lease ran
    out and the row was claimed again): then it must not be sent."""
    result = await session.execute(update(NOTIFICATIONS).where(_held(claim)).values(claimed_at=now))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return Claim(claim.notification_id, claim.worker, now)


Claims = Claim | Sequence[Claim]


async def _set(session: AsyncSession, claims: Claims, **values: Any) -> None:
    """Change the rows these claims still hold: one statement for the claims of one moment
    (a batch is claimed at once), however many rows."""
    held: dict[tuple[str, datetime], list[int]] = {}
    for claim in [claims] if isinstance(claims, Claim) else claims:
        held.setdefault((claim.worker, claim.since), []).append(claim.notification_id)
    for (worker, since), ids in held.items():
        await session.execute(
            update(NOTIFICATIONS).where(_held_all(worker, since, ids)).values(**values)
        )


async def mark_sent(session: AsyncSession, claim: Claim, now: datetime) -> None:
    await _set(session, claim, status=NotificationStatus.SENT, sent_at=now)


async def cancel(session: AsyncSession, claims: Claims, reason: str) -> None:
    """Nothing to send any more (the meeting was cancelled, the goal reached, the kind turned
    off, the person gone)."""
    await _set(session, claims, status=NotificationStatus.CANCELLED, last_error=reason)


async def defer(
    session: AsyncSession, claims: Claims, until: datetime, reason: str | None = None
) -> None:
    """Send later: after quiet hours, a flood wait or a transient failure."""
    await _set(
        session,
        claims,
        status=NotificationStatus.PENDING,
        due_at=until,
        claimed_by=None,
        claimed_at=None,
        last_error=reason,
    )


async def release(session: AsyncSession, claim: Claim) -> None:
    """Give a claimed row back untouched (the sender is stopping before its turn came): due as
    it was, and this claim not counted as an attempt."""
    await _set(
        session,
        claim,
        status=NotificationStatus.PENDING,
        claimed_by=None,
        claimed_at=None,
        attempts=NOTIFICATIONS.c.attempts - 1,
    )


async def fail(session: AsyncSession, claims: Claims, reason: str) -> None:
    await _set(session, claims, status=NotificationStatus.FAILED, last_error=reason)


async def cancel_for_person(session: AsyncSession, person_id: int, reason: str) -> None:
    """Stop every pending reminder of a person (they blocked the bot or left)."""
    await session.execute(
        update(Notification)
        .where(
            Notification.person_id == person_id,
            Notification.status == NotificationStatus.PENDING,
        )
        .values(status=NotificationStatus.CANCELLED, last_error=reason)
        .execution_options(synchronize_session=False)
    )


async def backlog(session: AsyncSession, now: datetime) -> tuple[int, datetime | None]:
    """How many messages are due and not sent yet, and since when the oldest of them is due."""
    count, oldest = (
        await session.execute(
            select(func.count(Notification.id), func.min(Notification.due_at)).where(
                Notification.status.in_([NotificationStatus.PENDING, NotificationStatus.CLAIMED]),
                Notification.due_at <= now,
            )
        )
    ).one()
    if oldest is not None and oldest.tzinfo is None:  # an aggregate is not typed by the column
        oldest = oldest.replace(tzinfo=UTC)
    return int(count), oldest
