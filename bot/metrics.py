"""The bot's metrics in the Prometheus format (`prometheus_client`), served at `/metrics`:
updates handled and failed by kind, how long handling took, the outbox backlog and the age of
its oldest due row (read at each scrape), the 429s met, and database and Redis errors."""

from __future__ import annotations

from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import outbox

REGISTRY = CollectorRegistry()
CONTENT_TYPE = CONTENT_TYPE_LATEST

UPDATES = Counter(
    "nastavnik_updates",
    "Updates from Telegram by kind (message, callback_query, …) and outcome: handled, failed "
    "(an error the user was told about) or outage (left to be delivered again)",
    ["kind", "outcome"],
    registry=REGISTRY,
)
UPDATE_SECONDS = Histogram(
    "nastavnik_update_seconds",
    "Time from taking an update to finishing it, by kind",
    ["kind"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "nastavnik_telegram_429",
    "Answers of 429 Too Many Requests from the Bot API",
    registry=REGISTRY,
)
BACKEND_ERRORS = Counter(
    "nastavnik_backend_errors",
    "Failed calls to the database or Redis (during an outage: one per call)",
    ["backend"],
    registry=REGISTRY,
)
OUTBOX_DUE = Gauge(
    "nastavnik_outbox_due", "Messages of the outbox due now and not sent yet", registry=REGISTRY
)
OUTBOX_OLDEST_DUE_AGE = Gauge(
    "nastavnik_outbox_oldest_due_age_seconds",
    "How long the oldest message due has been waiting (0 when none is)",
    registry=REGISTRY,
)


async def scrape(session_factory: async_sessionmaker[AsyncSession], now: datetime) -> bytes:
    """The metrics as text, with the outbox figures read now."""
    async with session_factory() as session:
        due, oldest = await outbox.backlog(session, now)
    OUTBOX_DUE.set(due)
    OUTBOX_OLDEST_DUE_AGE.set((now - oldest).total_seconds() if oldest is not None else 0)
    return generate_latest(REGISTRY)
