"""The sandbox: the bot, a demo school and a web chat that plays the users, without Telegram
(`python -m sandbox`)."""
