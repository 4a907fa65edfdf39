"""Outages of the database or Redis as the operator sees them: which errors count as one (the
update is then left to be delivered again, and nobody is told «something went wrong»), one log
line per failed call while it lasts — no traceback — and a summary line when it ends."""

from __future__ import annotations

import logging
import time

from redis.exceptions import RedisError
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot import metrics
from bot.services.errors import DatabaseUnavailable, Outage, RedisUnavailable

logger = logging.getLogger(__name__)

DATABASE = "database"
DATABASE_ERRORS = (OperationalError, InterfaceError, PoolTimeout, OSError, TimeoutError)


def as_outage(error: BaseException) -> Outage | None:
    """The outage `error` means, or None when it is an error of the bot's own."""
    if isinstance(error, Outage):
        return error
    if isinstance(error, RedisError):
        return RedisUnavailable(str(error))
    if isinstance(error, DATABASE_ERRORS):
        return DatabaseUnavailable(str(error))
    return None


def _cause(error: BaseException) -> str:
    cause = error.__cause__ or error
    text = str(cause).splitlines()[0] if str(cause) else ""
    return f"{type(cause).__name__}: {text}" if text else type(cause).__name__


class OutageLog:
    """Counts and logs the calls that failed for an outage; the first success after them ends
    it with one summary line."""

    def __init__(self) -> None:
        self._since: dict[str, float] = {}
        self._failed: dict[str, int] = {}

    def failed(self, what: str, outage: Outage) -> None:
        component = outage.component
        backend = "redis" if component == "redis" else "database"
        metrics.BACKEND_ERRORS.labels(backend).inc()
        self._since.setdefault(component, time.monotonic())
        self._failed[component] = self._failed.get(component, 0) + 1
        logger.warning("%s: %s %s (%s)", what, component, outage.symptom, _cause(outage))

    def succeeded(self, *components: str) -> None:
        """Calls of these components (all, when none is named) work again."""
        for component, since in list(self._since.items()):
            if components and component not in components:
                continue
            logger.warning(
                "The %s outage is over after %.0f s: %d calls failed meanwhile",
                component,
                time.monotonic() - since,
                self._failed.pop(component, 0),
            )
            del self._since[component]


OUTAGES = OutageLog()
