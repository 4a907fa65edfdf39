"""Benchmark of the monitoring: a generated region (`sandbox.demo`) of 100 organisations in 10
municipalities, 50 000 teachers and a school year of activity (about 2 million rows); the time of
/summary for one organisation and for the region, of the coordinator's territory summary (grouped
by municipality, each organisation over its own local dates), and of the workbook for one
organisation, each against the bare SQL aggregate (or select) it is built on, measured in the
same run. The territory's figures are checked against the organisations' own summaries added
up.

    python -m bench.monitoring [--organizations 100] [--teachers 500] [--database-url URL] [--json]

Without --database-url a temporary SQLite file is used; give a PostgreSQL URL (an empty
database: its tables are dropped and created) to measure PostgreSQL."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench import empty_schema, render
from bot.services import monitoring, territories, workbook
from bot.services.access import Actor
from models import Meeting, Pair
from models.database import create_engine, create_session_factory
from models.enums import MeetingStatus
from sandbox import demo

YEAR = monitoring.Period(date(2025, 9, 1), date(2026, 8, 31), monitoring.PeriodKind.YEAR)
# The day after the school year measured: the generated twelve months of history before it are
# that year exactly.
TODAY = date(2026, 9, 1)
MONTHS = 12
TIMEZONE = "Europe/Moscow"
ADMIN = Actor(telegram_id=1, person=None, is_admin=True)
REGION_ID = 1  # the demo's region: the first territory it makes
# what the territory's total must equal: the sum of each organisation's own summary
ADDED_UP = (
    "teachers",
    "involved",
    "mentors",
    "mentees",
    "meetings_held",
    "requests",
    "goals_reached",
    "goals_overdue",
    "activities_done",
    "rating_sum",
    "rating_count",
)


async def _timed(action: Callable[[], Awaitable[Any]], runs: int = 3) -> float:
    await action()  # warm the caches once
    started = time.perf_counter()
    for _ in range(runs):
        await action()
    return (time.perf_counter() - started) / runs


async def run(url: str | None, organizations: int, teachers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as directory:
        url = url or f"sqlite+aiosqlite:///{Path(directory) / 'region.db'}"
        engine = create_engine(url)
        await empty_schema(engine)
        generated = time.perf_counter()
        dataset = demo.generate(
            TODAY, organizations=organizations, teachers=teachers, months=MONTHS, timezone=TIMEZONE
        )
        total_rows = await demo.load(engine, dataset)
        generated = time.perf_counter() - generated
        factory: async_sessionmaker[AsyncSession] = create_session_factory(engine)
        start, end = YEAR.bounds(TIMEZONE)

        async def in_session(work: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
            async with factory() as session:
                return await work(session)

        def bare_aggregate(scope: list[int] | None) -> Callable[[], Awaitable[Any]]:
            """The heaviest single aggregate /summary runs: held meetings per organisation."""
            statement = (
                select(Pair.organization_id, func.count(Meeting.id))
                .join(Pair, Pair.id == Meeting.pair_id)
                .where(
                    Meeting.status == MeetingStatus.HELD,
                    Meeting.starts_at >= start,
                    Meeting.starts_at < end,
                )
                .group_by(Pair.organization_id)
            )
            if scope is not None:
                statement = statement.where(Pair.organization_id.in_(scope))
            return lambda: in_session(lambda s: s.execute(statement))

        def summary(scope: list[int] | None) -> Callable[[], Awaitable[Any]]:
            """As the bot runs it: the region's sections side by side, an organisation's in the
            session."""
            return lambda: in_session(
                lambda s: monitoring.summary(
                    s, scope, YEAR, TIMEZONE, TODAY, in_parallel=scope is None
                )
            )

        def territory() -> Awaitable[Any]:
            return in_session(
                lambda s: territories.picture(s, ADMIN, REGION_ID, YEAR, TODAY, in_parallel=True)
            )

        async def added_up() -> bool:
            """The territory's total equals its organisations' own summaries added up."""
            current = await territory()
            for organization in current.summary.organizations:
                own = await summary([organization])()
                for name in ADDED_UP:
                    if getattr(own.total, name) != getattr(
                        current.summary.by_organization[organization], name
                    ):
                        return False
            parts = list(current.summary.by_organization.values())
            groups = sum(len(group.organization_ids) for group in current.groups)
            return groups == len(parts) and all(
                getattr(current.summary.total, name) == sum(getattr(p, name) for p in parts)
                for name in ADDED_UP
            )

        bare_rows = (
            select(Meeting.starts_at, Meeting.topic, Meeting.status, Meeting.summary)
            .join(Pair, Pair.id == Meeting.pair_id)
            .where(Pair.organization_id == 1, Meeting.starts_at >= start, Meeting.starts_at < end)
        )
        results: dict[str, Any] = {
            "backend": engine.dialect.name,
            "organizations": organizations,
            "teachers": organizations * teachers,
            "rows": total_rows,
            "generate_and_load_s": round(generated, 1),
            "summary_org_s": await _timed(summary([1])),
            "bare_org_s": await _timed(bare_aggregate([1])),
            "summary_region_s": await _timed(summary(None)),
            "summary_region_in_one_session_s": await _timed(
                lambda: in_session(lambda s: monitoring.summary(s, None, YEAR, TIMEZONE, TODAY))
            ),
            "bare_region_s": await _timed(bare_aggregate(None)),
            "summary_territory_s": await _timed(territory),
            "territory_equals_organizations_added_up": await added_up(),
            "workbook_org_s": await _timed(
                lambda: in_session(lambda s: workbook.build(s, [1], YEAR, TIMEZONE)), runs=1
            ),
            "bare_workbook_org_s": await _timed(
                lambda: in_session(lambda s: s.execute(bare_rows)), runs=1
            ),
        }
        await engine.dispose()
    results["summary_org_vs_bare_ratio"] = results["summary_org_s"] / results["bare_org_s"]
    results["summary_region_vs_bare_ratio"] = results["summary_region_s"] / results["bare_region_s"]
    results["workbook_org_vs_bare_ratio"] = (
        results["workbook_org_s"] / results["bare_workbook_org_s"]
    )
    results["territory_vs_region_summary_ratio"] = (
        results["summary_territory_s"] / results["summary_region_s"]
    )
    results["summary_territory_target_ratio"] = results["summary_territory_s"] / 1.0
    results["summary_org_target_ratio"] = results["summary_org_s"] / 0.2
    results["summary_region_target_ratio"] = results["summary_region_s"] / 0.5
    results["summary_region_parallel_vs_one_session_ratio"] = (
        results["summary_region_s"] / results["summary_region_in_one_session_s"]
    )
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organizations", type=int, default=100)
    parser.add_argument("--teachers", type=int, default=500, help="per organisation")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    results = asyncio.run(run(arguments.database_url, arguments.organizations, arguments.teachers))
    print(render(results, arguments.json))


if __name__ == "__main__":
    main()
