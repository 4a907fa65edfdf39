#!/usr/bin/env bash
# Shared by run.sh and test.sh: make .venv with Python 3.11+ and install the project into it
# (again only when pyproject.toml changed). Usage: source scripts/bootstrap.sh [extra]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Нужен Python 3.11 или новее (сейчас: $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
extra="${1:-}"
stamp=".venv/.installed${extra:+-$extra}"
fresh() { [ -f "$1" ] && [ ! pyproject.toml -nt "$1" ]; }
# the dev install includes the plain one
if ! fresh "$stamp" && ! { [ -z "$extra" ] && fresh .venv/.installed-dev; }; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".${extra:+[$extra]}"
    touch "$stamp"
fi
