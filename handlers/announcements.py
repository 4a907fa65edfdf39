"""Announcements: /announce for a curator (their organisation) or a coordinator (their
territory), the «📣 Объявление» button of a territory; the audience, the text (or a document
with its caption), the preview, the sending through the outbox, and how many received it."""

from __future__ import annotations

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.announcements import AnnounceAction, AnnounceCb, DeliveryCb
from bot.callbacks.territories import TerritoryAction, TerritoryCb
from bot.dialogue import Dialogue, Step
from bot.keyboards import announcements as keyboards
from bot.notices import message_of
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import announcements
from bot.services.access import Actor
from bot.settings import Settings
from bot.texts import announcements as texts
from bot.texts.vocabulary import esc, local_time
from models import Announcement, utcnow
from models.enums import AnnouncementAudience

handlers = Handlers("announcements")
uploads = Handlers("announcements_uploads")  # before `common`: a document with its caption

ANSWER = F.text & ~F.text.startswith("/")


class AnnouncementForm(StatesGroup):
    text = Step(texts.EXPECT_TEXT, starts=True)
    confirm = Step(texts.EXPECT_CONFIRM)


class AnnouncementData(TypedDict, total=False):
    territory_id: int  # 0: the curator's organisation or the coordinator's territory
    audience: AnnouncementAudience
    text: str
    file_id: str | None
    file_name: str | None


DIALOGUE = Dialogue(AnnouncementData)


async def _ask_audience(
    session: AsyncSession, actor: Actor, territory_id: int
) -> tuple[str, InlineKeyboardMarkup]:
    scope = await announcements.scope_of(session, actor, territory_id or None)
    return texts.ASK_AUDIENCE.format(scope=esc(scope.name)), keyboards.audiences(territory_id)


@handlers.message(Command("announce"))
async def announce_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await _ask_audience(session, actor, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(TerritoryCb.filter(F.action == TerritoryAction.ANNOUNCE))
async def announce_button(
    callback: CallbackQuery, callback_data: TerritoryCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await _ask_audience(session, actor, callback_data.territory_id)
    await send(callback, text, markup)


@handlers.callback_query(AnnounceCb.filter(F.action == AnnounceAction.AUDIENCE))
async def audience_chosen(
    callback: CallbackQuery,
    callback_data: AnnounceCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    scope = await announcements.scope_of(session, actor, callback_data.territory_id or None)
    count = len(await announcements.recipients(session, scope, callback_data.audience))
    prompt = texts.ASK_TEXT.format(
        audience=texts.AUDIENCE_NAMES[callback_data.audience].lower(), count=count
    )
    data: AnnouncementData = {
        "territory_id": callback_data.territory_id,
        "audience": callback_data.audience,
    }
    await ask_for_text(callback, state, AnnouncementForm.text, prompt, DIALOGUE, data)


async def _preview(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    text: str | None,
    file_id: str | None = None,
    file_name: str | None = None,
) -> None:
    data = await DIALOGUE.get(state, "territory_id", "audience")
    body = announcements.check_text(text, with_file=file_id is not None)
    scope = await announcements.scope_of(session, actor, data["territory_id"] or None)
    count = len(await announcements.recipients(session, scope, data["audience"]))
    draft = Announcement(
        scope_name=scope.name,
        text=body,
        author_name=await announcements.author_name(session, actor),
    )
    shown = message_of(draft) + (texts.FILE_NOTE.format(name=esc(file_name)) if file_id else "")
    await DIALOGUE.update(state, {"text": body, "file_id": file_id, "file_name": file_name})
    await state.set_state(AnnouncementForm.confirm)
    await message.answer(
        texts.PREVIEW.format(
            audience=texts.AUDIENCE_NAMES[data["audience"]].lower(), count=count, message=shown
        ),
        reply_markup=keyboards.confirm(data["territory_id"], data["audience"]),
    )


@handlers.message(StateFilter(AnnouncementForm.text), ANSWER)
async def text_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _preview(message, state, session, actor, message.text)


@uploads.message(StateFilter(AnnouncementForm.text), F.document)
async def document_sent(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    document = message.document
    assert document is not None  # the filter lets only documents in
    await _preview(
        message, state, session, actor, message.caption, document.file_id, document.file_name
    )


@handlers.callback_query(
    StateFilter(AnnouncementForm.confirm), AnnounceCb.filter(F.action == AnnounceAction.SEND)
)
async def send_confirmed(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    # what is sent, and to whom, is what the dialogue kept, not what the button says
    data = await DIALOGUE.get(state, "territory_id", "audience", "text")
    scope = await announcements.scope_of(session, actor, data["territory_id"] or None)
    sent = await announcements.send(
        session,
        actor,
        scope,
        data["audience"],
        data["text"],
        utcnow(),
        file_id=data.get("file_id"),
        file_name=data.get("file_name"),
    )
    await state.clear()
    await answer_quietly(callback)
    await edit(callback, texts.QUEUED.format(count=sent.recipients), keyboards.delivery(sent.id))


@handlers.callback_query(DeliveryCb.filter())
async def delivery_shown(
    callback: CallbackQuery,
    callback_data: DeliveryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
) -> None:
    current = await announcements.delivery(session, actor, callback_data.announcement_id)
    timezone = actor.person.organization.timezone if actor.person else settings.timezone
    text = texts.DELIVERY.format(
        when=local_time(current.announcement.created_at, timezone),
        audience=texts.AUDIENCE_NAMES[current.announcement.audience].lower(),
        sent=current.sent,
        total=current.total,
        waiting=current.waiting,
        muted=current.muted,
        failed=current.failed,
    )
    await answer_quietly(callback)
    await edit(callback, text, keyboards.delivery(current.announcement.id))
