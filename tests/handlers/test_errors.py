"""Telegram and unexpected failures: 429 is waited out, a user who blocked the bot is marked
inactive (and active again when they write), an unexpected exception gets an apology; what a
handler wrote is committed before its reply, and rolled back on a refusal before it."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.errors import ValidationFailed
from bot.texts.common import UNEXPECTED_ERROR
from bot.texts.profile import BUTTON_PROFILE
from bot.texts.registration import BUTTON_CONSENT_YES
from models import Organization
from models.enums import Role
from tests.dialogs import open_invite, reply
from tests.factories import get_person, make_invite, make_organization, make_person


async def test_429_is_retried_after_retry_after(running_bot, session_factory, telegram):
    user = telegram.add_user(user_id=9001, first_name="Гость")
    telegram.fail_next(
        "sendMessage", error_code=429, description="Too Many Requests: retry after 1", retry_after=1
    )
    started = time.monotonic()
    await user.send("/start")
    answer = await reply(user)
    assert "приглашени" in answer.text
    assert time.monotonic() - started >= 1.0
    assert sum(1 for method, _ in telegram.calls if method == "sendMessage") == 2


async def test_server_error_is_retried(running_bot, session_factory, telegram):
    user = telegram.add_user(user_id=9002, first_name="Гость")
    telegram.fail_next("sendMessage", error_code=502, description="Bad Gateway")
    await user.send("/start")
    assert "приглашени" in (await reply(user)).text


async def test_blocked_user_is_marked_inactive_then_active_again(
    running_bot, session_factory, telegram
):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 9003, Role.MENTEE)
    user = telegram.add_user(user_id=9003, first_name="Анна")
    telegram.fail_next(
        "sendMessage", error_code=403, description="Forbidden: bot was blocked by the user"
    )

    await user.send("/help")
    await user.expect_no_message(within=1.0)
    person = await get_person(session_factory, 9003)
    assert person is not None and not person.is_active

    await user.send("/help")
    assert "«Наставник» — бот" in (await reply(user)).text
    person = await get_person(session_factory, 9003)
    assert person is not None and person.is_active


async def test_unexpected_error_gets_an_apology(
    running_bot, session_factory, telegram, monkeypatch: pytest.MonkeyPatch
):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 9004, Role.MENTEE)
    user = telegram.add_user(user_id=9004, first_name="Анна")

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("handlers.profile.render_profile", broken)
    await user.send("/profile")
    assert (await reply(user)).text == UNEXPECTED_ERROR
    await user.send("/start")  # the bot goes on working
    assert "Главное меню" in (await reply(user)).text


async def test_unexpected_error_after_a_button_gets_an_apology(
    running_bot, session_factory, telegram, monkeypatch: pytest.MonkeyPatch
):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 9005, Role.MENTEE)
    user = telegram.add_user(user_id=9005, first_name="Анна")
    await user.send("/start")
    menu = await reply(user)

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("handlers.profile.render_profile", broken)
    await user.press(menu, BUTTON_PROFILE)
    assert (await reply(user)).text == UNEXPECTED_ERROR
    assert (await user.callback_answer())["text"] is None


async def test_blocking_reported_by_telegram_marks_inactive(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 9006, Role.MENTEE)
    user = telegram.add_user(user_id=9006, first_name="Анна")
    await user.send("/help")
    await reply(user)

    user.block()
    for _ in range(50):
        person = await get_person(session_factory, 9006)
        if person is not None and not person.is_active:
            break
        await asyncio.sleep(0.05)
    assert person is not None and not person.is_active
    await user.send("/help")  # writing again unblocks
    await reply(user)
    person = await get_person(session_factory, 9006)
    assert person is not None and person.is_active


async def test_a_failed_reply_does_not_undo_a_registration(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    user = telegram.add_user(user_id=9007, first_name="Анна")
    consent = await open_invite(user, code)
    await user.press(consent, BUTTON_CONSENT_YES)
    await reply(user)
    for answer in ("Иванова Мария", "Учитель", "Химия"):
        await user.send(answer)
        await reply(user)
    for _ in range(4):  # more than the retries
        telegram.fail_next("setMyCommands", 502, "Bad Gateway")
    await user.send("4")
    assert (await reply(user)).text == UNEXPECTED_ERROR
    person = await get_person(session_factory, 9007)
    assert person is not None and person.experience_years == 4
    await user.send("/start")
    assert "Главное меню" in (await reply(user)).text


async def test_what_is_written_is_committed_before_the_reply_and_not_after_a_refusal(
    running_bot, session_factory, telegram
):
    """The unit of work of an update: what a handler wrote before its reply is saved even if
    it fails afterwards (the reply said so); what it wrote and was refused before replying is
    rolled back."""
    dispatcher = running_bot.dispatcher

    async def reply_then_fail(message: Message, session: AsyncSession) -> None:
        session.add(
            Organization(name="Сохранена до ответа", timezone="Europe/Moscow", region="Тверская")
        )
        await message.answer("Организация добавлена")
        raise ValidationFailed("Дальше нельзя")

    async def fail_before_reply(message: Message, session: AsyncSession) -> None:
        session.add(
            Organization(name="Отказ до ответа", timezone="Europe/Moscow", region="Тверская")
        )
        await session.flush()
        raise ValidationFailed("Нельзя")

    dispatcher.message.register(reply_then_fail, Command("probe_reply_then_fail"))
    dispatcher.message.register(fail_before_reply, Command("probe_fail_before_reply"))
    user = telegram.add_user(user_id=9050, first_name="Проверка")

    await user.send("/probe_reply_then_fail")
    assert (await reply(user)).text == "Организация добавлена"
    assert (await reply(user)).text == "Дальше нельзя"
    await user.send("/probe_fail_before_reply")
    assert (await reply(user)).text == "Нельзя"

    async with session_factory() as session:
        names = set(await session.scalars(select(Organization.name)))
    assert "Сохранена до ответа" in names
    assert "Отказ до ответа" not in names
