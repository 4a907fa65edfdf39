"""The scheduler: timed jobs (reminders, nudges, digests) that call the same services."""
