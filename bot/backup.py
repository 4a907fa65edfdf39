"""`python -m bot backup PATH` and `python -m bot restore PATH`: a consistent copy of the
SQLite database made while the bot runs (SQLite's online backup, in one step: in WAL mode it
reads one snapshot and never blocks the bot's writes), checked before it is kept; and its
restore (with the bot stopped), which checks the copy first and keeps the database it
replaces beside it as it was, so that nothing is lost by restoring the wrong file. For
PostgreSQL both say how to do it with pg_dump and pg_restore, which do it properly."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import make_url

from models.database import alembic_config


class BackupError(Exception):
    """The copy cannot be made or used; the message is for the operator, in Russian."""


@dataclass(frozen=True, slots=True)
class Copy:
    path: Path
    revision: str  # the schema's migration
    size: int


def sqlite_path(database_url: str) -> Path | None:
    """The file of a SQLite database, None for any other."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise BackupError("База в памяти: копировать нечего.")
    return Path(url.database)


def postgresql_instructions(database_url: str) -> str:
    url = make_url(database_url).set(drivername="postgresql")
    target = url.render_as_string(hide_password=True)
    return (
        "База — PostgreSQL: копию делает pg_dump, не бот (согласованно и пока бот работает).\n"
        f'  Копия:          pg_dump --format=custom --file=nastavnik.dump "{target}"\n'
        "  Восстановление (бот остановлен):\n"
        f'                  pg_restore --clean --if-exists --no-owner --dbname="{target}" '
        "nastavnik.dump\n"
        "Пароль pg_dump и pg_restore берут из ~/.pgpass или PGPASSWORD."
    )


def _copy(source: sqlite3.Connection, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(target)) as destination:
        source.backup(destination)  # all pages at once: one consistent snapshot


def check(path: Path) -> Copy:
    """That `path` is a whole database of this bot, at a schema this version knows."""
    if not path.is_file():
        raise BackupError(f"Файл {path} не найден.")
    try:
        with closing(sqlite3.connect(path)) as connection:
            (integrity,) = connection.execute("PRAGMA integrity_check").fetchone()
            if integrity != "ok":
                raise BackupError(f"Файл {path} повреждён: {integrity}.")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Файл {path} — не база бота ({error}).") from None
    if row is None:
        raise BackupError(f"В файле {path} нет схемы бота (alembic_version пуста).")
    revision = str(row[0])
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        raise BackupError(
            f"Копия {path} сделана более новой версией бота (схема {revision}): "
            "сначала обновите бота."
        ) from None
    return Copy(path, revision, path.stat().st_size)


def backup(database_url: str, target: Path) -> Copy:
    """A checked copy of the database at `target` (written beside it first, then moved)."""
    source = sqlite_path(database_url)
    if source is None:
        raise BackupError(postgresql_instructions(database_url))
    if not source.is_file():
        raise BackupError(f"Базы {source} нет: бот ещё не запускался с этим DATABASE_URL.")
    if target.resolve() == source.resolve():
        raise BackupError("Копию нельзя записать поверх самой базы.")
    partial = target.with_name(target.name + ".part")
    with closing(sqlite3.connect(source)) as connection:
        _copy(connection, partial)
    try:
        check(partial)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return check(target)


def restore(database_url: str, source: Path, now: datetime) -> tuple[Copy, Path | None]:
    """Put the copy at `source` in place of the database; the database it replaces is kept
    beside it (returned), and a copy of an older schema is upgraded when the bot starts."""
    database = sqlite_path(database_url)
    if database is None:
        raise BackupError(postgresql_instructions(database_url))
    restored = check(source)
    kept = None
    if database.is_file():  # as it is, even damaged (the reason to restore, often): unchecked
        kept = database.with_name(f"{database.stem}.before-restore-{now:%Y%m%d-%H%M%S}.db")
        for suffix in ("", "-wal", "-shm"):
            if (part := Path(f"{database}{suffix}")).is_file():
                shutil.copy2(part, f"{kept}{suffix}")
    incoming = database.with_name(database.name + ".restoring")
    with closing(sqlite3.connect(source)) as copy:
        _copy(copy, incoming)
    for suffix in ("-wal", "-shm"):  # the replaced database's, which belong to it alone
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    incoming.replace(database)
    return restored, kept
