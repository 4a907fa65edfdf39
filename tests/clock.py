"""A controllable clock for the tests whose outcome depends on the time: they choose the day
and the hour themselves (a Wednesday at noon, a Saturday night) instead of reading the wall
clock, so the suite passes at any hour, on any day, in any time zone of the machine."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.services.pairs import local_today
from bot.services.reminders.planning import at_local

MOSCOW = "Europe/Moscow"
WEDNESDAY = 2


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def wednesday() -> date:
    """A Wednesday at least a week ahead: no Monday digest or yearly reminder is near it."""
    today = local_today(MOSCOW)
    return today + timedelta(days=(WEDNESDAY - today.weekday()) % 7 + 7)


def last_wednesday() -> date:
    """A Wednesday one to two weeks back: what happens then is in the past for the bot too."""
    return wednesday() - timedelta(days=21)


def local(day: date, hour: int, minute: int = 0, timezone: str = MOSCOW) -> datetime:
    return at_local(day, time(hour, minute), timezone)
