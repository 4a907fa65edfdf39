#!/usr/bin/env bash
# Set everything up on a fresh machine and run the bot. With settings (.env or BOT_TOKEN in the
# environment) it is the real bot against Telegram; without them, or with --sandbox, the sandbox:
# the same bot against the project's own local Bot API, a demo school and a web chat on
# http://127.0.0.1:8081 (more options: --port N, --database PATH).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" ""  # not this script's arguments
if [ "${1:-}" = "--sandbox" ]; then
    shift
    exec .venv/bin/python -m sandbox "$@"
fi
if [ ! -f .env ] && [ -z "${BOT_TOKEN:-}" ]; then
    echo "Нет настроек бота (.env или BOT_TOKEN), поэтому запускается песочница: бот с демо-школой в браузере, без Telegram." >&2
    echo "Настоящий бот: cp .env.example .env, впишите BOT_TOKEN от @BotFather и ADMIN_IDS, затем снова bash scripts/run.sh" >&2
    exec .venv/bin/python -m sandbox "$@"
fi
exec .venv/bin/python -m bot
