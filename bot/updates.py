"""Handling one update, the same in both modes: within a deadline well below Telegram's 55 s
(so an outage fails the update before Telegram counts it delivered), measured in the metrics,
and told apart: handled (the user got their answer or an apology for the bot's own error) or
left for later because the database or Redis is out (then nobody is told anything)."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot import metrics
from bot.outages import OUTAGES, as_outage
from bot.services.errors import UpdateTooSlow

logger = logging.getLogger(__name__)

# Below the 55 s after which Telegram (and aiogram) count a webhook update delivered, with
# room for the wait for the user's lock; above what any handler needs.
UPDATE_DEADLINE_SECONDS = 40
# What the errors router returns for an error it apologised for (see handlers/errors.py).
APOLOGISED = "apologised"


@dataclass(frozen=True, slots=True)
class Handled:
    done: bool  # False: an outage; the update must be taken again
    result: Any = None  # what the handler returned (a method to answer the webhook with)


async def handle(dispatcher: Dispatcher, bot: Bot, update: Update, **data: Any) -> Handled:
    kind = update.event_type
    started = time.perf_counter()
    deadline = asyncio.timeout(UPDATE_DEADLINE_SECONDS)
    try:
        async with deadline:
            result = await dispatcher.feed_update(bot, update, **data)
    except Exception as error:
        outage = UpdateTooSlow() if deadline.expired() else as_outage(error)
        if outage is None:  # the errors router itself failed: nothing more can be done
            logger.exception("Update %s failed", update.update_id)
            metrics.UPDATES.labels(kind, "failed").inc()
            return Handled(done=True)
        OUTAGES.failed(f"Update {update.update_id} left for later", outage)
        metrics.UPDATES.labels(kind, "outage").inc()
        return Handled(done=False)
    finally:
        metrics.UPDATE_SECONDS.labels(kind).observe(time.perf_counter() - started)
    OUTAGES.succeeded()
    metrics.UPDATES.labels(kind, "failed" if result == APOLOGISED else "handled").inc()
    return Handled(done=True, result=result)
