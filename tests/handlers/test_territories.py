"""The external contour over the real bot: an admin makes a region and a municipality, puts a
school in it and invites a coordinator; the coordinator joins by the link and sees the
territory's summary by municipality, the register with N = A / B, the ranking, one school
read-only (written to the audit log) and the workbook. Then the scoping: two regions and two
municipalities, each coordinator forging every button of the others."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from sqlalchemy import select

from bot.callbacks.organizations import OrgAction, OrgCb
from bot.callbacks.territories import (
    AttachCb,
    RegionsAction,
    RegionsCb,
    TerritoryAction,
    TerritoryCb,
)
from bot.services import territories
from bot.services.access import Actor
from bot.services.territories import Indicator
from bot.texts import territories as texts
from bot.texts.common import ACCESS_ADMIN_ONLY
from models import AuditEntry, Coordinator
from models.enums import Role
from tests.conftest import ADMIN_ID
from tests.dialogs import link_code, register, reply, users
from tests.factories import make_invite, make_organization, make_pair, make_person
from tests.printed import joined, printed

ADMIN = Actor(telegram_id=ADMIN_ID, person=None, is_admin=True)


async def test_admin_builds_the_contour_and_a_coordinator_watches_it(
    running_bot, session_factory, telegram
):
    school = await make_organization(session_factory, "Гимназия № 1")
    await make_organization(session_factory, "Лицей «Звезда» & Ко")
    await make_person(session_factory, school, 7101, Role.CURATOR)
    mentor = await make_person(session_factory, school, 7102, Role.MENTOR)
    mentee = await make_person(session_factory, school, 7103, Role.MENTEE)
    await make_pair(session_factory, school, mentor, mentee)
    admin = telegram.add_user(user_id=ADMIN_ID, first_name="Админ")

    await admin.send("/territory")
    empty = await reply(admin)
    assert empty.text.startswith("Территории\nРегионов пока нет")
    await admin.press(empty, texts.BUTTON_NEW_REGION)
    assert (await reply(admin)).text == texts.ASK_REGION_NAME
    await admin.send("Т")
    assert "Регион" in (await reply(admin)).text  # too short: asked again
    await admin.send("Тверская область")
    created = await reply(admin)
    assert created.text == "✅ Создано: регион «Тверская область»."
    await admin.press(created, "Тверская область")
    view = await reply(admin)
    assert view.text == "В территории «Тверская область» пока нет организаций."
    await admin.press(view, texts.BUTTON_MUNICIPALITIES)
    listing = await reply(admin)
    await admin.press(listing, texts.BUTTON_NEW_MUNICIPALITY)
    await reply(admin)
    await admin.send("Город Тверь")
    assert (await reply(admin)).text.startswith("✅ Создано: муниципалитет «Город Тверь»")

    await admin.send("/orgs")
    orgs = await reply(admin)
    await admin.press(orgs, "Гимназия № 1")
    card = await reply(admin)
    await admin.press(card, "🗺 Территория (регион, муниципалитет)")
    choices = await reply(admin)
    assert "сейчас: не указана" in choices.text
    await admin.press(choices, "   · Город Тверь")
    assert (await reply(admin)).text == (
        "✅ Организация «Гимназия № 1» отнесена к территории «Город Тверь»."
    )

    await admin.send("/territory")
    regions = await reply(admin)
    await admin.press(regions, "Тверская область")
    region_view = await reply(admin)
    assert "Тверская область (регион)" in region_view.text
    await admin.press(region_view, texts.BUTTON_INVITE)
    code = link_code((await reply(admin)).text)

    coordinator = telegram.add_user(user_id=7200, first_name="Ольга", last_name="Методист")
    await coordinator.send(f"/start {code}")
    assert "Вы координатор наставничества: Тверская область" in (await reply(coordinator)).text
    commands = {c["command"] for c in telegram.commands_for(chat_id=7200, user_id=7200)}
    assert "territory" in commands
    await coordinator.send("/start")
    assert "Вы координатор" in (await reply(coordinator)).text
    await coordinator.send("/help")
    assert "Координатор территории" in (await reply(coordinator)).text

    await coordinator.send("/territory")
    summary = await reply(coordinator)
    assert "Организаций: 1." in summary.text
    assert "По муниципалитетам" in summary.text
    assert "Город Тверь — 1 орг.: вовлечено 67 %, пар 1" in summary.text
    assert "Гимназия № 1: вовлечено 67 %" in summary.text
    assert "Лицей" not in summary.text  # not of the territory
    await coordinator.press(summary, texts.BUTTON_REGISTER)
    register = await reply(coordinator)
    assert "Гимназия № 1 · Город Тверь" in register.text
    assert "куратор: назначен; положение: не принято; активных пар: 1" in register.text
    assert "• Тверская область: 0 / 1 = 0,0 %" in register.text
    await coordinator.press(register, texts.BUTTON_BACK)
    again = await reply(coordinator)
    await coordinator.press(again, texts.BUTTON_RANKING)
    ranking = await reply(coordinator)
    assert "Меньше всего встреч на пару" in ranking.text
    await coordinator.press(ranking, "Вовлечённость")
    assert "1. ⚠️ Гимназия № 1 — 67 %" in (await reply(coordinator)).text

    await coordinator.send("/territory")
    summary = await reply(coordinator)
    await coordinator.press(summary, texts.BUTTON_ORGANIZATIONS)
    organizations = await reply(coordinator)
    await coordinator.press(organizations, "Гимназия № 1")
    drill = await reply(coordinator)
    assert "Гимназия № 1" in drill.text and "только для чтения" in drill.text
    async with session_factory() as session:
        entry = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "territory_summary")
        )
    assert entry is not None and entry.organization_id == school
    assert entry.actor_telegram_id == 7200

    await coordinator.send("/territory")
    summary = await reply(coordinator)
    await coordinator.press(summary, texts.BUTTON_WORKBOOK)
    document = await reply(coordinator)
    assert document.document["file_name"].startswith("territory_")
    book = load_workbook(io.BytesIO(document.document["content"]))
    assert book.sheetnames == ["Территория"]  # figures, no person's data
    side_by_side = [row[:8] for row in book["Территория"].iter_rows(min_row=2, values_only=True)]
    assert side_by_side == [
        ("Город Тверь", "Гимназия № 1", 3, 2, 66.7, 1, 1, 1),
        ("Город Тверь", "Итого по муниципалитету", 3, 2, 66.7, 1, 1, 1),
        ("Тверская область", "Итого по территории", 3, 2, 66.7, 1, 1, 1),
    ]
    page = joined(printed(document.document["content"], "territory", suffix="xlsx").pages[0])
    assert "Итого по территории" in page and "Гимназия № 1" in page

    # the admin revokes the coordinator: from then on they see nothing
    await admin.send("/territory")
    await admin.press(await reply(admin), "Тверская область")
    await admin.press(await reply(admin), texts.BUTTON_COORDINATORS)
    listed = await reply(admin)
    assert "• Ольга Методист — с " in listed.text
    await admin.press(listed, texts.BUTTON_REVOKE.format(name="Ольга Методист"))
    assert (await admin.callback_answer())["text"].startswith("✅ Отозвано: Ольга Методист")
    assert texts.COORDINATORS_EMPTY in (await reply(admin)).text
    await coordinator.send("/territory")
    assert (await reply(coordinator)).text == texts.ACCESS_COORDINATOR_ONLY


async def _region(session_factory, name: str, places: tuple[str, str]) -> dict[str, int]:
    """A region with two municipalities and a school in each."""
    ids: dict[str, int] = {}
    async with session_factory.begin() as session:
        region = await territories.create_region(session, ADMIN, name)
        ids["region"] = region.id
        for number, place_name in enumerate(places):
            place = await territories.create_municipality(session, ADMIN, region.id, place_name)
            ids[f"place{number}"] = place.id
    for number in range(2):
        school = await make_organization(session_factory, f"{name}: школа {number}")
        async with session_factory.begin() as session:
            await territories.attach(session, ADMIN, school, ids[f"place{number}"])
        ids[f"school{number}"] = school
    return ids


async def _coordinator_of(session_factory, territory_id: int, user) -> None:
    async with session_factory.begin() as session:
        link = await territories.invite_coordinator(session, ADMIN, territory_id)
        code = link.code
    await user.send(f"/start {code}")
    assert "Вы координатор" in (await reply(user)).text


def _every_button(
    ids: dict[str, int], aimed: tuple[str, ...] = ("region", "place0", "place1")
) -> list[str]:
    """Every button of the territories aimed at these of them, each naming the first school
    (the one a drill-down opens)."""
    return [
        TerritoryCb(
            territory_id=ids[territory],
            action=action,
            organization_id=ids["school0"],
            indicator=indicator,
        ).pack()
        for territory in aimed
        for action in TerritoryAction
        for indicator in Indicator
    ]


async def test_nobody_sees_beyond_their_territory(running_bot, session_factory, telegram):
    north = await _region(session_factory, "Тверская область", ("Тверь", "Ржев"))
    south = await _region(session_factory, "Псковская область", ("Псков", "Остров"))
    regional, municipal, curator, stranger = await users(telegram, 7301, 7302, 7303, 7304)
    await _coordinator_of(session_factory, south["region"], regional)
    await _coordinator_of(session_factory, north["place1"], municipal)
    await make_person(session_factory, north["school0"], 7303, Role.CURATOR)
    menu_ids = {}
    for user in (regional, municipal, curator, stranger):
        await user.send("/help")
        menu_ids[user.id] = (await reply(user)).message_id

    async def refused(user, data: str, expected: str) -> None:
        await user.press_data(menu_ids[user.id], data)
        answer = await user.callback_answer()
        assert answer["text"] == expected, (data, answer)

    # the south's coordinator forges every button of the north
    for data in _every_button(north):
        await refused(regional, data, texts.ACCESS_OTHER_TERRITORY)
    # the municipal coordinator of Ржев: not the region, not Тверь, not Тверь's school (even
    # through a button of their own municipality), nothing of the south
    for data in _every_button(north, ("region", "place0")) + _every_button(south):
        await refused(municipal, data, texts.ACCESS_OTHER_TERRITORY)
    through_own = TerritoryCb(
        territory_id=north["place1"], action=TerritoryAction.DRILL, organization_id=north["school0"]
    )
    await refused(municipal, through_own.pack(), texts.ACCESS_OTHER_TERRITORY)
    # a curator and a stranger are no coordinators at all
    for user in (curator, stranger):
        for data in _every_button(north)[:: len(Indicator)]:
            await refused(user, data, texts.ACCESS_COORDINATOR_ONLY)
    # only admins make regions and put schools in territories
    for user in (regional, municipal):
        await refused(user, RegionsCb(action=RegionsAction.NEW).pack(), ACCESS_ADMIN_ONLY)
        forged_attach = AttachCb(organization_id=north["school0"], territory_id=south["region"])
        await refused(user, forged_attach.pack(), ACCESS_ADMIN_ONLY)
        card = OrgCb(organization_id=north["school0"], action=OrgAction.TERRITORY)
        await refused(user, card.pack(), ACCESS_ADMIN_ONLY)
    # and a municipal coordinator invites nobody, even to their own municipality
    own = TerritoryCb(territory_id=north["place1"], action=TerritoryAction.INVITE).pack()
    await refused(municipal, own, texts.ACCESS_REGIONAL_ONLY)
    # only an admin or the region's coordinator sees and revokes the coordinators
    listing = TerritoryCb(territory_id=north["place1"], action=TerritoryAction.COORDINATORS)
    await refused(municipal, listing.pack(), texts.ACCESS_REGIONAL_ONLY)
    async with session_factory() as session:
        own_record = await session.scalar(
            select(Coordinator).where(Coordinator.telegram_id == municipal.id)
        )
    assert own_record is not None
    for user, expected in (
        (regional, texts.ACCESS_OTHER_TERRITORY),
        (municipal, texts.ACCESS_REGIONAL_ONLY),
    ):
        forged_revoke = TerritoryCb(
            territory_id=north["region"] if user is regional else north["place1"],
            action=TerritoryAction.REVOKE,
            coordinator_id=own_record.id,
        )
        await refused(user, forged_revoke.pack(), expected)
    async with session_factory() as session:
        drilled = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "territory_summary")
        )
    assert drilled is None  # nothing was shown, nothing was read


async def test_a_coordinator_who_joins_a_school_keeps_the_territory_commands(
    running_bot, session_factory, telegram
):
    ids = await _region(session_factory, "Тверская область", ("Тверь", "Ржев"))
    code = await make_invite(session_factory, ids["school0"], Role.MENTEE)
    user = telegram.add_user(user_id=7401, first_name="Методист")
    await _coordinator_of(session_factory, ids["region"], user)
    await register(user, code)
    commands = {c["command"] for c in telegram.commands_for(chat_id=7401, user_id=7401)}
    assert {"territory", "announce", "new_difficulty"} <= commands
