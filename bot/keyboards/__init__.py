"""Inline keyboards, one module per feature (named as its handler module); the data their
buttons carry is defined in `bot.callbacks`."""
