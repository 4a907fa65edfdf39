"""Tests: unit tests of the services, and end-to-end tests of the real bot over a strict fake
Telegram Bot API (`fakes.telegram`)."""
