"""Callback data factories, one module per feature (named as its handler module). Each prefix
carries a version digit: when a factory's fields change, bump it, and buttons of old messages
fall through to the «stale button» answer instead of being misread. Everything unpacked here is
client input and is checked again on the server."""
