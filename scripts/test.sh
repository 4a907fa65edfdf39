#!/usr/bin/env bash
# Set everything up on a fresh machine and run the checks: ruff, mypy, then the whole test
# suite on SQLite and, when TEST_DATABASE_URL is given, once more on that PostgreSQL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" dev

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy .

# The sandbox's browser tests drive Debian's headless Chromium; without it they are skipped.
if [ ! -x /usr/bin/chromedriver ]; then
    echo "== installing chromium and chromium-driver"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi  # never wait at a password prompt
    apt_install() {
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            chromium chromium-driver
    }
    apt_install || { $sudo apt-get update && apt_install; } \
        || echo "Не удалось установить chromium: браузерные тесты песочницы будут пропущены." >&2
fi

echo "== tests on SQLite"
env -u TEST_DATABASE_URL .venv/bin/pytest -q "$@"

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
