"""Benchmark of the reminder sender and the scheduler's tick.

1. Sending: N due reminders (default 10 000, five per teacher) against the fake Bot API enforcing
   Telegram's limits (30 messages a second overall, one a second per chat) and answering some
   calls with 429. Reported: the achieved rate as a ratio of the 30 msg/s limit (target ≥ 0.9),
   and of a bare send loop with the same pacing and no database, measured in the same run;
   lost, duplicated, and 429s left unhandled (all must be 0).
2. Ticks with 100 000 future reminders in the outbox and 1 000 active pairs with meetings and
   goals, against the same ticks with an empty outbox: the sender's tick (every 2 s: claim what
   is due) and the planner's (every minute: plan and escalate).

    python -m bench.reminders [--count 10000] [--future 100000] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench import render
from bot.services import outbox
from bot.services.reminders.kinds import Kind
from bot.settings import load_settings
from bot.telegram import create_bot
from fakes.telegram import FakeTelegramServer
from models import (
    Goal,
    Meeting,
    MeetingParticipant,
    Notification,
    Organization,
    Pair,
    PairMember,
    Person,
    PersonRole,
    utcnow,
)
from models.database import create_engine, create_session_factory, upgrade_database
from models.enums import (
    GoalStatus,
    MeetingFormat,
    MeetingStatus,
    MentorshipForm,
    MentorshipKind,
    NotificationStatus,
    PairStatus,
    Role,
    RoleModel,
)
from scheduler import jobs
from scheduler.sender import Pacer, Sender

TOKEN = "123456789:AAHbenchTOKENforBENCHMARKSonly_abcdefg"  # noqa: S105 - the fake API's
LIMIT_PER_SECOND = 30
PER_CHAT = 5
INJECTED_429 = 20
FIRST_CHAT = 10_000


async def _database(directory: Path) -> tuple[Any, async_sessionmaker[AsyncSession]]:
    engine = create_engine(f"sqlite+aiosqlite:///{directory / 'bench.db'}")
    await upgrade_database(engine)
    return engine, create_session_factory(engine)


async def _people(factory: async_sessionmaker[AsyncSession], count: int) -> list[int]:
    async with factory.begin() as session:
        organization = Organization(name="Бенчмарк", timezone="UTC", region="—")
        organization.quiet_hours_start = organization.quiet_hours_end = 0  # no quiet hours
        session.add(organization)
        await session.flush()
        rows = [
            {
                "organization_id": organization.id,
                "telegram_id": FIRST_CHAT + number,
                "full_name": f"Педагог {number}",
                "search_name": f"педагог {number}",
                "is_active": True,
                "share_contact": False,
            }
            for number in range(count)
        ]
        await session.execute(insert(Person), rows)
        ids = [FIRST_CHAT + number for number in range(count)]
    async with factory() as session:
        found = await session.scalars(select(Person.id).where(Person.telegram_id.in_(ids)))
        return list(found)


def _notifications(person_ids: list[int], per_person: int, due: Any) -> list[dict[str, Any]]:
    return [
        {
            "key": f"bench:{person}:{copy}",
            "person_id": person,
            "kind": Kind.STAFF_LIST.value,
            "payload": {},
            "due_at": due,
            "status": NotificationStatus.PENDING,
            "attempts": 0,
        }
        for person in person_ids
        for copy in range(per_person)
    ]


async def _timed(action: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = await action()
    return time.perf_counter() - started, result


async def bench_sending(count: int) -> dict[str, Any]:
    telegram = FakeTelegramServer(token=TOKEN, bot_username="bench_bot")
    await telegram.start()
    teachers = max(1, count // PER_CHAT)
    with tempfile.TemporaryDirectory() as directory:
        engine, factory = await _database(Path(directory))
        person_ids = await _people(factory, teachers)
        for number in range(teachers):
            telegram.open_chat(telegram.add_user(user_id=FIRST_CHAT + number, first_name="П"))
        bot = create_bot(
            load_settings(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url), max_flood_wait=0
        )
        async with bot.session:
            # baseline: the same pacing and the same fake server, no database at all
            telegram.rate_limit(LIMIT_PER_SECOND, 1)
            pacer = Pacer()
            baseline_messages = min(count, 300)

            async def bare() -> None:
                async def one(number: int) -> None:
                    chat = FIRST_CHAT + number % teachers
                    async with pacer.slot(chat):
                        await bot.send_message(chat, "baseline")

                await asyncio.gather(*(one(n) for n in range(baseline_messages)))

            baseline_s, _ = await _timed(bare)
            await asyncio.sleep(1.1)  # let the server's one-second window empty
            baseline_calls = len(telegram.calls)
            telegram.rejected_429 = 0

            async with factory.begin() as session:
                await session.execute(
                    insert(Notification), _notifications(person_ids, PER_CHAT, utcnow())
                )
            for _ in range(INJECTED_429):
                telegram.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", 1)
            sender = Sender(factory, bot)
            send_s, stats = await _timed(sender.run_once)
        received = [
            sum(
                1
                for message in telegram.chat_messages(FIRST_CHAT + number)
                if message.from_bot and message.text != "baseline"
            )
            for number in range(teachers)
        ]
        await engine.dispose()
    await telegram.stop()
    sent = sum(received)
    rate = sent / send_s
    baseline_rate = baseline_messages / baseline_s
    return {
        "reminders": teachers * PER_CHAT,
        "chats": teachers,
        "send_s": round(send_s, 3),
        "sent": sent,
        "rate_per_s": round(rate, 2),
        "rate_of_limit_ratio": round(rate / LIMIT_PER_SECOND, 3),
        "baseline_rate_per_s": round(baseline_rate, 2),
        "rate_of_baseline_ratio": round(rate / baseline_rate, 3),
        "lost": sum(max(0, PER_CHAT - got) for got in received),
        "duplicated": sum(max(0, got - PER_CHAT) for got in received),
        "answered_429": telegram.rejected_429 + INJECTED_429,
        "unhandled_429": stats.failed,
        "calls": len(telegram.calls) - baseline_calls,
    }


async def _scene(factory: async_sessionmaker[AsyncSession], pairs: int) -> list[int]:
    """Pairs with a meeting ahead and a goal coming due: work for the planner on each tick."""
    person_ids = await _people(factory, pairs * 2)
    now = utcnow()
    today = date.today()
    async with factory.begin() as session:
        roles = [
            {"person_id": person, "role": Role.MENTOR if n % 2 == 0 else Role.MENTEE}
            for n, person in enumerate(person_ids)
        ]
        await session.execute(insert(PersonRole), roles)
        organization_id = (await session.get(Person, person_ids[0])).organization_id  # type: ignore[union-attr]
        for number in range(pairs):
            mentor, mentee = person_ids[2 * number], person_ids[2 * number + 1]
            pair = Pair(
                organization_id=organization_id,
                mentor_id=mentor,
                kind=MentorshipKind.TRADITIONAL,
                form=MentorshipForm.TEACHER_TEACHER,
                role_model=RoleModel.EXPERIENCED_YOUNG,
                status=PairStatus.ACTIVE,
                starts_on=today - timedelta(days=30),
                ends_on=today + timedelta(days=200),
                members=[PairMember(mentee_id=mentee)],
            )
            session.add(pair)
            await session.flush()
            session.add(
                Meeting(
                    pair_id=pair.id,
                    mentor_id=mentor,
                    starts_at=now + timedelta(hours=number % 48),
                    format=MeetingFormat.OFFLINE,
                    topic="Встреча",
                    status=MeetingStatus.SCHEDULED,
                    participants=[MeetingParticipant(person_id=mentee)],
                )
            )
            session.add(
                Goal(
                    pair_id=pair.id,
                    mentee_id=mentee,
                    title="Цель",
                    due_on=today + timedelta(days=number % 3),
                    status=GoalStatus.OPEN,
                )
            )
    return person_ids


async def bench_tick(future: int, pairs: int = 1000, ticks: int = 5) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as directory:
        engine, factory = await _database(Path(directory))
        person_ids = await _scene(factory, pairs)

        async def plan_tick() -> None:
            now = utcnow()
            await jobs.plan_reminders(factory, now)
            await jobs.escalate_help_requests(factory, now)

        async def send_tick() -> None:
            async with factory() as session:
                claiming = await session.begin()
                await outbox.claim(session, utcnow(), "bench", 50)
                await claiming.rollback()  # measure the claim, keep the rows for the next tick

        async def average(tick: Callable[[], Awaitable[None]]) -> float:
            await tick()  # warm up
            total = 0.0
            for _ in range(ticks):
                elapsed, _ = await _timed(tick)
                total += elapsed
            return total / ticks

        empty_plan_s, empty_send_s = await average(plan_tick), await average(send_tick)
        far = utcnow() + timedelta(days=30)
        rows = _notifications(person_ids, max(1, future // len(person_ids)) + 1, far)[:future]
        async with factory.begin() as session:
            for start in range(0, len(rows), 5000):
                await session.execute(insert(Notification), rows[start : start + 5000])
        loaded_plan_s, loaded_send_s = await average(plan_tick), await average(send_tick)
        await engine.dispose()
    return {
        "future_reminders": len(rows),
        "pairs": pairs,
        "send_tick_empty_s": round(empty_send_s, 5),
        "send_tick_loaded_s": round(loaded_send_s, 5),
        "send_tick_loaded_vs_empty_ratio": round(loaded_send_s / empty_send_s, 3),
        "plan_tick_empty_s": round(empty_plan_s, 4),
        "plan_tick_loaded_s": round(loaded_plan_s, 4),
        "plan_tick_loaded_vs_empty_ratio": round(loaded_plan_s / empty_plan_s, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="due reminders to send")
    parser.add_argument("--future", type=int, default=100_000, help="future reminders stored")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    arguments = parser.parse_args()

    async def run() -> dict[str, Any]:
        return {**await bench_sending(arguments.count), **await bench_tick(arguments.future)}

    results = asyncio.run(run())
    print(render(results, arguments.json))


if __name__ == "__main__":
    main()
