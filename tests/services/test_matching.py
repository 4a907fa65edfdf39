"""The ranking of suggested mentors, on known inputs: what fits comes first, each with its
reasons in words; a mentor at capacity or unwilling this year only when everyone is asked for."""

from __future__ import annotations

from collections import Counter
from datetime import date

from bot.services import matching
from bot.services.matching import MenteeFacts, MentorFacts
from bot.texts.matching import difficulties_count, experience
from models import Person
from models.enums import DifficultyCategory

DIGITAL, METHODS = DifficultyCategory.DIGITAL, DifficultyCategory.METHODOLOGICAL
MENTEE = MenteeFacts("Химия", Counter({DIGITAL: 2, METHODS: 1}))


def mentor(person_id: int, name: str, **facts: object) -> MentorFacts:
    values: dict[str, object] = {
        "subject": "История",
        "help_subjects": frozenset(),
        "areas": frozenset(),
        "experience_years": 10,
        "load": 0,
        "capacity": 3,
        "willing": True,
        "joined": True,
    }
    values.update(facts)
    return MentorFacts(person_id, name, **values)  # type: ignore[arg-type]


MENTORS = [
    mentor(1, "Предметник", subject="химия", experience_years=18, load=1),
    mentor(2, "Цифровик", areas=frozenset({DIGITAL}), experience_years=5),
    mentor(3, "Занятой", subject="Химия", areas=frozenset({DIGITAL, METHODS}), load=3),
    mentor(4, "Новичок", experience_years=2, willing=None, joined=False),
    mentor(5, "Отказался", subject="Химия", willing=False),
    mentor(6, "Помощник", help_subjects=frozenset({"химия", "биология"}), load=2),
]


def test_the_best_fit_first_with_reasons() -> None:
    ranked = matching.rank(MENTEE, MENTORS, everyone=False)
    assert [s.name for s in ranked] == ["Цифровик", "Предметник", "Помощник", "Новичок"]
    digital, subject, helper, novice = ranked
    assert digital.reasons == [
        "помогает с ИКТ — 2 открытых затруднения",
        "нагрузка 0 из 3",
        "стаж 5 лет",
    ]
    assert subject.reasons == ["тот же предмет", "нагрузка 1 из 3", "стаж 18 лет"]
    assert helper.reasons[0] == "помогает по предмету «Химия»"
    assert "согласие на этот учебный год не уточнено" in novice.reasons
    assert "ещё не вошёл(ла) в бот" in novice.reasons
    assert all(s.offered for s in ranked)
    # the weights: 2 difficulties × 2 + a free place + 5/30 years
    assert digital.score == round(4 + 1 + 5 / 30, 3)


def test_at_capacity_or_unwilling_only_when_everyone_is_asked() -> None:
    names = [s.name for s in matching.rank(MENTEE, MENTORS, everyone=False)]
    assert "Занятой" not in names and "Отказался" not in names
    everyone = matching.rank(MENTEE, MENTORS, everyone=True)
    assert [s.name for s in everyone][-2:] == ["Занятой", "Отказался"]  # after those offered
    busy = next(s for s in everyone if s.name == "Занятой")
    assert not busy.offered and "нагрузка полная: 3 из 3" in busy.reasons
    assert "помогает с методикой — 1 открытое затруднение" in busy.reasons


def test_a_short_list_and_the_russian_plurals() -> None:
    many = [mentor(10 + n, f"Наставник {n:02d}") for n in range(30)]
    assert len(matching.rank(MENTEE, many, everyone=False)) == matching.SHORT_LIST
    assert len(matching.rank(MENTEE, many, everyone=True)) == matching.EVERYONE_LIST
    assert [difficulties_count(n) for n in (1, 2, 5, 11, 21, 22)] == [
        "1 открытое затруднение",
        "2 открытых затруднения",
        "5 открытых затруднений",
        "11 открытых затруднений",
        "21 открытое затруднение",
        "22 открытых затруднения",
    ]
    assert [experience(n) for n in (1, 3, 14, 21)] == [
        "стаж 1 год",
        "стаж 3 года",
        "стаж 14 лет",
        "стаж 21 год",
    ]


def test_this_school_years_answer() -> None:
    person = Person(
        full_name="Орлова Вера", mentor_willing=True, mentor_willing_on=date(2026, 9, 3)
    )
    assert matching.willing_now(person, date(2027, 5, 20)) is True
    assert matching.willing_now(person, date(2027, 9, 1)) is None  # a new school year: ask again
    assert matching.willing_now(person, date(2026, 8, 31)) is None
    assert matching.capacity_of(person) == matching.DEFAULT_CAPACITY
    assert matching.subjects("Химия; биология,  ") == frozenset({"химия", "биология"})
