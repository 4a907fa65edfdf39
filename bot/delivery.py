"""Messages to other people than the one acting (a new pair's participants, a relayed reply, a
passed request) go through the outbox like the reminders: `deliver` queues one in the update's
unit of work, so it is sent only if what it announces is saved, and is paced with the reminders
and retried after a failure or a crash. Once the unit of work is committed, the `Courier` sends
what the update queued at once, in the background; what it cannot send now the scheduler's
sender sends later."""

from __future__ import annotations

import asyncio
import logging
import uuid
from contextvars import ContextVar

from aiogram.types import InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.outbox import Draft, enqueue
from bot.services.reminders.kinds import Kind
from models import Person, utcnow
from scheduler.sender import Sender

logger = logging.getLogger(__name__)

# The notices queued by the update being handled in this task, for its courier.
queued: ContextVar[list[str] | None] = ContextVar("queued_notices", default=None)


async def deliver(
    session: AsyncSession,
    person: Person,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    file_id: str | None = None,
    file_kind: str | None = None,
) -> bool:
    """Queue a notice to the person (with a photo or document carrying the text as its
    caption, when given); False when they cannot be reached (not in the bot, or blocked it)."""
    if person.telegram_id is None or not person.is_active:
        return False
    payload: dict[str, object] = {"text": text}
    if markup is not None:
        payload["markup"] = markup.model_dump(mode="json", exclude_none=True)
    if file_id is not None:
        payload["file_id"], payload["file_kind"] = file_id, file_kind or "document"
    key = f"{Kind.NOTICE}:{uuid.uuid4().hex}"
    await enqueue(session, [Draft(key, person.id, Kind.NOTICE, utcnow(), payload)])
    keys = queued.get()
    if keys is not None:
        keys.append(key)
    return True


class Courier:
    """Sends the notices of a committed update at once, through the scheduler's sender (its
    pace and its handling of 429s and blocked chats)."""

    def __init__(self, sender: Sender) -> None:
        self._sender = sender
        self._running: set[asyncio.Task[None]] = set()

    def dispatch(self, keys: list[str]) -> None:
        task = asyncio.create_task(self._send(keys))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _send(self, keys: list[str]) -> None:
        try:
            await self._sender.send_now(keys)
        except Exception:  # the rows stay due: the scheduler's sender takes them
            logger.exception("Notices could not be sent at once")

    async def finish(self, grace_seconds: float) -> None:
        """Wait for the notices being sent, at most `grace_seconds`."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=grace_seconds)
