"""The MAX channel: the fake MAX API against MAX's schema, and the bot's rendering for MAX."""
