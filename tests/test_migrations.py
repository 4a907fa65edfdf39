"""The migrations and the models agree: the files sort in the order they apply, and on a
database migrated to the newest revision Alembic's autogenerate comparison finds nothing to
add, drop or alter (on SQLite and, with TEST_DATABASE_URL, on PostgreSQL). Data written under
an older schema survives the later migrations."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from models import Base, Meeting, Pair, PairMentor, PersonMenteeType, Programme
from models.database import (
    MIGRATIONS,
    alembic_config,
    create_engine,
    create_session_factory,
    upgrade_database,
)
from models.enums import (
    MenteeType,
    MentorshipForm,
    MentorshipKind,
    PairStatus,
    ProgrammeStatus,
    RoleModel,
)


def test_migration_files_sort_in_the_order_they_apply() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    applied = [Path(script.path).name for script in reversed(list(scripts.walk_revisions()))]
    assert applied == sorted(path.name for path in (MIGRATIONS / "versions").glob("[0-9]*.py"))
    assert all(name[:4].isdigit() and name[4] == "_" for name in applied), applied
    assert [int(name[:4]) for name in applied] == list(range(1, len(applied) + 1))


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection,
        opts={"compare_type": True, "render_as_batch": connection.dialect.name == "sqlite"},
    )
    return list(compare_metadata(context, Base.metadata))


async def test_the_models_match_the_migrated_schema(engine) -> None:
    async with engine.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert differences == []


BEFORE_STAFF_BASE = "7b1c2d3e4f50"  # 0004: pairs had only a "form" holding the kind


@pytest.fixture
async def blank_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An empty database of its own (on PostgreSQL, a schema of its own)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'old.db'}")
        yield engine
        await engine.dispose()
        return
    admin = create_engine(url)
    async with admin.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS migration_check CASCADE"))
        await connection.execute(text("CREATE SCHEMA migration_check"))
    engine = create_engine(
        url, connect_args={"server_settings": {"search_path": "migration_check"}}
    )
    yield engine
    await engine.dispose()
    async with admin.begin() as connection:
        await connection.execute(text("DROP SCHEMA migration_check CASCADE"))
    await admin.dispose()


OLD_ROWS = """
INSERT INTO organizations (id, name, timezone, region, help_escalation_hours,
    no_meeting_nudge_days, quiet_hours_start, quiet_hours_end, created_at)
    VALUES (1, 'Школа', 'Europe/Moscow', 'Регион', 4, 14, 21, 8, :now);
INSERT INTO people (id, organization_id, full_name, search_name, experience_years, share_contact,
    is_active, created_at) VALUES
    (1, 1, 'Наставник Один', 'наставник один', 20, false, true, :now),
    (2, 1, 'Молодая Анна', 'молодая анна', 1, false, true, :now),
    (3, 1, 'Опытный Пётр', 'опытный пётр', 12, false, true, :now),
    (4, 1, 'Завуч Ольга', 'завуч ольга', 25, false, true, :now);
INSERT INTO person_roles (id, person_id, role, created_at) VALUES
    (1, 1, 'mentor', :now), (2, 2, 'mentee', :now), (3, 3, 'mentee', :now),
    (4, 4, 'curator', :now);
INSERT INTO pairs (id, organization_id, mentor_id, form, role_model, status, starts_on, ends_on,
    created_at) VALUES
    (1, 1, 1, 'traditional', 'head_teacher', 'active', '2026-09-01', '2027-05-31', :now),
    (2, 1, 1, 'group', 'teacher_teacher', 'completed', '2025-09-01', '2026-05-31', :now),
    (3, 1, 1, 'reverse', 'innovator_conservative', 'stopped', '2025-09-01', '2026-05-31', :now);
INSERT INTO pair_members (id, pair_id, mentee_id, created_at) VALUES
    (1, 1, 2, :now), (2, 2, 2, :now), (3, 2, 3, :now), (4, 3, 3, :now);
INSERT INTO meetings (id, pair_id, starts_at, format, topic, status, created_at) VALUES
    (1, 1, :now, 'offline', 'Первая', 'held', :now);
INSERT INTO programmes (id, pair_id, aim, stage, status, starts_on, ends_on, approved_at,
    created_at)
    VALUES (1, 1, 'Цель', 'work', 'active', '2026-09-01', '2027-05-31', NULL, :now),
    (2, 2, 'Цель', 'work', 'active', '2025-09-01', '2026-05-31', :now, :now);
"""


async def test_existing_pairs_are_migrated_not_lost(blank_engine: AsyncEngine) -> None:
    await upgrade_database(blank_engine, BEFORE_STAFF_BASE)
    async with blank_engine.begin() as connection:
        for statement in OLD_ROWS.split(";"):
            if statement.strip():
                await connection.execute(text(statement), {"now": datetime(2026, 9, 1, tzinfo=UTC)})
    await upgrade_database(blank_engine)  # as the bot does at start-up
    if blank_engine.dialect.name == "sqlite":  # turned off for the rebuild, on again after
        async with blank_engine.connect() as connection:
            assert (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1
    factory = create_session_factory(blank_engine)
    async with factory() as session:
        pairs = {pair.id: pair for pair in await session.scalars(select(Pair))}
        history = list(await session.scalars(select(PairMentor).order_by(PairMentor.pair_id)))
        meeting = await session.get(Meeting, 1)
        programmes = list(await session.scalars(select(Programme).order_by(Programme.id)))
        types = set(
            (await session.execute(select(PersonMenteeType.person_id, PersonMenteeType.type))).all()
        )
    assert pairs[1].kind is MentorshipKind.TRADITIONAL
    assert pairs[1].form is MentorshipForm.HEAD_TEACHER and pairs[1].role_model is RoleModel.OTHER
    assert pairs[2].kind is MentorshipKind.GROUP and pairs[2].status is PairStatus.COMPLETED
    assert pairs[2].form is MentorshipForm.TEACHER_TEACHER
    assert pairs[3].role_model is RoleModel.INNOVATOR_CONSERVATIVE
    assert pairs[1].ends_on is not None and len(pairs[2].members) == 2
    assert [(entry.pair_id, entry.mentor_id, entry.until) for entry in history] == [
        (1, 1, None),
        (2, 1, None),
        (3, 1, None),
    ]
    assert meeting is not None and meeting.mentor_id == 1
    # a programme active from its first aim but never approved is a draft to approve
    assert [programme.status for programme in programmes] == [
        ProgrammeStatus.DRAFT,
        ProgrammeStatus.ACTIVE,
    ]
    # a mentee with up to three years' experience is taken for a young specialist
    assert types == {(2, MenteeType.YOUNG_SPECIALIST)}
