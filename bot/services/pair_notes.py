"""Private notes on a pair: a mentor's, each «только мне» or «видит куратор», and a mentee's
own. A note is read by its author, and a mentor's note for the curator also by the curator of
the organisation; by nobody else, whatever button they press."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import pairs, validation
from bot.services.access import Actor
from bot.services.errors import AccessDenied, ValidationFailed
from bot.texts import pair_notes as texts
from models import PairMentor, PairNote, Person
from models.enums import NoteVisibility

NOTE_MAX = 2000
NOTES_SHOWN = 10


async def _participant(session: AsyncSession, actor: Actor, pair_id: int) -> pairs.PairView:
    loaded = await pairs.get_pair(session, actor, pair_id)
    if actor.require_person().id not in {person.id for person in loaded.people}:
        raise AccessDenied(texts.NOTES_PARTICIPANTS_ONLY)
    return loaded


async def add(
    session: AsyncSession,
    actor: Actor,
    pair_id: int,
    text: str | None,
    visibility: NoteVisibility,
) -> PairNote:
    """A note of the acting participant; only the mentor may let the curator see theirs."""
    loaded = await _participant(session, actor, pair_id)
    person = actor.require_person()
    if visibility is NoteVisibility.CURATOR and person.id != loaded.mentor.id:
        raise ValidationFailed(texts.NOTES_MENTEE_PRIVATE)
    note = PairNote(
        pair_id=pair_id,
        author_id=person.id,
        visibility=visibility,
        text=validation.short_text(text, field="Заметка", maximum=NOTE_MAX),
    )
    session.add(note)
    await session.flush()
    return note


async def check_can_add(session: AsyncSession, actor: Actor, pair_id: int) -> bool:
    """Before asking for the text; True when the actor is the pair's mentor (who chooses who
    sees the note)."""
    loaded = await _participant(session, actor, pair_id)
    return actor.require_person().id == loaded.mentor.id


async def visible(session: AsyncSession, actor: Actor, pair_id: int) -> list[tuple[str, PairNote]]:
    """(author, note) the actor may read on this pair, newest first: their own notes, and for
    the curator the notes its mentors (now or before) left for the curator."""
    loaded = await pairs.get_pair(session, actor, pair_id)
    person = actor.require_person()
    readable = PairNote.author_id == person.id
    if actor.is_curator_of(loaded.pair.organization_id):
        mentors = select(PairMentor.mentor_id).where(PairMentor.pair_id == pair_id)
        readable = or_(
            readable,
            (PairNote.visibility == NoteVisibility.CURATOR)
            & (PairNote.author_id.in_(mentors) | (PairNote.author_id == loaded.mentor.id)),
        )
    rows = await session.execute(
        select(Person.full_name, PairNote)
        .join(Person, Person.id == PairNote.author_id)
        .where(PairNote.pair_id == pair_id, readable)
        .order_by(PairNote.created_at.desc(), PairNote.id.desc())
        .limit(NOTES_SHOWN)
    )
    return [(name, note) for name, note in rows.all()]
