"""Admins create organisations and appoint curators by link; the regional list of
organisations; refusals for everyone else."""

from __future__ import annotations

from sqlalchemy import select

from bot.texts import organizations as texts
from bot.texts.common import ACCESS_ADMIN_ONLY, BUTTON_NEXT
from bot.texts.invites import INVITE_EXHAUSTED
from bot.texts.validation import VALIDATION_TIMEZONE
from models import Organization
from models.enums import Role
from tests.conftest import ADMIN_ID
from tests.dialogs import LINK, link_code, register, reply
from tests.factories import get_person, make_organization, make_person


async def test_admin_creates_organization_and_curator_joins(running_bot, session_factory, telegram):
    admin = telegram.add_user(user_id=ADMIN_ID, first_name="Админ")
    await admin.send("/start")
    menu = await reply(admin)
    assert "администратора" in menu.text
    assert "new_org" in {
        c["command"] for c in telegram.commands_for(chat_id=ADMIN_ID, user_id=ADMIN_ID)
    }

    await admin.send("/new_org")
    await reply(admin)
    await admin.send("Гимназия № 5 «Эврика» & Ко")
    timezone_prompt = await reply(admin)
    await admin.press(timezone_prompt, "Екатеринбург")
    assert (await reply(admin)).text == "Часовой пояс: Asia/Yekaterinburg"
    assert "Регион" in (await reply(admin)).text
    await admin.send("Свердловская область")
    created = await reply(admin)
    assert "Гимназия № 5 «Эврика» & Ко" in created.text
    code = link_code(created.text)

    async with session_factory() as session:
        organization = await session.scalar(select(Organization))
    assert organization is not None and organization.timezone == "Asia/Yekaterinburg"

    curator = telegram.add_user(user_id=7001, first_name="Завуч")
    await register(curator, code)
    person = await get_person(session_factory, 7001)
    assert person is not None and person.role_set == {Role.CURATOR}
    commands = {c["command"] for c in telegram.commands_for(chat_id=7001, user_id=7001)}
    assert {"invite", "invites"} <= commands
    # A one-use curator link cannot make a second curator.
    other = telegram.add_user(user_id=7002, first_name="Другой")
    await other.send(f"/start {code}")
    assert (await reply(other)).text == INVITE_EXHAUSTED


async def test_admin_types_time_zone_and_is_corrected(running_bot, session_factory, telegram):
    admin = telegram.add_user(user_id=ADMIN_ID, first_name="Админ")
    await admin.send("/new_org")
    await reply(admin)
    await admin.send("Лицей № 2")
    await reply(admin)
    await admin.send("Марс/Олимп")
    assert (await reply(admin)).text == VALIDATION_TIMEZONE
    await admin.send("asia/omsk")
    await reply(admin)
    await admin.send("Омская область")
    assert "Asia/Omsk" in (await reply(admin)).text


async def test_admin_browses_organizations(running_bot, session_factory, telegram):
    for number in range(11):
        organization_id = await make_organization(session_factory, f"Школа {number:02d}")
    await make_person(session_factory, organization_id, 7003, Role.CURATOR)
    admin = telegram.add_user(user_id=ADMIN_ID, first_name="Админ")

    await admin.send("/orgs")
    listing = await reply(admin)
    assert "всего 11" in listing.text
    await admin.press(listing, BUTTON_NEXT)
    second = await reply(admin)
    await admin.press(second, "Школа 10")
    card = await reply(admin)
    assert "Участников: 1, из них кураторов: 1" in card.text
    await admin.press(card, texts.BUTTON_CURATOR_LINK)
    assert LINK.search((await reply(admin)).text)


async def test_only_admins_manage_organizations(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 7004, Role.CURATOR)
    curator = telegram.add_user(user_id=7004, first_name="Куратор")
    for command in ("/new_org", "/orgs"):
        await curator.send(command)
        assert (await reply(curator)).text == ACCESS_ADMIN_ONLY
    await curator.send("/start")
    menu = await reply(curator)
    await curator.press_data(menu.message_id, f"org1:{organization_id}:curator_link:0")
    assert (await curator.callback_answer())["text"] == ACCESS_ADMIN_ONLY
