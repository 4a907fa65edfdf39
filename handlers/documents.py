"""The curator's school documents (/documents, /roadmap): the orders fixing pairs and changing
them (number proposed or typed, date «Сегодня» or typed), the regulation's template and the
adopted version uploaded back with its date, and the school's roadmap — events planned by
buttons and typed text, the invited told, each marked done with its result or cancelled — each
also as a document to print."""

from datetime import date
from typing import Required

from aiogram import Bot, F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot import documents
from bot.callbacks.common import TodayCb
from bot.callbacks.documents import (
    AudienceCb,
    DocumentsAction,
    DocumentsCb,
    EventAction,
    EventCb,
    EventKindCb,
    NewOrderCb,
    OrderFileCb,
    OrderNumberCb,
    ResponsibleCb,
)
from bot.delivery import deliver
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards import documents as keyboards
from bot.keyboards.common import cancel
from bot.replies import Say, anew, answer_quietly, ask_for_text, edit, in_place, send, send_file
from bot.routing import Handlers
from bot.services import orders, pairs, regulations, roadmap
from bot.services.access import Actor
from bot.texts import documents as texts
from bot.texts.vocabulary import day, esc, shorten
from models import Order, RoadmapEvent
from models.enums import OrderKind, RoadmapAudience, RoadmapEventKind, RoadmapStatus

handlers = Handlers("documents")
# The adopted regulation comes as a file: its step is tried before `common`, which answers
# anything but text in a dialogue; the typed steps come after it, so that «Отмена» cancels.
uploads = Handlers("documents_uploads")

ANSWER = F.text & ~F.text.startswith("/")
EVENTS_SHOWN = 15
TITLE_SHOWN = 80
PLANNED_BUTTONS = 20


class OrderForm(StatesGroup):
    number = Step(texts.EXPECT_ORDER_NUMBER, starts=True)
    day = Step(texts.EXPECT_ORDER_DATE)


class OrderData(TypedDict, total=False):
    kind: Required[OrderKind]
    number: str


ORDER = Dialogue(OrderData)


class RegulationForm(StatesGroup):
    file = Step(texts.EXPECT_REGULATION_FILE, starts=True)
    day = Step(texts.EXPECT_REGULATION_DATE)


class RegulationData(TypedDict, total=False):
    file_id: str
    file_name: str


REGULATION = Dialogue(RegulationData)


class EventForm(StatesGroup):
    kind = Step(texts.EXPECT_EVENT_KIND, starts=True)
    title = Step(texts.EXPECT_EVENT_TITLE)
    day = Step(texts.EXPECT_EVENT_DATE)
    responsible = Step(texts.EXPECT_EVENT_RESPONSIBLE)
    audience = Step(texts.EXPECT_EVENT_AUDIENCE)
    result = Step(texts.EXPECT_EVENT_RESULT, starts=True)


class EventData(TypedDict, total=False):
    kind: RoadmapEventKind
    title: str
    on_date: date
    responsible_id: int | None
    event_id: int  # the event whose result is asked


EVENT = Dialogue(EventData)
KIND_TYPED = dict(texts.EVENT_KIND_NAMES)
AUDIENCE_TYPED = dict(texts.AUDIENCE_NAMES)


# --- the hub -------------------------------------------------------------------------------


async def render_hub(session: AsyncSession, actor: Actor) -> tuple[str, bool]:
    curator = actor.require_curator()
    adopted = await regulations.current(session, curator.organization_id)
    regulation = (
        texts.HUB_REGULATION_ADOPTED.format(
            day=day(adopted.adopted_on), name=esc(adopted.file_name)
        )
        if adopted is not None
        else texts.HUB_REGULATION_NONE
    )
    recent = await orders.recent(session, actor)
    last = (
        texts.HUB_LAST_ORDER.format(number=esc(recent[0].number), day=day(recent[0].dated_on))
        if recent
        else texts.HUB_NO_ORDER
    )
    plan = await roadmap.view(session, actor)
    text = texts.HUB.format(
        regulation=regulation,
        unfixed=len(await orders.pending(session, actor, OrderKind.FIXING)),
        changes=len(await orders.pending(session, actor, OrderKind.CHANGES)),
        last_order=last,
        year=plan.first_year,
        next=plan.first_year + 1,
        events=len(plan.events),
        done=sum(1 for event, _ in plan.events if event.status is RoadmapStatus.DONE),
    )
    return text, adopted is not None


@handlers.message(Command("documents"))
async def documents_command(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    text, adopted = await render_hub(session, actor)
    await state.clear()
    await message.answer(text, reply_markup=keyboards.hub(adopted=adopted))


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.HUB))
async def hub_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, adopted = await render_hub(session, actor)
    await answer_quietly(callback)
    await edit(callback, text, keyboards.hub(adopted=adopted))


# --- orders --------------------------------------------------------------------------------


async def _send_order(bot: Bot, chat_id: int, order: Order, paper: orders.OrderDocument) -> None:
    name = f"order_{order.dated_on:%Y%m%d}_{order.id}.docx"
    caption = texts.ORDER_CAPTION.format(number=esc(order.number), day=day(order.dated_on))
    content = BufferedInputFile(documents.order.build(paper), filename=name)
    await bot.send_document(chat_id, content, caption=caption)


@handlers.callback_query(NewOrderCb.filter())
async def new_order(
    callback: CallbackQuery,
    callback_data: NewOrderCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    count = await orders.check_can_create(session, actor, callback_data.kind)
    today = pairs.local_today(actor.require_curator().organization.timezone)
    number = await orders.next_number(session, actor, today)
    await state.clear()
    await state.set_state(OrderForm.number)
    await ORDER.set(state, {"kind": callback_data.kind})
    prompt = texts.ORDER_ASK_NUMBER.format(
        kind=texts.ORDER_KIND_WORDS[callback_data.kind], count=count
    )
    await send(callback, prompt, keyboards.order_number(number))


async def _number_chosen(
    say: Say, state: FSMContext, session: AsyncSession, actor: Actor, number: str | None
) -> None:
    data = await ORDER.get(state, "kind")
    data["number"] = await orders.free_number(session, actor, number)
    await ORDER.set(state, data)
    await state.set_state(OrderForm.day)
    await say(
        texts.ORDER_ASK_DATE,
        keyboards.today(pairs.local_today(actor.require_curator().organization.timezone)),
    )


@handlers.callback_query(StateFilter(OrderForm.number), OrderNumberCb.filter())
async def number_pressed(
    callback: CallbackQuery,
    callback_data: OrderNumberCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _number_chosen(in_place(callback), state, session, actor, callback_data.number)


@handlers.message(StateFilter(OrderForm.number), ANSWER)
async def number_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _number_chosen(anew(message), state, session, actor, message.text)


async def _order_dated(
    say: Say,
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    text: str | None,
) -> None:
    data = await ORDER.get(state, "kind", "number")
    dated_on = orders.order_date(actor, text)
    try:
        order = await orders.create(session, actor, data["kind"], data["number"], dated_on)
    except orders.NumberTaken:  # in the year of that date: the number is asked again
        await state.set_state(OrderForm.number)
        raise
    await state.clear()
    paper = await orders.document(session, actor, order.id)
    count = len(paper.lines)
    await say(texts.ORDER_SAVED.format(number=esc(order.number), day=day(dated_on), count=count))
    await _send_order(bot, chat_id, order, paper)


@handlers.callback_query(StateFilter(OrderForm.day), TodayCb.filter())
async def order_today(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    today = pairs.local_today(actor.require_curator().organization.timezone)
    await _order_dated(
        in_place(callback), bot, callback.from_user.id, state, session, actor, day(today)
    )


@handlers.message(StateFilter(OrderForm.day), ANSWER)
async def order_date_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    await _order_dated(anew(message), bot, message.chat.id, state, session, actor, message.text)


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.ORDERS))
async def orders_list(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    found = await orders.recent(session, actor)
    text = texts.ORDERS_LIST.format(count=len(found)) if found else texts.ORDERS_EMPTY
    await answer_quietly(callback)
    await edit(callback, text, keyboards.orders(found))


@handlers.callback_query(OrderFileCb.filter())
async def order_file(
    callback: CallbackQuery,
    callback_data: OrderFileCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    order = await orders.get(session, actor, callback_data.order_id)
    paper = await orders.document(session, actor, order.id)
    await answer_quietly(callback)
    await _send_order(bot, callback.from_user.id, order, paper)


# --- the regulation ------------------------------------------------------------------------


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.REGULATION_TEMPLATE))
async def regulation_template(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    content = documents.regulation.build(await regulations.template(session, actor))
    caption = texts.REGULATION_CAPTION.format(button=texts.BUTTON_REGULATION_UPLOAD)
    await send_file(callback, content, "regulation_template.docx", caption)


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.REGULATION_UPLOAD))
async def ask_regulation(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await state.clear()
    await state.set_state(RegulationForm.file)
    await send(callback, texts.REGULATION_ASK_FILE, cancel())


@uploads.message(StateFilter(RegulationForm.file), F.document)
async def regulation_file(message: Message, state: FSMContext, actor: Actor) -> None:
    document = message.document
    assert document is not None  # the filter lets only documents in
    name = regulations.check_file(actor, document.file_name, document.file_size)
    await REGULATION.set(state, {"file_id": document.file_id, "file_name": name})
    await state.set_state(RegulationForm.day)
    await message.answer(texts.REGULATION_ASK_DATE, reply_markup=cancel())


@handlers.message(StateFilter(RegulationForm.day), ANSWER)
async def regulation_day(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await REGULATION.get(state, "file_id", "file_name")
    adopted_on = regulations.adoption_day(actor, message.text)
    await regulations.adopt(session, actor, data["file_id"], data["file_name"], adopted_on)
    await state.clear()
    await message.answer(texts.REGULATION_SAVED.format(day=day(adopted_on)))


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.REGULATION_ADOPTED))
async def regulation_adopted(
    callback: CallbackQuery, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    adopted = await regulations.current(session, actor.require_curator().organization_id)
    await answer_quietly(callback)
    if adopted is None:
        await bot.send_message(callback.from_user.id, texts.REGULATION_NONE)
        return
    caption = texts.REGULATION_ADOPTED_CAPTION.format(day=day(adopted.adopted_on))
    await bot.send_document(callback.from_user.id, adopted.file_id, caption=caption)


# --- the roadmap ---------------------------------------------------------------------------


def _event_line(event: RoadmapEvent, responsible: str | None) -> str:
    return texts.ROADMAP_LINE.format(
        icon=texts.ROADMAP_ICONS[event.status],
        day=day(event.on_date),
        title=esc(shorten(event.title, TITLE_SHOWN)),
        kind=texts.EVENT_KIND_NAMES[event.kind],
        responsible=(
            texts.ROADMAP_LINE_RESPONSIBLE.format(name=esc(responsible)) if responsible else ""
        ),
    )


async def render_roadmap(session: AsyncSession, actor: Actor) -> tuple[str, list[RoadmapEvent]]:
    plan = await roadmap.view(session, actor)
    shown = plan.events[:EVENTS_SHOWN]
    lines = [_event_line(event, responsible) for event, responsible in shown]
    if len(plan.events) > len(shown):
        lines.append(texts.ROADMAP_MORE.format(more=len(plan.events) - len(shown)))
    text = texts.ROADMAP_CARD.format(
        year=plan.first_year,
        next=plan.first_year + 1,
        events="\n".join(lines) or texts.ROADMAP_NO_EVENTS,
    )
    planned = [event for event, _ in plan.events if event.status is RoadmapStatus.PLANNED]
    return text, planned[:PLANNED_BUTTONS]


@handlers.message(Command("roadmap"))
async def roadmap_command(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    text, shown = await render_roadmap(session, actor)
    await state.clear()
    await message.answer(text, reply_markup=keyboards.roadmap(shown))


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.ROADMAP))
async def roadmap_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, shown = await render_roadmap(session, actor)
    await answer_quietly(callback)
    await edit(callback, text, keyboards.roadmap(shown))


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.ROADMAP_FILE))
async def roadmap_file(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    plan = await roadmap.view(session, actor)
    years = {"year": plan.first_year, "next": plan.first_year + 1}
    await send_file(
        callback,
        documents.roadmap.build(plan),
        "roadmap_{year}_{next}.docx".format(**years),
        texts.ROADMAP_FILE_CAPTION.format(**years),
    )


@handlers.callback_query(DocumentsCb.filter(F.action == DocumentsAction.EVENT_ADD))
async def new_event(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await state.clear()
    await state.set_state(EventForm.kind)
    await send(callback, texts.ROADMAP_ASK_KIND, keyboards.event_kinds())


async def _kind_chosen(say: Say, state: FSMContext, actor: Actor, kind: RoadmapEventKind) -> None:
    actor.require_curator()
    await EVENT.set(state, {"kind": kind})
    await state.set_state(EventForm.title)
    await say(texts.ROADMAP_ASK_TITLE, cancel())


@handlers.callback_query(StateFilter(EventForm.kind), EventKindCb.filter())
async def kind_pressed(
    callback: CallbackQuery, callback_data: EventKindCb, state: FSMContext, actor: Actor
) -> None:
    await _kind_chosen(in_place(callback), state, actor, callback_data.kind)


@handlers.message(StateFilter(EventForm.kind), TypedChoice(KIND_TYPED))
async def kind_typed(
    message: Message, choice: RoadmapEventKind, state: FSMContext, actor: Actor
) -> None:
    await _kind_chosen(anew(message), state, actor, choice)


@handlers.message(StateFilter(EventForm.title), ANSWER)
async def event_title_typed(message: Message, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    data = await EVENT.get(state, "kind")
    data["title"] = roadmap.title(message.text)
    await EVENT.set(state, data)
    await state.set_state(EventForm.day)
    await message.answer(texts.ROADMAP_ASK_DAY, reply_markup=cancel())


@handlers.message(StateFilter(EventForm.day), ANSWER)
async def event_day_typed(message: Message, state: FSMContext, actor: Actor) -> None:
    data = await EVENT.get(state, "kind", "title")
    data["on_date"] = roadmap.event_day(actor, message.text)
    await EVENT.set(state, data)
    await state.set_state(EventForm.responsible)
    me = actor.require_curator()
    await message.answer(
        texts.ROADMAP_ASK_RESPONSIBLE,
        reply_markup=keyboards.responsible([(me.id, texts.BUTTON_RESPONSIBLE_ME)]),
    )


@handlers.message(StateFilter(EventForm.responsible), ANSWER)
async def responsible_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await EVENT.get(state, "kind", "title", "on_date")
    found = await roadmap.staff_by_name(session, actor, message.text)
    if not found:
        query = esc(message.text or "")
        await message.answer(texts.ROADMAP_NO_CANDIDATES.format(query=query))
        return
    candidates = [(person.id, person.full_name) for person in found]
    await message.answer(texts.ROADMAP_CANDIDATES, reply_markup=keyboards.responsible(candidates))


@handlers.callback_query(StateFilter(EventForm.responsible), ResponsibleCb.filter())
async def responsible_pressed(
    callback: CallbackQuery,
    callback_data: ResponsibleCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    data = await EVENT.get(state, "kind", "title", "on_date")
    data["responsible_id"] = await roadmap.responsible(session, actor, callback_data.person_id)
    await EVENT.set(state, data)
    await state.set_state(EventForm.audience)
    await answer_quietly(callback)
    await edit(callback, texts.ROADMAP_ASK_AUDIENCE, keyboards.audiences())


async def _audience_chosen(
    say: Say,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    audience: RoadmapAudience,
) -> None:
    data = await EVENT.get(state, "kind", "title", "on_date", "responsible_id")
    draft = roadmap.EventDraft(
        kind=data["kind"],
        title=data["title"],
        on_date=data["on_date"],
        responsible_id=data["responsible_id"],
        audience=audience,
    )
    event = await roadmap.add(session, actor, draft)
    invited = 0
    responsible = await roadmap.responsible_name(session, event)
    curator = actor.require_curator()
    invitation = texts.ROADMAP_INVITATION.format(
        title=esc(event.title),
        kind=texts.EVENT_KIND_NAMES[event.kind],
        day=day(event.on_date),
        responsible=(
            texts.ROADMAP_RESPONSIBLE_NOTE.format(name=esc(responsible)) if responsible else ""
        ),
        organization=esc(curator.organization.name),
    )
    for person in await roadmap.invitees(session, actor, event):
        invited += await deliver(session, person, invitation)
    await state.clear()
    await say.note(texts.ROADMAP_SAVED.format(invited=invited))
    text, shown = await render_roadmap(session, actor)
    await say(text, keyboards.roadmap(shown))


@handlers.callback_query(StateFilter(EventForm.audience), AudienceCb.filter())
async def audience_pressed(
    callback: CallbackQuery,
    callback_data: AudienceCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _audience_chosen(in_place(callback), state, session, actor, callback_data.audience)


@handlers.message(StateFilter(EventForm.audience), TypedChoice(AUDIENCE_TYPED))
async def audience_typed(
    message: Message,
    choice: RoadmapAudience,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _audience_chosen(anew(message), state, session, actor, choice)


async def render_event(session: AsyncSession, actor: Actor, event_id: int) -> tuple[str, bool]:
    event = await roadmap.get(session, actor, event_id)
    responsible = await roadmap.responsible_name(session, event)
    text = texts.EVENT_CARD.format(
        title=esc(event.title),
        kind=texts.EVENT_KIND_NAMES[event.kind],
        day=day(event.on_date),
        responsible=esc(responsible) if responsible else texts.EVENT_NO_RESPONSIBLE,
        audience=texts.AUDIENCE_NAMES[event.audience],
        status=texts.EVENT_STATUS_NAMES[event.status],
    )
    if event.result:
        text += texts.EVENT_RESULT.format(result=esc(event.result))
    return text, event.status is RoadmapStatus.PLANNED


@handlers.callback_query(EventCb.filter(F.action == EventAction.OPEN))
async def open_event(
    callback: CallbackQuery, callback_data: EventCb, session: AsyncSession, actor: Actor
) -> None:
    text, planned = await render_event(session, actor, callback_data.event_id)
    await answer_quietly(callback)
    await edit(callback, text, keyboards.event(callback_data.event_id, planned=planned))


@handlers.callback_query(EventCb.filter(F.action == EventAction.DONE))
async def ask_result(
    callback: CallbackQuery,
    callback_data: EventCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await roadmap.check_can_mark_done(session, actor, callback_data.event_id)
    data: EventData = {"event_id": callback_data.event_id}
    await ask_for_text(callback, state, EventForm.result, texts.ROADMAP_ASK_RESULT, EVENT, data)


@handlers.message(StateFilter(EventForm.result), ANSWER)
async def result_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    event_id = (await EVENT.get(state, "event_id"))["event_id"]
    await roadmap.mark_done(session, actor, event_id, message.text)
    await state.clear()
    await message.answer(texts.ROADMAP_DONE)
    text, planned = await render_event(session, actor, event_id)
    await message.answer(text, reply_markup=keyboards.event(event_id, planned=planned))


@handlers.callback_query(EventCb.filter(F.action == EventAction.CANCEL))
async def cancel_event(
    callback: CallbackQuery, callback_data: EventCb, session: AsyncSession, actor: Actor
) -> None:
    event = await roadmap.cancel(session, actor, callback_data.event_id)
    notice = texts.ROADMAP_CANCELLED_NOTICE.format(title=esc(event.title), day=day(event.on_date))
    for person in await roadmap.invitees(session, actor, event):
        await deliver(session, person, notice)
    await answer_quietly(callback, texts.ROADMAP_CANCELLED)
    text, planned = await render_event(session, actor, callback_data.event_id)
    await edit(callback, text, keyboards.event(callback_data.event_id, planned=planned))
