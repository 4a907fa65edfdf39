"""Messages to other people than the one acting (a new pair's participants, say): sent at once,
and a person who blocked the bot is marked inactive instead of failing the sender's action."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.types import InlineKeyboardMarkup

from models import Person

logger = logging.getLogger(__name__)


async def deliver(
    bot: Bot,
    person: Person,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    file_id: str | None = None,
    file_kind: str | None = None,
) -> bool:
    """Send to the person if they can be reached, with a photo or document after the text when
    given; True when Telegram accepted it."""
    if person.telegram_id is None or not person.is_active:
        return False
    try:
        await bot.send_message(person.telegram_id, text, reply_markup=markup)
        if file_id is not None and file_kind == "photo":
            await bot.send_photo(person.telegram_id, file_id)
        elif file_id is not None:
            await bot.send_document(person.telegram_id, file_id)
    except TelegramForbiddenError:
        person.is_active = False
        return False
    except TelegramAPIError as error:
        logger.warning("Could not deliver to person %s: %s", person.id, error)
        return False
    return True
