"""Curators' invite links over the real bot: create, use, list with pages, revoke, and every
refusal (wrong role, another organisation's link, forged buttons)."""

from __future__ import annotations

from sqlalchemy import select

from bot.callbacks.invites import InviteRenewCb, InviteRevokeCb, InviteWizardCb
from bot.texts import common as common_texts
from bot.texts import invites as texts
from models import Invite
from models.enums import Role
from tests.dialogs import LINK, link_code, open_invite, register, reply
from tests.factories import get_person, make_invite, make_organization, make_person


async def test_curator_creates_an_invite_that_a_teacher_uses(
    running_bot, session_factory, telegram
):
    organization_id = await make_organization(session_factory, timezone="Asia/Yekaterinburg")
    await make_person(session_factory, organization_id, 6001, Role.CURATOR)
    curator = telegram.add_user(user_id=6001, first_name="Куратор")

    await curator.send("/invite")
    step = await reply(curator)
    await curator.press(step, "Наставник")
    step = await reply(curator)
    assert "Сколько дней" in step.text
    await curator.press(step, "7 дн.")
    step = await reply(curator)
    await curator.press(step, "10")
    created = await reply(curator)
    assert "наставника" in created.text and "Asia/Yekaterinburg" in created.text
    code = link_code(created.text)

    teacher = telegram.add_user(user_id=6002, first_name="Учитель")
    await register(teacher, code)
    person = await get_person(session_factory, 6002)
    assert person is not None and person.role_set == {Role.MENTOR}
    assert person.organization_id == organization_id


async def test_invites_list_pages_and_revoke(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 6003, Role.CURATOR)
    codes = [await make_invite(session_factory, organization_id, Role.MENTEE) for _ in range(17)]
    await make_invite(session_factory, organization_id, Role.MENTEE, days=-1)  # not listed
    curator = telegram.add_user(user_id=6003, first_name="Куратор")

    await curator.send("/invites")
    first_page = await reply(curator)
    assert "всего 17, стр. 1 из 3" in first_page.text
    assert len(LINK.findall(first_page.text)) == 8
    await curator.press(first_page, "1/3")  # the same page again: «not modified» is harmless
    await curator.expect_no_message(within=0.5)
    await curator.press(first_page, common_texts.BUTTON_NEXT)
    second_page = await reply(curator)
    assert "стр. 2 из 3" in second_page.text

    shown = LINK.findall(second_page.text)[0]
    assert "9. наставляемый (общая): использовано 0 из 10" in second_page.text
    await curator.press(second_page, "Отозвать №9")
    question = await reply(curator)  # asked first: one tap does not lose a link
    assert "Отозвать приглашение №9 — наставляемый (общая)?" in question.text
    await curator.press(question, texts.BUTTON_REVOKE_NO)
    assert "всего 17" in (await reply(curator)).text
    await curator.press(second_page, "Отозвать №9")
    await curator.press(await reply(curator), texts.BUTTON_REVOKE_YES)
    answer = await curator.callback_answer()
    assert answer["text"] == texts.INVITE_REVOKED_DONE
    after = await reply(curator)
    assert after.text.startswith("✅ Отозвано: наставляемый (общая).")
    assert "всего 16" in after.text
    assert shown not in after.text
    async with session_factory() as session:
        invite = await session.scalar(select(Invite).where(Invite.code == shown))
        assert invite is not None and invite.revoked_at is not None
    assert shown in codes

    teacher = telegram.add_user(user_id=6004, first_name="Учитель")
    await teacher.send(f"/start {shown}")
    assert (await reply(teacher)).text == texts.INVITE_REVOKED


async def test_only_curators_invite(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 6005, Role.MENTOR, Role.MENTEE)
    mentor = telegram.add_user(user_id=6005, first_name="Наставник")

    for command in ("/invite", "/invites"):
        await mentor.send(command)
        assert (await reply(mentor)).text == common_texts.ACCESS_CURATOR_ONLY
    await mentor.send("/start")
    menu = await reply(mentor)
    await mentor.press_data(
        menu.message_id, InviteWizardCb(role=Role.MENTOR, days=7, uses=10).pack()
    )
    answer = await mentor.callback_answer()
    assert answer["text"] == common_texts.ACCESS_CURATOR_ONLY


async def test_forged_callbacks_change_nothing(running_bot, session_factory, telegram):
    home = await make_organization(session_factory, "Школа 1")
    other = await make_organization(session_factory, "Школа 2")
    await make_person(session_factory, home, 6006, Role.CURATOR)
    foreign_code = await make_invite(session_factory, other, Role.MENTEE)
    async with session_factory() as session:
        foreign_id = await session.scalar(select(Invite.id).where(Invite.code == foreign_code))
    curator = telegram.add_user(user_id=6006, first_name="Куратор")
    await curator.send("/start")
    menu = await reply(curator)

    for confirm in (False, True):
        forged = InviteRevokeCb(invite_id=foreign_id, page=0, number=1, confirm=confirm)
        await curator.press_data(menu.message_id, forged.pack())
        assert (await curator.callback_answer())["text"] == common_texts.ACCESS_OTHER_ORGANIZATION
        missing = InviteRevokeCb(invite_id=10**9, page=0, number=1, confirm=confirm)
        await curator.press_data(menu.message_id, missing.pack())
        assert (await curator.callback_answer())["text"] == texts.INVITE_NOT_FOUND
    # A curator may not mint curator links, nor links with uses and days never offered.
    await curator.press_data(menu.message_id, "invw1:curator:7:1")
    assert (await curator.callback_answer())["text"] == texts.INVITE_BAD_PARAMETERS
    await curator.press_data(menu.message_id, "invw1:mentee:3650:100000")
    assert (await curator.callback_answer())["text"] == texts.INVITE_BAD_PARAMETERS
    await curator.press_data(menu.message_id, "garbage:not:ours")
    assert (await curator.callback_answer())["text"] == common_texts.STALE_BUTTON

    async with session_factory() as session:
        invites = (await session.scalars(select(Invite))).all()
    assert len(invites) == 1 and invites[0].revoked_at is None


async def test_a_teachers_link_is_found_by_name_and_renewed(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    await make_person(session_factory, organization_id, 6010, Role.CURATOR)
    waiting = await make_person(
        session_factory, organization_id, None, Role.MENTEE, full_name="Новикова Ирина"
    )
    old_code = await make_invite(
        session_factory, organization_id, Role.MENTEE, max_uses=1, person_id=waiting
    )
    joined = await make_person(
        session_factory, organization_id, 6011, Role.MENTEE, full_name="Новиков Пётр"
    )
    other = await make_organization(session_factory, "Школа 2")
    foreign = await make_person(session_factory, other, None, Role.MENTEE, full_name="Новак Ян")
    curator = telegram.add_user(user_id=6010, first_name="Куратор")

    await curator.send("/invites")
    listing = await reply(curator)
    assert "Новикова Ирина — наставляемый (личная): использовано 0 из 1" in listing.text
    await curator.press(listing, texts.BUTTON_FIND_LINK)
    assert (await reply(curator)).text.startswith("🔎 Чью ссылку найти?")
    await curator.send("нов")
    found = await reply(curator)
    assert "Новикова Ирина: https://t.me/" in found.text and old_code in found.text
    assert "Новиков Пётр" not in found.text  # joined: needs no link
    assert "Новак" not in found.text  # another school
    await curator.press(found, "🔄 Новикова Ирина")
    renewed = await reply(curator)
    assert "Новая ссылка для <b>Новикова Ирина</b>" in renewed.html
    new_code = LINK.search(renewed.text)
    assert new_code is not None and new_code.group(1) != old_code

    teacher = telegram.add_user(user_id=6012, first_name="Ира")
    await teacher.send(f"/start {old_code}")
    assert (await reply(teacher)).text == texts.INVITE_REVOKED
    await open_invite(teacher, new_code.group(1))

    for person_id, refusal in (
        (foreign, common_texts.ACCESS_OTHER_ORGANIZATION),
        (joined, texts.INVITE_ALREADY_JOINED),
    ):
        await curator.press_data(listing.message_id, InviteRenewCb(person_id=person_id).pack())
        assert (await curator.callback_answer())["text"] == refusal
