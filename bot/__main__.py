"""`python -m bot`: read settings, configure logging, run the bot; a bad setting is one line.
`python -m bot backup PATH` and `python -m bot restore PATH` copy the database and put a copy
back (`bot.backup`)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from pathlib import Path

from bot.settings import SettingsError, load_database_settings, load_settings


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Бот «Наставник».")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("backup", help="копия базы SQLite, пока бот работает").add_argument(
        "path", type=Path, help="файл копии"
    )
    commands.add_parser("restore", help="восстановить базу из копии (бот остановлен)").add_argument(
        "path", type=Path, help="файл копии"
    )
    return parser.parse_args(argv)


def _copy_database(command: str, path: Path) -> int:
    from bot import backup
    from models import utcnow

    database_url = load_database_settings().database_url
    try:
        if command == "backup":
            made = backup.backup(database_url, path)
            print(f"Копия базы: {made.path} ({made.size // 1024} КБ, схема {made.revision}).")
        else:
            restored, kept = backup.restore(database_url, path, utcnow())
            print(f"База восстановлена из {restored.path} (схема {restored.revision}).")
            if kept is not None:
                print(f"Прежняя база сохранена в {kept}.")
    except backup.BackupError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(sys.argv[1:] if argv is None else argv)
    try:
        if arguments.command is not None:
            return _copy_database(arguments.command, arguments.path)
        settings = load_settings()
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    from bot import logs
    from bot.app import run  # imported after the settings check, so a bad one fails fast

    logs.configure(settings)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
