"""Personalised mentorship programmes: the mentor drafts a pair's programme (its aim and a
roadmap of activities aimed at the mentee's difficulties); activities are marked done with
their result and the mentees' reflections; mentees propose changes; the programme shows its
progress (done, due, overdue). Participants of the pair and its curator see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox, pairs, staff, validation
from bot.services.access import Actor, require_mentee_visible
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.reminders.kinds import Kind
from bot.texts import programmes as texts
from bot.texts.pairs import PAIR_NOT_YOURS
from models import (
    Difficulty,
    Feedback,
    Organization,
    Person,
    Programme,
    ProgrammeActivity,
    SelfAssessment,
    utcnow,
)
from models.enums import (
    ActivityStatus,
    AssessmentStage,
    DifficultyCategory,
    DifficultyStatus,
    FeedbackKind,
    ProgrammeStatus,
)

AIM_MAX = 1000
TITLE_MAX = 300
TEXT_MAX = 1000


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    due: int
    overdue: int

    @property
    def total(self) -> int:
        return self.done + self.due + self.overdue


@dataclass(frozen=True, slots=True)
class ProgrammeView:
    pair: pairs.PairView
    programme: Programme | None
    activities: list[ProgrammeActivity]
    today: date

    def progress(self) -> Progress:
        done = sum(1 for a in self.activities if a.status is ActivityStatus.DONE)
        overdue = sum(1 for a in self.activities if is_overdue(a, self.today))
        planned = sum(1 for a in self.activities if a.status is ActivityStatus.PLANNED)
        return Progress(done=done, due=planned - overdue, overdue=overdue)


def is_overdue(activity: ProgrammeActivity, today: date) -> bool:
    return activity.status is ActivityStatus.PLANNED and activity.due_on < today


async def view(session: AsyncSession, actor: Actor, pair_id: int) -> ProgrammeView:
    loaded = await pairs.get_pair(session, actor, pair_id)
    programme = await session.scalar(
        select(Programme)
        .where(Programme.pair_id == pair_id)
        .order_by(Programme.created_at.desc(), Programme.id.desc())
        .limit(1)
    )
    activities: list[ProgrammeActivity] = []
    if programme is not None:
        activities = list(
            await session.scalars(
                select(ProgrammeActivity)
                .where(ProgrammeActivity.programme_id == programme.id)
                .order_by(ProgrammeActivity.due_on, ProgrammeActivity.id)
            )
        )
    today = pairs.local_today(actor.require_person().organization.timezone)
    return ProgrammeView(pair=loaded, programme=programme, activities=activities, today=today)


async def as_mentor(session: AsyncSession, actor: Actor, pair_id: int) -> ProgrammeView:
    """The programme of an active pair, for its mentor to change; refused to anyone else."""
    current = await view(session, actor, pair_id)
    if actor.require_person().id != current.pair.mentor.id:
        raise AccessDenied(texts.PROGRAMME_MENTOR_ONLY)
    pairs.require_working(current.pair.pair)
    if not pairs.has_programme(current.pair.pair.kind):
        raise ValidationFailed(texts.PROGRAMME_NOT_FOR_KIND)
    return current


def _require_mentee(actor: Actor, current: ProgrammeView) -> Person:
    person = actor.require_person()
    if person.id not in {mentee.id for mentee in current.pair.mentees}:
        raise AccessDenied(texts.PROGRAMME_MENTEE_ONLY)
    return person


async def check_can_propose(session: AsyncSession, actor: Actor, pair_id: int) -> ProgrammeView:
    current = await view(session, actor, pair_id)
    _require_mentee(actor, current)
    if current.programme is None:
        raise ValidationFailed(texts.PROGRAMME_NOT_YET)
    return current


DIGEST_DELAY = timedelta(minutes=10)  # a mentor writing a programme adds several steps at once


async def tell_the_others(
    session: AsyncSession, actor: Actor, current: ProgrammeView, line: str
) -> None:
    """Add what changed in the programme to the digest of each participant but the one who
    changed it (sent a few minutes later, in one message for changes made together)."""
    pair = current.pair
    now = utcnow()
    for person in (pair.mentor, *pair.mentees):
        if person.id == actor.require_person().id:
            continue
        await outbox.add_to_digest(
            session,
            person.id,
            Kind.PROGRAMME_UPDATE,
            str(pair.pair.id),
            line,
            now + DIGEST_DELAY,
            pair_id=pair.pair.id,
        )


async def set_aim(session: AsyncSession, actor: Actor, pair_id: int, aim: str | None) -> Programme:
    """The mentor writes (or rewrites) the programme's aim; the first time creates it."""
    current = await as_mentor(session, actor, pair_id)
    text = validation.short_text(aim, field="Цель программы", maximum=AIM_MAX)
    programme = current.programme
    created = programme is None
    if programme is None:
        pair = current.pair.pair
        programme = Programme(
            pair_id=pair.id,
            aim=text,
            status=ProgrammeStatus.DRAFT,
            starts_on=pair.starts_on,
            ends_on=pair.ends_on,
        )
        session.add(programme)
    else:
        programme.aim = text
        _back_to_draft(programme)
    await session.flush()
    template = texts.PROGRAMME_CHANGE_CREATED if created else texts.PROGRAMME_CHANGE_AIM
    await tell_the_others(session, actor, current, template.format(aim=text))
    return programme


def _back_to_draft(programme: Programme) -> None:
    """A new aim is a new programme to approve: the curator's approval no longer holds."""
    if programme.status is ProgrammeStatus.ACTIVE:
        programme.status = ProgrammeStatus.DRAFT
        programme.approved_at = None
        programme.approved_by_id = None


async def approve(session: AsyncSession, actor: Actor, pair_id: int) -> ProgrammeView:
    """The curator approves the pair's draft programme (draft → approved, with the day)."""
    actor.require_curator()
    current = await view(session, actor, pair_id)
    curator = actor.require_curator_of(current.pair.pair.organization_id)
    programme = current.programme
    if programme is None:
        raise ValidationFailed(texts.PROGRAMME_NOT_YET)
    if programme.status is not ProgrammeStatus.DRAFT:
        raise ValidationFailed(texts.PROGRAMME_ALREADY_APPROVED)
    programme.status = ProgrammeStatus.ACTIVE
    programme.approved_at = utcnow()
    programme.approved_by_id = curator.id
    await session.flush()
    return current


@dataclass(frozen=True, slots=True)
class ProgrammeDocument:
    """What the printed programme holds."""

    organization: str
    curator: str | None
    current: ProgrammeView
    approved_on: date | None
    difficulties: list[tuple[str, Difficulty]]  # the mentee's name, the difficulty
    self_checks: list[tuple[str, DifficultyCategory, int | None, int | None]]
    activity_difficulties: dict[int, str]  # activity id: the difficulty it addresses


async def document(session: AsyncSession, actor: Actor, pair_id: int) -> ProgrammeDocument:
    """The programme as a document, for the pair's mentor or the organisation's curator."""
    current = await view(session, actor, pair_id)
    person = actor.require_person()
    # the pair's school's (its mentor may be of another school)
    organization = await session.get(Organization, current.pair.pair.organization_id)
    assert organization is not None  # a pair's organisation is never deleted
    if person.id != current.pair.mentor.id:
        actor.require_curator_of(organization.id)
    programme = current.programme
    if programme is None:
        raise ValidationFailed(texts.PROGRAMME_NOT_YET)
    for mentee in current.pair.mentees:  # their difficulties and self-diagnosis are in it
        await require_mentee_visible(session, actor, mentee)
    mentees = {mentee.id: mentee.full_name for mentee in current.pair.mentees}
    found = await session.scalars(
        select(Difficulty)
        .where(Difficulty.mentee_id.in_(mentees))
        .order_by(Difficulty.mentee_id, Difficulty.created_at, Difficulty.id)
    )
    difficulties = [(mentees[item.mentee_id], item) for item in found]
    by_id = {item.id: item.description for _, item in difficulties}
    scores: dict[tuple[int, DifficultyCategory], dict[AssessmentStage, int]] = {}
    for entry in await session.scalars(
        select(SelfAssessment)
        .where(
            SelfAssessment.person_id.in_(mentees),
            (SelfAssessment.programme_id == programme.id) | SelfAssessment.programme_id.is_(None),
        )
        .order_by(SelfAssessment.programme_id.is_not(None))  # the programme's own win
    ):
        scores.setdefault((entry.person_id, entry.category), {})[entry.stage] = entry.score
    self_checks = [
        (
            mentees[mentee_id],
            category,
            stages.get(AssessmentStage.START),
            stages.get(AssessmentStage.END),
        )
        for (mentee_id, category), stages in sorted(
            scores.items(),
            key=lambda item: (mentees[item[0][0]], list(DifficultyCategory).index(item[0][1])),
        )
    ]
    approver = (
        await session.get(Person, programme.approved_by_id) if programme.approved_by_id else None
    )
    if approver is None and actor.is_curator_of(organization.id):
        approver = person
    timezone = organization.timezone
    return ProgrammeDocument(
        organization=organization.name,
        curator=approver.full_name
        if approver
        else await staff.first_curator_name(session, organization),
        current=current,
        approved_on=(
            pairs.local_today(timezone, programme.approved_at) if programme.approved_at else None
        ),
        difficulties=difficulties,
        self_checks=self_checks,
        activity_difficulties={
            activity.id: by_id[activity.difficulty_id]
            for activity in current.activities
            if activity.difficulty_id in by_id
        },
    )


async def mentee_difficulties(
    session: AsyncSession, actor: Actor, pair_id: int
) -> list[Difficulty]:
    """Open difficulties of the pair's mentees, for the mentor to aim an activity at."""
    current = await as_mentor(session, actor, pair_id)
    return list(
        await session.scalars(
            select(Difficulty)
            .where(
                Difficulty.mentee_id.in_([mentee.id for mentee in current.pair.mentees]),
                Difficulty.status != DifficultyStatus.OVERCOME,
            )
            .order_by(Difficulty.created_at)
        )
    )


def activity_title(text: str | None) -> str:
    return validation.short_text(text, field="Мероприятие", maximum=TITLE_MAX)


def free_text(text: str | None, field: str) -> str:
    return validation.short_text(text, field=field, maximum=TEXT_MAX)


async def check_difficulty(
    session: AsyncSession, actor: Actor, pair_id: int, difficulty_id: int | None
) -> None:
    if difficulty_id is None:
        return
    allowed = {item.id for item in await mentee_difficulties(session, actor, pair_id)}
    if difficulty_id not in allowed:
        raise ValidationFailed(texts.PROGRAMME_BAD_DIFFICULTY)


async def due_date(session: AsyncSession, actor: Actor, pair_id: int, text: str | None) -> date:
    current = await view(session, actor, pair_id)
    due_on = validation.future_date(text, current.today)
    if current.pair.pair.ends_on is not None and due_on > current.pair.pair.ends_on:
        raise ValidationFailed(
            texts.PROGRAMME_DUE_AFTER_END.format(
                ends=current.pair.pair.ends_on.strftime("%d.%m.%Y")
            )
        )
    return due_on


async def add_activity(
    session: AsyncSession,
    actor: Actor,
    pair_id: int,
    *,
    title: str,
    difficulty_id: int | None,
    due_on: date,
    expected_result: str,
) -> ProgrammeActivity:
    current = await as_mentor(session, actor, pair_id)
    if current.programme is None:
        raise ValidationFailed(texts.PROGRAMME_NEEDS_AIM)
    await check_difficulty(session, actor, pair_id, difficulty_id)
    activity = ProgrammeActivity(
        programme_id=current.programme.id,
        title=activity_title(title),
        difficulty_id=difficulty_id,
        due_on=due_on,
        expected_result=free_text(expected_result, "Ожидаемый результат"),
    )
    session.add(activity)
    await session.flush()
    line = texts.PROGRAMME_CHANGE_ADDED.format(title=activity.title, due=f"{due_on:%d.%m.%Y}")
    await tell_the_others(session, actor, current, line)
    return activity


async def get_activity(
    session: AsyncSession, actor: Actor, activity_id: int
) -> tuple[ProgrammeView, ProgrammeActivity]:
    activity = await session.get(ProgrammeActivity, activity_id)
    if activity is None:
        raise NotFound(texts.ACTIVITY_NOT_FOUND)
    programme = await session.get(Programme, activity.programme_id)
    assert programme is not None
    return await view(session, actor, programme.pair_id), activity


async def activity_difficulty(
    session: AsyncSession, actor: Actor, activity: ProgrammeActivity
) -> Difficulty | None:
    """The difficulty an activity aims at, if this viewer may see that mentee's difficulties
    (in a group, one mentee does not read another's)."""
    if activity.difficulty_id is None:
        return None
    difficulty = await session.get(Difficulty, activity.difficulty_id)
    if difficulty is None:
        return None
    mentee = await session.get(Person, difficulty.mentee_id)
    assert mentee is not None
    try:
        await require_mentee_visible(session, actor, mentee)
    except AccessDenied:
        return None
    return difficulty


async def reflections(session: AsyncSession, activity_id: int) -> list[tuple[str, str]]:
    """(author, text) of the mentees' reflections on an activity."""
    rows = await session.execute(
        select(Person.full_name, Feedback.text)
        .join(Person, Person.id == Feedback.person_id)
        .where(
            Feedback.activity_id == activity_id,
            Feedback.kind == FeedbackKind.ACTIVITY_REFLECTION,
        )
        .order_by(Feedback.created_at)
    )
    return [(name, text or "") for name, text in rows.all()]


async def check_can_finish(
    session: AsyncSession, actor: Actor, activity_id: int
) -> ProgrammeActivity:
    """The mentor or a mentee of the pair may record a planned activity's result."""
    current, activity = await get_activity(session, actor, activity_id)
    participants = {current.pair.mentor.id} | {m.id for m in current.pair.mentees}
    if actor.require_person().id not in participants:
        raise AccessDenied(PAIR_NOT_YOURS)
    pairs.require_working(current.pair.pair)
    if activity.status is not ActivityStatus.PLANNED:
        raise ValidationFailed(texts.ACTIVITY_ALREADY_DONE)
    return activity


async def mark_done(
    session: AsyncSession, actor: Actor, activity_id: int, result: str | None
) -> ProgrammeActivity:
    current, activity = await get_activity(session, actor, activity_id)
    await check_can_finish(session, actor, activity_id)
    activity.result = free_text(result, "Результат")
    activity.status = ActivityStatus.DONE
    activity.done_at = utcnow()
    await session.flush()
    name = actor.require_person().full_name
    line = texts.PROGRAMME_CHANGE_DONE.format(
        title=activity.title, name=name, result=activity.result
    )
    await tell_the_others(session, actor, current, line)
    return activity


async def check_can_reflect(
    session: AsyncSession, actor: Actor, activity_id: int
) -> tuple[ProgrammeView, ProgrammeActivity]:
    current, activity = await get_activity(session, actor, activity_id)
    person = _require_mentee(actor, current)
    if activity.status is not ActivityStatus.DONE:
        raise ValidationFailed(texts.ACTIVITY_NOT_DONE)
    already = await session.scalar(
        select(Feedback.id).where(
            Feedback.activity_id == activity_id,
            Feedback.person_id == person.id,
            Feedback.kind == FeedbackKind.ACTIVITY_REFLECTION,
        )
    )
    if already is not None:
        raise ValidationFailed(texts.ACTIVITY_REFLECTION_DONE)
    return current, activity


async def add_reflection(
    session: AsyncSession, actor: Actor, activity_id: int, text: str | None
) -> Feedback:
    current, activity = await check_can_reflect(session, actor, activity_id)
    feedback = Feedback(
        person_id=actor.require_person().id,
        pair_id=current.pair.pair.id,
        programme_id=activity.programme_id,
        activity_id=activity.id,
        kind=FeedbackKind.ACTIVITY_REFLECTION,
        text=free_text(text, "Рефлексия"),
    )
    session.add(feedback)
    await session.flush()
    line = texts.PROGRAMME_CHANGE_REFLECTION.format(
        title=activity.title, name=actor.require_person().full_name
    )
    await tell_the_others(session, actor, current, line)
    return feedback


async def propose_change(
    session: AsyncSession, actor: Actor, pair_id: int, text: str | None
) -> tuple[ProgrammeView, Feedback]:
    """A mentee proposes a change to the programme; the mentor is told."""
    current = await check_can_propose(session, actor, pair_id)
    assert current.programme is not None
    feedback = Feedback(
        person_id=actor.require_person().id,
        pair_id=pair_id,
        programme_id=current.programme.id,
        kind=FeedbackKind.PROGRAMME_PROPOSAL,
        text=free_text(text, "Предложение"),
    )
    session.add(feedback)
    await session.flush()
    return current, feedback
