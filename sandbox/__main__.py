"""`python -m sandbox [--port 8081] [--database PATH]`: try the bot without Telegram.

Starts the project's local Bot API server (the strict one of the tests) on 127.0.0.1 with the
sandbox page beside it, fills a fresh SQLite database with a demo school, and runs the real bot
against that server exactly as it runs against Telegram. Prints one line with the page's
address; Ctrl+C (SIGINT) or SIGTERM stops the bot, then the server, and removes the temporary
database. Nothing of the user's `.env` is read.

The bot's token is new on each run and never leaves the process (the page is served beside the
Bot API, so a known token would let any web site call it); the tests, which call the local Bot
API as the bot would, choose it through NASTAVNIK_SANDBOX_TOKEN.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import secrets
import signal
import sys
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.settings import Settings, load_settings
from fakes.telegram import FakeTelegramServer
from models import Organization
from models.database import create_engine, upgrade_database
from models.enums import Role
from sandbox import demo
from sandbox.web import Person, SandboxWeb, split_name

HOST = "127.0.0.1"  # the page and the Bot API are for this machine only
DEFAULT_PORT = 8081
TOKEN_VARIABLE = "NASTAVNIK_SANDBOX_TOKEN"  # noqa: S105 - the name of a variable, for tests
BOT_USERNAME = "nastavnik_sandbox_bot"
TIMEZONE = "Europe/Moscow"
ADMIN = Person(
    telegram_id=demo.TELEGRAM_ID_BASE - 1,
    full_name="Белова Ольга Николаевна",
    role="admin",
    role_title="Региональный администратор",
    description="В ADMIN_IDS: организации и ссылки для кураторов, сводки по региону, /audit.",
)
ROLE_TITLES = {Role.CURATOR: "Куратор", Role.MENTOR: "Наставник", Role.MENTEE: "Наставляемый"}


@dataclass(frozen=True)
class Sandbox:
    """A started sandbox: the Bot API server with the page, and the bot's settings."""

    server: FakeTelegramServer
    settings: Settings

    @property
    def url(self) -> str:
        return self.server.url


async def seed(database: Path) -> list[Person]:
    """Create the schema in a new SQLite file and load the demo school; its people."""
    database.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    try:
        await upgrade_database(engine)
        now = datetime.now(UTC)
        today = now.astimezone(ZoneInfo(TIMEZONE)).date()
        dataset = demo.generate(today, timezone=TIMEZONE, now=now)
        for organization in dataset.rows[Organization]:
            # reminders show at whatever hour someone tries the sandbox (no quiet hours)
            organization["quiet_hours_start"] = organization["quiet_hours_end"] = 0
        await demo.load(engine, dataset)
    finally:
        await engine.dispose()
    people = [
        Person(
            telegram_id=item.telegram_id,
            full_name=item.full_name,
            role=item.role.value,
            role_title=ROLE_TITLES[item.role],
            description=item.description,
        )
        for item in dataset.people
    ]
    return [ADMIN, *people]


def new_token() -> str:
    """A token in the shape aiogram accepts (the bot's id, a colon, 35 or more characters),
    unguessable: the local Bot API answers only to it."""
    return f"{1_000_000_000 + secrets.randbelow(9_000_000_000)}:{secrets.token_urlsafe(33)}"


@asynccontextmanager
async def started(port: int, database: Path, token: str) -> AsyncIterator[Sandbox]:
    """The demo database, the Bot API server with the page on HOST:port and every person's
    chat opened with /start; stops the server on exit. The bot is not running yet."""
    people = await seed(database)
    server = FakeTelegramServer(token=token, bot_username=BOT_USERNAME)
    page = SandboxWeb(server, people)
    await server.start(HOST, port, setup=page.setup)
    try:
        for person in people:
            first_name, last_name = split_name(person.full_name)
            user = server.add_user(person.telegram_id, first_name, last_name)
            # As if each had pressed «Start»: the bot greets them with their menu once it runs,
            # and may write to them (reminders) from then on.
            await user.send("/start")
        settings = load_settings(
            _env_file=None,
            BOT_TOKEN=token,
            TELEGRAM_API_URL=server.url,
            DATABASE_URL=f"sqlite+aiosqlite:///{database}",
            ADMIN_IDS=str(ADMIN.telegram_id),
            TIMEZONE=TIMEZONE,
            LOG_LEVEL="WARNING",
            LOG_FORMAT="text",
            BOT_MODE="polling",
            REDIS_URL="",
        )
        yield Sandbox(server=server, settings=settings)
    finally:
        await server.stop()


def _bot_runner() -> Callable[[Settings], Awaitable[None]]:
    from bot.app import run

    return run


async def serve(port: int, database: Path | None, announce: Callable[[str], None]) -> None:
    """Run the sandbox until SIGINT or SIGTERM. Until the bot's polling takes these signals
    over (to stop itself gracefully), a signal cancels the start-up."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    stopping = False

    def stop_starting() -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            task.cancel()

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop_starting)
    try:
        with tempfile.TemporaryDirectory(prefix="nastavnik-sandbox-") as temporary:
            database = database or Path(temporary) / "sandbox.db"
            token = os.environ.get(TOKEN_VARIABLE) or new_token()
            async with started(port, database, token) as sandbox:
                announce(sandbox.url)
                # aiogram takes seconds to import: the page is served meanwhile
                run = await asyncio.to_thread(_bot_runner)
                await run(sandbox.settings)
    except asyncio.CancelledError:
        if not stopping:
            raise
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m sandbox",
        description="Песочница «Наставника»: бот, демо-школа и чат в браузере, без Telegram.",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"порт страницы на {HOST} (по умолчанию {DEFAULT_PORT}; 0 — любой свободный)",
    )
    parser.add_argument(
        "--database",
        type=Path,
        help="новый файл SQLite, который останется после выхода (по умолчанию — временный)",
    )
    arguments = parser.parse_args(argv)
    if not 0 <= arguments.port <= 65535:
        parser.error("порт — число от 0 до 65535")
    if arguments.database is not None and arguments.database.exists():
        parser.error(f"файл {arguments.database} уже есть: песочница начинает с новой базы")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    logging.basicConfig(
        level=logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )

    def announce(url: str) -> None:
        print(f"Песочница «Наставника»: {url} (остановить — Ctrl+C)", flush=True)

    try:
        asyncio.run(serve(arguments.port, arguments.database, announce))
    except OSError as error:
        print(f"Не удалось запустить песочницу: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
