"""The MAX channel: the same bot in MAX, under the same handlers (docs/max-research.md,
section 11). `render` turns what the handlers send (aiogram's HTML and inline keyboards) into
MAX's message bodies."""
