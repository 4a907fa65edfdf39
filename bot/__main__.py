"""`python -m bot`: read settings, configure logging, run the bot; a bad setting is one line."""

from __future__ import annotations

import asyncio
import contextlib
import sys

from bot.settings import SettingsError, load_settings


def main() -> int:
    try:
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
