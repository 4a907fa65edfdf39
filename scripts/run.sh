#!/usr/bin/env bash
# Set everything up on a fresh machine and run the bot (long polling). Settings: .env or env.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
if [ ! -f .env ] && [ -z "${BOT_TOKEN:-}" ]; then
    cp .env.example .env
    echo "Создан файл .env из .env.example: впишите в него BOT_TOKEN от @BotFather и ADMIN_IDS, затем запустите снова." >&2
    exit 2
fi
exec .venv/bin/python -m bot
