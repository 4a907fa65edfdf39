"""Private notes on a pair, from its card: the notes the actor may read, and a new one — a
mentor's marked «только мне» or «видит куратор», a mentee's for themself only."""

from typing import Required

from aiogram import F
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.pair_notes import NotesAction, NotesCb, NoteVisibilityCb
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards import pair_notes as keyboards
from bot.replies import Say, anew, answer_quietly, ask_for_text, edit, in_place
from bot.routing import Handlers
from bot.services import pair_notes, pairs
from bot.services.access import Actor
from bot.texts import pair_notes as texts
from bot.texts.vocabulary import esc, local_time, shorten
from models.enums import NoteVisibility, Role

handlers = Handlers("pair_notes")

ANSWER = F.text & ~F.text.startswith("/")
NOTE_SHOWN = 500


class NoteForm(StatesGroup):
    text = Step(texts.EXPECT_NOTE, starts=True)
    visibility = Step(texts.EXPECT_VISIBILITY)


class NoteData(TypedDict, total=False):
    pair_id: Required[int]
    text: str


NOTE = Dialogue(NoteData)
VISIBILITY_TYPED = {
    NoteVisibility.PRIVATE: texts.BUTTON_NOTE_PRIVATE,
    NoteVisibility.CURATOR: texts.BUTTON_NOTE_CURATOR,
}


async def render_notes(session: AsyncSession, actor: Actor, pair_id: int) -> tuple[str, bool]:
    """The notes the actor may read, and whether they may write one."""
    found = await pair_notes.visible(session, actor, pair_id)
    loaded = await pairs.get_pair(session, actor, pair_id)
    person = actor.require_person()
    participant = person.id in {p.id for p in loaded.people}
    if person.id == loaded.mentor.id:
        legend = texts.NOTES_LEGEND_MENTOR
    elif participant:
        legend = texts.NOTES_LEGEND_MENTEE
    else:
        legend = texts.NOTES_LEGEND_CURATOR
    text = texts.NOTES_HEADER.format(id=pair_id, legend=legend)
    timezone = person.organization.timezone
    for author, note in found:
        text += texts.NOTE_LINE.format(
            mark=texts.NOTE_MARKS[note.visibility.value],
            day=local_time(note.created_at, timezone),
            author=esc(author),
            text=esc(shorten(note.text, NOTE_SHOWN)),
        )
    if not found:
        text += texts.NOTES_EMPTY
    return text, participant


@handlers.callback_query(NotesCb.filter(F.action == NotesAction.LIST))
async def notes_list(
    callback: CallbackQuery, callback_data: NotesCb, session: AsyncSession, actor: Actor
) -> None:
    person = actor.require_person()
    loaded = await pairs.get_pair(session, actor, callback_data.pair_id)
    if person.id not in {p.id for p in loaded.people}:
        actor.require_role(Role.CURATOR)
    text, can_write = await render_notes(session, actor, callback_data.pair_id)
    await answer_quietly(callback)
    await edit(callback, text, keyboards.notes(callback_data.pair_id, can_write=can_write))


@handlers.callback_query(NotesCb.filter(F.action == NotesAction.NEW))
async def ask_note(
    callback: CallbackQuery,
    callback_data: NotesCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await pair_notes.check_can_add(session, actor, callback_data.pair_id)
    data: NoteData = {"pair_id": callback_data.pair_id}
    await ask_for_text(callback, state, NoteForm.text, texts.NOTES_ASK_TEXT, NOTE, data)


@handlers.message(StateFilter(NoteForm.text), ANSWER)
async def note_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await NOTE.get(state, "pair_id"))["pair_id"]
    if await pair_notes.check_can_add(session, actor, pair_id):  # the mentor chooses who sees it
        await NOTE.update(state, {"pair_id": pair_id, "text": message.text or ""})
        await state.set_state(NoteForm.visibility)
        await message.answer(texts.NOTES_ASK_VISIBILITY, reply_markup=keyboards.visibility())
        return
    await _save(anew(message), state, session, actor, message.text, NoteVisibility.PRIVATE)


async def _save(
    say: Say,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    text: str | None,
    visibility: NoteVisibility,
) -> None:
    pair_id = (await NOTE.get(state, "pair_id"))["pair_id"]
    await pair_notes.add(session, actor, pair_id, text, visibility)
    await state.clear()
    await say.note(texts.NOTES_SAVED)
    notes_text, can_write = await render_notes(session, actor, pair_id)
    await say(notes_text, keyboards.notes(pair_id, can_write=can_write))


async def _visibility_chosen(
    say: Say, visibility: NoteVisibility, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await NOTE.get(state, "pair_id", "text")
    await _save(say, state, session, actor, data["text"], visibility)


@handlers.callback_query(StateFilter(NoteForm.visibility), NoteVisibilityCb.filter())
async def visibility_chosen(
    callback: CallbackQuery,
    callback_data: NoteVisibilityCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _visibility_chosen(in_place(callback), callback_data.visibility, state, session, actor)


@handlers.message(StateFilter(NoteForm.visibility), TypedChoice(VISIBILITY_TYPED))
async def visibility_typed(
    message: Message,
    choice: NoteVisibility,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _visibility_chosen(anew(message), choice, state, session, actor)
