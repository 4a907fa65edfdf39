"""`python -m bot` on a fresh directory: migrates a new SQLite file by itself, answers over long
polling, and stops cleanly on SIGINT."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from tests.conftest import TOKEN
from tests.dialogs import reply

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("stop", "log_format"), [(signal.SIGINT, "text"), (signal.SIGTERM, "json")]
)
async def test_python_m_bot_starts_migrates_and_answers(
    telegram, tmp_path: Path, stop: signal.Signals, log_format: str
) -> None:
    env = {
        **os.environ,
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.url,
        "ADMIN_IDS": "1",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "INFO",
        "LOG_FORMAT": log_format,
    }
    env.pop("DATABASE_URL", None)  # the default: data/nastavnik.db in the working directory
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        async with asyncio.timeout(30):
            while not any(method == "getUpdates" for method, _ in telegram.calls):
                assert process.returncode is None, await process.stdout.read()  # type: ignore[union-attr]
                await asyncio.sleep(0.05)
        user = telegram.add_user(user_id=4242, first_name="Гость")
        await user.send("/start")
        assert "приглашени" in (await reply(user)).text
    finally:
        process.send_signal(stop)
        output = await asyncio.wait_for(process.stdout.read(), 20)  # type: ignore[union-attr]
        code = await asyncio.wait_for(process.wait(), 20)
    assert code == 0, output.decode()
    assert b"Traceback" not in output
    if log_format == "json":
        records = [json.loads(line) for line in output.decode().splitlines() if line]
        assert {"time", "level", "logger", "message", "update_id", "user_id"} <= set(records[0])
    database = tmp_path / "data" / "nastavnik.db"
    engine = create_engine(f"sqlite:///{database}")
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"organizations", "people", "invites", "pairs", "meetings", "notifications"} <= tables


def test_the_report_libraries_load_with_the_first_report() -> None:
    """matplotlib (with numpy), openpyxl and python-docx (with lxml) are some 95 MB of a process
    that may never draw a chart or write a workbook or a document: the bot starts without them."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, bot.app; print(sorted({m.split('.')[0] for m in sys.modules}))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    for library in ("matplotlib", "numpy", "openpyxl", "docx", "lxml"):
        assert f"'{library}'" not in loaded
