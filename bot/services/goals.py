"""Short-term goals (краткосрочное, целеполагающее наставничество): the mentor or the mentee sets
a goal for the mentee (what, by when, how we will know it is reached, optionally tied to a
difficulty or a programme activity); the mentee reports progress and marks it reached; the
mentor confirms it or returns it with a comment; an open goal past its day is overdue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, NotFound, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import goals as texts
from bot.texts.meetings import MEETING_BAD_PARTICIPANTS
from bot.texts.pairs import PAIR_NO_MENTEES
from bot.texts.validation import VALIDATION_DATE_PAST
from models import Difficulty, Goal, GoalProgress, Person, Programme, ProgrammeActivity, utcnow
from models.enums import GoalStatus

TITLE_MAX = 300
TEXT_MAX = 1000
HISTORY_SHOWN = 10
_PERCENT = re.compile(r"^(\d{1,3})\s*%\s*[,.:;—-]?\s*(.*)$", re.DOTALL)
_STEPS = re.compile(
    r"^(\d{1,3})\s*(?:/|из)\s*(\d{1,3})\s*(?:шаг\w*)?\s*[,.:;—-]?\s*(.*)$", re.DOTALL
)


@dataclass(frozen=True, slots=True)
class GoalView:
    goal: Goal
    pair: pairs.PairView
    mentee: Person
    today: date

    @property
    def overdue(self) -> bool:
        return is_overdue(self.goal, self.today)

    @property
    def state(self) -> str:
        """«open», «overdue», «submitted», «reached» or «cancelled»: how the goal is shown."""
        return "overdue" if self.overdue else self.goal.status.value


@dataclass(frozen=True, slots=True)
class ProgressReport:
    percent: int | None
    note: str | None

    def __str__(self) -> str:
        shown = [f"{self.percent}%" if self.percent is not None else "", self.note or ""]
        return " — ".join(part for part in shown if part)


def is_overdue(goal: Goal, today: date) -> bool:
    return goal.status is GoalStatus.OPEN and goal.due_on < today


def parse_progress(text: str | None) -> ProgressReport:
    """«40%», «3/5» or «3 из 5 шагов», optionally followed by a note; or a note alone."""
    value = " ".join((text or "").split())
    percent: int | None = None
    if match := _PERCENT.match(value):
        percent, value = int(match.group(1)), match.group(2)
        if percent > 100:
            raise ValidationFailed(texts.GOAL_BAD_PERCENT)
    elif match := _STEPS.match(value):
        done, total = int(match.group(1)), int(match.group(2))
        if total == 0 or done > total:
            raise ValidationFailed(texts.GOAL_BAD_STEPS)
        percent, value = round(done * 100 / total), match.group(3)
    if not value:
        if percent is None:
            raise ValidationFailed(texts.GOAL_EMPTY_PROGRESS)
        return ProgressReport(percent=percent, note=None)
    note = validation.short_text(value, field="Комментарий", maximum=TEXT_MAX)
    return ProgressReport(percent=percent, note=note)


async def _active_pair(session: AsyncSession, actor: Actor, pair_id: int) -> pairs.PairView:
    loaded = await pairs.get_pair(session, actor, pair_id)
    pairs.require_working(loaded.pair)
    return loaded


async def mentee_choices(session: AsyncSession, actor: Actor, pair_id: int) -> list[Person]:
    """For whom the actor may set a goal in this pair: the mentor for every mentee, a mentee
    for themselves."""
    loaded = await _active_pair(session, actor, pair_id)
    person = actor.require_person()
    if person.id == loaded.mentor.id:
        if not loaded.mentees:
            raise ValidationFailed(PAIR_NO_MENTEES)
        return loaded.mentees
    if person.id in {mentee.id for mentee in loaded.mentees}:
        return [person]
    raise AccessDenied(texts.GOAL_NOT_YOURS)


async def check_can_set(
    session: AsyncSession, actor: Actor, pair_id: int, mentee_id: int
) -> pairs.PairView:
    """The mentor sets goals for any mentee of the pair; a mentee only for themselves."""
    loaded = await _active_pair(session, actor, pair_id)
    person = actor.require_person()
    if mentee_id not in {mentee.id for mentee in loaded.mentees}:
        raise ValidationFailed(MEETING_BAD_PARTICIPANTS)
    if person.id != loaded.mentor.id and person.id != mentee_id:
        raise AccessDenied(texts.GOAL_NOT_YOURS)
    return loaded


def title(text: str | None) -> str:
    return validation.short_text(text, field="Цель", maximum=TITLE_MAX)


def criteria(text: str | None) -> str:
    return validation.short_text(text, field="Критерий достижения", maximum=TEXT_MAX)


async def due_date(session: AsyncSession, actor: Actor, pair_id: int, text: str | None) -> date:
    loaded = await _active_pair(session, actor, pair_id)
    today = pairs.local_today(loaded.mentor.organization.timezone)
    return _within_pair(loaded, validation.future_date(text, today), today)


def _within_pair(loaded: pairs.PairView, due_on: date, today: date) -> date:
    if due_on < today:
        raise ValidationFailed(VALIDATION_DATE_PAST)
    if loaded.pair.ends_on is not None and due_on > loaded.pair.ends_on:
        raise ValidationFailed(
            texts.GOAL_AFTER_PAIR.format(ends=loaded.pair.ends_on.strftime("%d.%m.%Y"))
        )
    return due_on


async def links(
    session: AsyncSession, loaded: pairs.PairView, mentee_id: int
) -> tuple[list[Difficulty], list[ProgrammeActivity]]:
    """The mentee's difficulties and the pair's programme activities a goal may be tied to."""
    difficulties = await session.scalars(
        select(Difficulty)
        .where(Difficulty.mentee_id == mentee_id)
        .order_by(Difficulty.created_at.desc(), Difficulty.id.desc())
        .limit(10)
    )
    activities = await session.scalars(
        select(ProgrammeActivity)
        .join(Programme, Programme.id == ProgrammeActivity.programme_id)
        .where(Programme.pair_id == loaded.pair.id)
        .order_by(ProgrammeActivity.due_on.desc(), ProgrammeActivity.id.desc())
        .limit(10)
    )
    return list(difficulties), list(activities)


async def create(
    session: AsyncSession,
    actor: Actor,
    pair_id: int,
    *,
    mentee_id: int,
    title_text: str,
    due_on: date,
    criteria_text: str,
    difficulty_id: int | None = None,
    activity_id: int | None = None,
) -> GoalView:
    loaded = await check_can_set(session, actor, pair_id, mentee_id)
    today = pairs.local_today(loaded.mentor.organization.timezone)
    _within_pair(loaded, due_on, today)
    difficulties, activities = await links(session, loaded, mentee_id)
    if difficulty_id is not None and difficulty_id not in {d.id for d in difficulties}:
        raise ValidationFailed(texts.GOAL_BAD_LINK)
    if activity_id is not None and activity_id not in {a.id for a in activities}:
        raise ValidationFailed(texts.GOAL_BAD_LINK)
    goal = Goal(
        pair_id=pair_id,
        mentee_id=mentee_id,
        title=title(title_text),
        success_criteria=criteria(criteria_text),
        due_on=due_on,
        difficulty_id=difficulty_id,
        activity_id=activity_id,
        status=GoalStatus.OPEN,
        progress_percent=0,
        created_by_id=actor.require_person().id,
    )
    session.add(goal)
    await session.flush()
    mentee = next(m for m in loaded.mentees if m.id == mentee_id)
    return GoalView(goal=goal, pair=loaded, mentee=mentee, today=today)


async def get(session: AsyncSession, actor: Actor, goal_id: int) -> GoalView:
    """A goal seen by its mentee, the pair's mentor and the curator."""
    goal = await session.get(Goal, goal_id)
    if goal is None:
        raise NotFound(texts.GOAL_NOT_FOUND)
    loaded = await pairs.get_pair(session, actor, goal.pair_id)
    person = actor.require_person()
    if person.id not in {goal.mentee_id, loaded.mentor.id}:
        actor.require_curator()
    mentee = await session.get(Person, goal.mentee_id)
    assert mentee is not None
    today = pairs.local_today(loaded.mentor.organization.timezone)
    return GoalView(goal=goal, pair=loaded, mentee=mentee, today=today)


async def _as_mentee(session: AsyncSession, actor: Actor, goal_id: int) -> GoalView:
    view = await get(session, actor, goal_id)
    if actor.require_person().id != view.goal.mentee_id:
        raise AccessDenied(texts.GOAL_MENTEE_ONLY)
    if view.goal.status is not GoalStatus.OPEN:
        raise ValidationFailed(texts.GOAL_NOT_OPEN)
    return view


async def _as_mentor(
    session: AsyncSession, actor: Actor, goal_id: int, *statuses: GoalStatus
) -> GoalView:
    view = await get(session, actor, goal_id)
    if actor.require_person().id != view.pair.mentor.id:
        raise AccessDenied(texts.GOAL_MENTOR_ONLY)
    if view.goal.status not in statuses:
        raise ValidationFailed(texts.GOAL_NOT_OPEN)
    return view


async def check_can_report(session: AsyncSession, actor: Actor, goal_id: int) -> GoalView:
    return await _as_mentee(session, actor, goal_id)


async def report_progress(
    session: AsyncSession, actor: Actor, goal_id: int, text: str | None
) -> tuple[GoalView, ProgressReport]:
    view = await _as_mentee(session, actor, goal_id)
    report = parse_progress(text)
    if report.percent is not None:
        view.goal.progress_percent = report.percent
    session.add(
        GoalProgress(
            goal_id=goal_id,
            author_id=view.goal.mentee_id,
            note=report.note,
            percent=report.percent,
        )
    )
    await session.flush()
    return view, report


async def submit(session: AsyncSession, actor: Actor, goal_id: int) -> GoalView:
    """The mentee says the goal is reached; the mentor then confirms or returns it."""
    view = await _as_mentee(session, actor, goal_id)
    view.goal.status = GoalStatus.SUBMITTED
    await session.flush()
    return view


async def confirm(session: AsyncSession, actor: Actor, goal_id: int) -> GoalView:
    view = await _as_mentor(session, actor, goal_id, GoalStatus.SUBMITTED)
    view.goal.status = GoalStatus.REACHED
    view.goal.progress_percent = 100
    view.goal.reached_at = utcnow()
    session.add(
        GoalProgress(goal_id=goal_id, author_id=view.pair.mentor.id, note=texts.GOAL_CONFIRMED_NOTE)
    )
    await session.flush()
    return view


async def check_can_return(session: AsyncSession, actor: Actor, goal_id: int) -> GoalView:
    return await _as_mentor(session, actor, goal_id, GoalStatus.SUBMITTED)


async def give_back(
    session: AsyncSession, actor: Actor, goal_id: int, comment: str | None
) -> GoalView:
    """The mentor returns a goal marked reached, saying what is still missing."""
    view = await _as_mentor(session, actor, goal_id, GoalStatus.SUBMITTED)
    note = validation.short_text(comment, field="Комментарий", maximum=TEXT_MAX)
    view.goal.status = GoalStatus.OPEN
    session.add(GoalProgress(goal_id=goal_id, author_id=view.pair.mentor.id, note=note))
    await session.flush()
    return view


async def withdraw(session: AsyncSession, actor: Actor, goal_id: int) -> GoalView:
    """The mentor takes back a goal set in error or no longer relevant."""
    view = await _as_mentor(session, actor, goal_id, GoalStatus.OPEN, GoalStatus.SUBMITTED)
    view.goal.status = GoalStatus.CANCELLED
    await session.flush()
    return view


async def progress_history(session: AsyncSession, goal_id: int) -> list[tuple[str, GoalProgress]]:
    rows = await session.execute(
        select(Person.full_name, GoalProgress)
        .join(Person, Person.id == GoalProgress.author_id)
        .where(GoalProgress.goal_id == goal_id)
        .order_by(GoalProgress.created_at.desc(), GoalProgress.id.desc())
        .limit(HISTORY_SHOWN)
    )
    return [(name, entry) for name, entry in rows.all()]


async def list_goals(session: AsyncSession, actor: Actor, pair_id: int, page: int) -> Page[Goal]:
    """A pair's goals: open ones by due date first, then the rest, newest first. A mentee of a
    group sees their own."""
    loaded = await pairs.get_pair(session, actor, pair_id)
    person = actor.require_person()
    statement = select(Goal).where(Goal.pair_id == pair_id)
    if person.id in {mentee.id for mentee in loaded.mentees}:
        statement = statement.where(Goal.mentee_id == person.id)
    statement = statement.order_by(
        Goal.status.not_in([GoalStatus.OPEN, GoalStatus.SUBMITTED]), Goal.due_on, Goal.id
    )
    return await paginate(session, statement, page)
