"""Errors a service raises when a request cannot be done; the message is shown to the user as is.

Raising one rolls back the whole unit of work, so a refused action changes nothing."""


class DomainError(Exception):
    """A request that cannot be done; `message` is Russian text for the user (plain, unescaped)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AccessDenied(DomainError):
    """The person may not do this (or see this) in this organisation."""


class NotFound(DomainError):
    """The object does not exist (or is not visible to this person)."""


class ValidationFailed(DomainError):
    """The input is not acceptable; the message says what is expected."""


class Outage(Exception):
    """The database or Redis cannot be reached (or answered too late): the update is left
    unhandled and nobody is told «something went wrong»; Telegram delivers it again (webhook
    mode) or the bot's inbox takes it again (polling) once the outage is over."""

    component = "database"
    symptom = "unavailable"


class DatabaseUnavailable(Outage):
    """The database cannot be reached in time."""


class RedisUnavailable(Outage):
    """Redis cannot be reached in time."""

    component = "redis"


class UpdateTooSlow(Outage):
    """The update was not handled within its deadline: something it waits on is stalled."""

    component = "deadline"
    symptom = "passed"
