"""What an operator sees: `/healthz` and `/metrics` of the real `python -m bot` in polling
mode, scraped while users' updates are being handled and afterwards, matching what was sent
and what Telegram rejected; and the outbox figures of a scrape."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiohttp import ClientSession
from prometheus_client.parser import text_string_to_metric_families

from bot import metrics
from bot.services.outbox import Draft, enqueue
from bot.services.reminders.kinds import Kind
from bot.texts.common import NEED_INVITE
from bot.web import HEALTH_PATH, METRICS_PATH
from models import utcnow
from models.enums import Role
from tests.conftest import ADMIN_ID, TOKEN
from tests.factories import make_organization, make_person
from tests.instances import HOST, BotProcess, free_port

USERS = range(9_300, 9_330)
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def samples(text: str) -> Samples:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def scrape(http: ClientSession, url: str) -> Samples:
    async with http.get(url + METRICS_PATH) as response:
        assert response.status == 200
        return samples(await response.text())


def handled(figures: Samples) -> float:
    return figures.get(
        ("nastavnik_updates_total", (("kind", "message"), ("outcome", "handled"))), 0
    )


async def test_metrics_while_load_runs_match_what_was_sent(telegram, database_url, tmp_path):
    port = free_port()
    bot = BotProcess(
        {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.url,
            "DATABASE_URL": database_url,
            "ADMIN_IDS": str(ADMIN_ID),
            "HEALTH_HOST": HOST,
            "HEALTH_PORT": str(port),
        },
        tmp_path,
        log=tmp_path / "bot.log",
    )
    users = [telegram.add_user(user_id=user_id, first_name="Г") for user_id in USERS]
    telegram.rate_limit(global_per_second=20, per_chat_per_second=None)
    url = f"http://{HOST}:{port}"
    await bot.start()
    try:
        async with ClientSession() as http:
            async with asyncio.timeout(30):
                while True:  # polling mode serves the pages once the bot has started
                    try:
                        async with http.get(url + HEALTH_PATH) as response:
                            assert response.status == 200
                            assert (await response.json())["database"] == "ok"
                            break
                    except OSError:
                        await asyncio.sleep(0.1)
            for user in users:
                await user.send("/start")
            during = await scrape(http, url)
            answers = await asyncio.gather(*(user.next_message(timeout=60) for user in users))
            assert {answer.text for answer in answers} == {NEED_INVITE}
            async with asyncio.timeout(10):  # counted just after the answer went out
                while True:
                    after = await scrape(http, url)
                    if handled(after) == len(users):
                        break
                    await asyncio.sleep(0.05)
    finally:
        assert await bot.stop() == 0
    # 30 answers at 20 a second take two: the first scrape came in the middle of them
    assert handled(during) < handled(after) == len(users)
    assert after[("nastavnik_update_seconds_count", (("kind", "message"),))] == len(users)
    assert telegram.rejected_429 > 0
    assert after[("nastavnik_telegram_429_total", ())] == telegram.rejected_429
    assert after[("nastavnik_outbox_due", ())] == 0
    for outcome in ("failed", "outage"):
        key = ("nastavnik_updates_total", (("kind", "message"), ("outcome", outcome)))
        assert after.get(key, 0) == 0


async def test_a_scrape_reads_the_outbox_backlog(session_factory):
    organization_id = await make_organization(session_factory)
    person = await make_person(session_factory, organization_id, 9_400, Role.MENTEE)
    now = utcnow()
    async with session_factory.begin() as session:
        await enqueue(
            session,
            [
                Draft(f"metrics:{ago}", person, Kind.STAFF_LIST, now - timedelta(minutes=ago))
                for ago in (10, 3, -5)  # the last one is not due yet
            ],
        )
    figures = samples((await metrics.scrape(session_factory, now)).decode())
    assert figures[("nastavnik_outbox_due", ())] == 2
    assert figures[("nastavnik_outbox_oldest_due_age_seconds", ())] == 600
