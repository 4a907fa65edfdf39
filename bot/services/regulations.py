"""The regulation (Положение о системе наставничества): a template filled with the
organisation's data — its name, its curator, the forms and kinds of mentorship its pairs use, the
terms — for the curator to edit; and the version the organisation adopted, uploaded back with its
date. Whether an organisation has an adopted regulation is recorded here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.texts import documents as texts
from models import Pair, Regulation, utcnow
from models.enums import MentorshipForm, MentorshipKind, PairStatus

EXTENSIONS = (".docx", ".doc", ".odt", ".pdf")
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RegulationTemplate:
    organization: str
    curator: str | None
    forms: list[MentorshipForm]
    kinds: list[MentorshipKind]
    adopted: Regulation | None


async def template(session: AsyncSession, actor: Actor) -> RegulationTemplate:
    """The template's data: the forms and kinds the organisation's pairs use, or all of them
    for an organisation with no pairs yet."""
    curator = actor.require_curator()
    used = (
        await session.execute(
            select(Pair.form, Pair.kind)
            .where(
                Pair.organization_id == curator.organization_id,
                Pair.status != PairStatus.DECLINED,
            )
            .distinct()
        )
    ).all()
    forms = sorted({form for form, _ in used}, key=list(MentorshipForm).index) or [
        form for form in MentorshipForm if form is not MentorshipForm.OTHER
    ]
    kinds = sorted({kind for _, kind in used}, key=list(MentorshipKind).index) or list(
        MentorshipKind
    )
    return RegulationTemplate(
        organization=curator.organization.name,
        curator=curator.full_name,
        forms=forms,
        kinds=kinds,
        adopted=await current(session, curator.organization_id),
    )


async def current(session: AsyncSession, organization_id: int) -> Regulation | None:
    """The organisation's adopted regulation, the latest; None when it has adopted none."""
    return await session.scalar(
        select(Regulation)
        .where(Regulation.organization_id == organization_id)
        .order_by(Regulation.adopted_on.desc(), Regulation.id.desc())
        .limit(1)
    )


def check_file(actor: Actor, file_name: str | None, size: int | None) -> str:
    actor.require_curator()
    name = (file_name or "").strip()
    if not name.lower().endswith(EXTENSIONS):
        raise ValidationFailed(texts.REGULATION_BAD_TYPE)
    if size is not None and size > MAX_FILE_BYTES:
        raise ValidationFailed(
            texts.REGULATION_TOO_BIG.format(megabytes=MAX_FILE_BYTES // (1024 * 1024))
        )
    return name[:200]


def adoption_day(actor: Actor, text: str | None) -> date:
    today = pairs.local_today(actor.require_curator().organization.timezone)
    return validation.past_date(text, today)


async def adopt(
    session: AsyncSession, actor: Actor, file_id: str, file_name: str, adopted_on: date
) -> Regulation:
    curator = actor.require_curator()
    regulation = Regulation(
        organization_id=curator.organization_id,
        adopted_on=adopted_on,
        file_id=file_id,
        file_name=file_name,
        uploaded_by_id=curator.id,
        uploaded_at=utcnow(),
    )
    session.add(regulation)
    await session.flush()
    return regulation
