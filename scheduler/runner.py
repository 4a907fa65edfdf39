"""APScheduler drives the timing only: what is due lives in the database (the outbox), so
APScheduler keeps no job store of its own and several instances may run it side by side.
Every few seconds the sender delivers what is due; every minute the planner queues reminders
and help requests waiting too long are escalated (with Redis, by one instance per minute)."""

from __future__ import annotations

import logging
from datetime import UTC

from aiogram import Bot
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models import utcnow
from scheduler import jobs
from scheduler.sender import Clock, Pacer, Sender, SharedBudget

logger = logging.getLogger(__name__)

SEND_EVERY_SECONDS = 2
PLAN_EVERY_SECONDS = 60


def create_scheduler(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    clock: Clock = utcnow,
    redis: Redis | None = None,
) -> AsyncIOScheduler:
    """The jobs of one instance; with Redis its sender shares one sending pace with the
    other instances."""
    if redis is None:
        pacer = Pacer()
    else:  # one pace per bot: another bot on the same Redis has its own limit
        pacer = Pacer(budget=SharedBudget(redis, key=f"nastavnik:send:{bot.id}"))
    sender = Sender(session_factory, bot, clock=clock, pacer=pacer)

    async def send() -> None:
        stats = await sender.run_once()
        if stats.sent or stats.failed:
            logger.info("Reminders: %s", stats)

    async def plan() -> None:
        if not await jobs.take_turn(redis, f"plan:{bot.id}", PLAN_EVERY_SECONDS - 5):
            return
        await jobs.plan_reminders(session_factory, clock())
        await jobs.escalate_help_requests(session_factory, clock())

    scheduler = AsyncIOScheduler(
        timezone=UTC,
        # a tick that could not run on time is merged into the next one
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
    )
    scheduler.add_job(plan, "interval", seconds=PLAN_EVERY_SECONDS, next_run_time=clock())
    scheduler.add_job(send, "interval", seconds=SEND_EVERY_SECONDS)
    return scheduler
