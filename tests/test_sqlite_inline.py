"""SQLite on the event loop (`models.sqlite_inline`): no worker thread, the driver's errors
and transactions as with aiosqlite's thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from models.database import create_engine


async def test_statements_run_in_the_loops_thread(tmp_path: Path) -> None:
    threads = set(threading.enumerate())
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'inline.db'}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
            await connection.execute(text("INSERT INTO t (id) VALUES (1)"))
        assert set(threading.enumerate()) == threads
        async with engine.connect() as connection:
            with pytest.raises(IntegrityError):
                await connection.execute(text("INSERT INTO t (id) VALUES (1)"))
            await connection.rollback()
            with pytest.raises(OperationalError):
                await connection.execute(text("SELECT * FROM missing"))
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT id FROM t"))).scalars().all() == [1]
            mode = await connection.scalar(text("PRAGMA journal_mode"))
            assert mode == "wal"
    finally:
        await engine.dispose()
    assert set(threading.enumerate()) == threads
