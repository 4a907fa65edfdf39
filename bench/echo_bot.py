"""The load benchmark's baseline: a bare aiogram echo bot (no database, no middlewares), run in
long polling or behind a webhook exactly like the real bot, configured by the same variables
(BOT_TOKEN, TELEGRAM_API_URL, BOT_MODE, WEBHOOK_URL/HOST/PORT/SECRET).

    python -m bench.echo_bot
"""

from __future__ import annotations

import asyncio
import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

WEBHOOK_PATH = "/telegram/webhook"


def create_dispatcher() -> Dispatcher:
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "…")

    return dispatcher


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def main() -> None:
    session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"]))
    bot = Bot(os.environ["BOT_TOKEN"], session=session)
    dispatcher = create_dispatcher()
    if os.environ.get("BOT_MODE", "polling") == "polling":
        await dispatcher.start_polling(bot)
        return
    secret = os.environ["WEBHOOK_SECRET"]
    app = web.Application()
    app.router.add_get("/healthz", health)
    SimpleRequestHandler(
        dispatcher=dispatcher, bot=bot, secret_token=secret, handle_in_background=False
    ).register(app, path=WEBHOOK_PATH)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(os.environ["WEBHOOK_PORT"])).start()
    await bot.set_webhook(os.environ["WEBHOOK_URL"] + WEBHOOK_PATH, secret_token=secret)
    try:
        await asyncio.Event().wait()  # until SIGTERM ends the process
    finally:
        await runner.cleanup()
        await session.close()


if __name__ == "__main__":
    asyncio.run(main())
