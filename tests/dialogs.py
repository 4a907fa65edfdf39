"""Steps a test user takes through the bot's dialogues, written once for every e2e test."""

from __future__ import annotations

import re
from typing import Any

from bot.texts.difficulties import BUTTON_NEW_DIFFICULTY
from bot.texts.registration import BUTTON_CONSENT_YES
from tests.conftest import BOT_USERNAME

TIMEOUT = 30.0  # a bound for a busy 2-core machine, not an expectation
LINK = re.compile(rf"https://t\.me/{BOT_USERNAME}\?start=([A-Za-z0-9_-]+)")


def link_code(text: str) -> str:
    match = LINK.search(text)
    assert match is not None, text
    return match.group(1)


async def reply(user: Any) -> Any:
    return await user.next_message(timeout=TIMEOUT)


async def open_invite(user: Any, code: str) -> Any:
    """Open an invite as a new user; returns the consent message."""
    await user.send(f"/start {code}")
    welcome = await reply(user)
    assert "Добро пожаловать" in welcome.text, welcome.text
    consent = await reply(user)
    assert "Согласие на обработку персональных данных" in consent.text
    return consent


async def register(
    user: Any,
    code: str,
    *,
    full_name: str = "Иванова Мария Петровна",
    position: str = "Учитель",
    subject: str = "Математика",
    experience: str = "2",
) -> Any:
    """Go through the whole registration; returns the final «done» message."""
    consent = await open_invite(user, code)
    await user.press(consent, BUTTON_CONSENT_YES)
    assert "Шаг 1 из 4" in (await reply(user)).text
    await user.send(full_name)
    assert "Шаг 2 из 4" in (await reply(user)).text
    await user.send(position)
    assert "Шаг 3 из 4" in (await reply(user)).text
    await user.send(subject)
    assert "Шаг 4 из 4" in (await reply(user)).text
    await user.send(experience)
    done = await reply(user)
    assert "Регистрация завершена" in done.text, done.text
    return done


async def users(telegram: Any, *ids: int) -> list[Any]:
    """Users who have each opened a chat with the bot (Telegram refuses to message others)."""
    result = []
    for user_id in ids:
        user = telegram.add_user(user_id=user_id, first_name=str(user_id))
        await user.send("/help")
        await reply(user)
        result.append(user)
    return result


async def register_difficulty(user: Any, description: str, category: str = "Методические") -> Any:
    """A registered mentee notes a difficulty from the menu in three taps; returns its card."""
    await user.send("/start")
    menu = await reply(user)
    await user.press(menu, BUTTON_NEW_DIFFICULTY)
    await user.press(await reply(user), category)
    await reply(user)
    await user.send(description)
    await user.press(await reply(user), "Срочно")
    card = await reply(user)
    assert description in card.text, card.text
    return card
