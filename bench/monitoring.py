"""Benchmark of the monitoring: a generated region of 100 organisations, 50 000 teachers and a
school year of activity (about 1.2 million rows); the time of /summary for one organisation and
for the region, and of the workbook for one organisation, each against the bare SQL aggregate
(or select) it is built on, measured in the same run.

    python -m bench.monitoring [--organizations 100] [--teachers 500] [--database-url URL] [--json]

Without --database-url a temporary SQLite file is used; give a PostgreSQL URL (an empty
database: its tables are dropped and created) to measure PostgreSQL."""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.services import monitoring, workbook
from models import (
    Base,
    Difficulty,
    Goal,
    HelpRequest,
    Meeting,
    MeetingParticipant,
    Organization,
    Pair,
    PairMember,
    Person,
    PersonRole,
    Programme,
    ProgrammeActivity,
    SelfAssessment,
)
from models.database import create_engine, create_session_factory, upgrade_database
from models.enums import (
    ActivityStatus,
    AssessmentStage,
    DifficultyCategory,
    DifficultyStatus,
    GoalStatus,
    HelpStatus,
    MeetingFormat,
    MeetingStatus,
    MentorshipForm,
    PairStatus,
    Role,
    RoleModel,
    Urgency,
)

YEAR = monitoring.Period(date(2025, 9, 1), date(2026, 8, 31), "year")
TODAY = date(2026, 9, 15)
TIMEZONE = "Europe/Moscow"
CHUNK = 20_000
CATEGORIES = list(DifficultyCategory)


def _moment(rng: random.Random) -> datetime:
    day = YEAR.start + timedelta(days=rng.randrange(365))
    return datetime(day.year, day.month, day.day, rng.randrange(6, 15), tzinfo=UTC)


def generate(organizations: int, teachers: int, seed: int = 7) -> dict[Any, list[dict[str, Any]]]:
    """Rows of every table, with ids given here so that no row has to be read back."""
    rng = random.Random(seed)
    rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in (
        Organization, Person, PersonRole, Pair, PairMember, Meeting, MeetingParticipant, Goal,
        Programme, ProgrammeActivity, HelpRequest, Difficulty, SelfAssessment,
    )}  # fmt: skip
    ids = dict.fromkeys(rows, 0)

    def add(table: Any, **values: Any) -> int:
        ids[table] += 1
        rows[table].append({"id": ids[table], **values})
        return ids[table]

    created = datetime(2025, 8, 20, tzinfo=UTC)
    for number in range(organizations):
        organization = add(Organization, name=f"Школа №{number + 1}", timezone=TIMEZONE,
                           region="Тверская область", help_escalation_hours=4,
                           no_meeting_nudge_days=14, quiet_hours_start=21, quiet_hours_end=8,
                           created_at=created)  # fmt: skip
        people = []
        for index in range(teachers):
            role = (
                Role.CURATOR
                if index == 0
                else Role.MENTOR
                if index <= teachers * 0.3
                else Role.MENTEE
            )
            name = f"Педагог {number}-{index}"
            person = add(Person, organization_id=organization, full_name=name,
                         search_name=name.casefold(), is_active=True, share_contact=False,
                         created_at=created)  # fmt: skip
            add(PersonRole, person_id=person, role=role, created_at=created)
            people.append((person, role))
        mentors = [p for p, r in people if r is Role.MENTOR]
        mentees = [p for p, r in people if r is Role.MENTEE]
        for position, mentor in enumerate(mentors):
            group = mentees[position * 2 : position * 2 + rng.choice((1, 2))]
            if not group:
                break
            form = MentorshipForm.GROUP if len(group) > 1 else MentorshipForm.TRADITIONAL
            pair = add(Pair, organization_id=organization, mentor_id=mentor, form=form,
                       role_model=RoleModel.EXPERIENCED_YOUNG, status=PairStatus.ACTIVE,
                       starts_on=YEAR.start, ends_on=YEAR.end, created_at=created)  # fmt: skip
            for mentee in group:
                add(PairMember, pair_id=pair, mentee_id=mentee, created_at=created)
            for _ in range(24):
                held = rng.random() < 0.85
                when = _moment(rng)
                meeting = add(Meeting, pair_id=pair, starts_at=when, format=MeetingFormat.OFFLINE,
                              topic="Встреча", duration_minutes=45,
                              status=MeetingStatus.HELD if held else MeetingStatus.CANCELLED,
                              created_at=when)  # fmt: skip
                add(MeetingParticipant, meeting_id=meeting, person_id=group[0],
                    rating=rng.randint(3, 5) if held and rng.random() < 0.5 else None)  # fmt: skip
            for _ in range(4):
                due = YEAR.start + timedelta(days=rng.randrange(365))
                reached = rng.random() < 0.6
                add(Goal, pair_id=pair, mentee_id=group[0], title="Цель", due_on=due,
                    status=GoalStatus.REACHED if reached else GoalStatus.OPEN,
                    reached_at=_moment(rng) if reached else None, progress_percent=0,
                    created_at=created)  # fmt: skip
            programme = add(Programme, pair_id=pair, aim="Цель программы", starts_on=YEAR.start,
                            ends_on=YEAR.end, created_at=created)  # fmt: skip
            for _ in range(4):
                done = rng.random() < 0.7
                add(ProgrammeActivity, programme_id=programme, title="Мероприятие",
                    due_on=YEAR.start + timedelta(days=rng.randrange(365)),
                    status=ActivityStatus.DONE if done else ActivityStatus.PLANNED,
                    done_at=_moment(rng) if done else None, created_at=created)  # fmt: skip
        for mentee in mentees:
            for _ in range(2):
                overcome = rng.random() < 0.4
                add(Difficulty, organization_id=organization, mentee_id=mentee,
                    category=rng.choice(CATEGORIES), description="Затруднение",
                    urgency=Urgency.MEDIUM,
                    status=DifficultyStatus.OVERCOME if overcome else DifficultyStatus.OPEN,
                    overcome_at=_moment(rng) if overcome else None,
                    created_at=_moment(rng))  # fmt: skip
        for mentee in mentees[: len(mentees) * 2 // 3]:
            for category in CATEGORIES[:3]:
                for stage in AssessmentStage:
                    add(SelfAssessment, person_id=mentee, stage=stage, category=category,
                        score=rng.randint(1, 5), created_at=_moment(rng))  # fmt: skip
        for _ in range(teachers // 10):
            asked = _moment(rng)
            add(HelpRequest, organization_id=organization, mentee_id=rng.choice(mentees),
                text="Помогите", urgency=Urgency.HIGH, status=HelpStatus.CLOSED,
                created_at=asked, first_answer_at=asked + timedelta(minutes=rng.randrange(5, 600)),
                escalated_at=asked if rng.random() < 0.1 else None)  # fmt: skip
    return rows


async def _load(engine: AsyncEngine, rows: dict[Any, list[dict[str, Any]]]) -> int:
    async with engine.begin() as connection:
        for table, values in rows.items():
            for start in range(0, len(values), CHUNK):
                await connection.execute(insert(table), values[start : start + CHUNK])
        if engine.dialect.name == "postgresql":
            for table in rows:
                name = table.__tablename__
                # table names of our own models, not input
                sequence = f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                await connection.execute(text(f"{sequence}(SELECT max(id) FROM {name}))"))  # noqa: S608
            await connection.execute(text("ANALYZE"))
        else:
            await connection.execute(text("ANALYZE"))
    return sum(len(values) for values in rows.values())


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
        if engine.dialect.name == "postgresql":
            async with engine.begin() as connection:
                await connection.run_sync(Base.metadata.drop_all)
                await connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        await upgrade_database(engine)
        generated = time.perf_counter()
        total_rows = await _load(engine, generate(organizations, teachers))
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
            return lambda: in_session(lambda s: monitoring.summary(s, scope, YEAR, TIMEZONE, TODAY))

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
            "bare_region_s": await _timed(bare_aggregate(None)),
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
    results["summary_org_target_ratio"] = results["summary_org_s"] / 0.2
    results["summary_region_target_ratio"] = results["summary_region_s"] / 2.0
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organizations", type=int, default=100)
    parser.add_argument("--teachers", type=int, default=500, help="per organisation")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    results = asyncio.run(run(arguments.database_url, arguments.organizations, arguments.teachers))
    if arguments.json:
        print(json.dumps(results))
        return
    width = max(len(key) for key in results)
    print("\n".join(f"{key.ljust(width)}  {value}" for key, value in results.items()))


if __name__ == "__main__":
    main()
