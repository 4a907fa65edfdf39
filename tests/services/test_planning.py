"""The planning of reminders in parts: a pulse day is planned only when its pulse may fire in
the window in some time zone, and none that may is left out (the furthest zones included)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

import pytest
from sqlalchemy import event

from bot.services.reminders import planning
from scheduler import jobs

ZONES = ["Etc/GMT-14", "Pacific/Kiritimati", "Europe/Moscow", "UTC", "Etc/GMT+12"]


@pytest.mark.parametrize("hour", range(24))
def test_every_pulse_day_that_may_fire_in_the_window_is_planned(hour: int) -> None:
    now = datetime(2026, 12, 4, hour, 30, tzinfo=UTC)
    window = planning.Window(now, now - planning.BEHIND, now + planning.AHEAD)
    planned = {
        part.keywords["day"]
        for part in planning.parts(now)
        if isinstance(part, partial) and part.func is planning._pulses
    }
    needed = {
        day
        for day in planning.days_around(window)
        for zone in ZONES
        if planning.at_local(day, planning.PULSE_TIME, zone) in window
    }
    assert planned == needed  # and the days no zone can reach are left out


async def test_the_minute_planning_holds_the_database_a_part_at_a_time(engine, session_factory):
    """Each part is a transaction of its own: an update waiting for the database (on SQLite,
    its one connection) is served between two parts, not after the whole region's planning."""
    transactions: list[object] = []

    def begun(connection: object) -> None:
        transactions.append(connection)

    event.listen(engine.sync_engine, "begin", begun)
    now = datetime(2026, 12, 4, 12, 30, tzinfo=UTC)

    await jobs.plan_reminders(session_factory, now)

    event.remove(engine.sync_engine, "begin", begun)
    assert len(transactions) == len(planning.parts(now)) > 15
