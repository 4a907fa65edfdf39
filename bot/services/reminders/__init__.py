"""Reminders: their kinds and categories (`kinds`), when they fire (`planning`), whether they still
have a point when they are sent (`relevance`), a person's switches and quiet hours
(`preferences`), and the figures of the weekly digests (`digests`). The outbox
(`bot.services.outbox`) queues them and `scheduler.sender` sends them; `bot.notices` renders
each kind."""
