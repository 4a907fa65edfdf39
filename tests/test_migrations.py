"""The migrations and the models agree: the files sort in the order they apply, and on a
database migrated to the newest revision Alembic's autogenerate comparison finds nothing to
add, drop or alter (on SQLite and, with TEST_DATABASE_URL, on PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from models import Base
from models.database import MIGRATIONS, alembic_config


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
