"""Load benchmark: simulated teachers use the real bot (`python -m bot`, long polling) over the
fake Bot API, with 50 000 registered teachers in the database, against two floors run the same
way on the same fake in the same run: a bare aiogram echo bot (`bench/echo_bot.py`) and a bot
that reads and writes the database once per update (`bench/floor_bot.py`).

The mix, per mentee round: the menu, a difficulty registered in three taps, the list of their
difficulties, and a help request (text, then urgency; their mentor is notified); per curator
round: /summary for the month and the menu. Every step is one update; its latency runs from the
user's action to the message it brings. The floors' users send as many text messages.

For each backend (SQLite, PostgreSQL):
1. Closed loop (each user waits for the answer, then acts again), the three bots in turn, the
   bot with its scheduler off: CPU per update of handling, as ratios to the echo bot's and the
   floor's; Bot API calls per update (getUpdates apart); memory of each process.
2. Open loop: the users act at 40 updates a second together for 60 s, whatever the answers,
   the bot's scheduler running with the region's reminders due and sent (the schools' quiet
   hours off for it, whatever the hour): p95 from an update to its reply, and the CPU the
   scheduler took meanwhile (the process's CPU less the updates' at the closed loop's cost).
   A user left without an answer for 60 s, or given one the step does not expect, stops there
   and is counted (`open_loop_stuck_users`), their wait in the latencies.
3. The scheduler's backlog, in this process: 10 000 reminders due at 23:00 in Moscow (quiet
   hours) taken by one round of the sender, which puts each off to the morning: CPU seconds.

    python -m bench.load [--users 120] [--rounds 3] [--organizations 100] [--teachers 500]
                         [--rate 40] [--seconds 60] [--backlog 10000]
                         [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/bench_load]
                         [--only sqlite|postgres] [--json]

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
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.engine import make_url

from bench import empty_schema, render
from bot.services.reminders.kinds import Category, Kind
from bot.settings import load_settings
from bot.telegram import create_bot
from bot.texts.difficulties import BUTTON_NEW_DIFFICULTY
from bot.texts.help_requests import HELP_URGENCY_NAMES
from fakes.telegram import BotMessage, FakeTelegramServer, FakeUser
from models import Notification, NotificationPreference, Organization, PairMember, Person
from models.database import create_engine, create_session_factory
from models.enums import NotificationStatus, Role, Urgency
from sandbox import demo
from scheduler.sender import Sender
from tests.instances import BotProcess

TOKEN = "700000001:BENCHloadTOKENnotRealAtAll_abcdefghij"  # noqa: S105 (the fake API's)
STEP_TIMEOUT = 60.0
IDLE_SECONDS = 3.0  # after the warm-up, before the idle memory is read
NEW_DIFFICULTY = BUTTON_NEW_DIFFICULTY
HELP_MEDIUM = HELP_URGENCY_NAMES[Urgency.MEDIUM]
# 23:00 in Moscow, where the demo region's schools are: every reminder waits for the morning
QUIET_HOUR = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
NO_QUIET_HOURS, SCHOOL_QUIET_HOURS = (0, 0), (21, 8)
ECHO, FLOOR, BOT = "bench.echo_bot", "bench.floor_bot", "bot"
Action = Callable[[], Awaitable[Any]]


class TimeUp(Exception):
    """The open loop's time is over: the user stops."""


class Stuck(Exception):
    """The user got no answer within `STEP_TIMEOUT`, or not the one the step expects (the
    button to press is not in it): in the open loop they stop and are counted."""


@dataclass
class Measurement:
    updates: int = 0
    latencies: list[float] = field(default_factory=list)
    by_step: dict[str, list[float]] = field(default_factory=dict)
    elapsed: float = 0.0
    cpu: float = 0.0
    api_calls: int = 0
    get_updates: int = 0
    to_others: int = 0
    idle_rss: int = 0
    peak_rss: int = 0
    stuck: int = 0  # open loop: users stopped by a missing or unexpected answer

    @property
    def cpu_per_update(self) -> float:
        return self.cpu / self.updates

    def p95(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[math.ceil(len(ordered) * 0.95) - 1]

    def steps(self) -> str:
        """p50/p95 of each step, for reading where the time goes."""
        return "  ".join(
            f"{name}: {statistics.median(v):.3f}/{sorted(v)[math.ceil(len(v) * 0.95) - 1]:.3f}"
            for name, v in self.by_step.items()
        )


class Client:
    """One simulated teacher: takes a step, waits for what it brings, records the latency. In
    the open loop `pace` holds each step back until its moment comes."""

    def __init__(
        self,
        user: FakeUser,
        measurement: Measurement,
        pace: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.user = user
        self.measurement = measurement
        self.pace = pace

    async def step(self, name: str, action: Action) -> BotMessage:
        if self.pace is not None:
            await self.pace()
        started = time.perf_counter()
        try:
            await action()
            received = await self.user.next_message(STEP_TIMEOUT)
        except AssertionError as error:  # the fake's: no such button, or no message in time
            self.measurement.latencies.append(time.perf_counter() - started)
            raise Stuck(name) from error
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

    async def echo_round(self, number: int, role: Role) -> None:
        steps = CURATOR_STEPS if role is Role.CURATOR else MENTEE_STEPS
        for step in range(steps):
            await self.step("echo", partial(self.user.send, f"Эхо {number}-{step}"))

    async def round(self, module: str, role: Role, number: int) -> None:
        if module != BOT:
            await self.echo_round(number, role)
        elif role is Role.CURATOR:
            await self.curator_round(number)
        else:
            await self.mentee_round(number)


MENTEE_STEPS = 9
CURATOR_STEPS = 2


def _cast(dataset: demo.Dataset, users: int) -> list[tuple[demo.DemoPerson, Role]]:
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
    return [(p, Role.CURATOR) for p in curators] + [(p, Role.MENTEE) for p in mentees]


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


@dataclass
class Bench:
    """One backend's run: the dataset and its simulated users, the database, a working
    directory for the processes' logs."""

    dataset: demo.Dataset
    cast: list[tuple[demo.DemoPerson, Role]]
    database_url: str
    workdir: Path
    rounds: int
    # one fake for all the runs: its update ids go on growing, as the bot's inbox expects
    telegram: FakeTelegramServer = field(init=False)

    async def __aenter__(self) -> Bench:
        self.telegram = FakeTelegramServer(token=TOKEN, bot_username="nastavnik_bench_bot")
        for person in self.dataset.people:
            user = self.telegram.add_user(person.telegram_id, person.full_name.split()[-1])
            self.telegram.open_chat(user)
        await self.telegram.start()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.telegram.stop()

    async def run(
        self, module: str, *, scheduler: bool = True, rate: float = 0.0, seconds: float = 0.0
    ) -> Measurement:
        """Start the process, warm it up, then drive the users: in a closed loop for
        `self.rounds` rounds, or (with `rate`) in an open loop for `seconds`."""
        telegram = self.telegram
        settings = {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.url,
            "DATABASE_URL": self.database_url,
            "ADMIN_IDS": "1",
            "TIMEZONE": "Europe/Moscow",
            "SCHEDULER_ENABLED": str(scheduler).lower(),
        }
        name = module.rsplit(".", 1)[-1]
        log = self.workdir / f"{name}.log"
        process = BotProcess(settings, self.workdir, module=module, log=log)
        measurement = Measurement()
        users = [telegram.users[person.telegram_id] for person, _ in self.cast]
        try:
            await process.start()
            warm = Measurement()
            await asyncio.gather(
                *(Client(user, warm).step("warm", partial(user.send, "/start")) for user in users)
            )
            await asyncio.sleep(IDLE_SECONDS)
            measurement.idle_rss = process.memory_bytes("VmRSS")
            for user in users:
                _drain(user)
            calls_before = len(telegram.calls)
            simulated = {user.id for user in users}
            others_before = _sent_to_others(telegram, simulated)
            cpu_before = process.cpu_seconds()
            started = time.perf_counter()
            if rate:
                await self._open_loop(module, users, measurement, rate, seconds)
            else:
                await asyncio.gather(
                    *(
                        self._closed_loop(module, Client(user, measurement), role)
                        for user, (_, role) in zip(users, self.cast, strict=True)
                    )
                )
            measurement.elapsed = time.perf_counter() - started
            measurement.cpu = process.cpu_seconds() - cpu_before
            measurement.to_others = _sent_to_others(telegram, simulated) - others_before
            calls = telegram.calls[calls_before:]
            others = _others(telegram, simulated)
            measurement.get_updates = sum(method == "getUpdates" for method, _ in calls)
            measurement.api_calls = sum(
                method != "getUpdates" and _chat_of(params) not in others
                for method, params in calls
            )
            measurement.peak_rss = process.memory_bytes("VmHWM")
        finally:
            await process.stop()
        return measurement

    async def _closed_loop(self, module: str, client: Client, role: Role) -> None:
        for number in range(self.rounds):
            await client.round(module, role, number)

    async def _open_loop(
        self,
        module: str,
        users: list[FakeUser],
        measurement: Measurement,
        rate: float,
        seconds: float,
    ) -> None:
        """Each user acts every `len(users) / rate` seconds, the users' moments spread evenly
        over that period; a user whose answer is late acts as soon as it comes."""
        loop = asyncio.get_running_loop()
        start = loop.time()
        period = len(users) / rate

        def pace_from(offset: float) -> Callable[[], Awaitable[None]]:
            moment = start + offset

            async def pace() -> None:
                nonlocal moment
                if moment >= start + seconds:
                    raise TimeUp
                await asyncio.sleep(max(0.0, moment - loop.time()))
                moment += period

            return pace

        async def act(index: int, user: FakeUser, role: Role) -> None:
            client = Client(user, measurement, pace_from(index / rate))
            try:
                for number in itertools.count(self.rounds):
                    await client.round(module, role, number)
            except TimeUp:
                pass
            except Stuck as step:
                measurement.stuck += 1
                print(f"open loop: user {user.id} stuck at {step}", file=sys.stderr)

        await asyncio.gather(
            *(
                act(index, user, role)
                for index, (user, (_, role)) in enumerate(zip(users, self.cast, strict=True))
            )
        )

    async def backlog(self, count: int) -> tuple[float, int, int]:
        """CPU seconds of one round of the sender over `count` reminders due in quiet hours,
        and how many it took and put off."""
        engine = create_engine(self.database_url)
        session_factory = create_session_factory(engine)
        try:
            async with session_factory.begin() as session:
                simulated = [person.telegram_id for person, _ in self.cast]
                people = list(
                    await session.scalars(
                        select(Person.id)
                        .where(Person.telegram_id.is_not(None))
                        .where(Person.telegram_id.not_in(simulated))
                        .order_by(Person.id)
                        .limit(count)
                    )
                )
                due = QUIET_HOUR - timedelta(hours=1)
                await session.execute(
                    insert(Notification),
                    [
                        {
                            "key": f"bench-backlog:{number}",
                            "person_id": people[number % len(people)],
                            "kind": Kind.STAFF_LIST.value,
                            "payload": {},
                            "due_at": due,
                            "status": NotificationStatus.PENDING,
                            "attempts": 0,
                        }
                        for number in range(count)
                    ],
                )
            settings = load_settings(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=self.telegram.url)
            bot = create_bot(settings)  # never called: nothing is sent in quiet hours
            sender = Sender(session_factory, bot, clock=lambda: QUIET_HOUR)
            cpu_before = time.process_time()
            stats = await sender.run_once()
            cpu = time.process_time() - cpu_before
            await bot.session.close()
            return cpu, stats.deferred + stats.cancelled + stats.sent + stats.failed, stats.deferred
        finally:
            await engine.dispose()


def _chat_of(params: dict[str, Any]) -> int | None:
    chat = params.get("chat_id")
    return int(chat) if isinstance(chat, int | str) and str(chat).lstrip("-").isdigit() else None


def _others(telegram: FakeTelegramServer, simulated: set[int]) -> set[int]:
    return set(telegram.users) - simulated


def _sent_to_others(telegram: FakeTelegramServer, simulated: set[int]) -> int:
    """Messages the bot has delivered (not attempts) to people the benchmark does not play."""
    return sum(
        sum(message.from_bot for message in telegram.chat_messages(user_id))
        for user_id in _others(telegram, simulated)
    )


def _drain(user: FakeUser) -> None:
    while not user.inbox.empty():
        user.inbox.get_nowait()


async def _set_quiet_hours(url: str, hours: tuple[int, int]) -> None:
    """The organisations' quiet hours. None in the open loop, so that the region's due
    reminders are being sent beside the updates whatever the hour the benchmark runs at; the
    schools' 21–08 for the backlog, which is put off to the morning."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(Organization).values(quiet_hours_start=hours[0], quiet_hours_end=hours[1])
            )
    finally:
        await engine.dispose()


async def measure_backend(name: str, bench: Bench, arguments: argparse.Namespace) -> dict[str, Any]:
    """Every figure of one backend, its keys prefixed with its name."""
    await _fresh_database(bench.database_url, bench.dataset)
    echo = await bench.run(ECHO)
    floor = await bench.run(FLOOR)
    closed = await bench.run(BOT, scheduler=False)
    await _set_quiet_hours(bench.database_url, NO_QUIET_HOURS)
    opened = await bench.run(BOT, rate=arguments.rate, seconds=arguments.seconds)
    await _set_quiet_hours(bench.database_url, SCHOOL_QUIET_HOURS)
    backlog_cpu, backlog_rows, backlog_deferred = await bench.backlog(arguments.backlog)
    print(name, "closed:", closed.steps(), file=sys.stderr)
    print(name, "open:", opened.steps(), file=sys.stderr)
    scheduler_cpu = max(0.0, opened.cpu - opened.updates * closed.cpu_per_update)
    figures = {
        "echo_cpu_per_update_s": echo.cpu_per_update,
        "floor_cpu_per_update_s": floor.cpu_per_update,
        "cpu_per_update_s": closed.cpu_per_update,
        "cpu_per_update_vs_echo_ratio": closed.cpu_per_update / echo.cpu_per_update,
        "cpu_per_update_vs_floor_ratio": closed.cpu_per_update / floor.cpu_per_update,
        "floor_vs_echo_ratio": floor.cpu_per_update / echo.cpu_per_update,
        "closed_updates": closed.updates,
        "closed_throughput_per_s": closed.updates / closed.elapsed,
        "closed_vs_echo_throughput_ratio": (closed.updates / closed.elapsed)
        / (echo.updates / echo.elapsed),
        "closed_p95_s": closed.p95(),
        "api_calls_per_update": closed.api_calls / closed.updates,
        "get_updates_per_update": closed.get_updates / closed.updates,
        "messages_to_others": closed.to_others,
        "open_loop_updates": opened.updates,
        "open_loop_rate_per_s": opened.updates / opened.elapsed,
        "open_loop_p50_s": statistics.median(opened.latencies),
        "open_loop_p95_s": opened.p95(),
        "open_loop_cpu_s": opened.cpu,
        "open_loop_scheduler_cpu_s": scheduler_cpu,
        "open_loop_messages_to_others": opened.to_others,
        "open_loop_stuck_users": opened.stuck,
        "scheduler_backlog_rows": backlog_rows,
        "scheduler_backlog_deferred": backlog_deferred,
        "scheduler_backlog_cpu_s": backlog_cpu,
        "echo_idle_rss_mb": echo.idle_rss / 2**20,
        "echo_peak_rss_mb": echo.peak_rss / 2**20,
        "floor_idle_rss_mb": floor.idle_rss / 2**20,
        "idle_rss_mb": opened.idle_rss / 2**20,
        "peak_rss_mb": max(opened.peak_rss, closed.peak_rss) / 2**20,
        "idle_rss_vs_echo_ratio": opened.idle_rss / echo.idle_rss,
        "peak_rss_vs_echo_ratio": max(opened.peak_rss, closed.peak_rss) / echo.peak_rss,
    }
    return {f"{name}_{key}": value for key, value in figures.items()}


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
        "open_loop_offered_per_s": arguments.rate,
    }
    cast = _cast(dataset, arguments.users)
    chosen = [arguments.only] if arguments.only else ["sqlite", "postgres"]
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        urls = {
            "sqlite": f"sqlite+aiosqlite:///{workdir / 'load.db'}",
            "postgres": arguments.database_url,
        }
        if "postgres" in chosen:
            await _create_if_missing(urls["postgres"])
        for name in chosen:
            async with Bench(dataset, cast, urls[name], workdir, arguments.rounds) as bench:
                results |= await measure_backend(name, bench, arguments)
    if "sqlite" in chosen and "postgres" in chosen:
        for key in ("cpu_per_update_vs_echo_ratio", "cpu_per_update_vs_floor_ratio"):
            results[f"postgres_vs_sqlite_{key}"] = (
                results[f"postgres_{key}"] / results[f"sqlite_{key}"]
            )
    results["total_s"] = time.perf_counter() - started
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=120, help="simulated teachers at once")
    parser.add_argument("--rounds", type=int, default=3, help="closed-loop rounds per teacher")
    parser.add_argument("--organizations", type=int, default=100)
    parser.add_argument("--teachers", type=int, default=500, help="per organisation")
    parser.add_argument("--rate", type=float, default=40.0, help="open loop: updates a second")
    parser.add_argument("--seconds", type=float, default=60.0, help="open loop: how long")
    parser.add_argument("--backlog", type=int, default=10_000, help="reminders due at once")
    parser.add_argument(
        "--database-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/bench_load"
    )
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    if arguments.users < 2:
        parser.error("--users: at least 2 (a curator and a mentee)")
    results = asyncio.run(run(arguments))
    print(render(results, arguments.json))


if __name__ == "__main__":
    main()
