"""Domain rules, one module per area; handlers and scheduler jobs both call them.

Services receive an open `AsyncSession`, add and flush, and never commit: the caller owns the
transaction (see `models.database`)."""
