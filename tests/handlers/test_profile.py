"""A person's own data: the profile and its edits, the export file, erasure that keeps
anonymous placeholders, and the menu and help of each role."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from bot.texts import profile as texts
from bot.texts.commands import COMMAND_HELP, COMMAND_START
from bot.texts.invites import BUTTON_INVITE
from bot.texts.menu import BUTTON_HELP
from bot.texts.organizations import BUTTON_NEW_ORG
from bot.texts.vocabulary import ERASED_PERSON
from models import (
    Difficulty,
    Invite,
    Meeting,
    MeetingParticipant,
    Pair,
    PairMember,
    Person,
    utcnow,
)
from models.enums import (
    DifficultyCategory,
    MeetingFormat,
    MentorshipForm,
    MentorshipKind,
    Role,
    RoleModel,
    Urgency,
)
from tests.dialogs import reply
from tests.factories import count, get_person, make_invite, make_organization, make_person


async def test_profile_shows_and_edits(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 8001, Role.MENTEE)
    user = telegram.add_user(user_id=8001, first_name="Анна")

    await user.send("/profile")
    profile = await reply(user)
    assert "Петрова Анна Сергеевна" in profile.text and "Математика" in profile.text
    await user.press(profile, "✏️ Предмет")
    await reply(user)
    await user.send("Информатика & ИКТ <b>")
    assert (await reply(user)).text == texts.PROFILE_SAVED
    updated = await reply(user)
    assert "Информатика & ИКТ <b>" in updated.text
    person = await get_person(session_factory, 8001)
    assert person is not None and person.subject == "Информатика & ИКТ <b>"


async def test_sharing_contact_needs_a_username(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 8002, Role.MENTOR)
    await make_person(session_factory, organization_id, 8003, Role.MENTOR, full_name="Орлов Иван")
    without = telegram.add_user(user_id=8002, first_name="Без ника")
    with_name = telegram.add_user(user_id=8003, first_name="С ником", username="orlov_ivan")

    await without.send("/profile")
    profile = await reply(without)
    await without.press(profile, texts.BUTTON_SHARE_ON)
    assert (await without.callback_answer())["text"] == texts.SHARE_NEEDS_USERNAME

    await with_name.send("/profile")
    profile = await reply(with_name)
    await with_name.press(profile, texts.BUTTON_SHARE_ON)
    edited = await reply(with_name)
    assert "участникам пары: да" in edited.text
    person = await get_person(session_factory, 8003)
    assert person is not None and person.share_contact and person.username == "orlov_ivan"


async def test_my_data_sends_everything_as_a_file(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    person_id = await make_person(session_factory, organization_id, 8004, Role.MENTEE)
    async with session_factory() as session, session.begin():
        session.add(
            Difficulty(
                organization_id=organization_id,
                mentee_id=person_id,
                category=DifficultyCategory.DIGITAL,
                description="Не умею вести электронный журнал",
                urgency=Urgency.HIGH,
            )
        )
    user = telegram.add_user(user_id=8004, first_name="Анна")

    await user.send("/my_data")
    message = await reply(user)

    assert message.document is not None
    assert message.document["file_name"] == "my_data.json"
    data = json.loads(message.document["content"])
    assert data["person"]["full_name"] == "Петрова Анна Сергеевна"
    assert data["person"]["telegram_id"] == 8004
    assert data["roles"] == ["mentee"]
    assert data["difficulties"][0]["description"] == "Не умею вести электронный журнал"
    # every table that can hold something about a person is in the export
    assert {
        "invites_created",
        "difficulties",
        "self_assessments",
        "pairs",
        "pair_memberships",
        "programmes",
        "programme_activities",
        "goals",
        "goal_progress",
        "meetings",
        "meeting_answers",
        "help_requests",
        "help_messages",
        "feedback",
        "notification_preferences",
        "notifications",
    } <= set(data)


async def test_delete_me_erases_and_keeps_placeholders(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    mentor_id = await make_person(session_factory, organization_id, 8005, Role.MENTOR)
    mentee_id = await make_person(
        session_factory, organization_id, 8006, Role.MENTEE, full_name="Смирнова Ольга"
    )
    async with session_factory() as session, session.begin():
        pair = Pair(
            organization_id=organization_id,
            mentor_id=mentor_id,
            kind=MentorshipKind.TRADITIONAL,
            form=MentorshipForm.TEACHER_TEACHER,
            role_model=RoleModel.EXPERIENCED_YOUNG,
            starts_on=date(2026, 9, 1),
            ends_on=date(2027, 5, 31),
            members=[PairMember(mentee_id=mentee_id)],
        )
        session.add(pair)
        await session.flush()
        session.add(
            Meeting(
                pair_id=pair.id,
                mentor_id=mentor_id,
                starts_at=utcnow(),
                format=MeetingFormat.OFFLINE,
                topic="Первая встреча",
                participants=[MeetingParticipant(person_id=mentee_id, rating_comment="Супер")],
            )
        )
        session.add(
            Difficulty(
                organization_id=organization_id,
                mentee_id=mentee_id,
                category=DifficultyCategory.OTHER,
                description="Личное",
                urgency=Urgency.LOW,
            )
        )
    user = telegram.add_user(user_id=8006, first_name="Ольга")

    await user.send("/delete_me")
    confirm = await reply(user)
    await user.press(confirm, texts.BUTTON_DELETE_NO)
    assert (await reply(user)).text == texts.DELETE_KEPT
    assert await get_person(session_factory, 8006) is not None

    await user.send("/delete_me")
    confirm = await reply(user)
    await user.press(confirm, texts.BUTTON_DELETE_YES)
    assert (await reply(user)).text == texts.DELETE_DONE

    async with session_factory() as session:
        placeholder = await session.get(Person, mentee_id)
        participant = await session.scalar(select(MeetingParticipant))
    assert placeholder is not None
    assert placeholder.full_name == ERASED_PERSON
    assert placeholder.telegram_id is None and placeholder.subject is None
    assert placeholder.erased_at is not None
    assert participant is not None and participant.person_id == mentee_id
    assert participant.rating_comment is None
    assert await count(session_factory, Difficulty) == 0
    assert await count(session_factory, PairMember) == 1
    assert telegram.commands_for(chat_id=8006, user_id=8006) == [
        {"command": "start", "description": COMMAND_START},
        {"command": "help", "description": COMMAND_HELP},
    ]
    await user.send("/start")
    assert "приглашени" in (await reply(user)).text
    await user.press_data(confirm.message_id, "delme1:1")  # again: nothing left to erase
    assert "приглашени" in (await reply(user)).text


async def test_menu_and_help_follow_roles(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 8007, Role.CURATOR, Role.MENTOR)
    user = telegram.add_user(user_id=8007, first_name="Анна")

    await user.send("/start")
    menu = await reply(user)
    assert "куратор, наставник" in menu.text
    buttons = [b["text"] for row in menu.reply_markup["inline_keyboard"] for b in row]
    assert BUTTON_INVITE in buttons and BUTTON_NEW_ORG not in buttons
    await user.press(menu, BUTTON_HELP)
    help_message = await reply(user)
    assert "<b>Куратор</b>" not in help_message.text and "Куратор:" in help_message.text
    assert "Наставник:" in help_message.text and "Наставляемый:" not in help_message.text
    await user.press(menu, texts.BUTTON_PROFILE)
    assert "Мой профиль" in (await reply(user)).text


async def test_erasure_survives_a_failed_callback_answer(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    person_id = await make_person(session_factory, organization_id, 8010, Role.CURATOR)
    code = await make_invite(session_factory, organization_id, Role.MENTEE)
    async with session_factory() as session, session.begin():
        invite = await session.scalar(select(Invite).where(Invite.code == code))
        assert invite is not None
        invite.created_by_person_id = person_id
        invite.created_by_telegram_id = 8010
    user = telegram.add_user(user_id=8010, first_name="Куратор")
    await user.send("/delete_me")
    confirm = await reply(user)
    telegram.fail_next(
        "answerCallbackQuery",
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
    )
    await user.press(confirm, texts.BUTTON_DELETE_YES)
    assert (await reply(user)).text == texts.DELETE_DONE

    async with session_factory() as session:
        person = await session.get(Person, person_id)
        invite = await session.scalar(select(Invite).where(Invite.code == code))
    assert person is not None and person.erased_at is not None and person.telegram_id is None
    assert invite is not None and invite.created_by_telegram_id is None


async def test_the_bot_stays_silent_in_groups(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 8011, Role.CURATOR)
    user = telegram.add_user(user_id=8011, first_name="Куратор")
    await user.send("/help")  # the private chat exists
    await reply(user)
    for command in ("/my_data", "/profile", "/invites", "/start"):
        await user.send_in_group(-100500, command)
    await user.send("/help")  # handled after the group messages, in order
    assert "«Наставник» — бот" in (await reply(user)).text
    sent = [params.get("chat_id") for method, params in telegram.calls if method.startswith("send")]
    assert "-100500" not in sent and -100500 not in sent
    assert telegram.commands_for(chat_id=-100500) == telegram.commands_for(chat_id=1)
