"""Where dialogue state lives: in Redis when the bot has one (shared by instances), otherwise
in the database (`DatabaseStorage`), so that a restart of the embedded default forgets no
half-finished dialogue. Inside an update the state is written in the update's own unit of
work: it is saved together with what the step wrote, or not at all, and on SQLite (one
connection per process) no second connection is needed."""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseEventIsolation,
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockError, LockNotOwnedError, RedisError
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.middlewares import current_unit_of_work, keep_dialogue_write
from bot.updates import UPDATE_DEADLINE_SECONDS
from models import DIALOGUE_STATES, utcnow
from models.database import transaction_memo, upsert_insert

logger = logging.getLogger(__name__)

# The per-user lock is taken inside the update's deadline, so it never expires under a running
# handler; one left behind (Redis restarting as it was released) holds its user up only briefly.
LOCK_TIMEOUT_SECONDS = UPDATE_DEADLINE_SECONDS + 10
LOCK_WAIT_SECONDS = 10
DIALOGUES = "dialogues"


Dialogue = tuple[str | None, dict[str, Any]]  # a stored dialogue: its state and its data


def _known(session: AsyncSession) -> dict[str, Dialogue | None]:
    """The dialogues (or that there is none) the current transaction has read or written."""
    known: dict[str, Dialogue | None] = transaction_memo(session).setdefault(DIALOGUES, {})
    return known


class DatabaseStorage(BaseStorage):
    """aiogram's FSM storage in the bot's database (SQLite or PostgreSQL)."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        key_builder: KeyBuilder | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.key_builder = key_builder or DefaultKeyBuilder(with_bot_id=True)

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[AsyncSession]:
        session = current_unit_of_work()
        if session is not None:
            yield session
            return
        async with self.session_factory.begin() as own:
            yield own

    async def _row(self, session: AsyncSession, built: str) -> Dialogue | None:
        """The dialogue of a built key, read once a transaction (an update reads its state several
        times: aiogram's middleware, the dialogue's filters, the handler). The statements
        are SQLAlchemy Core's: every update makes them, and the ORM's bookkeeping of a row
        would cost more than the row."""
        known = _known(session)
        if built not in known:
            found = (
                await session.execute(
                    select(DIALOGUE_STATES.c.state, DIALOGUE_STATES.c.data).where(
                        DIALOGUE_STATES.c.key == built
                    )
                )
            ).first()
            known[built] = (found.state, found.data) if found is not None else None
        return known[built]

    async def _write(self, key: StorageKey, **values: Any) -> None:
        async with self._session() as session:
            await self._put(session, key, values)
        if current_unit_of_work() is not None:
            keep_dialogue_write(lambda session: self._put(session, key, values))

    async def _put(self, session: AsyncSession, key: StorageKey, values: dict[str, Any]) -> None:
        built = self.key_builder.build(key)
        row = await self._row(session, built)
        state = values.get("state", row[0] if row is not None else None)
        data = values.get("data", row[1] if row is not None else {})
        if state is None and not data:  # nothing to keep: no row is left behind
            if row is not None:
                await session.execute(delete(DIALOGUE_STATES).where(DIALOGUE_STATES.c.key == built))
                _known(session)[built] = None
            return
        if (state, data) == row:
            return
        changed = {"state": state, "data": data, "updated_at": utcnow()}
        await session.execute(
            upsert_insert(session, DIALOGUE_STATES)
            .values(key=built, **changed)
            .on_conflict_do_update(index_elements=[DIALOGUE_STATES.c.key], set_=changed)
        )
        _known(session)[built] = (state, copy.deepcopy(data))  # not the caller's to change

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await self._write(key, state=state.state if isinstance(state, State) else state)

    async def get_state(self, key: StorageKey) -> str | None:
        async with self._session() as session:
            row = await self._row(session, self.key_builder.build(key))
            return row[0] if row is not None else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._write(key, data=dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._session() as session:
            row = await self._row(session, self.key_builder.build(key))
            return dict(row[1]) if row is not None else {}

    async def close(self) -> None:
        pass  # the engine is the app's to close


class UserLock(RedisEventIsolation):
    """aiogram's per-user lock in Redis, except that failing to release it (Redis restarting
    or away) does not fail the update handled under it: it is released in the background once
    Redis answers again, or expires, so the user is not kept waiting for the whole timeout."""

    def __init__(self, redis: Redis, key_builder: KeyBuilder, lock_kwargs: dict[str, Any]) -> None:
        super().__init__(redis, key_builder, lock_kwargs)
        self._releasing: set[asyncio.Task[None]] = set()

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncIterator[None]:
        lock = self.redis.lock(self.key_builder.build(key, "lock"), **self.lock_kwargs)
        if not await lock.acquire():
            raise LockError(f"the lock of user {key.user_id} is still held")
        token = lock.local.token
        try:
            yield None
        finally:
            try:
                await lock.do_release(token)
            except LockNotOwnedError:
                logger.warning("The lock of user %s had expired before its release", key.user_id)
            except RedisError as error:
                logger.warning("The lock of user %s not released yet: %s", key.user_id, error)
                task = asyncio.create_task(self._release_later(lock, token))
                self._releasing.add(task)
                task.add_done_callback(self._releasing.discard)

    async def _release_later(self, lock: Lock, token: bytes) -> None:
        with suppress(TimeoutError):
            async with asyncio.timeout(LOCK_TIMEOUT_SECONDS):
                while True:
                    await asyncio.sleep(1)
                    try:
                        await lock.do_release(token)
                    except LockNotOwnedError:
                        return  # expired meanwhile, or Redis restarted without it
                    except RedisError:
                        continue
                    return

    async def close(self) -> None:
        for task in self._releasing:
            task.cancel()


def create_storage(
    session_factory: async_sessionmaker[AsyncSession], redis: Redis | None
) -> tuple[BaseStorage, BaseEventIsolation]:
    """Dialogue state and per-user isolation: in Redis when given (shared by instances), else
    in the database with isolation inside this one process."""
    if redis is None:
        return DatabaseStorage(session_factory), SimpleEventIsolation()
    storage = RedisStorage(redis, key_builder=DefaultKeyBuilder(with_bot_id=True))
    isolation = UserLock(
        redis,
        key_builder=storage.key_builder,
        lock_kwargs={"timeout": LOCK_TIMEOUT_SECONDS, "blocking_timeout": LOCK_WAIT_SECONDS},
    )
    return storage, isolation
