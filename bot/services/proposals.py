"""Pairs formed by agreement (принцип добровольности): a proposed pair becomes active only when
its mentor and every mentee accept it; anyone of them may decline with a reason, which ends the
proposal. The curator sees proposals waiting, accepted and declined, and proposes again."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, ValidationFailed
from bot.services.pagination import Page, paginate
from bot.texts import proposals as texts
from models import HelpRequest, Pair, PairAnswer, PairMentor, Person, utcnow
from models.enums import HelpStatus, MentorshipKind, PairStatus

REASON_MAX = 500


class ProposalList(StrEnum):
    WAITING = "waiting"
    ACCEPTED = "accepted"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class Answer:
    person: Person
    accepted: bool | None  # None: not answered yet
    reason: str | None


@dataclass(frozen=True, slots=True)
class ProposalView:
    pair: pairs.PairView
    answers: list[Answer]

    @property
    def waiting_for(self) -> list[Person]:
        return [answer.person for answer in self.answers if answer.accepted is None]


async def answers_of(session: AsyncSession, loaded: pairs.PairView) -> ProposalView:
    rows = {
        answer.person_id: answer
        for answer in await session.scalars(
            select(PairAnswer).where(PairAnswer.pair_id == loaded.pair.id)
        )
    }
    listed = [
        Answer(person, rows[person.id].accepted, rows[person.id].reason)
        for person in loaded.people
        if person.id in rows
    ]
    return ProposalView(loaded, listed)


async def answer(
    session: AsyncSession, actor: Actor, pair_id: int, *, accept: bool, reason: str | None = None
) -> ProposalView:
    """The acting person's answer to a proposal made to them. Everyone accepted: the pair is
    active (a situational pair takes its help request). Someone declined: it is over."""
    pair, own = await _waiting_for_actor(session, actor, pair_id)
    now = utcnow()
    own.accepted, own.answered_at = accept, now
    if not accept:
        own.reason = validation.short_text(reason, field="Причина", maximum=REASON_MAX)
        pair.status, pair.finished_at = PairStatus.DECLINED, now
        await _release_request(session, pair)
    await session.flush()
    loaded = await pairs.view(session, pair)
    current = await answers_of(session, loaded)
    if accept and not current.waiting_for:
        await _activate(session, loaded)
    return current


async def _activate(session: AsyncSession, loaded: pairs.PairView) -> None:
    pair = loaded.pair
    now = utcnow()
    pair.status = PairStatus.ACTIVE
    session.add(PairMentor(pair_id=pair.id, mentor_id=pair.mentor_id, since=now))
    if pair.kind is MentorshipKind.SITUATIONAL:
        request = await session.scalar(select(HelpRequest).where(HelpRequest.pair_id == pair.id))
        if request is not None and request.status is not HelpStatus.CLOSED:
            request.assignee_id = pair.mentor_id
            request.status = HelpStatus.TAKEN
            request.taken_at = request.taken_at or now
    await session.flush()


async def _release_request(session: AsyncSession, pair: Pair) -> None:
    """A declined situational proposal lets its help request go back to whoever had it."""
    if pair.kind is MentorshipKind.SITUATIONAL:
        request = await session.scalar(select(HelpRequest).where(HelpRequest.pair_id == pair.id))
        if request is not None:
            request.pair_id = None


async def _waiting_for_actor(
    session: AsyncSession, actor: Actor, pair_id: int
) -> tuple[Pair, PairAnswer]:
    """The proposal and the actor's answer to it: theirs, still open, not answered yet."""
    person = actor.require_person()
    pair = await session.get(Pair, pair_id)
    own = await session.scalar(
        select(PairAnswer).where(PairAnswer.pair_id == pair_id, PairAnswer.person_id == person.id)
    )
    if pair is None or own is None:
        raise AccessDenied(texts.PROPOSAL_NOT_YOURS)
    if pair.status is not PairStatus.PROPOSED:
        raise ValidationFailed(texts.PROPOSAL_CLOSED)
    if own.accepted is not None:
        raise ValidationFailed(texts.PROPOSAL_ANSWERED)
    return pair, own


async def check_can_decline(session: AsyncSession, actor: Actor, pair_id: int) -> None:
    """Before asking for the reason: the proposal is the actor's and still waits for them."""
    await _waiting_for_actor(session, actor, pair_id)


LIST_STATUSES = {
    ProposalList.WAITING: (PairStatus.PROPOSED,),
    ProposalList.ACCEPTED: (*pairs.LIVE_STATUSES, PairStatus.COMPLETED, PairStatus.STOPPED),
    ProposalList.DECLINED: (PairStatus.DECLINED,),
}


async def list_proposals(
    session: AsyncSession, actor: Actor, which: ProposalList, page: int
) -> Page[Pair]:
    """The curator's proposals of one list, newest first (accepted: those that became pairs)."""
    curator = actor.require_curator()
    proposed = select(PairAnswer.pair_id)
    statement = (
        select(Pair)
        .where(
            Pair.organization_id == curator.organization_id,
            Pair.status.in_(LIST_STATUSES[which]),
            Pair.id.in_(proposed),
        )
        .order_by(Pair.created_at.desc(), Pair.id.desc())
    )
    return await paginate(session, statement, page)


async def get(session: AsyncSession, actor: Actor, pair_id: int) -> ProposalView:
    """A proposal with its answers, for the curator or a participant."""
    return await answers_of(session, await pairs.get_pair(session, actor, pair_id))


async def propose_again(session: AsyncSession, actor: Actor, pair_id: int) -> pairs.PairView:
    """A declined proposal once more, the same people and terms, starting today at the
    earliest."""
    loaded = await pairs.managed_pair(session, actor, pair_id)
    old = loaded.pair
    if old.status is not PairStatus.DECLINED:
        raise ValidationFailed(texts.PROPOSAL_NOT_DECLINED)
    today = pairs.local_today(actor.require_curator().organization.timezone)
    months = None
    if old.ends_on is not None:
        months = (
            (old.ends_on.year - old.starts_on.year) * 12 + old.ends_on.month - old.starts_on.month
        )
    request_id = None
    if old.kind is MentorshipKind.SITUATIONAL:
        requests = await pairs.open_requests_of(session, loaded.mentees[0].id)
        request_id = requests[0].id if requests else None
    return await pairs.propose(
        session,
        actor,
        pairs.Proposal(
            mentor_id=old.mentor_id,
            mentee_ids=[mentee.id for mentee in loaded.mentees],
            kind=old.kind,
            form=old.form,
            role_model=old.role_model,
            starts_on=max(old.starts_on, today),
            months=months,
            request_id=request_id,
        ),
    )


async def waiting_for(session: AsyncSession, person: Person) -> list[pairs.PairView]:
    """Proposals still waiting for this person's answer (shown when they join or ask)."""
    found = await session.scalars(
        select(Pair)
        .join(PairAnswer, PairAnswer.pair_id == Pair.id)
        .where(
            PairAnswer.person_id == person.id,
            PairAnswer.accepted.is_(None),
            Pair.status == PairStatus.PROPOSED,
        )
        .order_by(Pair.created_at, Pair.id)
    )
    return [await pairs.view(session, pair) for pair in found]
