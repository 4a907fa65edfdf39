"""Long polling that loses no update to a crash: each batch from getUpdates is written to the
inbox (`bot.services.inbox`) before the next getUpdates confirms it to Telegram, each update is
marked handled once its handler has finished, and what is not marked — a crash, an outage — is
handled after the restart or a few seconds later, each once. While the database is out nothing
is confirmed: Telegram keeps the updates."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from datetime import timedelta
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import GetUpdates
from aiogram.types import Update
from aiogram.utils.backoff import Backoff, BackoffConfig
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import updates
from bot.middlewares import Received, call_of, received_update
from bot.outages import OUTAGES, as_outage
from bot.services import inbox
from models import utcnow

logger = logging.getLogger(__name__)

POLL_TIMEOUT_SECONDS = 10
# An update left by an outage is tried again after this; so is one the inbox still holds from
# before a restart.
RETRY_SECONDS = 3
RETRY_BATCH = 100
# How many handled update ids this process remembers, so that a retry that read the inbox
# just before one was marked does not take it again.
REMEMBER_DONE = 10_000
# A stop waits this long for the updates being handled (as long as the webhook's shutdown).
FINISH_SECONDS = 10
BACKOFF = BackoffConfig(min_delay=0.5, max_delay=5.0, factor=1.6, jitter=0.1)


class DurablePolling:
    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        allowed_updates: list[str],
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.session_factory = session_factory
        self.allowed_updates = allowed_updates
        self._in_flight: set[int] = set()
        self._done: dict[int, None] = {}  # insertion-ordered, oldest first
        self._tasks: set[asyncio.Task[None]] = set()

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set, then let the updates being handled finish and be marked
        (within `FINISH_SECONDS`; what is cut off is taken again after the restart)."""
        await self.dispatcher.emit_startup(bot=self.bot, dispatcher=self.dispatcher)
        retrying = asyncio.create_task(self._retry_forever(stop))
        try:
            await self._poll(stop)
        finally:
            retrying.cancel()
            with suppress(asyncio.CancelledError):
                await retrying
            if self._tasks:
                await asyncio.wait(set(self._tasks), timeout=FINISH_SECONDS)
            await self.dispatcher.emit_shutdown(bot=self.bot, dispatcher=self.dispatcher)

    async def _poll(self, stop: asyncio.Event) -> None:
        backoff = Backoff(config=BACKOFF)
        offset: int | None = None
        request_timeout = int(self.bot.session.timeout + POLL_TIMEOUT_SECONDS)
        while not stop.is_set():
            fetching = asyncio.ensure_future(
                self.bot(
                    GetUpdates(
                        offset=offset,
                        timeout=POLL_TIMEOUT_SECONDS,
                        allowed_updates=self.allowed_updates,
                    ),
                    request_timeout=request_timeout,
                )
            )
            stopping = asyncio.ensure_future(stop.wait())
            await asyncio.wait({fetching, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not fetching.done():
                fetching.cancel()  # stopping: what was not fetched stays with Telegram
                with suppress(asyncio.CancelledError, TelegramAPIError):
                    await fetching
                return
            try:
                batch = fetching.result()
            except TelegramAPIError as error:
                logger.warning("getUpdates failed (%s), again in %.1f s", error, backoff.next_delay)
                await backoff.asleep()
                continue
            if not batch:
                continue
            ids = {update.update_id for update in batch}
            self._in_flight |= ids  # not for the retry loop, which may read them once stored
            try:
                fresh = await self._store(batch)
            except Exception as error:
                self._in_flight -= ids
                outage = as_outage(error)
                if outage is None:
                    raise
                OUTAGES.failed(f"{len(batch)} updates not taken yet", outage)
                await backoff.asleep()
                continue  # the same offset: Telegram gives them again
            self._in_flight -= ids - fresh
            backoff.reset()
            offset = batch[-1].update_id + 1
            for update in batch:
                if update.update_id in fresh:
                    self._start(update)

    async def _store(self, batch: list[Update]) -> set[int]:
        rows = [
            (update.update_id, update.model_dump(mode="json", exclude_none=True))
            for update in batch
        ]
        async with self.session_factory.begin() as session:
            return set(await inbox.store(session, self.bot.id, rows, utcnow()))

    def _start(self, update: Update, pending_call: dict[str, Any] | None = None) -> None:
        self._in_flight.add(update.update_id)
        task = asyncio.create_task(self._handle(update, pending_call))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _handle(self, update: Update, pending_call: dict[str, Any] | None = None) -> None:
        received = Received(self.bot.id, update.update_id)
        token = received_update.set(received)
        try:
            if pending_call is not None:
                outcome = await self._call_again(update.update_id, pending_call)
            else:
                outcome = await updates.handle(self.dispatcher, self.bot, update)
            # An outage after an answer went out: taking the update again would repeat that
            # answer; what the handler wrote after it is lost instead, and said so in the log.
            done = outcome.done or received.answered
            if done and not outcome.done:
                logger.warning(
                    "Update %s answered before the outage: not taken again", update.update_id
                )
            if done:
                self._remember_done(update.update_id)
            if not received.marked:
                await self._mark(update.update_id, done=done)
        except Exception:  # the bot's own error: the row is marked or taken again later
            logger.exception("Update %s could not be finished", update.update_id)
        finally:
            received_update.reset(token)
            self._in_flight.discard(update.update_id)

    def _remember_done(self, update_id: int) -> None:
        self._done[update_id] = None
        if len(self._done) > REMEMBER_DONE:
            del self._done[next(iter(self._done))]

    async def _call_again(self, update_id: int, pending_call: dict[str, Any]) -> updates.Handled:
        """The handler had written and committed before this call when the process stopped:
        make only the call (the user's answer), not the handler again."""
        try:
            call = call_of(pending_call)
        except ValueError:  # not a call this version of aiogram knows
            call = None
        if call is None:
            logger.warning(
                "Update %s: its %s cannot be made again", update_id, pending_call["method"]
            )
            return updates.Handled(done=True)
        try:
            await self.bot(call)
        except TelegramAPIError as error:
            logger.warning(
                "Update %s: its %s failed again: %s", update_id, type(call).__name__, error
            )
        return updates.Handled(done=True)

    async def _mark(self, update_id: int, *, done: bool) -> None:
        try:
            async with self.session_factory.begin() as session:
                if done:
                    await inbox.mark_handled(session, self.bot.id, update_id, utcnow())
                else:
                    await inbox.mark_attempt(session, self.bot.id, update_id)
        except Exception as error:
            outage = as_outage(error)
            if outage is None:
                raise
            OUTAGES.failed(f"Update {update_id} not marked", outage)

    async def _retry_forever(self, stop: asyncio.Event) -> None:
        """At start, what the inbox holds from before; then every few seconds, what an outage
        left."""
        while not stop.is_set():
            try:
                await self._retry()
            except Exception as error:
                outage = as_outage(error)
                if outage is None:
                    logger.exception("The inbox could not be read")
                else:
                    OUTAGES.failed("The inbox cannot be read", outage)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RETRY_SECONDS)

    async def _retry(self) -> None:
        now = utcnow()
        async with self.session_factory.begin() as session:
            rows = await inbox.unhandled(
                session,
                self.bot.id,
                limit=RETRY_BATCH,
                received_before=now - timedelta(seconds=RETRY_SECONDS),
            )
            waiting: list[tuple[Update, dict[str, Any] | None]] = []
            for row in rows:
                if row.update_id in self._in_flight:
                    continue
                if row.update_id in self._done:  # handled, but marking it failed
                    await inbox.mark_handled(session, self.bot.id, row.update_id, now)
                    continue
                try:
                    update = Update.model_validate(row.payload, context={"bot": self.bot})
                except ValidationError:
                    logger.exception("Update %s cannot be read: dropped", row.update_id)
                    await inbox.mark_handled(session, self.bot.id, row.update_id, now)
                    continue
                waiting.append((update, row.pending_call))
            if given_up := await inbox.prune(session, now):
                logger.error(
                    "Updates %s failed %s times: given up", given_up, inbox.GIVE_UP_ATTEMPTS
                )
        for update, pending_call in waiting:
            self._start(update, pending_call)
