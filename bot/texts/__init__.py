"""Every Russian text the bot shows, one module per feature (named as its handler module), and
the shared vocabulary in `vocabulary`.

Messages are Telegram HTML. Anything a person typed goes through `vocabulary.esc()` before it is
put into a template; constants here contain only our own markup."""
