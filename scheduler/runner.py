"""APScheduler drives the timing only: what is due lives in the database (the outbox), so
APScheduler keeps no job store of its own and several instances may run it side by side.
Every few seconds the sender delivers what is due; every minute the planner queues reminders
and help requests waiting too long are escalated (with Redis, by one instance per minute).

A stop lets a running job end on its own: the sender gives back what still waits for its turn
and finishes only the message it is sending; a job that outlasts the grace period is cancelled
quietly (APScheduler would log a cancelled job as a failure with its traceback)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC

from aiogram import Bot
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.outages import DATABASE, OUTAGES, as_outage
from models import utcnow
from scheduler import jobs
from scheduler.sender import Clock, Pacer, Sender, SharedBudget

logger = logging.getLogger(__name__)

SEND_EVERY_SECONDS = 2
PLAN_EVERY_SECONDS = 60


class Scheduler:
    """The timed jobs of one instance; with Redis its sender shares one sending pace with the
    other instances."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        bot: Bot,
        clock: Clock = utcnow,
        redis: Redis | None = None,
    ) -> None:
        if redis is None:
            pacer = Pacer()
        else:  # one pace per bot: another bot on the same Redis has its own limit
            pacer = Pacer(budget=SharedBudget(redis, key=f"nastavnik:send:{bot.id}"))
        self.sender = Sender(session_factory, bot, clock=clock, pacer=pacer)
        self._session_factory = session_factory
        self._bot = bot
        self._clock = clock
        self._redis = redis
        self._running: set[asyncio.Task[None]] = set()
        self._stopping = False
        self._started = False
        self._apscheduler = AsyncIOScheduler(
            timezone=UTC,
            # a tick that could not run on time is merged into the next one
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
        )
        self._apscheduler.add_job(
            self._guarded(self._plan), "interval", seconds=PLAN_EVERY_SECONDS, next_run_time=clock()
        )
        self._apscheduler.add_job(self._guarded(self._send), "interval", seconds=SEND_EVERY_SECONDS)

    def start(self) -> None:
        self._apscheduler.start()
        self._started = True

    async def stop(self, grace_seconds: float) -> None:
        """Start no job again, let the running ones end (at most `grace_seconds`), then
        cancel what is left."""
        self._stopping = True
        if not self._started:
            return
        self._apscheduler.pause()
        self.sender.stop()
        if self._running:
            await asyncio.wait(set(self._running), timeout=grace_seconds)
        for task in self._running:
            task.cancel()
        if self._running:
            await asyncio.wait(set(self._running))
        self._apscheduler.shutdown(wait=False)

    def _guarded(self, job: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            if self._stopping:
                return
            task = asyncio.current_task()
            assert task is not None
            self._running.add(task)
            try:
                await job()
                OUTAGES.succeeded(DATABASE)
            except asyncio.CancelledError:
                if not self._stopping:
                    raise
                logger.info("The scheduler stopped in the middle of %s", job.__name__)
            except Exception as error:
                outage = as_outage(error)
                if outage is None:
                    raise  # APScheduler logs it with its traceback
                OUTAGES.failed(f"The scheduler's {job.__name__.lstrip('_')}", outage)
            finally:
                self._running.discard(task)

        run.__name__ = job.__name__
        return run

    async def _send(self) -> None:
        stats = await self.sender.run_once()
        if stats.sent or stats.failed:
            logger.info("Reminders: %s", stats)

    async def _plan(self) -> None:
        bot_id = self._bot.id
        if not await jobs.take_turn(self._redis, f"plan:{bot_id}", PLAN_EVERY_SECONDS - 5):
            return
        await jobs.plan_reminders(self._session_factory, self._clock())
        await jobs.escalate_help_requests(self._session_factory, self._clock())
