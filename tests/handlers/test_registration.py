"""Joining through an invite: consent, the four validated steps, cancelling, refusing, bad
invites, strangers and a second role — the real bot over the fake Bot API."""

from __future__ import annotations

from sqlalchemy import delete, select

from bot.texts import common as common_texts
from bot.texts import invites as invites_texts
from bot.texts import registration as texts
from bot.texts.validation import VALIDATION_EXPERIENCE, VALIDATION_NAME
from models import DialogueState, Invite, InviteOpening, Person, PersonRole
from models.enums import Role
from tests.dialogs import open_invite, register, reply
from tests.factories import count, get_person, make_invite, make_organization, make_person


async def invite_uses(factory, code: str) -> int:
    async with factory() as session:
        return (await session.scalar(select(Invite.uses).where(Invite.code == code))) or 0


async def test_mentee_registers_through_invite(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    user = telegram.add_user(user_id=5001, first_name="Мария", username="maria")

    done = await register(user, code, full_name="иванова мария петровна", experience="3 года")

    assert "Иванова Мария Петровна" in done.text
    assert "наставляемый" in done.text
    person = await get_person(session_factory, 5001)
    assert person is not None
    assert person.full_name == "Иванова Мария Петровна"
    assert person.experience_years == 3
    assert person.consent_at is not None
    assert person.organization_id == organization_id
    assert await invite_uses(session_factory, code) == 1
    commands = {item["command"] for item in telegram.commands_for(chat_id=5001, user_id=5001)}
    assert {"start", "help", "profile", "my_data", "delete_me"} <= commands
    assert "invite" not in commands


async def test_commands_are_set_again_only_when_they_change(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    person_id = await make_person(session_factory, organization_id, 5010, Role.MENTEE)
    user = telegram.add_user(user_id=5010, first_name="Вера")

    def set_calls() -> int:  # for this chat (the bot sets the default list once at start)
        return sum(
            method == "setMyCommands" and "5010" in str(params.get("scope"))
            for method, params in telegram.calls
        )

    for _ in range(3):
        await user.send("/start")
        await reply(user)
    assert set_calls() == 1
    async with session_factory() as session, session.begin():
        person = await session.get(Person, person_id)
        assert person is not None
        person.roles.append(PersonRole(role=Role.MENTOR))
    await user.send("/start")
    await reply(user)
    assert set_calls() == 2
    commands = {item["command"] for item in telegram.commands_for(chat_id=5010, user_id=5010)}
    assert {"new_difficulty", "my_pairs", "achievements"} <= commands


async def test_refusing_consent_keeps_nothing(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTOR)
    user = telegram.add_user(user_id=5002, first_name="Олег")

    consent = await open_invite(user, code)
    await user.press(consent, texts.BUTTON_CONSENT_NO)

    refused = await reply(user)
    assert "отказались" in refused.text
    assert await count(session_factory, Person) == 0
    assert await invite_uses(session_factory, code) == 0
    await user.send("Иванов Олег Петрович")  # no dialogue goes on after a refusal
    assert common_texts.NEED_INVITE.split("\n")[0] in (await reply(user)).text


async def test_cancel_in_the_middle_keeps_nothing(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    user = telegram.add_user(user_id=5003, first_name="Ира")

    consent = await open_invite(user, code)
    await user.press(consent, texts.BUTTON_CONSENT_YES)
    await reply(user)
    await user.send("Соколова Ирина")
    position_prompt = await reply(user)
    await user.send("/cancel")

    assert (await reply(user)).text == common_texts.CANCELLED
    assert await count(session_factory, Person) == 0
    assert await invite_uses(session_factory, code) == 0
    # The «Отмена» button of an earlier prompt now answers as a finished dialogue.
    await user.press(position_prompt, common_texts.BUTTON_CANCEL)
    assert (await reply(user)).text == common_texts.CANCELLED


async def test_cancel_button_at_first_step(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    user = telegram.add_user(user_id=5004, first_name="Ира")

    consent = await open_invite(user, code)
    await user.press(consent, texts.BUTTON_CONSENT_YES)
    prompt = await reply(user)
    await user.press(prompt, common_texts.BUTTON_CANCEL)

    assert (await reply(user)).text == common_texts.CANCELLED
    await user.send("Соколова Ирина")
    assert common_texts.NEED_INVITE.split("\n")[0] in (await reply(user)).text
    assert await count(session_factory, Person) == 0


async def test_each_answer_is_validated(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    user = telegram.add_user(user_id=5005, first_name="Пётр")

    consent = await open_invite(user, code)
    await user.press(consent, texts.BUTTON_CONSENT_YES)
    await reply(user)

    await user.send("<script>alert(1)</script> & Co")
    assert (await reply(user)).text == VALIDATION_NAME
    await user.send_sticker()
    refused = (await reply(user)).text
    assert refused.startswith(common_texts.TEXT_EXPECTED)
    assert "Сейчас я жду ваши фамилию, имя и отчество" in refused
    await user.send("Я" * 5000)
    too_long = await reply(user)
    assert "не больше 150 символов" in too_long.text and "5000" in too_long.text
    await user.send("Сидоров Пётр")
    assert "Шаг 2 из 4" in (await reply(user)).text

    await user.send("Учитель <script> & методист")
    assert "Шаг 3 из 4" in (await reply(user)).text
    await user.send("x" * 5000)
    assert "не больше 100 символов" in (await reply(user)).text
    await user.send("Физика")
    await reply(user)
    for wrong in ("много", "-1", "75", "3.5"):
        await user.send(wrong)
        assert (await reply(user)).text == VALIDATION_EXPERIENCE
    await user.send("0")
    done = await reply(user)
    assert "Регистрация завершена" in done.text

    await user.send("/profile")
    profile = await reply(user)
    # The fake Bot API rejects unescaped HTML, so this arriving at all proves the escaping.
    assert "Учитель <script> & методист" in profile.text


async def test_unusable_invites_are_refused(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    expired = await make_invite(session_factory, organization_id, Role.MENTEE, days=-1)
    exhausted = await make_invite(session_factory, organization_id, Role.MENTEE, max_uses=2, uses=2)
    revoked = await make_invite(session_factory, organization_id, Role.MENTEE, revoked=True)
    user = telegram.add_user(user_id=5006, first_name="Анна")

    for code, expected in (
        (expired, invites_texts.INVITE_EXPIRED),
        (exhausted, invites_texts.INVITE_EXHAUSTED),
        (revoked, invites_texts.INVITE_REVOKED),
        ("no-such-code", invites_texts.INVITE_UNKNOWN),
    ):
        await user.send(f"/start {code}")
        assert (await reply(user)).text == expected
    assert await count(session_factory, Person) == 0


async def test_last_use_taken_during_dialogue(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    code = await make_invite(session_factory, organization_id, Role.MENTEE, max_uses=1)
    first = telegram.add_user(user_id=5007, first_name="Первый")
    second = telegram.add_user(user_id=5008, first_name="Второй")

    consent = await open_invite(second, code)
    await register(first, code)
    await second.press(consent, texts.BUTTON_CONSENT_YES)
    await reply(second)
    for answer in ("Второв Иван", "Учитель", "История"):
        await second.send(answer)
        await reply(second)
    await second.send("5")

    assert (await reply(second)).text == invites_texts.INVITE_EXHAUSTED
    assert await count(session_factory, Person) == 1
    await second.send("7")  # the dialogue is over
    assert common_texts.NEED_INVITE.split("\n")[0] in (await reply(second)).text


async def test_stranger_is_told_how_to_join_and_nothing_is_stored(
    running_bot, session_factory, telegram
):
    user = telegram.add_user(user_id=5009, first_name="Гость")
    for text in ("/start", "привет", "/profile", "/invite"):
        await user.send(text)
        answer = await reply(user)
        assert "приглашени" in answer.text, (text, answer.text)
    await user.send("/help")
    assert "куратора" in (await reply(user)).text
    assert await count(session_factory, Person) == 0


async def test_mentor_takes_a_second_role(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 5010, Role.MENTOR)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    user = telegram.add_user(user_id=5010, first_name="Анна")

    await user.send(f"/start {code}")
    question = await reply(user)  # confirmed first: a link opened by mistake adds nothing
    assert "добавит вам ещё одну роль — <b>наставляемый</b>" in question.html
    await user.send("нет")
    assert "роль не добавлена" in (await reply(user)).text
    person = await get_person(session_factory, 5010)
    assert person is not None and person.role_set == {Role.MENTOR}
    await user.send(f"/start {code}")
    await user.press(await reply(user), texts.BUTTON_ROLE_YES)
    added = await reply(user)
    assert "наставник, наставляемый" in added.text
    await user.send(f"/start {code}")
    assert "уже есть роль" in (await reply(user)).text
    person = await get_person(session_factory, 5010)
    assert person is not None and person.role_set == {Role.MENTOR, Role.MENTEE}


async def test_invite_of_another_organization_is_refused(running_bot, session_factory, telegram):
    home = await make_organization(session_factory, "Школа 1")
    other = await make_organization(session_factory, "Школа 2")
    await make_person(session_factory, home, 5011, Role.MENTOR)
    code = await make_invite(session_factory, other, Role.MENTEE)
    user = telegram.add_user(user_id=5011, first_name="Анна")

    await user.send(f"/start {code}")

    assert (await reply(user)).text == invites_texts.INVITE_OTHER_ORGANIZATION
    assert await invite_uses(session_factory, code) == 0


async def test_a_newcomer_whose_dialogue_was_lost_is_sent_back_to_their_invite(
    running_bot, session_factory, telegram
):
    """Dialogue state lost (a Redis that restarted keeps nothing): the newcomer who had opened
    an invite is not told to ask for one, but to open the same link again."""
    organization_id = await make_organization(session_factory, name="Лицей <Звезда> & Co")
    code = await make_invite(session_factory, organization_id, Role.MENTOR)
    user = telegram.add_user(user_id=5061, first_name="Анна")
    stranger = telegram.add_user(user_id=5062, first_name="Гость")
    await user.press(await open_invite(user, code), texts.BUTTON_CONSENT_YES)
    assert "Шаг 1 из 4" in (await reply(user)).text
    async with session_factory.begin() as session:
        await session.execute(delete(DialogueState))

    for typed in ("Новикова Анна Павловна", "/start"):
        await user.send(typed)
        told = (await reply(user)).text
        assert told != common_texts.NEED_INVITE
        assert "Лицей <Звезда> & Co" in told and f"?start={code}" in told, told
    await stranger.send("Здравствуйте")
    assert (await reply(stranger)).text == common_texts.NEED_INVITE

    await register(user, code)
    assert await count(session_factory, InviteOpening) == 0  # forgotten once registered
