"""Mentors across schools over the real bot: a mentor's curator records their consent to mentor
beyond the school; another school's curator of the same region finds them among the suggestions
(never a mentor of another region, or of a school in no territory), proposes the pair, the mentor
and the mentee agree; both curators see the pair (only the mentee's school manages it), the
mentor's curator sees the external load, the mentor sees the mentee's difficulties, and each
school counts its own people."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.callbacks.pairs import PairAction, PairCb, SuggestCb
from bot.callbacks.staff import TeacherAction, TeacherCb
from bot.services import monitoring, pairs, territories
from bot.services.access import Actor, require_mentee_visible
from bot.services.errors import AccessDenied
from bot.texts import matching as matching_texts
from bot.texts import proposals as proposal_texts
from bot.texts import staff as staff_texts
from bot.texts.common import ACCESS_OTHER_ORGANIZATION
from models import Pair, Person
from models.enums import DifficultyCategory, PairStatus, Role
from tests.conftest import ADMIN_ID
from tests.dialogs import reply, users
from tests.factories import make_difficulty, make_organization, make_person
from tests.handlers.test_proposals import propose

ADMIN = Actor(telegram_id=ADMIN_ID, person=None, is_admin=True)
CURATOR_A, MENTEE, CURATOR_B, MENTOR, OTHER_MENTOR = 1401, 1402, 1411, 1412, 1413
FAR_MENTOR, LOOSE_MENTOR = 1421, 1431


async def _region(factory) -> dict[str, int]:
    """Школа А and Школа Б in two municipalities of one region; a school of another region and
    one of no territory, each with a mentor open to other schools."""
    async with factory.begin() as session:
        region = await territories.create_region(session, ADMIN, "Тверская область")
        far = await territories.create_region(session, ADMIN, "Псковская область")
        first = await territories.create_municipality(session, ADMIN, region.id, "Тверь")
        second = await territories.create_municipality(session, ADMIN, region.id, "Ржев")
        places = {"a": first.id, "b": second.id, "far": far.id}
    ids: dict[str, int] = {}
    for key, name in (
        ("a", "Школа А"),
        ("b", "Школа Б <Заречье> & Ко"),
        ("far", "Псковская школа"),
    ):
        ids[key] = await make_organization(factory, name)
        async with factory.begin() as session:
            await territories.attach(session, ADMIN, ids[key], places[key])
    ids["loose"] = await make_organization(factory, "Школа без территории")
    ids["curator_a"] = await make_person(factory, ids["a"], CURATOR_A, Role.CURATOR)
    ids["mentee"] = await make_person(
        factory, ids["a"], MENTEE, Role.MENTEE, full_name="Новикова Ира", subject="Химия"
    )
    ids["curator_b"] = await make_person(factory, ids["b"], CURATOR_B, Role.CURATOR)
    ids["mentor"] = await make_person(
        factory, ids["b"], MENTOR, Role.MENTOR, full_name="Орлова Вера", subject="Химия"
    )
    ids["other_mentor"] = await make_person(
        factory, ids["b"], OTHER_MENTOR, Role.MENTOR, full_name="Белов Иван"
    )
    for key, telegram_id, name in (
        ("far", FAR_MENTOR, "Псковская Анна"),
        ("loose", LOOSE_MENTOR, "Ничейная Ольга"),
    ):
        person_id = await make_person(factory, ids[key], telegram_id, Role.MENTOR, full_name=name)
        async with factory.begin() as session:
            person = await session.get(Person, person_id)
            assert person is not None
            person.mentor_beyond_school = True
    await make_difficulty(
        factory, ids["mentee"], "Не умею в электронный журнал", DifficultyCategory.DIGITAL
    )
    return ids


async def test_a_mentor_of_another_school_mentors_by_agreement(
    running_bot, session_factory, telegram
):
    ids = await _region(session_factory)
    curator_a, mentee, curator_b, mentor = await users(
        telegram, CURATOR_A, MENTEE, CURATOR_B, MENTOR
    )
    beyond = SuggestCb(mentee_id=ids["mentee"], beyond=True, toggle=True).pack()

    await curator_a.send("/unpaired")
    await curator_a.press_line(await reply(curator_a), 1)
    own = await reply(curator_a)
    assert matching_texts.SUGGESTIONS_EMPTY in own.text  # no mentor in Школа А
    await curator_a.press(own, matching_texts.BUTTON_BEYOND)
    nobody = await reply(curator_a)
    assert matching_texts.SUGGESTIONS_BEYOND.strip() in nobody.text
    for name in ("Орлова Вера", "Псковская Анна", "Ничейная Ольга"):
        assert name not in nobody.text  # not agreed yet; another region; no territory

    # the consent is the mentor's own word: neither the school that wants them nor their own
    # curator gives it
    agree = TeacherCb(action=TeacherAction.BEYOND_SCHOOL, person_id=ids["mentor"], value="1")
    await curator_a.press_data(nobody.message_id, agree.pack())
    assert (await curator_a.callback_answer())["text"] == ACCESS_OTHER_ORGANIZATION
    await curator_b.send("/help")
    help_message = await reply(curator_b)
    await curator_b.press_data(help_message.message_id, agree.pack())
    assert (await curator_b.callback_answer())["text"] == staff_texts.BEYOND_SCHOOL_OWN_WORD
    await mentor.send("/profile")
    own = await reply(mentor)
    await mentor.press(own, staff_texts.BUTTON_MENTOR_PROFILE)
    profile = await reply(mentor)
    await mentor.press(profile, staff_texts.BUTTON_BEYOND_SCHOOL[False])
    profile = await reply(mentor)
    assert "Другие школы территории: согласен(на) наставлять виртуально" in profile.text

    await curator_a.press_data(nobody.message_id, beyond)
    found = await reply(curator_a)
    assert "1. Орлова Вера — 🌐 Школа Б <Заречье> & Ко, виртуально, тот же предмет" in found.text
    assert "Псковская Анна" not in found.text and "Ничейная Ольга" not in found.text
    await curator_a.press_line(found, 1)
    await propose(curator_a, await reply(curator_a))
    offer = await reply(mentor)
    assert "быть наставником" in offer.text
    notice = await reply(mentee)
    await mentor.press(offer, proposal_texts.BUTTON_ACCEPT)
    await reply(mentor)
    await mentee.press(notice, proposal_texts.BUTTON_ACCEPT)
    await reply(mentee)
    async with session_factory() as session:
        pair = await session.scalar(select(Pair))
    assert pair is not None and pair.status is PairStatus.ACTIVE
    assert pair.organization_id == ids["a"]  # the mentee's school's pair

    # both curators see the pair; only the mentee's curator manages it
    for curator in (curator_a, curator_b):
        await curator.send("/pairs")
        assert "Орлова Вера" in (await reply(curator)).text
    await curator_b.press_data(
        help_message.message_id, PairCb(action=PairAction.OPEN, pair_id=pair.id).pack()
    )
    card = await reply(curator_b)
    assert "Орлова Вера" in card.text
    assert not any("Пауза" in label or "Заверш" in label for label in card.buttons())
    await curator_b.press_data(
        help_message.message_id, PairCb(action=PairAction.PAUSE, pair_id=pair.id).pack()
    )
    assert (await curator_b.callback_answer())["text"] == ACCESS_OTHER_ORGANIZATION
    await curator_b.send("/mentors")
    assert "(🌐 в других школах: 1)" in (await reply(curator_b)).text

    async with session_factory() as session:
        mentor_person = await session.get(Person, ids["mentor"])
        other_mentor = await session.get(Person, ids["other_mentor"])
        mentee_person = await session.get(Person, ids["mentee"])
        assert mentor_person and other_mentor and mentee_person
        await require_mentee_visible(
            session, Actor(MENTOR, mentor_person, is_admin=False), mentee_person
        )
        with pytest.raises(AccessDenied):
            await require_mentee_visible(
                session, Actor(OTHER_MENTOR, other_mentor, is_admin=False), mentee_person
            )
        # each school counts its own people
        today = pairs.local_today("Europe/Moscow")  # the bot's clock: the pair began today
        chosen = monitoring.period(monitoring.PeriodKind.YEAR, today)
        school_a = await monitoring.summary(session, [ids["a"]], chosen, "Europe/Moscow", today)
        school_b = await monitoring.summary(session, [ids["b"]], chosen, "Europe/Moscow", today)
    assert (school_a.total.active_pairs, school_a.total.mentors, school_a.total.mentees) == (
        1,
        0,
        1,
    )
    assert (school_b.total.active_pairs, school_b.total.mentors, school_b.total.mentees) == (
        0,
        1,
        0,
    )
    assert school_b.total.involved == 1 and school_a.total.involved == 1
