"""Engine and session factory for SQLite (embedded default) and PostgreSQL, and the schema
upgrade run at start-up.

The transaction rule of the whole bot: one unit of work per update or scheduler job, owned by
the DB middleware (committed before each call to Telegram and at the end) or by the job
(`session_factory.begin()`); services only add and flush, they never commit. The one
exception reads: a long report may read beside the unit of work through `readers`, in
read-only transactions of their own.

SQLite runs on the event loop (`models.sqlite_inline` says why) and gets WAL, a busy timeout
and foreign keys on every connection, and every transaction starts with `BEGIN IMMEDIATE`
(SQLAlchemy's documented recipe) so that a read-then-write unit of work waits for the write
lock instead of failing with "database is locked".
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Pool, Table, event, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

import migrations
from models import sqlite_inline

MIGRATIONS = Path(migrations.__file__).resolve().parent
SQLITE_BUSY_TIMEOUT_MS = 20_000
POSTGRES_WAIT_SECONDS = 10
POSTGRES_COMMAND_SECONDS = 15
# Any constant works: it only keeps two instances from migrating the same PostgreSQL at once.
MIGRATION_LOCK_ID = 0x6E617374
# Queries of a report run at once: the two cores of a small school server (more only queue for
# them, and on PostgreSQL take connections from the updates' pool).
READERS_AT_ONCE = 2

T = TypeVar("T")
_READING: WeakKeyDictionary[Pool, asyncio.Semaphore] = WeakKeyDictionary()


def create_engine(
    database_url: str,
    *,
    command_timeout: float | None = POSTGRES_COMMAND_SECONDS,
    sqlite_on_loop: bool = True,
    read_only: bool = False,
    **kwargs: Any,
) -> AsyncEngine:
    """The engine of the bot's database. On PostgreSQL every wait is bounded well below the
    update's deadline (asyncpg waits 60 s to connect and forever for an answer unless told);
    `command_timeout=None` for the migrations at start-up, which may wait for another
    instance's as long as that takes. SQLite runs on the event loop unless `sqlite_on_loop`
    is false (instances that may share the file wait for its lock in aiosqlite's thread).
    A `read_only` SQLite engine refuses writes and begins its transactions deferred: they never
    wait for the write lock, which the bot's unit of work may hold meanwhile."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_timeout", POSTGRES_WAIT_SECONDS)
        kwargs.setdefault(
            "connect_args",
            {
                "timeout": POSTGRES_WAIT_SECONDS,
                "command_timeout": command_timeout,
                # The JIT compiles the region's summary for longer than it runs (0,3 s of its
                # people query's 0,4 s), and every statement of the bot is short or an
                # aggregate of indexed rows; SQLAlchemy's asyncpg dialect advises it off.
                "server_settings": {"jit": "off"},
            },
        )
        return create_async_engine(url, **kwargs)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # One connection per process: SQLite has one writer at a time anyway, and waiting in
        # the pool's queue is first come, first served, where a connection waiting on the write
        # lock sleeps in SQLite's busy handler and may lose to a later one again and again.
        kwargs.setdefault("pool_size", 1)
        kwargs.setdefault("max_overflow", 0)
    if sqlite_on_loop and not url.query:  # driver options are left to aiosqlite's connect
        kwargs.setdefault(
            "async_creator", partial(sqlite_inline.connect, url.database or ":memory:")
        )
    engine = create_async_engine(url, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take BEGIN over from the driver (see the `begin` listener below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


@dataclass
class Readers:
    """Read-only sessions beside the unit of work, for a long report whose independent queries
    may run at once (`gather`), as many together as there are free `slots` (shared by the
    reports of one database). Each query reads in a transaction of its own: committed rows
    only, as they are when it starts (except `within` a session)."""

    open_session: Callable[[], AbstractAsyncContextManager[AsyncSession]]
    slots: asyncio.Semaphore

    @classmethod
    def within(cls, session: AsyncSession) -> Readers:
        """The session itself, one query at a time (what it has not committed included)."""
        return cls(lambda: nullcontext(session), asyncio.Semaphore(1))

    async def gather(self, works: Sequence[Callable[[AsyncSession], Awaitable[T]]]) -> list[T]:
        """The works' results in their order; started in that order, so the longest go first."""

        async def run(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
            async with self.slots, self.open_session() as session:
                return await work(session)

        tasks = [asyncio.ensure_future(run(work)) for work in works]
        try:
            return list(await asyncio.gather(*tasks))
        except BaseException:
            # the others must not go on reading (maybe in the caller's session) after it
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise


@asynccontextmanager
async def readers(session: AsyncSession, *, in_parallel: bool = True) -> AsyncIterator[Readers]:
    """Readers of the session's database: on PostgreSQL read-only sessions from its engine's
    pool; on a SQLite file read-only connections of their own, each in aiosqlite's thread (the
    bot's one connection stays with its unit of work, and SQLite reads beside a writer in WAL),
    opened for the report and closed after it. Not `in_parallel`, and on an in-memory SQLite,
    which has only the session, the session itself, one query at a time."""
    engine = session.bind
    if not isinstance(engine, AsyncEngine):
        raise TypeError("readers read the database of a session bound to an engine")
    database = engine.url.database
    if not in_parallel or (
        engine.dialect.name == "sqlite" and (not database or database == ":memory:")
    ):
        yield Readers.within(session)
        return
    # however many reports run at once, they read with READERS_AT_ONCE connections in all (on
    # PostgreSQL the updates' pool keeps the rest)
    slots = _READING.setdefault(engine.sync_engine.pool, asyncio.Semaphore(READERS_AT_ONCE))
    if engine.dialect.name == "postgresql":
        read_only = engine.execution_options(postgresql_readonly=True)
        yield Readers(async_sessionmaker(read_only), slots)
        return
    reading = create_engine(
        str(engine.url),
        sqlite_on_loop=False,
        read_only=True,
        pool_size=READERS_AT_ONCE,
    )
    try:
        yield Readers(async_sessionmaker(reading), slots)
    finally:
        # a cancelled report still closes its connections and their threads
        await asyncio.shield(reading.dispose())


class UnitOfWork(Session):
    """A session that knows whether its transaction has written anything yet (`wrote`)."""


WROTE = "wrote"


@event.listens_for(UnitOfWork, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    session.info[WROTE] = True


@event.listens_for(UnitOfWork, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[WROTE] = True


MEMO = "memo"


@event.listens_for(UnitOfWork, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # a flush's own subtransaction ends inside it
        session.info.pop(WROTE, None)
        session.info.pop(MEMO, None)


def transaction_memo(session: AsyncSession) -> dict[str, Any]:
    """What the current transaction has learnt that the identity map cannot keep (that a row
    does not exist, say): forgotten when it commits or rolls back."""
    memo: dict[str, Any] = session.info.setdefault(MEMO, {})
    return memo


def wrote(session: AsyncSession) -> bool:
    """Whether the session's current transaction has written anything."""
    return bool(session.info.get(WROTE))


def upsert_insert(session: AsyncSession, table: Table | type[Any]) -> Any:
    """`INSERT` of the session's dialect, which knows `ON CONFLICT` (SQLite's or PostgreSQL's)."""
    dialect = session.get_bind().dialect.name
    return (postgresql_insert if dialect == "postgresql" else sqlite_insert)(table)


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=UnitOfWork)


def alembic_config(database_url: str | None = None) -> Config:
    """Alembic's settings for the bot's own upgrade: the migrations of the installed package,
    no alembic.ini (an installed project has none)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if database_url:
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def _upgrade(connection: Connection, revision: str) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _upgrade_sqlite(connection: Connection, revision: str) -> None:
    """SQLite changes a table by building it anew (Alembic's batch mode), and dropping the old
    one with foreign keys on would delete, through ON DELETE CASCADE, every row referring to it:
    a pair's members, a person's everything. So the upgrade runs with foreign keys off — a
    pragma that works only outside a transaction — and every reference is checked before it is
    committed."""
    raw = connection.connection.dbapi_connection
    assert raw is not None

    def pragma(statement: str) -> None:
        cursor = raw.cursor()
        cursor.execute(statement)
        cursor.close()

    pragma("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            _upgrade(connection, revision)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the upgrade left broken references: {broken[:5]}")
    finally:
        pragma("PRAGMA foreign_keys=ON")


async def upgrade_database(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema to the newest migration (or to `revision`); idempotent, and safe for
    instances starting at once."""
    if engine.dialect.name == "sqlite":
        async with engine.connect() as connection:
            await connection.run_sync(_upgrade_sqlite, revision)
        return
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, revision)
