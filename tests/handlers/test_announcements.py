"""Announcements over the real bot: a curator announces to the mentors of the school (the text
escaped, the preview first), the outbox sends it in the morning after the quiet hours, a mentor
who muted announcements in /reminders and one who blocked the bot are counted apart, and the
curator sees how many received it; a coordinator announces to the territory's curators; nobody
announces beyond their scope or reads another's delivery."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.callbacks.announcements import AnnounceAction, AnnounceCb, DeliveryCb
from bot.callbacks.reminders import ReminderToggleCb
from bot.callbacks.territories import TerritoryAction, TerritoryCb
from bot.services import territories
from bot.services.access import Actor
from bot.services.reminders.kinds import Category
from bot.texts import announcements as texts
from bot.texts import territories as territory_texts
from models import Announcement
from models.enums import Role
from scheduler.sender import Sender
from tests.clock import FakeClock
from tests.conftest import ADMIN_ID
from tests.dialogs import reply, users
from tests.factories import make_organization, make_person

ADMIN = Actor(telegram_id=ADMIN_ID, person=None, is_admin=True)
CURATOR, MENTOR, MUTED, BLOCKED, MENTEE = 1501, 1502, 1503, 1504, 1505
OTHER_CURATOR, COORDINATOR, STRANGER = 1511, 1521, 1531
NIGHT = datetime(2030, 1, 10, 20, 0, tzinfo=UTC)  # 23:00 in Moscow: the quiet hours
MORNING = datetime(2030, 1, 11, 5, 30, tzinfo=UTC)  # 08:30 in Moscow


async def _schools(factory) -> dict[str, int]:
    ids = {
        "school": await make_organization(factory, "Гимназия № 1", quiet_hours=(21, 8)),
        "other": await make_organization(factory, "Лицей № 2"),
    }
    async with factory.begin() as session:
        region = await territories.create_region(session, ADMIN, "Тверская область")
        for key in ("school", "other"):
            await territories.attach(session, ADMIN, ids[key], region.id)
        ids["region"] = region.id
    for telegram_id, role in (
        (CURATOR, Role.CURATOR),
        (MENTOR, Role.MENTOR),
        (MUTED, Role.MENTOR),
        (BLOCKED, Role.MENTOR),
        (MENTEE, Role.MENTEE),
    ):
        await make_person(
            factory, ids["school"], telegram_id, role, full_name=f"Педагог {telegram_id}"
        )
    await make_person(factory, ids["other"], OTHER_CURATOR, Role.CURATOR, full_name="Завуч Лицея")
    return ids


async def test_a_curator_announces_to_the_mentors(running_bot, session_factory, telegram):
    await _schools(session_factory)
    curator, mentor, muted, blocked, mentee, other = await users(
        telegram, CURATOR, MENTOR, MUTED, BLOCKED, MENTEE, OTHER_CURATOR
    )
    await muted.send("/reminders")
    await muted.press_data(
        (await reply(muted)).message_id,
        ReminderToggleCb(category=Category.ANNOUNCEMENTS).pack(),
    )
    await reply(muted)

    await curator.send("/announce")
    ask = await reply(curator)
    assert ask.text.startswith("📣 Объявление · Гимназия № 1")
    await curator.press(ask, "Наставникам")
    prompt = await reply(curator)
    assert "(наставникам, 3 чел.)" in prompt.text
    await curator.send("А")
    assert "Текст объявления" in (await reply(curator)).text  # too short: asked again
    await curator.send("<b>Совещание</b> наставников & методистов в пятницу в 15:00")
    preview = await reply(curator)
    assert "&lt;b&gt;Совещание&lt;/b&gt; наставников &amp; методистов" in preview.html
    assert "— Педагог 1501" in preview.text
    await curator.press(preview, texts.BUTTON_SEND)
    queued = await reply(curator)
    assert queued.text.startswith("✅ Объявление поставлено в очередь: 3 получателей")

    blocked.block()
    night = await Sender(session_factory, running_bot.bot, clock=FakeClock(NIGHT)).run_once()
    assert night.sent == 0 and night.deferred == 2  # the muted one is dropped at once
    await curator.press(queued, texts.BUTTON_DELIVERY)
    status = await reply(curator)
    assert "получили 0 из 3; в очереди 2; выключили объявления 1; не доставлено 0" in status.text
    morning = await Sender(session_factory, running_bot.bot, clock=FakeClock(MORNING)).run_once()
    assert morning.sent == 1
    got = await reply(mentor)
    assert got.text.startswith("📣 Объявление · Гимназия № 1\n<b>Совещание</b> наставников")
    await curator.press(queued, texts.BUTTON_DELIVERY)
    status = await reply(curator)
    assert "получили 1 из 3; в очереди 0; выключили объявления 1; не доставлено 1" in status.text

    # another school's curator reads no delivery of ours, and a stranger announces nothing
    async with session_factory() as session:
        announcement = await session.scalar(select(Announcement))
    assert announcement is not None and announcement.recipients == 3
    await other.send("/help")
    own = await reply(other)
    await other.press_data(own.message_id, DeliveryCb(announcement_id=announcement.id).pack())
    assert (await other.callback_answer())["text"] == texts.NOT_FOUND
    await mentee.send("/announce")
    assert (await reply(mentee)).text == texts.ACCESS_ANNOUNCE


async def test_a_coordinator_announces_to_the_territory(running_bot, session_factory, telegram):
    ids = await _schools(session_factory)
    async with session_factory.begin() as session:
        far = await territories.create_region(session, ADMIN, "Псковская область")
        links = [
            await territories.invite_coordinator(session, ADMIN, territory)
            for territory in (ids["region"], far.id)
        ]
        codes = [link.code for link in links]
    coordinator, stranger, curator, other = await users(
        telegram, COORDINATOR, STRANGER, CURATOR, OTHER_CURATOR
    )
    await coordinator.send(f"/start {codes[0]}")
    await reply(coordinator)
    await stranger.send(f"/start {codes[1]}")
    await reply(stranger)

    await coordinator.send("/territory")
    view = await reply(coordinator)
    await coordinator.press(view, territory_texts.BUTTON_ANNOUNCE)
    ask = await reply(coordinator)
    assert ask.text.startswith("📣 Объявление · Тверская область")
    await coordinator.press(ask, "Кураторам")
    assert "(кураторам, 2 чел.)" in (await reply(coordinator)).text
    await coordinator.send("Отчёты по наставничеству — до 25.01.2030")
    await coordinator.press(await reply(coordinator), texts.BUTTON_SEND)
    assert "2 получателей" in (await reply(coordinator)).text
    sent = await Sender(session_factory, running_bot.bot, clock=FakeClock(MORNING)).run_once()
    assert sent.sent == 2
    for user in (curator, other):
        got = await reply(user)
        assert "Отчёты по наставничеству" in got.text and got.text.endswith("— 1521")

    # the other region's coordinator forges the announcement to this territory
    await stranger.send("/help")
    menu = await reply(stranger)
    for forged in (
        TerritoryCb(territory_id=ids["region"], action=TerritoryAction.ANNOUNCE),
        AnnounceCb(action=AnnounceAction.AUDIENCE, territory_id=ids["region"]),
    ):
        await stranger.press_data(menu.message_id, forged.pack())
        answer = await stranger.callback_answer()
        assert answer["text"] == territory_texts.ACCESS_OTHER_TERRITORY
    async with session_factory() as session:
        assert len(list(await session.scalars(select(Announcement)))) == 1
