"""Questionnaires (анкеты) of mentees and mentors at the start, the middle and the end of a
pair's programme: the built-in questions and the curator's own, whether each questionnaire is
sent and whether its results are anonymous, the answering question by question, and the
results — each question's distribution and the response rate."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Float, Integer, cast, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.texts import surveys as texts
from models import (
    Organization,
    Pair,
    Person,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySetting,
    utcnow,
)
from models.enums import PairStatus, QuestionKind, SurveyAudience, SurveyMilestone

START_AFTER = timedelta(days=7)  # a week into the programme
END_BEFORE = timedelta(days=7)  # a week before its end
REMIND_AFTER = timedelta(days=3)
MIN_DAYS = 28  # a pair shorter than four weeks is not surveyed
QUESTIONS_MAX = 12
OPTIONS = range(2, 9)
OPTION_MAX = 60
TEXT_MAX = 1000
QUESTION_MAX = 300
TEXT_SHOWN = 5
SCALE = range(1, 6)


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    kind: QuestionKind
    text: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Questionnaire:
    audience: SurveyAudience
    milestone: SurveyMilestone
    enabled: bool
    anonymous: bool
    questions: list[Question]


def milestone_day(pair: Pair, milestone: SurveyMilestone) -> date | None:
    """The day a pair's questionnaire is due; None for a pair too short (or open-ended)."""
    if pair.ends_on is None or (pair.ends_on - pair.starts_on).days < MIN_DAYS:
        return None
    if milestone is SurveyMilestone.START:
        return pair.starts_on + START_AFTER
    if milestone is SurveyMilestone.END:
        return pair.ends_on - END_BEFORE
    return pair.starts_on + (pair.ends_on - pair.starts_on) / 2


def _milestone_sql(milestone: SurveyMilestone, dialect: str) -> Any:
    """`milestone_day` in SQL, as a number of days since 2000-01-01 (comparable everywhere)."""
    starts: Any
    ends: Any
    if dialect == "postgresql":
        starts = Pair.starts_on - literal(date(2000, 1, 1))
        ends = Pair.ends_on - literal(date(2000, 1, 1))
    else:
        epoch = func.julianday("2000-01-01", type_=Float)
        starts = cast(func.julianday(Pair.starts_on, type_=Float) - epoch, Integer)
        ends = cast(func.julianday(Pair.ends_on, type_=Float) - epoch, Integer)
    if milestone is SurveyMilestone.START:
        return starts + START_AFTER.days
    if milestone is SurveyMilestone.END:
        return ends - END_BEFORE.days
    return starts + (ends - starts) // 2


def title_of(audience: SurveyAudience, milestone: SurveyMilestone) -> str:
    """«наставляемых на старте»: which questionnaire it is."""
    return f"{texts.AUDIENCE_NAMES[audience]} {texts.MILESTONE_NAMES[milestone]}"


def _days(day: date) -> int:
    return (day - date(2000, 1, 1)).days


async def pairs_due(
    session: AsyncSession, milestone: SurveyMilestone, first: date, last: date
) -> list[tuple[Pair, str, date]]:
    """Active pairs whose questionnaire of `milestone` falls in [first, last], with the
    organisation's time zone and the day."""
    dialect = session.get_bind().dialect.name
    due = _milestone_sql(milestone, dialect)
    rows = await session.execute(
        select(Pair, Organization.timezone)
        .join(Organization, Organization.id == Pair.organization_id)
        .where(
            Pair.status == PairStatus.ACTIVE,
            Pair.ends_on.is_not(None),
            due >= _days(first),
            due <= _days(last),
        )
    )
    found = []
    for pair, timezone in rows.all():
        day = milestone_day(pair, milestone)
        if day is not None and first <= day <= last:
            found.append((pair, timezone, day))
    return found


async def setting(
    session: AsyncSession,
    organization_id: int,
    audience: SurveyAudience,
    milestone: SurveyMilestone,
) -> SurveySetting:
    """The organisation's setting of the questionnaire (a new, unsaved default when none)."""
    found = await session.scalar(
        select(SurveySetting).where(
            SurveySetting.organization_id == organization_id,
            SurveySetting.audience == audience,
            SurveySetting.milestone == milestone,
        )
    )
    if found is not None:
        return found
    return SurveySetting(
        organization_id=organization_id,
        audience=audience,
        milestone=milestone,
        enabled=True,
        anonymous=False,
    )


async def questionnaire(
    session: AsyncSession,
    organization_id: int,
    audience: SurveyAudience,
    milestone: SurveyMilestone,
) -> Questionnaire:
    current = await setting(session, organization_id, audience, milestone)
    built_in = [
        Question(key, kind, text, options)
        for key, kind, text, options in texts.BUILT_IN[(audience, milestone)]
    ]
    own = await session.scalars(
        select(SurveyQuestion)
        .where(
            SurveyQuestion.organization_id == organization_id,
            SurveyQuestion.audience == audience,
            SurveyQuestion.milestone == milestone,
        )
        .order_by(SurveyQuestion.id)
    )
    added = [
        Question(
            f"q{question.id}",
            question.kind,
            question.text,
            tuple((question.options or "").splitlines()),
        )
        for question in own
    ]
    return Questionnaire(
        audience=audience,
        milestone=milestone,
        enabled=current.enabled is not False,
        anonymous=bool(current.anonymous),
        questions=built_in + added,
    )


def audience_of(pair: Pair, person_id: int) -> SurveyAudience | None:
    """Whether the person answers the pair's questionnaires as its mentor or as a mentee."""
    if pair.mentor_id == person_id:
        return SurveyAudience.MENTOR
    if person_id in {member.mentee_id for member in pair.members if member.left_at is None}:
        return SurveyAudience.MENTEE
    return None


async def completed(
    session: AsyncSession, pair_id: int, person_id: int, milestone: SurveyMilestone
) -> bool:
    found = await session.scalar(
        select(SurveyResponse.completed_at).where(
            SurveyResponse.pair_id == pair_id,
            SurveyResponse.person_id == person_id,
            SurveyResponse.milestone == milestone,
        )
    )
    return found is not None


# --- answering -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Step:
    """Where a person is in their questionnaire: the next question, or none (completed)."""

    response: SurveyResponse
    questionnaire: Questionnaire
    index: int  # of the next question; len(questions) when done

    @property
    def question(self) -> Question | None:
        questions = self.questionnaire.questions
        return questions[self.index] if self.index < len(questions) else None


async def _answered_keys(session: AsyncSession, response_id: int) -> set[str]:
    return set(
        await session.scalars(
            select(SurveyAnswer.question_key).where(SurveyAnswer.response_id == response_id)
        )
    )


async def _step(
    session: AsyncSession, response: SurveyResponse, current: Questionnaire | None = None
) -> Step:
    if current is None:
        current = await questionnaire(
            session, response.organization_id, response.audience, response.milestone
        )
    done = await _answered_keys(session, response.id)
    index = next(
        (number for number, item in enumerate(current.questions) if item.key not in done),
        len(current.questions),
    )
    return Step(response, current, index)


async def start(
    session: AsyncSession, actor: Actor, pair_id: int, milestone: SurveyMilestone
) -> Step:
    """Begin (or go on with) the actor's questionnaire of the pair at that milestone."""
    person = actor.require_person()
    pair = await session.get(Pair, pair_id)
    # the pair's mentor may be of another school (virtual mentoring)
    if pair is None or (
        pair.organization_id != person.organization_id and pair.mentor_id != person.id
    ):
        raise NotFound(texts.SURVEY_NOT_FOUND)
    audience = audience_of(pair, person.id)
    if audience is None:
        raise AccessDenied(texts.SURVEY_NOT_YOURS)
    current = await questionnaire(session, pair.organization_id, audience, milestone)
    if not current.enabled:
        raise ValidationFailed(texts.SURVEY_OFF)
    response = await session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.pair_id == pair.id,
            SurveyResponse.person_id == person.id,
            SurveyResponse.milestone == milestone,
        )
    )
    if response is not None and response.completed_at is not None:
        raise ValidationFailed(texts.SURVEY_ALREADY)
    if response is None:
        response = SurveyResponse(
            organization_id=pair.organization_id,
            pair_id=pair.id,
            person_id=person.id,
            audience=audience,
            milestone=milestone,
            started_at=utcnow(),
        )
        session.add(response)
        await session.flush()
    return await _step(session, response)


async def _own_response(session: AsyncSession, actor: Actor, response_id: int) -> SurveyResponse:
    response = await session.get(SurveyResponse, response_id)
    if response is None or response.person_id != actor.require_person().id:
        raise NotFound(texts.SURVEY_NOT_FOUND)
    if response.completed_at is not None:
        raise ValidationFailed(texts.SURVEY_ALREADY)
    return response


async def answer(
    session: AsyncSession,
    actor: Actor,
    response_id: int,
    index: int,
    value: int | None = None,
    text: str | None = None,
) -> Step:
    """The answer to the question at `index` (a score, an option's number, or text; None and
    no text: skipped); returns the next step, completing the questionnaire after the last."""
    response = await _own_response(session, actor, response_id)
    step = await _step(session, response)
    question = step.question
    if question is None or index != step.index:
        raise ValidationFailed(texts.SURVEY_STALE)
    entry = SurveyAnswer(response_id=response.id, question_key=question.key)
    if question.kind is QuestionKind.SCALE:
        if value not in SCALE:
            raise ValidationFailed(texts.SURVEY_BAD_ANSWER)
        entry.score = value
    elif question.kind is QuestionKind.CHOICE:
        if value is None or not 0 <= value < len(question.options):
            raise ValidationFailed(texts.SURVEY_BAD_ANSWER)
        entry.text = question.options[value]
    elif text is not None:
        entry.text = validation.short_text(text, field="Ответ", maximum=TEXT_MAX)
    session.add(entry)
    await session.flush()
    following = await _step(session, response, step.questionnaire)
    if following.question is None:
        response.completed_at = utcnow()
        await session.flush()
    return following


# --- the curator's ---------------------------------------------------------------------------


async def for_curator(
    session: AsyncSession, actor: Actor, audience: SurveyAudience, milestone: SurveyMilestone
) -> Questionnaire:
    curator = actor.require_curator()
    return await questionnaire(session, curator.organization_id, audience, milestone)


async def _saved_setting(
    session: AsyncSession, actor: Actor, audience: SurveyAudience, milestone: SurveyMilestone
) -> SurveySetting:
    curator = actor.require_curator()
    current = await setting(session, curator.organization_id, audience, milestone)
    if current.id is None:
        session.add(current)
    return current


async def toggle(
    session: AsyncSession, actor: Actor, audience: SurveyAudience, milestone: SurveyMilestone
) -> None:
    current = await _saved_setting(session, actor, audience, milestone)
    current.enabled = not current.enabled
    await session.flush()


async def toggle_anonymous(
    session: AsyncSession, actor: Actor, audience: SurveyAudience, milestone: SurveyMilestone
) -> None:
    current = await _saved_setting(session, actor, audience, milestone)
    current.anonymous = not current.anonymous
    await session.flush()


def question_text(text: str | None) -> str:
    return validation.short_text(text, field="Вопрос", maximum=QUESTION_MAX)


def options(text: str | None) -> list[str]:
    found = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(found) not in OPTIONS or any(len(line) > OPTION_MAX for line in found):
        raise ValidationFailed(texts.SURVEY_BAD_OPTIONS)
    return found


async def check_can_add(
    session: AsyncSession, actor: Actor, audience: SurveyAudience, milestone: SurveyMilestone
) -> None:
    current = await for_curator(session, actor, audience, milestone)
    if len(current.questions) >= QUESTIONS_MAX:
        raise ValidationFailed(texts.SURVEY_TOO_MANY)


async def add_question(
    session: AsyncSession,
    actor: Actor,
    audience: SurveyAudience,
    milestone: SurveyMilestone,
    kind: QuestionKind,
    text: str,
    choices: list[str] | None = None,
) -> SurveyQuestion:
    await check_can_add(session, actor, audience, milestone)
    if kind is QuestionKind.CHOICE and not choices:
        raise ValidationFailed(texts.SURVEY_BAD_OPTIONS)
    question = SurveyQuestion(
        organization_id=actor.require_curator().organization_id,
        audience=audience,
        milestone=milestone,
        kind=kind,
        text=question_text(text),
        options="\n".join(choices) if kind is QuestionKind.CHOICE and choices else None,
    )
    session.add(question)
    await session.flush()
    return question


@dataclass(frozen=True, slots=True)
class QuestionResult:
    question: Question
    scores: Counter[int] = field(default_factory=Counter)
    choices: Counter[str] = field(default_factory=Counter)
    texts: list[tuple[str | None, str]] = field(default_factory=list)  # (who, answer)

    @property
    def mean(self) -> float | None:
        count = sum(self.scores.values())
        return sum(score * n for score, n in self.scores.items()) / count if count else None


@dataclass(frozen=True, slots=True)
class Results:
    questionnaire: Questionnaire
    invited: int
    completed: int
    questions: list[QuestionResult]

    @property
    def rate(self) -> float:
        return self.completed / self.invited if self.invited else 0.0


async def invited(
    session: AsyncSession,
    organization_id: int,
    audience: SurveyAudience,
    milestone: SurveyMilestone,
    today: date,
) -> int:
    """Who was to answer: the participants of the organisation's pairs whose questionnaire day
    has come while the pair worked."""
    found = await session.scalars(
        select(Pair).where(
            Pair.organization_id == organization_id,
            Pair.status.in_((PairStatus.ACTIVE, PairStatus.PAUSED, PairStatus.COMPLETED)),
            Pair.ends_on.is_not(None),
        )
    )
    count = 0
    for pair in found:
        day = milestone_day(pair, milestone)
        if day is None or day > today:
            continue
        if audience is SurveyAudience.MENTOR:
            count += 1
        else:
            count += sum(1 for member in pair.members if member.left_at is None)
    return count


async def results(
    session: AsyncSession,
    organization_id: int,
    audience: SurveyAudience,
    milestone: SurveyMilestone,
    today: date,
) -> Results:
    """Each question's distribution over the completed questionnaires; free answers with the
    respondent's name unless the questionnaire is anonymous."""
    current = await questionnaire(session, organization_id, audience, milestone)
    responses = (
        await session.execute(
            select(SurveyResponse, Person.full_name)
            .join(Person, Person.id == SurveyResponse.person_id)
            .where(
                SurveyResponse.organization_id == organization_id,
                SurveyResponse.audience == audience,
                SurveyResponse.milestone == milestone,
                SurveyResponse.completed_at.is_not(None),
            )
        )
    ).all()
    names = {response.id: name for response, name in responses}
    by_key = {question.key: QuestionResult(question) for question in current.questions}
    for entry in await session.scalars(
        select(SurveyAnswer)
        .where(SurveyAnswer.response_id.in_(names))
        .order_by(SurveyAnswer.id.desc())
    ):
        result = by_key.get(entry.question_key)
        if result is None:
            continue
        if entry.score is not None:
            result.scores[entry.score] += 1
        elif entry.text is not None and result.question.kind is QuestionKind.CHOICE:
            result.choices[entry.text] += 1
        elif entry.text is not None:
            who = None if current.anonymous else names[entry.response_id]
            result.texts.append((who, entry.text))
    return Results(
        questionnaire=current,
        invited=await invited(session, organization_id, audience, milestone, today),
        completed=len(responses),
        questions=list(by_key.values()),
    )


async def curator_results(
    session: AsyncSession, actor: Actor, audience: SurveyAudience, milestone: SurveyMilestone
) -> Results:
    curator = actor.require_curator()
    today = pairs.local_today(curator.organization.timezone)
    return await results(session, curator.organization_id, audience, milestone, today)


async def all_results(session: AsyncSession, organization_id: int, today: date) -> list[Results]:
    """Every questionnaire's results, for the final report."""
    return [
        await results(session, organization_id, audience, milestone, today)
        for audience in SurveyAudience
        for milestone in SurveyMilestone
    ]


async def answers_for_workbook(
    session: AsyncSession, scope: list[int] | None, start: datetime, end: datetime
) -> list[tuple[Any, ...]]:
    """The answers of questionnaires completed in [start, end): organisation, questionnaire,
    pair, who (or «анонимно»), question, answer, when."""
    statement = (
        select(SurveyResponse, SurveyAnswer, Person.full_name, Organization.name)
        .join(SurveyAnswer, SurveyAnswer.response_id == SurveyResponse.id)
        .join(Person, Person.id == SurveyResponse.person_id)
        .join(Organization, Organization.id == SurveyResponse.organization_id)
        .where(SurveyResponse.completed_at >= start, SurveyResponse.completed_at < end)
        .order_by(SurveyResponse.id, SurveyAnswer.id)
    )
    if scope is not None:
        statement = statement.where(SurveyResponse.organization_id.in_(scope))
    rows = []
    cache: dict[tuple[int, SurveyAudience, SurveyMilestone], Questionnaire] = {}
    for response, entry, name, organization in (await session.execute(statement)).all():
        key = (response.organization_id, response.audience, response.milestone)
        if key not in cache:
            cache[key] = await questionnaire(session, *key)
        current = cache[key]
        text = next((q.text for q in current.questions if q.key == entry.question_key), "")
        answer_text = str(entry.score) if entry.score is not None else entry.text or ""
        rows.append(
            (
                organization,
                title_of(response.audience, response.milestone),
                response.pair_id,
                texts.WORKBOOK_ANONYMOUS if current.anonymous else name,
                text,
                answer_text,
                response.completed_at,
            )
        )
    return rows
