"""Load benchmark: simulated teachers use the real bot (`python -m bot` processes) over the fake
Bot API, with 50 000 registered teachers in the database, against a bare aiogram echo bot run
the same way on the same fake in the same run.

The mix, per mentee round: the menu, a difficulty registered in three taps, the list of their
difficulties, and a help request (text, then urgency; their mentor is notified); per curator
round: /summary for the month and the menu. Every step is one update; its latency runs from the
user's action to the message it brings. The echo users send as many text messages. The bot's
scheduler runs as in production, so the instances also send the demo region's due reminders
and the mentors' notices of new help requests meanwhile (counted as messages to others).

Configurations: SQLite with one instance and PostgreSQL with one (long polling, each against
one echo bot), and PostgreSQL + Redis with three webhook instances behind a round-robin
balancer (against three echo bots behind the same balancer). Reported: updates per second and
its ratio to the echo bot (goal ≥ 0.5), p50/p95 latency, peak memory per instance.

    python -m bench.load [--users 120] [--rounds 3] [--organizations 100] [--teachers 500]
                         [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/bench_load]
                         [--only sqlite|postgres|cluster] [--json]

The PostgreSQL database given is emptied first."""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench import empty_schema, render
from bot.services.reminders.kinds import Category
from bot.texts.difficulties import BUTTON_NEW_DIFFICULTY
from bot.texts.help_requests import HELP_URGENCY_NAMES
from fakes.telegram import BotMessage, FakeTelegramServer, FakeUser
from models import NotificationPreference, PairMember
from models.database import create_engine
from models.enums import Role, Urgency
from sandbox import demo
from tests.instances import HOST, BotProcess, RoundRobin, free_port

TOKEN = "700000001:BENCHloadTOKENnotRealAtAll_abcdefghij"  # noqa: S105 (the fake API's)
SECRET = "bench-load-secret"  # noqa: S105 (a local benchmark)
REDIS_URL = "redis://127.0.0.1:6379/7"
STEP_TIMEOUT = 60.0
NEW_DIFFICULTY = BUTTON_NEW_DIFFICULTY
HELP_MEDIUM = HELP_URGENCY_NAMES[Urgency.MEDIUM]
Action = Callable[[], Awaitable[Any]]


@dataclass
class Measurement:
    updates: int = 0
    latencies: list[float] = field(default_factory=list)
    by_step: dict[str, list[float]] = field(default_factory=dict)
    elapsed: float = 0.0
    cpu: float = 0.0
    harness_cpu: float = 0.0
    to_others: int = 0
    memory: list[int] = field(default_factory=list)

    def figures(self, prefix: str) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        return {
            f"{prefix}_updates": self.updates,
            f"{prefix}_throughput_per_s": self.updates / self.elapsed,
            f"{prefix}_p50_s": statistics.median(ordered),
            f"{prefix}_p95_s": ordered[math.ceil(len(ordered) * 0.95) - 1],
            f"{prefix}_cpu_per_update_s": self.cpu / self.updates,
            # the benchmark's own process (fake API, balancer, clients): near 1.0 it is the limit
            f"{prefix}_harness_cpu_share": self.harness_cpu / self.elapsed,
            f"{prefix}_messages_to_others": self.to_others,
            f"{prefix}_instances": len(self.memory),
            f"{prefix}_peak_memory_mb_per_instance": max(self.memory) / 2**20,
        }

    def steps(self) -> str:
        """p50/p95 of each step, for reading where the time goes."""
        return "  ".join(
            f"{name}: {statistics.median(v):.3f}/{sorted(v)[math.ceil(len(v) * 0.95) - 1]:.3f}"
            for name, v in self.by_step.items()
        )


class Client:
    """One simulated teacher: takes a step, waits for what it brings, records the latency."""

    def __init__(self, user: FakeUser, measurement: Measurement) -> None:
        self.user = user
        self.measurement = measurement

    async def step(self, name: str, action: Action) -> BotMessage:
        started = time.perf_counter()
        await action()
        received = await self.user.next_message(STEP_TIMEOUT)
        latency = time.perf_counter() - started
        self.measurement.latencies.append(latency)
        self.measurement.by_step.setdefault(name, []).append(latency)
        self.measurement.updates += 1
        return received

    async def mentee_round(self, number: int) -> None:
        user, step = self.user, self.step
        menu = await step("menu", lambda: user.send("/start"))
        categories = await step("new difficulty", lambda: user.press(menu, NEW_DIFFICULTY))
        await step("category", lambda: user.press(categories, "Методические"))
        urgency = await step("description", lambda: user.send(f"Не удерживаю внимание {number}"))
        await step("difficulty urgency", lambda: user.press(urgency, "Срочно"))
        await step("my difficulties", lambda: user.send("/my_difficulties"))
        await step("need help", lambda: user.send("/need_help"))
        urgency = await step("help text", lambda: user.send("Как провести собрание?"))
        await step("help urgency", lambda: user.press(urgency, HELP_MEDIUM))

    async def curator_round(self, _number: int) -> None:
        await self.step("summary", lambda: self.user.send("/summary"))
        await self.step("menu", lambda: self.user.send("/start"))

    async def echo_round(self, number: int, steps: int) -> None:
        for step in range(steps):
            await self.step("echo", partial(self.user.send, f"Эхо {number}-{step}"))


MENTEE_STEPS = 9
CURATOR_STEPS = 2


def _settings(telegram: FakeTelegramServer, database_url: str) -> dict[str, str]:
    return {
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": "1",
        "TIMEZONE": "Europe/Moscow",
    }


async def _create_if_missing(url: str) -> None:
    """Create the benchmark's PostgreSQL database when it does not exist yet."""
    target = make_url(url)
    server = create_engine(
        target.set(database="postgres").render_as_string(hide_password=False),
        isolation_level="AUTOCOMMIT",
    )
    try:
        async with server.connect() as connection:
            found = await connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": target.database}
            )
            if not found:
                name = str(target.database).replace('"', '""')
                await connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await server.dispose()


async def _fresh_database(url: str, dataset: demo.Dataset) -> None:
    engine = create_engine(url)
    try:
        await empty_schema(engine)
        await demo.load(engine, dataset)
    finally:
        await engine.dispose()


def _cast(dataset: demo.Dataset, users: int) -> tuple[list[demo.DemoPerson], ...]:
    """The simulated teachers: curators (one in twenty) and mentees who have a mentor, spread
    over the organisations. Their reminders are switched off, so that what they receive is
    the answers to their own steps; everyone else's reminders are sent as usual."""
    paired = {row["mentee_id"] for row in dataset.rows[PairMember]}
    curators = [p for p in dataset.people if p.role is Role.CURATOR][: max(1, users // 20)]
    mentees = [
        p
        for p in dataset.people
        if p.role is Role.MENTEE and p.telegram_id - demo.TELEGRAM_ID_BASE in paired
    ]
    mentees = mentees[:: max(1, len(mentees) // (users - len(curators)))][: users - len(curators)]
    ids = itertools.count(1)
    dataset.rows[NotificationPreference] = [
        {
            "id": next(ids),
            "person_id": person.telegram_id - demo.TELEGRAM_ID_BASE,
            "kind": category.value,
            "enabled": False,
        }
        for person in [*curators, *mentees]
        for category in Category
    ]
    return curators, mentees


async def _run(
    dataset: demo.Dataset,
    cast: tuple[list[demo.DemoPerson], ...],
    *,
    module: str,
    database_url: str,
    instances: int,
    webhook: bool,
    users: int,
    rounds: int,
    workdir: Path,
    redis: bool = False,
) -> Measurement:
    if redis:
        store = Redis.from_url(REDIS_URL)
        await store.flushdb()  # no dialogue state left from an earlier run
        await store.aclose()
    telegram = FakeTelegramServer(token=TOKEN, bot_username="nastavnik_bench_bot")
    await telegram.start()
    for person in dataset.people:
        telegram.open_chat(telegram.add_user(person.telegram_id, person.full_name.split()[-1]))
    curators, mentees = cast
    measurement = Measurement()
    settings = _settings(telegram, database_url)
    ports = [free_port() for _ in range(instances)]
    balancer = RoundRobin([f"http://{HOST}:{port}" for port in ports])
    if webhook:
        await balancer.start()
        settings |= {"BOT_MODE": "webhook", "WEBHOOK_URL": balancer.url}
        settings |= {"WEBHOOK_SECRET": SECRET, "WEBHOOK_HOST": HOST}
    if redis:
        settings["REDIS_URL"] = REDIS_URL
    processes = [
        BotProcess(
            settings | ({"WEBHOOK_PORT": str(port)} if webhook else {}),
            workdir,
            module=module,
            log=workdir / f"{module}-{port}.log",
        )
        for port in ports
    ]
    try:
        await asyncio.gather(*(process.start() for process in processes))
        clients = [
            Client(telegram.users[person.telegram_id], measurement)
            for person in [*curators, *mentees]
        ]
        warm = Measurement()
        await asyncio.gather(
            *(Client(c.user, warm).step("warm", partial(c.user.send, "/start")) for c in clients)
        )
        for client in clients:
            _drain(client.user)
        started = time.perf_counter()
        cpu_before = sum(process.cpu_seconds() for process in processes)
        harness_before = time.process_time()
        simulated = {client.user.id for client in clients}
        others_before = _sent_to_others(telegram, simulated)

        async def work(client: Client, role: Role) -> None:
            for number in range(rounds):
                if module != "bot":
                    steps = CURATOR_STEPS if role is Role.CURATOR else MENTEE_STEPS
                    await client.echo_round(number, steps)
                elif role is Role.CURATOR:
                    await client.curator_round(number)
                else:
                    await client.mentee_round(number)

        roles = [Role.CURATOR] * len(curators) + [Role.MENTEE] * len(mentees)
        await asyncio.gather(*(work(c, r) for c, r in zip(clients, roles, strict=True)))
        measurement.elapsed = time.perf_counter() - started
        measurement.cpu = sum(process.cpu_seconds() for process in processes) - cpu_before
        measurement.harness_cpu = time.process_time() - harness_before
        measurement.to_others = _sent_to_others(telegram, simulated) - others_before
        measurement.memory = [process.memory_bytes() for process in processes]
    finally:
        await asyncio.gather(*(process.stop() for process in processes))
        await balancer.stop()
        await telegram.stop()
    return measurement


def _sent_to_others(telegram: FakeTelegramServer, simulated: set[int]) -> int:
    """Messages the bot has delivered (not attempts) to people the benchmark does not play."""
    return sum(
        sum(message.from_bot for message in telegram.chat_messages(user_id))
        for user_id in telegram.users
        if user_id not in simulated
    )


def _drain(user: FakeUser) -> None:
    while not user.inbox.empty():
        user.inbox.get_nowait()


async def run(arguments: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    dataset = demo.generate(
        date.today(), organizations=arguments.organizations, teachers=arguments.teachers
    )
    results: dict[str, Any] = {
        "teachers": arguments.organizations * arguments.teachers,
        "rows": dataset.count(),
        "users": arguments.users,
        "rounds": arguments.rounds,
    }
    cast = _cast(dataset, arguments.users)
    configurations = {
        "sqlite": ("sqlite", 1, False, False),
        "postgres": ("postgres", 1, False, False),
        "cluster": ("postgres", 3, True, True),
    }
    chosen = [arguments.only] if arguments.only else list(configurations)
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        urls = {
            "sqlite": f"sqlite+aiosqlite:///{workdir / 'load.db'}",
            "postgres": arguments.database_url,
        }
        if any(configurations[name][0] == "postgres" for name in chosen):
            await _create_if_missing(urls["postgres"])
        for name in chosen:
            backend, instances, webhook, redis = configurations[name]
            # every configuration starts from the same data (the real runs change it)
            await _fresh_database(urls[backend], dataset)
            common = {
                "database_url": urls[backend],
                "instances": instances,
                "webhook": webhook,
                "users": arguments.users,
                "rounds": arguments.rounds,
                "workdir": workdir,
            }
            echo = await _run(dataset, cast, module="bench.echo_bot", **common)
            real = await _run(dataset, cast, module="bot", redis=redis, **common)
            results |= echo.figures(f"{name}_echo") | real.figures(name)
            print(name, real.steps(), file=sys.stderr)
            results[f"{name}_vs_echo_ratio"] = (
                results[f"{name}_throughput_per_s"] / results[f"{name}_echo_throughput_per_s"]
            )
            results[f"{name}_cpu_per_update_vs_echo_ratio"] = (
                results[f"{name}_cpu_per_update_s"] / results[f"{name}_echo_cpu_per_update_s"]
            )
    results["total_s"] = time.perf_counter() - started
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=120, help="simulated teachers at once")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the mix per teacher")
    parser.add_argument("--organizations", type=int, default=100)
    parser.add_argument("--teachers", type=int, default=500, help="per organisation")
    parser.add_argument(
        "--database-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/bench_load"
    )
    parser.add_argument("--only", choices=["sqlite", "postgres", "cluster"])
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    if arguments.users < 2:
        parser.error("--users: at least 2 (a curator and a mentee)")
    results = asyncio.run(run(arguments))
    print(render(results, arguments.json))


if __name__ == "__main__":
    main()
