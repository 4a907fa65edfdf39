"""Benchmarks (figures in BENCHMARKS.md), what they share: an empty, migrated database to load
generated data into, and how each prints its results: a readable table, or with `--json` one
JSON object (times in keys ending `_s`, ratios in `_ratio`, counts as numbers)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from models import Base
from models.database import upgrade_database


async def empty_schema(engine: AsyncEngine) -> None:
    """The newest schema with no rows: a PostgreSQL database given to a benchmark is emptied
    first (a SQLite one is a new temporary file)."""
    if engine.dialect.name == "postgresql":
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.drop_all)
            await connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await upgrade_database(engine)


def render(results: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(results)
    width = max(len(key) for key in results)
    return "\n".join(f"{key.ljust(width)}  {value}" for key, value in results.items())
