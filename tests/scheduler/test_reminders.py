"""Reminders end to end with a controllable clock: the real planner and sender, the real
database and the real `Bot` against the fake Bot API. Each kind fires at the right local time,
once; quiet hours defer; cancelled, moved or finished things stay silent; switches, 403s and
429s are honoured; two senders on one database never send twice."""

from __future__ import annotations

import asyncio
import time as time_module
import uuid
from datetime import timedelta

import pytest
from aiogram import Bot
from redis.asyncio import Redis
from sqlalchemy import event, select, text, update

from bot import notices
from bot.services.outbox import LEASE, Claim, Draft, claim, enqueue, mark_sent, renew
from bot.services.reminders.kinds import Category, Kind
from bot.settings import load_settings
from bot.telegram import create_bot
from bot.texts.meetings import (
    BUTTON_MEETING_HELD,
    BUTTON_MEETING_NOT_HELD,
    BUTTON_MEETING_OPEN,
)
from models import (
    Goal,
    HelpRequest,
    Meeting,
    Notification,
    NotificationPreference,
    Pair,
    Person,
    utcnow,
)
from models.enums import GoalStatus, HelpStatus, MeetingStatus, NotificationStatus, Role
from scheduler import jobs
from scheduler.sender import FALLBACK_SHARE, Pacer, Sender, SharedBudget, Stats
from tests.clock import FakeClock, local, wednesday
from tests.conftest import TOKEN
from tests.dialogs import reply, users
from tests.factories import (
    NO_QUIET_HOURS,
    SCHOOL_QUIET_HOURS,
    make_goal,
    make_help_request,
    make_meeting,
    make_organization,
    make_pair,
    make_person,
    make_reminded_mentees,
)

MENTOR, MENTEE, CURATOR = 1701, 1702, 1703


async def tick(factory, bot: Bot, clock: FakeClock) -> Stats:
    await jobs.plan_reminders(factory, clock())
    await jobs.escalate_help_requests(factory, clock())
    return await Sender(factory, bot, clock=clock).run_once()


async def school(factory, quiet_hours: tuple[int, int] = NO_QUIET_HOURS) -> tuple[int, int, int]:
    organization_id = await make_organization(factory, quiet_hours=quiet_hours)
    mentor_id = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Орлова Вера"
    )
    mentee_id = await make_person(
        factory, organization_id, MENTEE, Role.MENTEE, full_name="Новикова Ира"
    )
    pair_id = await make_pair(factory, organization_id, mentor_id, mentee_id)
    return pair_id, mentor_id, mentee_id


async def statuses(factory) -> list[NotificationStatus]:
    async with factory() as session:
        return list(await session.scalars(select(Notification.status).order_by(Notification.id)))


async def test_meeting_reminders_fire_once_at_local_times(running_bot, session_factory, telegram):
    pair_id, _, mentee_id = await school(session_factory)
    day = wednesday()
    starts = local(day, 15)
    await make_meeting(session_factory, pair_id, starts, mentee_id, topic="Разбор урока")
    mentor, mentee = await users(telegram, MENTOR, MENTEE)
    bot = running_bot.bot

    clock = FakeClock(starts - timedelta(hours=24, minutes=1))
    assert (await tick(session_factory, bot, clock)).sent == 0
    clock.now = starts - timedelta(hours=24)
    assert (await tick(session_factory, bot, clock)).sent == 2
    day_before = await reply(mentee)
    assert f"Завтра встреча «Разбор урока» — {day:%d.%m.%Y} 15:00 (Europe/Moscow)" in (
        day_before.text
    )
    assert "С наставником: Орлова Вера." in day_before.text
    assert "Участники: Новикова Ира." in (await reply(mentor)).text
    assert (await tick(session_factory, bot, clock)).sent == 0  # planned again, sent once

    clock.now = starts - timedelta(hours=1)
    assert (await tick(session_factory, bot, clock)).sent == 2
    assert "Через час встреча «Разбор урока»" in (await reply(mentee)).text
    await reply(mentor)
    clock.now = starts + timedelta(minutes=60)
    assert (await tick(session_factory, bot, clock)).sent == 1
    log = await reply(mentor)
    assert "Отметьте, пожалуйста, её итоги" in log.text
    assert log.buttons() == [BUTTON_MEETING_HELD, BUTTON_MEETING_NOT_HELD, BUTTON_MEETING_OPEN]
    await mentee.expect_no_message()


async def test_quiet_hours_defer_to_the_morning(running_bot, session_factory, telegram):
    pair_id, _, mentee_id = await school(session_factory, SCHOOL_QUIET_HOURS)
    day = wednesday()
    await make_goal(session_factory, pair_id, mentee_id, "Открытый урок", day)
    async with session_factory.begin() as session:
        mentee_person = await session.get(Person, mentee_id)
        assert mentee_person is not None
        mentee_person.quiet_hours_start, mentee_person.quiet_hours_end = 21, 10
    mentor, mentee = await users(telegram, MENTOR, MENTEE)
    bot = running_bot.bot

    clock = FakeClock(local(day - timedelta(days=1), 9))
    stats = await tick(session_factory, bot, clock)
    assert (stats.sent, stats.deferred) == (0, 1)  # her quiet hours last till 10:00
    clock.now = local(day - timedelta(days=1), 9, 59)
    assert (await tick(session_factory, bot, clock)).sent == 0
    clock.now = local(day - timedelta(days=1), 10)
    assert (await tick(session_factory, bot, clock)).sent == 1
    assert "Завтра срок цели «Открытый урок»" in (await reply(mentee)).text

    clock.now = local(day + timedelta(days=1), 9)
    stats = await tick(session_factory, bot, clock)
    # hers wait for 10:00 (the day's, missed while the bot was down, and the overdue one);
    # the mentor's goes now
    assert (stats.sent, stats.deferred) == (1, 2)
    assert "У наставляемого Новикова Ира просрочена цель" in (await reply(mentor)).text
    clock.now = local(day + timedelta(days=1), 10)
    stats = await tick(session_factory, bot, clock)
    # «Сегодня срок» would be false by now: dropped; the overdue one goes
    assert (stats.sent, stats.cancelled) == (1, 1)
    assert (await reply(mentee)).text.startswith("⚠️ Цель «Открытый урок» просрочена")
    await mentee.expect_no_message()

    night = local(day + timedelta(days=3), 23)  # the organisation's own quiet hours
    async with session_factory.begin() as session:
        await enqueue(
            session,
            [Draft("test:night", mentee_id, Kind.STAFF_LIST, night - timedelta(hours=1))],
        )
        mentee_person = await session.get(Person, mentee_id)
        assert mentee_person is not None
        mentee_person.quiet_hours_start = mentee_person.quiet_hours_end = None
    clock.now = night
    await tick(session_factory, bot, clock)
    async with session_factory() as session:
        row = await session.scalar(select(Notification).where(Notification.key == "test:night"))
    assert row is not None and row.status is NotificationStatus.PENDING
    assert row.due_at == local(day + timedelta(days=4), 8)


async def test_a_reminder_held_back_says_what_is_true_when_it_is_sent(
    running_bot, session_factory, telegram
):
    """A meeting at 21:30: its 24-hour reminder falls in the quiet hours and goes at 08:00 of
    the meeting's own day, saying «Сегодня»; the hour's one says how many minutes are left."""
    pair_id, _, mentee_id = await school(session_factory, SCHOOL_QUIET_HOURS)
    day = wednesday()
    starts = local(day, 21, 30)
    await make_meeting(session_factory, pair_id, starts, mentee_id, topic="Поздний разбор")
    _, mentee = await users(telegram, MENTOR, MENTEE)
    bot = running_bot.bot

    clock = FakeClock(starts - timedelta(hours=24))  # 21:30 the day before: quiet hours
    assert (await tick(session_factory, bot, clock)).deferred >= 1
    clock.now = local(day, 8)
    assert (await tick(session_factory, bot, clock)).sent >= 1
    assert "⏰ Сегодня встреча «Поздний разбор»" in (await reply(mentee)).text
    clock.now = starts - timedelta(minutes=40)  # the hour's, due at 20:30, sent at 20:50
    await tick(session_factory, bot, clock)
    assert "⏰ Через 40 мин. встреча «Поздний разбор»" in (await reply(mentee)).text


async def test_cancelled_moved_and_reached_things_stay_silent(
    running_bot, session_factory, telegram
):
    pair_id, _, mentee_id = await school(session_factory)
    day = wednesday()
    starts = local(day, 15)
    cancelled = await make_meeting(session_factory, pair_id, starts, mentee_id, topic="Отменим")
    moved = await make_meeting(session_factory, pair_id, starts, mentee_id, topic="Перенесём")
    goal = await make_goal(session_factory, pair_id, mentee_id, "Достигнем", day)
    mentor, mentee = await users(telegram, MENTOR, MENTEE)
    bot = running_bot.bot

    clock = FakeClock(starts - timedelta(hours=32))
    assert (await tick(session_factory, bot, clock)).sent == 0  # planned ahead only
    async with session_factory.begin() as session:
        await session.execute(
            update(Meeting).where(Meeting.id == cancelled).values(status=MeetingStatus.CANCELLED)
        )
        await session.execute(
            update(Meeting).where(Meeting.id == moved).values(starts_at=starts + timedelta(days=1))
        )
        await session.execute(update(Goal).where(Goal.id == goal).values(status=GoalStatus.REACHED))
    clock.now = starts - timedelta(hours=24)
    stats = await tick(session_factory, bot, clock)
    assert stats.sent == 0 and stats.cancelled >= 4
    await mentee.expect_no_message()
    await mentor.expect_no_message()
    clock.now = starts  # a day before the moved meeting: its new reminders
    assert (await tick(session_factory, bot, clock)).sent == 2
    assert "Завтра встреча «Перенесём»" in (await reply(mentee)).text


async def test_switched_off_kinds_and_blocked_people(running_bot, session_factory, telegram):
    pair_id, _, mentee_id = await school(session_factory, SCHOOL_QUIET_HOURS)
    day = wednesday()
    await make_goal(session_factory, pair_id, mentee_id, "Цель", day)
    starts = local(day, 15)
    await make_meeting(session_factory, pair_id, starts, mentee_id, topic="Встреча")
    mentor, mentee = await users(telegram, MENTOR, MENTEE)
    bot = running_bot.bot

    await mentee.send("/reminders")
    settings = await reply(mentee)
    assert "как в организации, 21:00–08:00" in settings.text
    await mentee.press(settings, "🔔 Краткосрочные цели")
    toggled = await reply(mentee)
    assert "🔕 Краткосрочные цели" in toggled.buttons()
    await mentee.press(toggled, "🌙 22:00–07:00")
    assert "Сейчас: 22:00–07:00" in (await reply(mentee)).text

    clock = FakeClock(local(day - timedelta(days=1), 10))
    assert (await tick(session_factory, bot, clock)).sent == 0  # goals are off for her
    mentee.block()
    await asyncio.sleep(0.3)  # the bot hears of it and marks her inactive
    async with session_factory.begin() as session:
        await session.execute(update(Person).where(Person.id == mentee_id).values(is_active=True))
    clock.now = starts - timedelta(hours=24)
    stats = await tick(session_factory, bot, clock)
    assert (stats.sent, stats.failed) == (1, 1)  # the mentor's; hers answered 403
    await reply(mentor)
    async with session_factory() as session:
        person = await session.get(Person, mentee_id)
        pending = await session.scalar(
            select(Notification.id).where(
                Notification.person_id == mentee_id,
                Notification.status == NotificationStatus.PENDING,
            )
        )
    assert person is not None and not person.is_active and pending is None


async def test_flood_wait_is_honoured_in_full(running_bot, session_factory, telegram):
    _, _, mentee_id = await school(session_factory)
    (mentee,) = await users(telegram, MENTEE)
    async with session_factory.begin() as session:
        await enqueue(session, [Draft("test:429", mentee_id, Kind.STAFF_LIST, utcnow())])
    telegram.fail_next("sendMessage", 429, "Too Many Requests: retry after 2", retry_after=2)
    bare = create_bot(
        load_settings(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url), max_flood_wait=0
    )
    started = asyncio.get_running_loop().time()
    async with bare.session:
        stats = await Sender(session_factory, bare).run_once()
    assert (stats.sent, stats.retried_429) == (1, 1)
    assert asyncio.get_running_loop().time() - started >= 2
    assert "список педагогов" in (await reply(mentee)).text

    async with session_factory.begin() as session:
        await enqueue(session, [Draft("test:5xx", mentee_id, Kind.STAFF_LIST, utcnow())])
    for _ in range(4):  # more than the session's own retries: the row waits and goes later
        telegram.fail_next("sendMessage", 502, "Bad Gateway")
    async with bare.session:
        stats = await Sender(session_factory, bare).run_once()
        assert (stats.sent, stats.deferred) == (0, 1)
        later = FakeClock(utcnow() + timedelta(minutes=1))
        assert (await Sender(session_factory, bare, clock=later).run_once()).sent == 1
    assert "список педагогов" in (await reply(mentee)).text


async def test_two_senders_never_send_twice(running_bot, session_factory, telegram):
    organization_id = await make_organization(session_factory)
    people = [
        await make_person(session_factory, organization_id, 1800 + n, Role.MENTEE)
        for n in range(12)
    ]
    chats = await users(telegram, *(1800 + n for n in range(12)))
    now = utcnow()
    async with session_factory.begin() as session:
        await enqueue(
            session,
            [
                Draft(f"test:{person}:{copy}", person, Kind.STAFF_LIST, now)
                for person in people
                for copy in range(3)
            ],
        )
    pacer = Pacer(per_second=200, chat_interval=0.01)
    # small batches, few in flight: the two must take turns claiming
    first = Sender(session_factory, running_bot.bot, pacer=pacer, batch=3, max_in_flight=3)
    second = Sender(
        session_factory, running_bot.bot, pacer=Pacer(200, 0.01), batch=3, max_in_flight=3
    )
    one, two = await asyncio.gather(first.run_once(), second.run_once())
    assert one.sent + two.sent == 36 and one.sent and two.sent
    for chat in chats:
        assert len([m for m in chat.messages if m.from_bot]) == 1 + 3  # /help answer + three
    assert set(await statuses(session_factory)) == {NotificationStatus.SENT}


async def test_instances_share_one_sending_pace_through_redis(session_factory, telegram):
    """Two senders, as on two instances, with small batches so both send at once: with the
    pace kept in Redis (20 a second here, a margin for a loaded test machine) they stay within
    Telegram's 30 a second together; each alone at its pace would make twice that."""
    await make_reminded_mentees(session_factory, telegram, range(1900, 1990), "pace")
    telegram.rate_limit(30, 1)
    redis = Redis.from_url("redis://127.0.0.1:6379/8")
    bot = create_bot(load_settings(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url))
    key = f"test:pace:{uuid.uuid4().hex}"
    try:
        senders = [
            Sender(
                session_factory,
                bot,
                pacer=Pacer(budget=SharedBudget(redis, per_second=20, key=key)),
                batch=5,
                max_in_flight=10,
            )
            for _ in range(2)
        ]
        started = time_module.monotonic()
        one, two = await asyncio.gather(*(sender.run_once() for sender in senders))
        elapsed = time_module.monotonic() - started
    finally:
        await redis.aclose()
        await bot.session.close()
    assert one.sent + two.sent == 90 and one.sent and two.sent
    assert telegram.rejected_429 == 0
    assert elapsed >= 89 / 25 - 0.1  # the shared pace, not each sender's own


async def test_without_redis_the_shared_pace_goes_on_alone(caplog):
    """Redis unreachable: sending goes on at a cautious pace instead of failing every row."""
    redis = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=1)
    budget = SharedBudget(redis, per_second=30)
    try:
        started = time_module.monotonic()
        for _ in range(3):
            await budget.acquire()
        elapsed = time_module.monotonic() - started
    finally:
        await redis.aclose()
    assert elapsed >= 2 * FALLBACK_SHARE / 30 - 0.05  # a third of the pace
    assert sum("pacing alone" in record.message for record in caplog.records) == 1


async def test_with_redis_one_instance_plans_per_period():
    redis = Redis.from_url("redis://127.0.0.1:6379/8")
    job = f"test:{uuid.uuid4().hex}"
    try:
        assert await jobs.take_turn(redis, job, seconds=1)
        assert not await jobs.take_turn(redis, job, seconds=1)  # another instance, same period
        await asyncio.sleep(1.1)
        assert await jobs.take_turn(redis, job, seconds=1)  # the next period
    finally:
        await redis.aclose()
    assert await jobs.take_turn(None, job, seconds=1)  # without Redis each instance plans
    unreachable = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=1)
    try:
        assert await jobs.take_turn(unreachable, job, seconds=1)
    finally:
        await unreachable.aclose()


async def test_help_nudge_no_meeting_digest_and_programme_end(
    running_bot, session_factory, telegram
):
    pair_id, mentor_id, mentee_id = await school(session_factory)
    async with session_factory() as session:
        pair = await session.get(Pair, pair_id)
        assert pair is not None
    await make_person(
        session_factory, pair.organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга"
    )
    mentor, curator = await users(telegram, MENTOR, CURATOR)
    bot = running_bot.bot
    monday = wednesday() + timedelta(days=5)
    request = await make_help_request(session_factory, mentee_id, pair_id, utcnow())
    taken = local(monday - timedelta(days=2), 11)
    meeting_day = monday - timedelta(days=20)
    await make_meeting(
        session_factory, pair_id, local(meeting_day, 12), mentee_id, status=MeetingStatus.HELD
    )
    async with session_factory.begin() as session:
        await session.execute(
            update(HelpRequest)
            .where(HelpRequest.id == request)
            .values(status=HelpStatus.TAKEN, assignee_id=mentor_id, taken_at=taken)
        )
        await session.execute(
            update(Pair).where(Pair.id == pair_id).values(ends_on=monday + timedelta(days=14))
        )

    clock = FakeClock(local(meeting_day + timedelta(days=14), 9))
    assert (await tick(session_factory, bot, clock)).sent == 1
    assert f"С {meeting_day:%d.%m.%Y} у вас нет встреч с Новикова Ира" in (await reply(mentor)).text
    clock.now = taken + timedelta(hours=2)
    assert (await tick(session_factory, bot, clock)).sent == 1
    assert "ещё не ответили" in (await reply(mentor)).text
    clock.now = local(monday, 9)
    assert (await tick(session_factory, bot, clock)).sent == 3
    messages = sorted([(await reply(curator)).text, (await reply(curator)).text])
    assert "завершает программу" in messages[0] and "за неделю" in messages[1]
    assert "Проведено встреч за неделю: 0" in messages[1]
    digest = await reply(mentor)
    assert "Ваша неделя наставника" in digest.text and "№1, ждёт" in digest.text
    assert (await tick(session_factory, bot, clock)).sent == 0


async def test_late_reminders_before_a_meeting_are_dropped(running_bot, session_factory, telegram):
    pair_id, _, mentee_id = await school(session_factory)
    starts = local(wednesday(), 15)
    await make_meeting(session_factory, pair_id, starts, mentee_id, topic="Прошла")
    _, mentee = await users(telegram, MENTOR, MENTEE)
    clock = FakeClock(starts + timedelta(minutes=5))  # the bot was down until after the start
    stats = await tick(session_factory, running_bot.bot, clock)
    assert (stats.sent, stats.cancelled) == (0, 4)  # «tomorrow» and «in an hour», to both
    await mentee.expect_no_message()


async def test_a_claim_taken_over_after_its_lease_cannot_send(session_factory):
    organization_id = await make_organization(session_factory)
    person = await make_person(session_factory, organization_id, 1901, Role.MENTEE)
    now = utcnow()
    async with session_factory.begin() as session:
        await enqueue(session, [Draft("test:lease", person, Kind.STAFF_LIST, now)])
    async with session_factory.begin() as session:
        (first,) = await claim(session, now, "first", 10)
        assert first.claimed_at is not None
        old = Claim(first.id, "first", first.claimed_at)
    later = now + LEASE + timedelta(seconds=1)
    async with session_factory.begin() as session:
        (second,) = await claim(session, later, "second", 10)
        assert await renew(session, old, later) is None
        await mark_sent(session, old, later)  # changes nothing: the claim is lost
    async with session_factory() as session:
        row = await session.get(Notification, second.id)
    assert row is not None and row.claimed_by == "second"
    assert row.status is NotificationStatus.CLAIMED


async def test_a_night_batch_is_put_off_and_dropped_in_a_few_statements(
    session_factory, engine, telegram
):
    """At night the region's reminders come due at once: the sender reads the people and
    their switches for the whole batch and changes the rows of one outcome together."""
    moscow = await make_organization(session_factory, quiet_hours=SCHOOL_QUIET_HOURS)
    novosibirsk = await make_organization(
        session_factory, "Лицей № 2", "Asia/Novosibirsk", quiet_hours=SCHOOL_QUIET_HOURS
    )
    people = [
        await make_person(session_factory, organization, 3000 + number, Role.MENTEE)
        for number, organization in enumerate([moscow] * 20 + [novosibirsk] * 20)
    ]
    own, blocked, muted = people[0], people[1], people[2]
    async with session_factory.begin() as session:
        person = await session.get(Person, own)
        assert person is not None
        person.quiet_hours_start, person.quiet_hours_end = 22, 10
        blocked_person = await session.get(Person, blocked)
        assert blocked_person is not None
        blocked_person.is_active = False
        session.add(NotificationPreference(person_id=muted, kind=Category.NUDGES, enabled=False))
        night = local(wednesday(), 23)  # 23:00 in Moscow, 03:00 in Novosibirsk
        await enqueue(
            session,
            [
                Draft(f"night:{person_id}", person_id, Kind.STAFF_LIST, night - timedelta(hours=1))
                for person_id in people
            ],
        )
    statements: list[str] = []

    def count(*arguments: object) -> None:
        statements.append(str(arguments[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        bot = create_bot(load_settings(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=telegram.url))
        stats = await Sender(session_factory, bot, clock=FakeClock(night), batch=50).run_once()
        await bot.session.close()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)

    assert (stats.sent, stats.deferred, stats.cancelled) == (0, 38, 2)
    updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
    # the claim, one for each morning (08:00 Moscow, 10:00 hers, 08:00 Novosibirsk) and one
    # for each reason to drop; not one per row
    assert len(updates) == 1 + 3 + 2, updates
    async with session_factory() as session:
        rows = {
            row.person_id: row
            for row in await session.scalars(select(Notification).order_by(Notification.id))
        }
    day = wednesday() + timedelta(days=1)
    assert rows[people[5]].due_at == local(day, 8)
    assert rows[own].due_at == local(day, 10)
    assert rows[people[30]].due_at == local(day, 8, timezone="Asia/Novosibirsk")
    assert {rows[p].status for p in people[3:]} == {NotificationStatus.PENDING}
    assert rows[blocked].status == rows[muted].status == NotificationStatus.CANCELLED
    assert (rows[blocked].last_error, rows[muted].last_error) == ("blocked the bot", "turned off")


@pytest.mark.parametrize("broken", ["payload", "sql"])
async def test_a_row_that_cannot_be_rendered_fails_alone(
    running_bot, session_factory, telegram, monkeypatch, broken
):
    """A notice whose payload is broken, or whose rendering writes and then fails in SQL (on
    PostgreSQL that aborts the transaction unless its savepoint is rolled back), is marked
    failed with the reason and what it wrote is undone; the one claimed with it is sent."""
    _, mentor_id, _ = await school(session_factory)
    (mentor,) = await users(telegram, MENTOR)
    render = notices.render

    async def render_failing_in_sql(session, notification, person, now):
        if notification.key == "notice:broken":
            await session.execute(
                text("UPDATE people SET full_name = 'Испорчено' WHERE id = :id"), {"id": person.id}
            )
            await session.execute(text("SELECT no_such_column FROM people"))
        return await render(session, notification, person, now)

    if broken == "sql":
        monkeypatch.setattr(notices, "render", render_failing_in_sql)
    now = utcnow()
    payload = {} if broken == "payload" else {"text": "Не уйдёт"}
    async with session_factory.begin() as session:
        await enqueue(
            session,
            [
                Draft("notice:broken", mentor_id, Kind.NOTICE, now, payload),
                Draft("notice:fine", mentor_id, Kind.NOTICE, now, {"text": "Встреча завтра"}),
            ],
        )

    stats = await Sender(session_factory, running_bot.bot, clock=lambda: now).run_once()

    assert (stats.sent, stats.failed) == (1, 1)
    assert (await reply(mentor)).text == "Встреча завтра"
    async with session_factory() as session:
        rows = (
            await session.execute(
                select(Notification.key, Notification.status, Notification.last_error).order_by(
                    Notification.key
                )
            )
        ).all()
        person = await session.get(Person, mentor_id)
    assert [(key, status) for key, status, _ in rows] == [
        ("notice:broken", NotificationStatus.FAILED),
        ("notice:fine", NotificationStatus.SENT),
    ]
    assert rows[0].last_error.startswith("cannot be prepared")
    assert person is not None and person.full_name == "Орлова Вера"
