"""Наставник: the Telegram bot of the teachers' mentorship programme."""
