"""The one sender of queued notifications: claims what is due, checks each against the state of
things, the person's switches and quiet hours, and sends within Telegram's limits (about 30
messages a second overall, one a second per chat). A 429 pauses all sending for its full
`retry_after`; a 5xx or network failure is retried later with backoff; a 403 marks the person
inactive and stops their reminders. Each message is marked sent in its own transaction right
after Telegram accepted it."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiolimiter import AsyncLimiter
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import notices
from bot.outages import OUTAGES, as_outage
from bot.services import outbox, people
from bot.services.reminders import preferences
from bot.services.reminders.kinds import Category
from models import Notification, Person, utcnow

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
BATCH = 50
RETRY_BASE = timedelta(seconds=15)
RETRY_MAX = timedelta(minutes=30)
MARK_ATTEMPTS = 5
CAPTION_LIMIT = 1024  # Telegram's, for a photo's or a document's caption


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Budget(Protocol):
    """The overall pace: `acquire` returns when the next message may go."""

    async def acquire(self) -> None: ...


# Reserve the next free moment on a schedule shared by every instance (a generic cell rate
# algorithm keyed on Redis's own clock): returns how long the caller waits for its moment. The
# key lives a little longer than the furthest reservation, so no booked moment is forgotten.
_RESERVE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local interval = tonumber(ARGV[1])
local next_free = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
local keep_ms = math.ceil((next_free + interval - now) * 1000) + 5000
redis.call('SET', KEYS[1], string.format('%.6f', next_free + interval), 'PX', keep_ms)
return string.format('%.6f', next_free - now)
"""
# Without Redis each instance keeps to a third of the pace, as if three shared it.
FALLBACK_SHARE = 3


class SharedBudget:
    """The overall pace kept in Redis, so that several instances together stay within
    Telegram's limit instead of each sending at it. While Redis cannot be reached, this
    instance goes on alone at a cautious fraction of the pace (reminders are late, not lost)."""

    def __init__(self, redis: Redis, per_second: float = 29, key: str = "nastavnik:send") -> None:
        self._reserve = redis.register_script(_RESERVE)
        self._interval = 1 / per_second
        self._key = key
        self._fallback = AsyncLimiter(1, FALLBACK_SHARE / per_second)
        self._warned = False

    async def acquire(self) -> None:
        try:
            wait = float(await self._reserve(keys=[self._key], args=[self._interval]))
        except (RedisError, OSError) as error:
            if not self._warned:
                logger.warning("The shared sending pace is unavailable (%s): pacing alone", error)
                self._warned = True
            await self._fallback.acquire()
            return
        self._warned = False
        await asyncio.sleep(wait)


class Pacer:
    """Spaces messages out: evenly at `per_second` overall (no bursts, so a sliding one-second
    window never sees more; shared by all instances when a `budget` in Redis is given), at
    least `chat_interval` seconds apart in one chat, and not at all in a chat (or, when 429s
    come from several chats at once, anywhere) while a flood wait lasts."""

    def __init__(
        self, per_second: float = 29, chat_interval: float = 1.05, budget: Budget | None = None
    ) -> None:
        self._limiter: Budget = budget or AsyncLimiter(1, 1 / per_second)
        self._chat_interval = chat_interval
        self._chat_next: dict[int, float] = {}
        self._paused_until = 0.0
        self._recent_floods: dict[int, float] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    @asynccontextmanager
    async def slot(self, chat_id: int) -> AsyncIterator[None]:
        """Wait for this chat's turn and the overall pace, then send inside the block; the
        chat's next turn is counted from when the send finished, however long it waited."""
        loop = asyncio.get_running_loop()
        async with self._locks.setdefault(chat_id, asyncio.Lock()):
            await asyncio.sleep(max(0.0, self._chat_next.get(chat_id, 0.0) - loop.time()))
            # a flood wait may be extended while this one sleeps: look again after it
            while (delay := self._paused_until - loop.time()) > 0:  # noqa: ASYNC110
                await asyncio.sleep(delay)
            await self._limiter.acquire()
            try:
                yield
            finally:
                self._chat_next[chat_id] = loop.time() + self._chat_interval

    def flood(self, chat_id: int, seconds: float) -> None:
        """Telegram said 429: hold this chat back for `seconds`; if other chats were told so
        within the last second too, the limit is the overall one: hold everyone back."""
        now = asyncio.get_running_loop().time()
        self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0), now + seconds)
        self._recent_floods = {c: t for c, t in self._recent_floods.items() if now - t < 1}
        if set(self._recent_floods) - {chat_id}:
            self._paused_until = max(self._paused_until, now + seconds)
        self._recent_floods[chat_id] = now


@dataclass
class Stats:
    sent: int = 0
    cancelled: int = 0
    deferred: int = 0
    failed: int = 0
    retried_429: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Outgoing:
    claim: outbox.Claim
    attempts: int
    person_id: int
    chat_id: int
    quiet: preferences.QuietHours
    notice: notices.Notice


NO_LONGER_RELEVANT = "no longer relevant"


def _decide(
    notification: Notification,
    person: Person | None,
    disabled: dict[int, set[Category]],
    now: datetime,
) -> str | datetime | preferences.QuietHours:
    """What becomes of a claimed row: the reason it is dropped, the end of the quiet hours it
    waits for, or (to be sent now) the quiet hours that apply to it."""
    if person is None or person.telegram_id is None or person.erased_at is not None:
        return "no such person"
    if not person.is_active:
        return "blocked the bot"
    if notification.attempts > outbox.MAX_ATTEMPTS:
        return "too many attempts"
    if not preferences.is_wanted(notification.kind, disabled.get(person.id, set())):
        return preferences.TURNED_OFF
    quiet = preferences.QuietHours.of(person, notification.kind)
    return quiet.until(now) or quiet


class Sender:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        bot: Bot,
        *,
        clock: Clock = utcnow,
        pacer: Pacer | None = None,
        worker: str | None = None,
        batch: int = BATCH,
        max_in_flight: int | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.bot = bot
        self.clock = clock
        self.pacer = pacer or Pacer()
        self.worker = worker or worker_name()
        self.batch = batch
        # Rows wait in memory for their chat's turn; this many keep the pace full when one
        # chat has several messages due, and are sent well within their claim's lease.
        self.max_in_flight = max_in_flight or batch * 10
        self._stopping = False
        # sends still waiting for their turn: a stop gives their rows back at once
        self._waiting: set[asyncio.Task[None]] = set()

    def stop(self) -> None:
        """Claim nothing more and give back the rows still waiting for their turn (due as they
        were, for the next start or another instance); a message already being sent is
        finished and marked."""
        self._stopping = True
        for task in self._waiting:
            task.cancel()

    async def run_once(self) -> Stats:
        """Send everything due now; returns what happened. More batches are claimed while the
        earlier ones are still being paced out, so the rate stays at the limit."""
        stats = Stats()
        in_flight: set[asyncio.Task[None]] = set()
        exhausted = False
        while True:
            if not exhausted and len(in_flight) < self.max_in_flight:
                claimed, outgoing = await self._prepare(stats)
                exhausted = not claimed or self._stopping
                in_flight |= {asyncio.create_task(self._send(item, stats)) for item in outgoing}
                if not exhausted and len(in_flight) < self.max_in_flight:
                    continue
            if not in_flight:
                if exhausted:
                    return stats
                continue
            done, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if (error := task.exception()) is not None:
                    # the row stays claimed and is taken again when its lease ends
                    if (outage := as_outage(error)) is not None:
                        OUTAGES.failed("Sending a notification", outage)
                    else:
                        logger.error("Sending a notification failed", exc_info=error)

    async def send_now(self, keys: list[str]) -> Stats:
        """Send these rows at once (the notices an update queued), if nobody took them yet."""
        stats = Stats()
        _, outgoing = await self._prepare(stats, keys)
        await asyncio.gather(*(self._send(item, stats) for item in outgoing))
        return stats

    async def _prepare(
        self, stats: Stats, keys: list[str] | None = None
    ) -> tuple[bool, list[Outgoing]]:
        """Claim a batch (of these keys, when given) and decide for each row: send, cancel,
        wait for the morning, or fail it (it cannot be decided or rendered). Returns whether
        anything was claimed, and what to send. The people and their switches are read for
        the whole batch, and the rows put off or dropped for one reason are changed in one
        statement: at night the whole region's reminders come due and wait for the morning."""
        now = self.clock()
        async with self.session_factory.begin() as session:
            claimed = await outbox.claim(session, now, self.worker, self.batch, keys)
        if not claimed:
            return False, []
        outgoing: list[Outgoing] = []
        async with self.session_factory.begin() as session:
            person_ids = {notification.person_id for notification in claimed}
            recipients = await people.by_ids(session, person_ids)
            disabled = await preferences.disabled_categories(session, person_ids)
            deferred: dict[datetime, list[outbox.Claim]] = {}
            cancelled: dict[str, list[outbox.Claim]] = {}
            for notification in claimed:
                assert notification.claimed_at is not None
                claim = outbox.Claim(notification.id, self.worker, notification.claimed_at)
                person = recipients.get(notification.person_id)
                # one row that cannot be decided or rendered must not hold back the others
                decided: Outgoing | str | datetime
                try:
                    decision = _decide(notification, person, disabled, now)
                    if isinstance(decision, preferences.QuietHours):
                        assert person is not None
                        rendered = await self._render(
                            session, notification, claim, person, decision, now
                        )
                        decided = rendered or NO_LONGER_RELEVANT
                    else:
                        decided = decision
                except Exception as error:
                    logger.exception("Notification %s cannot be prepared", notification.id)
                    await outbox.fail(session, claim, f"cannot be prepared: {error}")
                    stats.failed += 1
                    continue
                if isinstance(decided, str):
                    cancelled.setdefault(decided, []).append(claim)
                elif isinstance(decided, datetime):
                    deferred.setdefault(decided, []).append(claim)
                else:
                    outgoing.append(decided)
            for until, claims in deferred.items():
                await outbox.defer(session, claims, until, "quiet hours")
                stats.deferred += len(claims)
            for reason, claims in cancelled.items():
                await outbox.cancel(session, claims, reason)
                stats.cancelled += len(claims)
        return True, outgoing

    async def _render(
        self,
        session: AsyncSession,
        notification: Notification,
        claim: outbox.Claim,
        person: Person,
        quiet: preferences.QuietHours,
        now: datetime,
    ) -> Outgoing | None:
        """The message of a row to send now, or None when it lost its point; what rendering
        it did is undone when it fails."""
        assert person.telegram_id is not None
        async with session.begin_nested():
            notice = await notices.render(session, notification, person, now)
        if notice is None:
            return None
        return Outgoing(claim, notification.attempts, person.id, person.telegram_id, quiet, notice)

    async def _still_ours(self, item: Outgoing, stats: Stats) -> bool:
        """Just before sending: the lease is renewed when half of it is gone (a long wait for
        the chat's turn or a flood wait), and a row someone else claimed meanwhile is dropped;
        the morning is awaited if quiet hours began while it waited."""
        now = self.clock()
        if (quiet_end := item.quiet.until(now)) is not None:
            async with self.session_factory.begin() as session:
                await outbox.defer(session, item.claim, quiet_end, "quiet hours")
            stats.deferred += 1
            return False
        if now - item.claim.since < outbox.LEASE / 2:
            return True
        async with self.session_factory.begin() as session:
            renewed = await outbox.renew(session, item.claim, now)
        if renewed is None:
            return False
        item.claim = renewed
        return True

    async def _send(self, item: Outgoing, stats: Stats) -> None:
        task = asyncio.current_task()
        assert task is not None
        while True:
            self._waiting.add(task)
            try:
                if self._stopping:
                    raise asyncio.CancelledError
                async with self.pacer.slot(item.chat_id):
                    if not await self._still_ours(item, stats):
                        return
                    self._waiting.discard(task)  # from here on it is sent, even when stopping
                    await self._deliver(item)
            except asyncio.CancelledError:
                if not (self._stopping and task in self._waiting):
                    raise
                async with self.session_factory.begin() as session:
                    await outbox.release(session, item.claim)
                return
            except TelegramRetryAfter as error:
                stats.retried_429 += 1
                self.pacer.flood(item.chat_id, error.retry_after)
                continue
            except TelegramForbiddenError:
                await self._blocked(item)
                stats.failed += 1
            except (TelegramServerError, TelegramNetworkError, TelegramUnauthorizedError) as error:
                # a 401 is the operator's mistake (a revoked token): keep the reminders
                await self._retry_later(item, str(error), stats)
            except TelegramAPIError as error:
                async with self.session_factory.begin() as session:
                    await outbox.fail(session, item.claim, str(error))
                stats.failed += 1
                stats.errors.append(str(error))
            else:
                await self._mark_sent(item)
                stats.sent += 1
            finally:
                self._waiting.discard(task)
            return

    async def _deliver(self, item: Outgoing) -> None:
        """The text, or a photo or document with the text as its caption (and the buttons);
        a text too long for a caption comes first, the file after it."""
        notice, chat = item.notice, item.chat_id
        if notice.file_id is None:
            await self.bot.send_message(chat, notice.text, reply_markup=notice.markup)
            return
        fits = len(notice.text) <= CAPTION_LIMIT
        if not fits:
            await self.bot.send_message(chat, notice.text, reply_markup=notice.markup)
        caption = notice.text if fits else None
        markup = notice.markup if fits else None
        if notice.file_kind == "photo":
            await self.bot.send_photo(chat, notice.file_id, caption=caption, reply_markup=markup)
        else:
            await self.bot.send_document(chat, notice.file_id, caption=caption, reply_markup=markup)

    async def _mark_sent(self, item: Outgoing) -> None:
        """Telegram has the message: recording that must not fail on a busy database, or it
        would be sent again after the lease."""
        for attempt in range(MARK_ATTEMPTS):
            try:
                async with self.session_factory.begin() as session:
                    await outbox.mark_sent(session, item.claim, self.clock())
                return
            except (OperationalError, PoolTimeout):
                if attempt == MARK_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(0.5 * 2**attempt)

    async def _blocked(self, item: Outgoing) -> None:
        async with self.session_factory.begin() as session:
            person = await session.get(Person, item.person_id)
            if person is not None:
                person.is_active = False
            await outbox.fail(session, item.claim, "blocked the bot")
            await outbox.cancel_for_person(session, item.person_id, "blocked the bot")

    async def _retry_later(self, item: Outgoing, error: str, stats: Stats) -> None:
        if item.attempts >= outbox.MAX_ATTEMPTS:
            async with self.session_factory.begin() as session:
                await outbox.fail(session, item.claim, error)
            stats.failed += 1
            return
        delay = min(RETRY_BASE * 2 ** (item.attempts - 1), RETRY_MAX)
        async with self.session_factory.begin() as session:
            await outbox.defer(session, item.claim, self.clock() + delay, error)
        stats.deferred += 1
        logger.warning(
            "Notification %s failed (%s), retry in %s", item.claim.notification_id, error, delay
        )
