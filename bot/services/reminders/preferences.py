"""A person's say in reminders: the categories they turned off and their quiet hours (else the
organisation's), and the /reminders settings that change them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.errors import ValidationFailed
from bot.services.reminders.kinds import ALWAYS_ON, CATEGORY, IGNORES_QUIET_HOURS, Category, Kind
from bot.texts.reminders import REMINDERS_BAD_CHOICE
from models import NotificationPreference, Person


@dataclass(frozen=True, slots=True)
class QuietHours:
    start: int
    end: int
    timezone: str

    @classmethod
    def of(cls, person: Person, kind: str | None = None) -> QuietHours:
        """The person's own quiet hours, else their organisation's; none for what is sent at
        once whatever the hour (a colleague's notice)."""
        organization = person.organization
        if kind in IGNORES_QUIET_HOURS:
            return cls(0, 0, organization.timezone)
        if person.quiet_hours_start is None or person.quiet_hours_end is None:
            return cls(
                organization.quiet_hours_start,
                organization.quiet_hours_end,
                organization.timezone,
            )
        return cls(person.quiet_hours_start, person.quiet_hours_end, organization.timezone)

    def until(self, now: datetime) -> datetime | None:
        """The end of the quiet hours if `now` is inside them; None when a message may go."""
        start, end = self.start, self.end
        if start == end:
            return None
        zone = ZoneInfo(self.timezone)
        local = now.astimezone(zone)
        hour = local.hour
        quiet = (hour >= start or hour < end) if start > end else start <= hour < end
        if not quiet:
            return None
        day = local.date() if hour < end else local.date() + timedelta(days=1)
        return datetime.combine(day, time(end), tzinfo=zone).astimezone(UTC)


async def disabled_categories(
    session: AsyncSession, person_ids: Collection[int]
) -> dict[int, set[Category]]:
    """The categories each of these people turned off (none for those not listed)."""
    rows = await session.execute(
        select(NotificationPreference.person_id, NotificationPreference.kind).where(
            NotificationPreference.person_id.in_(person_ids),
            NotificationPreference.enabled.is_(False),
        )
    )
    disabled: dict[int, set[Category]] = {}
    for person_id, kind in rows:
        if kind in Category.__members__.values():
            disabled.setdefault(person_id, set()).add(Category(kind))
    return disabled


TURNED_OFF = "turned off"  # why the sender drops a reminder of a category switched off


def is_wanted(kind: str, disabled: set[Category]) -> bool:
    try:
        known = Kind(kind)
    except ValueError:
        return True
    return known in ALWAYS_ON or CATEGORY[known] not in disabled


async def set_category(
    session: AsyncSession, person_id: int, category: Category, enabled: bool
) -> None:
    preference = await session.scalar(
        select(NotificationPreference).where(
            NotificationPreference.person_id == person_id,
            NotificationPreference.kind == category.value,
        )
    )
    if preference is None:
        session.add(
            NotificationPreference(person_id=person_id, kind=category.value, enabled=enabled)
        )
    else:
        preference.enabled = enabled
    await session.flush()


QUIET_CHOICES = ((22, 7), (21, 8), (20, 9), (0, 0))


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    enabled: dict[Category, bool]
    own_quiet_hours: tuple[int, int] | None
    organization_quiet_hours: tuple[int, int]


async def settings_of(session: AsyncSession, person: Person) -> ReminderSettings:
    disabled = (await disabled_categories(session, [person.id])).get(person.id, set())
    own = (
        (person.quiet_hours_start, person.quiet_hours_end)
        if person.quiet_hours_start is not None and person.quiet_hours_end is not None
        else None
    )
    organization = person.organization
    return ReminderSettings(
        enabled={category: category not in disabled for category in Category},
        own_quiet_hours=own,
        organization_quiet_hours=(organization.quiet_hours_start, organization.quiet_hours_end),
    )


async def toggle(session: AsyncSession, person: Person, category: Category) -> None:
    disabled = (await disabled_categories(session, [person.id])).get(person.id, set())
    await set_category(session, person.id, category, enabled=category in disabled)


async def set_quiet_hours(session: AsyncSession, person: Person, start: int, end: int) -> None:
    """One of the offered quiet hours, or -1 for the organisation's."""
    if start == -1:
        person.quiet_hours_start = person.quiet_hours_end = None
    elif (start, end) in QUIET_CHOICES:
        person.quiet_hours_start, person.quiet_hours_end = start, end
    else:
        raise ValidationFailed(REMINDERS_BAD_CHOICE)
    await session.flush()
