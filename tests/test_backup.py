"""`python -m bot backup` while the real bot registers teachers, and `python -m bot restore` of
that copy: the copy is whole and consistent, the restore keeps the database it replaces, the
bot goes on with the restored one; a file that is not a whole copy of this bot is refused
and nothing is touched; PostgreSQL is told how to use pg_dump."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from contextlib import closing, suppress
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.backup import BackupError, backup, check
from bot.texts.common import NEED_INVITE
from models.database import create_engine, create_session_factory, upgrade_database
from models.enums import Role
from tests.conftest import ADMIN_ID, TOKEN
from tests.dialogs import register, reply
from tests.factories import make_invite, make_organization
from tests.instances import ROOT, BotProcess

REGISTERING = range(9_500, 9_516)


async def bot_command(database_url: str, workdir: Path, *arguments: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *arguments,
        cwd=workdir,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    return int(process.returncode or 0), out.decode(), err.decode()


def people_in(path: Path) -> int:
    """How many people the database file holds (read as a backup tool would)."""
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM people").fetchone()[0])


async def test_a_backup_made_while_the_bot_writes_is_whole_and_restores(telegram, tmp_path):
    school = tmp_path / "school.db"
    database_url = f"sqlite+aiosqlite:///{school}"
    settings = {
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN_ID),
    }
    bot = BotProcess(settings, tmp_path, log=tmp_path / "bot.log")
    await bot.start()
    engine = create_engine(database_url)
    session_factory = create_session_factory(engine)
    users = [telegram.add_user(user_id=user_id, first_name="Н") for user_id in REGISTERING]
    copy = tmp_path / "copies" / "school-copy.db"
    try:
        async with asyncio.timeout(30):
            while True:  # the bot makes the database and migrates it when it starts
                with suppress(BackupError):
                    check(school)
                    break
                await asyncio.sleep(0.1)
        organization_id = await make_organization(session_factory)
        code = await make_invite(session_factory, organization_id, Role.MENTEE, max_uses=50)
        registered = asyncio.Event()

        async def one_after_another() -> None:
            for user in users:
                await register(user, code)
                registered.set()

        registrations = asyncio.create_task(one_after_another())
        await registered.wait()
        # what the command does, here without the start of a process: so the copy is sure to
        # be taken after the first registration and before the last
        made = backup(database_url, copy)
        await registrations
    finally:
        assert await bot.stop() == 0
        await engine.dispose()
    assert check(copy) == made  # whole, and at this bot's schema
    assert not copy.with_name(copy.name + ".part").exists()
    in_copy = people_in(copy)
    assert people_in(school) == len(users)
    assert 1 <= in_copy < len(users)  # taken while the registrations went on
    with closing(sqlite3.connect(copy)) as connection:  # one snapshot of every table
        (uses,) = connection.execute("SELECT uses FROM invites").fetchone()
    assert uses == in_copy

    status, out, err = await bot_command(database_url, tmp_path, "restore", str(copy))
    assert status == 0, err
    assert "База восстановлена" in out
    assert people_in(school) == in_copy
    (kept,) = school.parent.glob("school.before-restore-*.db")
    assert people_in(kept) == len(users)  # what the restore replaced is not lost

    again = BotProcess(settings, tmp_path, log=tmp_path / "bot.log")
    await again.start()
    try:
        with closing(sqlite3.connect(school)) as connection:
            (registered,) = connection.execute("SELECT telegram_id FROM people").fetchone()
        known = telegram.users[registered]
        await known.send("/start")
        menu = (await reply(known)).text  # the restored bot knows them
        assert menu != NEED_INVITE and "Шаг" not in menu, menu
    finally:
        assert await again.stop() == 0


async def test_what_is_not_a_whole_copy_is_refused_and_nothing_touched(tmp_path):
    school = tmp_path / "school.db"
    database_url = f"sqlite+aiosqlite:///{school}"
    engine = create_engine(database_url)
    await upgrade_database(engine)
    session_factory = create_session_factory(engine)
    await make_organization(session_factory)
    await engine.dispose()
    before = school.read_bytes()

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    newer = tmp_path / "newer.db"
    with closing(sqlite3.connect(school)) as source, closing(sqlite3.connect(newer)) as target:
        source.backup(target)
        target.execute("UPDATE alembic_version SET version_num = '9999'")
        target.commit()
    refusals = {
        garbage: "не база бота",
        tmp_path / "missing.db": "не найден",
        newer: "более новой версией бота",
    }
    for path, reason in refusals.items():
        status, _out, err = await bot_command(database_url, tmp_path, "restore", str(path))
        assert status == 1 and reason in err, (path, err)
    assert school.read_bytes() == before
    assert not list(school.parent.glob("*.before-restore-*"))


async def test_a_damaged_database_is_restored_and_kept_as_it_was(tmp_path):
    school = tmp_path / "school.db"
    database_url = f"sqlite+aiosqlite:///{school}"
    engine = create_engine(database_url)
    await upgrade_database(engine)
    await make_organization(create_session_factory(engine))
    await engine.dispose()
    copy = tmp_path / "copy.db"
    status, out, err = await bot_command(database_url, tmp_path, "backup", str(copy))
    assert status == 0 and "Копия базы" in out, err

    damaged = school.read_bytes()[:4096] + b"\x00" * 100  # the header, then nothing whole
    school.write_bytes(damaged)
    status, out, err = await bot_command(database_url, tmp_path, "restore", str(copy))
    assert status == 0, err
    assert "База восстановлена" in out
    (kept,) = tmp_path.glob("school.before-restore-*.db")
    assert kept.read_bytes() == damaged
    with closing(sqlite3.connect(school)) as connection:
        assert connection.execute("SELECT count(*) FROM organizations").fetchone() == (1,)


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_postgresql_is_told_how_to_use_pg_dump(command, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "postgresql://school:s3cret@db.example/nastavnik")
    assert main([command, str(tmp_path / "copy.dump")]) == 1
    told = capsys.readouterr().err
    assert "pg_dump --format=custom" in told and "pg_restore --clean" in told
    assert "s3cret" not in told
    assert not (tmp_path / "copy.dump").exists()
