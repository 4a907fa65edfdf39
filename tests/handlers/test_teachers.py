"""The school's base of teachers over the real bot: the whole staff imported (some with no role
in mentorship) and counted in the share; the lists and the search; a teacher added by hand; a
mentee's types and request, a mentor's profile (by the curator and by the teacher); a teacher
who left — their pair stopped, the others told, the role closed, the counts without them — and
back; and forged buttons of another organisation or another teacher."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from bot.callbacks.staff import TeacherAction, TeacherCb
from bot.services import staff
from bot.services.pairs import local_today
from bot.texts import staff as texts
from bot.texts.common import ACCESS_CURATOR_ONLY, ACCESS_LEFT, ACCESS_OTHER_ORGANIZATION
from bot.texts.vocabulary import MENTEE_TYPE_NAMES
from models import MentorArea, Pair, Person, PersonMenteeType
from models.enums import DifficultyCategory, MenteeType, PairStatus, Role
from tests.dialogs import LINK, reply, users
from tests.factories import make_organization, make_pair, make_person
from tests.handlers.test_staff_import import xlsx

CURATOR, MENTOR, MENTEE, OUTSIDER = 1701, 1702, 1703, 1704
STAFF = [
    ["ФИО", "Должность", "Предмет", "Стаж", "Роль"],
    ["Орлова Вера Павловна", "Учитель", "Химия", "25", "наставник"],
    ["Новикова Ирина Олеговна", "Учитель", "Химия", "1", "наставляемая"],
    ["Сидорова Мария Ивановна", "Учитель", "История", "30", ""],
    ["Кузнецов Олег Петрович", "Учитель", "ИЗО", "12", ""],
]


async def school(factory) -> dict[str, int]:
    organization_id = await make_organization(factory)
    ids = {"organization": organization_id}
    ids["curator"] = await make_person(
        factory, organization_id, CURATOR, Role.CURATOR, full_name="Завуч Ольга"
    )
    ids["mentor"] = await make_person(
        factory, organization_id, MENTOR, Role.MENTOR, full_name="Белов Иван"
    )
    ids["mentee"] = await make_person(
        factory, organization_id, MENTEE, Role.MENTEE, full_name="Ким Анна", experience_years=2
    )
    return ids


async def test_the_whole_staff_its_lists_and_the_share(running_bot, session_factory, telegram):
    await school(session_factory)
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/import")
    await reply(curator)
    await curator.send_document(xlsx(STAFF), filename="staff.xlsx")
    report = await reply(curator)
    assert "Добавлено педагогов: 4" in report.text and "Ссылок для рассылки: 2" in report.text
    await reply(curator)  # the row-by-row report
    await reply(curator)  # the links: the two with a role only

    await curator.send("/teachers")
    listing = await reply(curator)
    assert "весь коллектив (всего 7" in listing.text
    assert "Сидорова Мария Ивановна — ⏳" in listing.text
    assert "Новикова Ирина Олеговна — наставляемый, молодой специалист, ⏳" in listing.text
    await curator.press(listing, texts.TEACHERS_LIST_BUTTONS["no_role"])
    no_role = await reply(curator)
    assert "без роли (всего 3" in no_role.text  # the curator too: a teacher of the staff
    assert "Кузнецов Олег Петрович" in no_role.text and "Орлова" not in no_role.text
    await curator.press(no_role, texts.TEACHERS_LIST_BUTTONS["young"])
    young = await reply(curator)
    assert "всего 1" in young.text and "Новикова Ирина Олеговна" in young.text
    await curator.press(young, texts.BUTTON_TEACHER_SEARCH)
    await reply(curator)
    await curator.send("сидор")
    found = await reply(curator)
    assert "поиск «сидор»" in found.text and "всего 1" in found.text
    await curator.press_line(found, 1)
    card = await reply(curator)
    assert "Сидорова Мария Ивановна" in card.text and "Роли: —" in card.text
    assert texts.BUTTON_ADD_ROLE.format(role="наставник") in card.buttons()

    # the share of teachers involved is of the whole staff: nobody is in a pair yet
    await curator.send("/summary")
    assert "Педагогов: 7; вовлечено в наставничество: 0 (0 %" in (await reply(curator)).text

    # a role given to a teacher of the staff: their personal link to join with
    await curator.press(card, texts.BUTTON_ADD_ROLE.format(role="наставник"))
    assert (await curator.callback_answer())["text"] == texts.TEACHER_ROLE_ADDED.format(
        role="наставник"
    )
    with_role = await reply(curator)
    assert "Роли: наставник" in with_role.text and LINK.search(with_role.text)


async def test_a_teacher_added_by_hand(running_bot, session_factory, telegram):
    await school(session_factory)
    (curator,) = await users(telegram, CURATOR)
    await curator.send("/teachers")
    await curator.press(await reply(curator), texts.BUTTON_TEACHER_NEW)
    assert (await reply(curator)).text == "Новый педагог. ФИО полностью?"
    await curator.send("Ким")
    assert "фамилию, имя" in (await reply(curator)).text
    await curator.send("Громова Алла Сергеевна")
    await reply(curator)
    await curator.send("Учитель")
    await reply(curator)
    await curator.send("Физика")
    await reply(curator)
    await curator.send("1")
    roles = await reply(curator)
    await curator.send("наставляемая")  # typed
    added = await reply(curator)
    assert "Громова Алла Сергеевна в базе педагогов" in added.text and LINK.search(added.text)
    card = await reply(curator)
    assert "Как наставляемый: Молодой специалист" in card.text  # from the experience
    assert roles.buttons()[:3] == ["Наставник", "Наставляемый", texts.TEACHER_NO_ROLE]

    await curator.press(card, texts.BUTTON_TYPES)
    types = await reply(curator)
    await curator.press(types, MENTEE_TYPE_NAMES[MenteeType.NO_PEDAGOGICAL_EDUCATION])
    types = await reply(curator)
    assert f"✅ {MENTEE_TYPE_NAMES[MenteeType.NO_PEDAGOGICAL_EDUCATION]}" in types.buttons()
    await curator.press(types, f"✅ {MENTEE_TYPE_NAMES[MenteeType.YOUNG_SPECIALIST]}")
    types = await reply(curator)
    assert MENTEE_TYPE_NAMES[MenteeType.YOUNG_SPECIALIST] in types.buttons()  # taken off
    await curator.press(types, texts.BUTTON_TEACHER_OPEN)
    card = await reply(curator)
    await curator.press(card, texts.BUTTON_REQUEST)
    await reply(curator)
    await curator.send("Научиться <объяснять> задачи на движение")
    card = await reply(curator)
    assert "Запрос: Научиться <объяснять> задачи на движение" in card.text

    await curator.send("/teachers")
    await curator.press(await reply(curator), texts.BUTTON_TEACHER_NEW)
    await reply(curator)
    await curator.send("Громова Алла Сергеевна")
    for answer in ("Учитель", "Физика", "3"):
        await reply(curator)
        await curator.send(answer)
    await curator.press(await reply(curator), texts.TEACHER_NO_ROLE)
    assert (await reply(curator)).text == texts.TEACHER_EXISTS.format(name="Громова Алла Сергеевна")
    async with session_factory() as session:
        person = await session.scalar(select(Person).where(Person.full_name.startswith("Громова")))
        assert person is not None
        kinds = set(
            await session.scalars(
                select(PersonMenteeType.type).where(PersonMenteeType.person_id == person.id)
            )
        )
    assert kinds == {MenteeType.NO_PEDAGOGICAL_EDUCATION}
    assert person.telegram_id is None and person.role_set == {Role.MENTEE}


async def test_a_mentor_keeps_their_profile(running_bot, session_factory, telegram):
    ids = await school(session_factory)
    (mentor,) = await users(telegram, MENTOR)
    await mentor.send("/profile")
    profile = await reply(mentor)
    assert texts.BUTTON_TYPES not in profile.buttons()  # not a mentee
    await mentor.press(profile, texts.BUTTON_MENTOR_PROFILE)
    own = await reply(mentor)
    assert "Нагрузка: 0 из 3" in own.text and "не уточнено" in own.text
    await mentor.press(own, "ИКТ-компетенции и цифровизация образования")
    own = await reply(mentor)
    await mentor.press(own, "+")
    own = await reply(mentor)
    assert "Нагрузка: 0 из 4" in own.text
    await mentor.press(own, texts.BUTTON_WILLING[True])
    own = await reply(mentor)
    assert "готов(а) наставлять" in own.text
    await mentor.press(own, texts.BUTTON_SUBJECTS)
    await reply(mentor)
    await mentor.send("химия, биология")
    card = await reply(mentor)
    assert "Помогает с: ИКТ-компетенции и цифровизация образования" in card.text
    assert "Предметы: химия, биология" in card.text
    assert texts.BUTTON_LEFT not in card.buttons()  # the curator's, not theirs
    async with session_factory() as session:
        person = await session.get(Person, ids["mentor"])
        areas = set(await session.scalars(select(MentorArea.category)))
    assert person is not None and person.mentor_capacity == 4 and person.mentor_willing
    assert areas == {DifficultyCategory.DIGITAL}


async def test_a_teacher_who_left(running_bot, session_factory, telegram):
    ids = await school(session_factory)
    pair_id = await make_pair(session_factory, ids["organization"], ids["mentor"], ids["mentee"])
    curator, mentor, mentee = await users(telegram, CURATOR, MENTOR, MENTEE)
    await curator.send("/teachers")
    listing = await reply(curator)
    await curator.press(listing, "1. Белов Иван")
    card = await reply(curator)
    assert f"№{pair_id} Белов Иван → Ким Анна · действует" in card.text
    await curator.press(card, texts.BUTTON_LEFT)
    await reply(curator)
    await curator.send("31.12.2099")
    assert (await reply(curator)).text.startswith("Эта дата ещё не наступила")
    # before this month began, whatever today is: out of this month's staff
    left_on = local_today("Europe/Moscow") - timedelta(days=40)
    await curator.send(left_on.strftime("%d.%m.%Y"))
    done = await reply(curator)
    assert "Белов Иван отмечен(а) выбывшим" in done.text and "Прекращено пар: 1" in done.text
    after = await reply(curator)
    assert "🚪 Выбыл(а)" in after.text and after.buttons() == [texts.BUTTON_BACK]
    assert "пара №" in (await reply(mentee)).text
    async with session_factory() as session:
        pair = await session.get(Pair, pair_id)
    assert pair is not None and pair.status is PairStatus.STOPPED
    assert pair.stop_reason == texts.TEACHER_LEFT_REASON

    await mentor.send("/meetings")
    assert (await reply(mentor)).text == ACCESS_LEFT
    await curator.send("/unpaired")
    assert "Ким Анна" in (await reply(curator)).text  # needs a new mentor
    await curator.send("/new_pair")
    assert "Белов Иван" not in (await reply(curator)).buttons()
    await curator.send("/summary")
    assert "Педагогов: 2;" in (await reply(curator)).text  # the curator and the mentee

    await curator.press(after, texts.BUTTON_BACK)
    back = await reply(curator)
    assert "🚪" not in back.text
    await mentor.send("/meetings")
    assert (await reply(mentor)).text != ACCESS_LEFT


async def test_forged_buttons_change_nothing(running_bot, session_factory, telegram):
    ids = await school(session_factory)
    other_org = await make_organization(session_factory, "Другая школа")
    await make_person(session_factory, other_org, OUTSIDER, Role.CURATOR)
    outsider, mentee = await users(telegram, OUTSIDER, MENTEE)
    for user, person_id, expected in (
        (outsider, ids["mentee"], ACCESS_OTHER_ORGANIZATION),
        (mentee, ids["mentor"], ACCESS_CURATOR_ONLY),  # another teacher's record
    ):
        await user.send("/start")
        menu = await reply(user)
        for action, value in (
            (TeacherAction.OPEN, ""),
            (TeacherAction.TYPE, MenteeType.NEW_TO_SCHOOL.value),
            (TeacherAction.CAPACITY, "9"),
            (TeacherAction.LEFT, ""),
            (TeacherAction.ROLE, Role.MENTOR.value),
        ):
            data = TeacherCb(action=action, person_id=person_id, value=value).pack()
            await user.press_data(menu.message_id, data)
            assert (await user.callback_answer())["text"] == expected, (action, user.id)
    await mentee.send("/start")
    menu = await reply(mentee)
    # their own record: a mentee sets their own types, but not a mentor's capacity
    own = TeacherCb(action=TeacherAction.CAPACITY, person_id=ids["mentee"], value="2").pack()
    await mentee.press_data(menu.message_id, own)
    assert (await mentee.callback_answer())["text"] == texts.TEACHER_NOT_MENTOR
    async with session_factory() as session:
        mentor_row = await session.get(Person, ids["mentor"])
        kinds = list(await session.scalars(select(PersonMenteeType)))
    assert mentor_row is not None and mentor_row.mentor_capacity is None
    assert mentor_row.left_on is None and kinds == []


def test_the_day_a_teacher_left_as_typed() -> None:
    today = date(2026, 12, 2)
    assert staff.left_day("Сегодня", today) == today
    assert staff.left_day("15.11", today) == date(2026, 11, 15)
    assert staff.left_day("20.12", today) == date(2025, 12, 20)  # the last such day
