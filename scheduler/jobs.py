"""The scheduler's jobs: each opens its own transaction, asks a service what is due at `now`,
and tells the people concerned."""

from __future__ import annotations

from datetime import datetime

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import keyboards, texts
from bot.delivery import deliver
from bot.services import help_requests


async def escalate_help_requests(
    session_factory: async_sessionmaker[AsyncSession], bot: Bot, now: datetime
) -> int:
    """Tell the curators of every help request no mentor took in time; returns how many."""
    async with session_factory.begin() as session:
        due = await help_requests.escalate_due(session, now)
        for view, curators in due:
            text = texts.HELP_ESCALATED_NOTICE.format(
                id=view.request.id,
                mentee=texts.esc(view.mentee.full_name),
                age=texts.age((now - view.request.created_at).total_seconds()),
                mentor=texts.esc(view.mentor.full_name if view.mentor else ""),
                text=texts.esc(texts.shorten(view.request.text, 2000)),
            )
            markup = keyboards.help_request(view.request.id, ["pass", "take"])
            for curator in curators:
                await deliver(bot, curator, text, markup)
    return len(due)
