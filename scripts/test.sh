#!/usr/bin/env bash
# Set everything up on a fresh machine and run the checks: ruff, mypy, then the whole test
# suite on SQLite; with TEST_CLOCKS=1 twice more on SQLite at other clocks (a Saturday night in
# Moscow, the zone of Vladivostok); and, when TEST_DATABASE_URL is given, on that PostgreSQL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" dev

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy .

# Debian packages the tests use: headless Chromium for the sandbox's browser tests (skipped
# without it), faketime for the runs at another hour, and LibreOffice (Writer for the
# documents, Calc for the workbooks) with poppler to convert each document to PDF and render a
# page of it, in Liberation Serif (the metrics of Times New Roman, so pages break as they will
# in Word).
packages=()
[ -x /usr/bin/chromedriver ] || packages+=(chromium chromium-driver)
command -v faketime >/dev/null || packages+=(faketime)
command -v soffice >/dev/null || packages+=(libreoffice-writer)
dpkg -s libreoffice-calc >/dev/null 2>&1 || packages+=(libreoffice-calc)
command -v pdftoppm >/dev/null || packages+=(poppler-utils)
[ -d /usr/share/fonts/truetype/liberation ] || packages+=(fonts-liberation)
if [ "${#packages[@]}" -gt 0 ]; then
    echo "== installing ${packages[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi  # never wait at a password prompt
    apt_install() {
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            "${packages[@]}"
    }
    apt_install || { $sudo apt-get update && apt_install; } \
        || echo "Не удалось установить ${packages[*]}: часть проверок будет пропущена." >&2
fi

echo "== tests on SQLite"
env -u TEST_DATABASE_URL .venv/bin/pytest -q "$@"

# The suite passes at any hour, on any day, in any time zone of the machine (TEST_CLOCKS=1, as
# in CI): once more with the clock of the tests and of every process they start set to a
# Saturday night in Moscow (quiet hours, no working hours), and once in Vladivostok's zone.
if [ "${TEST_CLOCKS:-}" = "1" ]; then
    if ! command -v faketime >/dev/null; then
        echo "faketime не установлен: прогон в субботу вечером невозможен." >&2
        exit 1
    fi
    # An offset from the real clock rather than a start time: the processes the tests start
    # (the bot, the sandbox, the browser) then share one clock with them.
    saturday=$(date -u -d "next saturday 19:40" +%s)
    echo "== tests on SQLite at $(date -u -d "@$saturday" '+%F %H:%M') UTC (22:40 in Moscow)"
    env -u TEST_DATABASE_URL faketime -f "+$((saturday - $(date -u +%s)))" .venv/bin/pytest -q "$@"
    echo "== tests on SQLite with TZ=Asia/Vladivostok"
    env -u TEST_DATABASE_URL TZ=Asia/Vladivostok .venv/bin/pytest -q "$@"
fi

if [ -n "${TEST_DATABASE_URL:-}" ]; then
    echo "== tests on PostgreSQL"
    .venv/bin/python - <<'PY'
import asyncio, os, sys
from sqlalchemy import text
from models.database import create_engine

async def check() -> None:
    engine = create_engine(os.environ["TEST_DATABASE_URL"])
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    finally:
        await engine.dispose()

try:
    asyncio.run(check())
except Exception as error:
    sys.exit(f"PostgreSQL из TEST_DATABASE_URL недоступен: {error}")
PY
    .venv/bin/pytest -q "$@"
fi
