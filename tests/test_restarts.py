"""Restarts and crashes of the real `python -m bot` in polling mode: half-finished dialogues go
on after a restart (dialogue state in the database, or in Redis), and `kill -9` with updates in
flight loses none of them — each is answered once after the restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot.texts.difficulties import BUTTON_NEW_DIFFICULTY
from bot.texts.registration import BUTTON_CONSENT_YES
from models import Person
from models.enums import Role
from tests.conftest import ADMIN_ID, TOKEN
from tests.dialogs import open_invite, reply
from tests.factories import count, make_invite, make_organization, make_person
from tests.instances import BotProcess

REDIS_URL = "redis://127.0.0.1:6379/9"
IN_FLIGHT = range(8_100, 8_110)


def polling_bot(telegram, database_url: str, workdir: Path, redis_url: str = "") -> BotProcess:
    settings = {
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": telegram.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN_ID),
    }
    if redis_url:
        settings["REDIS_URL"] = redis_url
    return BotProcess(settings, workdir, log=workdir / "bot.log")


@pytest.mark.parametrize("redis_url", ["", REDIS_URL], ids=["database", "redis"])
async def test_half_finished_dialogues_go_on_after_a_restart(
    telegram, database_url, session_factory, tmp_path, redis_url
):
    if redis_url:
        redis = Redis.from_url(redis_url)
        await redis.flushdb()
        await redis.aclose()
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    newcomer = telegram.add_user(user_id=8_001, first_name="Новенькая")
    mentee = telegram.add_user(user_id=8_002, first_name="Подопечная")
    await make_person(session_factory, organization_id, mentee.id, Role.MENTEE)

    bot = polling_bot(telegram, database_url, tmp_path, redis_url)
    await bot.start()
    try:
        await newcomer.press(await open_invite(newcomer, code), BUTTON_CONSENT_YES)
        assert "Шаг 1 из 4" in (await reply(newcomer)).text
        await mentee.send("/start")
        await mentee.press(await reply(mentee), BUTTON_NEW_DIFFICULTY)
        await mentee.press(await reply(mentee), "Методические")
        asked = await reply(mentee)
        assert await bot.stop() == 0
    finally:
        await bot.stop()

    again = polling_bot(telegram, database_url, tmp_path, redis_url)
    await again.start()
    try:
        await newcomer.send("Новикова Анна Павловна")
        assert "Шаг 2 из 4" in (await reply(newcomer)).text  # not «ask for an invite»
        await mentee.send("Не получается выстроить дисциплину на уроке")
        urgency = await reply(mentee)  # not «I did not understand»
        assert "Срочно" in urgency.buttons(), (asked.text, urgency.text)
    finally:
        assert await again.stop() == 0


async def test_kill_9_with_updates_in_flight_loses_none_and_answers_each_once(
    telegram, database_url, session_factory, tmp_path
):
    """Ten newcomers finish their registration while Telegram holds every reply; the bot is
    killed before any reply went out. After the restart each has been registered once and
    gets «registration done» once."""
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE, max_uses=20)
    users = [telegram.add_user(user_id=user_id, first_name="Н") for user_id in IN_FLIGHT]
    bot = polling_bot(telegram, database_url, tmp_path)
    await bot.start()
    try:
        for user in users:  # up to the last step of the registration
            await user.press(await open_invite(user, code), BUTTON_CONSENT_YES)
            for answer in ("Новиков Пётр Ильич", "Учитель", "Физика"):
                await reply(user)
                await user.send(answer)
            assert "Шаг 4 из 4" in (await reply(user)).text
        telegram.hold("sendMessage")
        for user in users:
            await user.send("3")
        async with asyncio.timeout(30):
            while telegram.held["sendMessage"] < len(users):
                assert bot.running
                await asyncio.sleep(0.02)
    finally:
        await bot.kill()
    telegram.release("sendMessage")
    assert await count(session_factory, Person) == len(users)  # stored, nobody answered yet
    for user in users:
        await user.expect_no_message(within=0.05)

    again = polling_bot(telegram, database_url, tmp_path)
    await again.start()
    try:
        for user in users:
            assert "Регистрация завершена" in (await reply(user)).text
        await asyncio.sleep(1)
        for user in users:
            await user.expect_no_message(within=0.05)
    finally:
        assert await again.stop() == 0
    assert await count(session_factory, Person) == len(users)
