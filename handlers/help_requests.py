"""Situational help: «Нужна помощь» (what happened, with a photo or document, and how urgent),
the notice to the mentor (or the curator) with «take and reply», the conversation relayed both
ways and tied to the request, closing with «did it help?», the list of open requests with their
age, and the curator passing a request to another mentor."""

from __future__ import annotations

from typing import Required

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.help_requests import HelpAction, HelpCb, HelpListCb, HelpPassCb, HelpUrgencyCb
from bot.callbacks.menu import MenuAction, MenuCb
from bot.delivery import deliver
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards import help_requests as keyboards
from bot.keyboards.common import cancel
from bot.replies import Say, anew, answer_quietly, edit, in_place, send
from bot.routing import Handlers
from bot.services import help_requests, pairs
from bot.services.access import Actor
from bot.services.help_requests import Attachment, RequestView
from bot.texts import help_requests as texts
from bot.texts.vocabulary import (
    HELP_STATUS_NAMES,
    URGENCY_NAMES,
    age,
    esc,
    fit,
    local_time,
    shorten,
)
from models import utcnow
from models.enums import HelpStatus, Role, Urgency

handlers = Handlers("help_requests")


class HelpForm(StatesGroup):
    text = Step(texts.EXPECT_TEXT, starts=True)
    urgency = Step(texts.EXPECT_URGENCY)


class HelpFormData(TypedDict, total=False):
    text: Required[str]
    file_id: str  # a photo or document sent with it
    file_kind: str


class HelpChat(StatesGroup):
    message = Step(texts.EXPECT_MESSAGE, starts=True)


class HelpChatData(TypedDict):
    request_id: int


HELP_FORM = Dialogue(HelpFormData)
HELP_CHAT = Dialogue(HelpChatData)

CONTENT = (F.text & ~F.text.startswith("/")) | F.photo | F.document
REQUEST_SHOWN = 1500  # characters of the request shown on its card
MESSAGE_SHOWN = 600  # and of each message of the conversation


def _attachment(message: Message) -> Attachment | None:
    if message.photo:
        return Attachment(file_id=message.photo[-1].file_id, kind="photo")
    if message.document:
        return Attachment(file_id=message.document.file_id, kind="document")
    return None


def _age(view: RequestView) -> str:
    return age((utcnow() - view.request.created_at).total_seconds())


def _notice(view: RequestView) -> str:
    return texts.HELP_NOTICE.format(
        id=view.request.id,
        mentee=esc(view.mentee.full_name),
        urgency=URGENCY_NAMES[view.request.urgency],
        text=esc(shorten(view.request.text, 3000)),
    )


def _actions(actor: Actor, view: RequestView) -> list[HelpAction]:
    person = actor.require_person()
    request = view.request
    if request.status is HelpStatus.CLOSED:
        if person.id == view.mentee.id and request.helped is None:
            return [HelpAction.HELPED, HelpAction.NOT_HELPED]
        return []
    actions: list[HelpAction] = []
    responder_ids = {p.id for p in view.responders}
    is_curator = actor.is_curator_of(request.organization_id)
    if person.id == view.mentee.id:
        actions.append(HelpAction.REPLY)
    elif request.status is HelpStatus.OPEN and (person.id in responder_ids or is_curator):
        actions.append(HelpAction.TAKE)
    elif request.assignee_id == person.id:
        actions.append(HelpAction.REPLY)
    if person.id in {view.mentee.id, request.assignee_id} or is_curator:
        actions.append(HelpAction.CLOSE)
    if is_curator and person.id != view.mentee.id:
        actions.append(HelpAction.PASS)
    return actions


async def render_request(
    session: AsyncSession, actor: Actor, view: RequestView
) -> tuple[str, InlineKeyboardMarkup]:
    request = view.request
    timezone = view.mentee.organization.timezone
    responder = ", ".join(esc(p.full_name) for p in view.responders)
    head = texts.HELP_CARD.format(
        id=request.id,
        status=HELP_STATUS_NAMES[request.status],
        mentee=esc(view.mentee.full_name),
        urgency=URGENCY_NAMES[request.urgency],
        responder=responder or texts.HELP_RESPONDER_CURATOR,
        created=local_time(request.created_at, timezone),
        age=_age(view),
        text=esc(shorten(request.text, REQUEST_SHOWN)),
    )
    messages = []
    for name, message in await help_requests.conversation(session, request.id):
        body = esc(shorten(message.text, MESSAGE_SHOWN)) if message.text else ""
        if message.file_id:
            body = f"{body} {texts.HELP_ATTACHMENT}".strip()
        messages.append(
            texts.HELP_CARD_MESSAGE.format(
                name=esc(name),
                when=local_time(message.created_at, timezone),
                text=body,
            )
        )
    text = fit(head, messages, keep_last=True)
    return text, keyboards.help_request(request.id, _actions(actor, view))


# --- asking for help --------------------------------------------------------------------------


async def _ask_text(message: Message, state: FSMContext, actor: Actor) -> None:
    actor.require_role(Role.MENTEE)
    await state.clear()
    await state.set_state(HelpForm.text)
    await message.answer(texts.HELP_ASK_TEXT, reply_markup=cancel())


@handlers.message(Command("need_help"))
async def need_help_command(message: Message, state: FSMContext, actor: Actor) -> None:
    await _ask_text(message, state, actor)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.NEED_HELP))
async def need_help_button(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_role(Role.MENTEE)
    await answer_quietly(callback)
    assert isinstance(callback.message, Message)
    await _ask_text(callback.message, state, actor)


@handlers.message(StateFilter(HelpForm.text), CONTENT)
async def text_given(message: Message, state: FSMContext) -> None:
    attachment = _attachment(message)
    text = help_requests.description(message.text or message.caption)
    data: HelpFormData = {"text": text}
    if attachment is not None:
        data["file_id"], data["file_kind"] = attachment.file_id, attachment.kind
    await HELP_FORM.set(state, data)
    await state.set_state(HelpForm.urgency)
    await message.answer(texts.HELP_ASK_URGENCY, reply_markup=keyboards.help_urgencies())


async def _urgency_chosen(
    say: Say, urgency: Urgency, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await HELP_FORM.get(state)
    attachment = (
        Attachment(file_id=data["file_id"], kind=data["file_kind"]) if "file_id" in data else None
    )
    view = await help_requests.open_request(
        session, actor, text=data["text"], urgency=urgency, attachment=attachment
    )
    await state.clear()
    recipients = view.responders
    markup = keyboards.help_request(view.request.id, [HelpAction.TAKE, HelpAction.OPEN])
    notice = _notice(view)
    if recipients:
        answer = texts.HELP_SENT_TO_MENTOR.format(
            id=view.request.id, mentor=esc(recipients[0].full_name)
        )
    else:
        recipients = await help_requests.curators(session, view.mentee.organization_id)
        notice += texts.HELP_NOTICE_NO_PAIR
        markup = keyboards.help_request(view.request.id, [HelpAction.TAKE, HelpAction.PASS])
        answer = texts.HELP_SENT_TO_CURATOR.format(id=view.request.id)
    delivered = False
    for person in recipients:
        delivered |= await deliver(
            session,
            person,
            notice,
            markup,
            file_id=attachment.file_id if attachment else None,
            file_kind=attachment.kind if attachment else None,
        )
    if not delivered:
        answer = texts.HELP_NO_ONE.format(id=view.request.id)
    await say(answer)


@handlers.callback_query(StateFilter(HelpForm.urgency), HelpUrgencyCb.filter())
async def urgency_chosen(
    callback: CallbackQuery,
    callback_data: HelpUrgencyCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _urgency_chosen(in_place(callback), callback_data.urgency, state, session, actor)


@handlers.message(StateFilter(HelpForm.urgency), TypedChoice(texts.HELP_URGENCY_NAMES))
async def urgency_typed(
    message: Message, choice: Urgency, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _urgency_chosen(anew(message), choice, state, session, actor)


# --- the card, taking and the conversation ----------------------------------------------------


@handlers.callback_query(HelpCb.filter(F.action == HelpAction.OPEN))
async def open_request(
    callback: CallbackQuery, callback_data: HelpCb, session: AsyncSession, actor: Actor
) -> None:
    view = await help_requests.get(session, actor, callback_data.request_id)
    text, markup = await render_request(session, actor, view)
    await send(callback, text, markup)


async def _enter_chat(
    callback: CallbackQuery, state: FSMContext, view: RequestView, actor: Actor
) -> None:
    person = actor.require_person()
    others = [view.mentee] if person.id != view.mentee.id else view.responders
    names = ", ".join(esc(other.full_name) for other in others) or texts.HELP_RESPONDER_CURATOR
    await state.clear()
    await state.set_state(HelpChat.message)
    await HELP_CHAT.set(state, {"request_id": view.request.id})
    await send(callback, texts.HELP_CHAT_PROMPT.format(id=view.request.id, other=names))


@handlers.callback_query(HelpCb.filter(F.action == HelpAction.TAKE))
async def take(
    callback: CallbackQuery,
    callback_data: HelpCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    view = await help_requests.take(session, actor, callback_data.request_id)
    await _enter_chat(callback, state, view, actor)
    notice = texts.HELP_TAKEN_NOTICE.format(
        name=esc(actor.require_person().full_name), id=view.request.id
    )
    await deliver(session, view.mentee, notice)


@handlers.callback_query(HelpCb.filter(F.action == HelpAction.REPLY))
async def reply(
    callback: CallbackQuery,
    callback_data: HelpCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    view = await help_requests.check_can_write(session, actor, callback_data.request_id)
    await _enter_chat(callback, state, view, actor)


@handlers.message(StateFilter(HelpChat.message), CONTENT)
async def chat_message(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    request_id = (await HELP_CHAT.get(state))["request_id"]
    attachment = _attachment(message)
    try:
        _, recipients = await help_requests.add_message(
            session, actor, request_id, message.text or message.caption, attachment
        )
    except help_requests.RequestClosed:
        await state.clear()  # the conversation is over: later messages are not for it
        raise
    person = actor.require_person()
    body = esc(message.text or message.caption or texts.HELP_ATTACHMENT)
    relayed = texts.HELP_MESSAGE_HEADER.format(id=request_id, name=esc(person.full_name), text=body)
    for recipient in recipients:
        markup = keyboards.help_request(request_id, [HelpAction.REPLY, HelpAction.CLOSE])
        await deliver(
            session,
            recipient,
            relayed,
            markup,
            file_id=attachment.file_id if attachment else None,
            file_kind=attachment.kind if attachment else None,
        )
    await message.answer(texts.HELP_MESSAGE_SENT)


@handlers.message(StateFilter(HelpChat.message), Command("cancel"))
async def leave_chat(message: Message, state: FSMContext) -> None:
    await state.clear()
    await message.answer(texts.HELP_CHAT_LEFT)


@handlers.callback_query(HelpCb.filter(F.action == HelpAction.CLOSE))
async def close(
    callback: CallbackQuery,
    callback_data: HelpCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    view = await help_requests.close(session, actor, callback_data.request_id)
    in_its_chat = await state.get_state() == HelpChat.message.state
    if in_its_chat and (await HELP_CHAT.get(state))["request_id"] == view.request.id:
        await state.clear()
    person = actor.require_person()
    request_id = view.request.id
    helped_buttons = keyboards.help_request(request_id, [HelpAction.HELPED, HelpAction.NOT_HELPED])
    if person.id == view.mentee.id:
        await send(callback, texts.HELP_ASK_HELPED.format(id=request_id), helped_buttons)
    else:
        await send(callback, texts.HELP_CLOSED_DONE.format(id=request_id))
        await deliver(
            session, view.mentee, texts.HELP_ASK_HELPED.format(id=request_id), helped_buttons
        )
    notice = texts.HELP_CLOSED_NOTICE.format(id=request_id, name=esc(person.full_name))
    for other in view.responders:
        if other.id != person.id:
            await deliver(session, other, notice)


@handlers.callback_query(HelpCb.filter(F.action.in_({HelpAction.HELPED, HelpAction.NOT_HELPED})))
async def helped(
    callback: CallbackQuery, callback_data: HelpCb, session: AsyncSession, actor: Actor
) -> None:
    was_helpful = callback_data.action is HelpAction.HELPED
    view = await help_requests.mark_helped(session, actor, callback_data.request_id, was_helpful)
    await answer_quietly(callback)
    await edit(callback, texts.HELP_HELPED_THANKS)
    notice = texts.HELP_HELPED_NOTICE.format(
        icon="👍" if was_helpful else "👎",
        name=esc(view.mentee.full_name),
        id=view.request.id,
        answer=texts.HELP_HELPED_YES if was_helpful else texts.HELP_HELPED_NO,
    )
    for person in view.responders:
        await deliver(session, person, notice)


# --- lists and passing on ---------------------------------------------------------------------


async def render_list(
    session: AsyncSession, actor: Actor, page_number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page = await help_requests.list_open(session, actor, page_number)
    if not page.total:
        return texts.HELP_LIST_EMPTY, None
    names = await pairs.names(session, {request.mentee_id for request in page.items})
    lines = [
        texts.HELP_LIST_HEADER.format(total=page.total, page=page.number + 1, pages=page.pages)
    ]
    now = utcnow()
    for offset, request in enumerate(page.items):
        lines.append(
            texts.HELP_LINE.format(
                number=page.first + offset,
                id=request.id,
                mentee=esc(names.get(request.mentee_id, "")),
                status=HELP_STATUS_NAMES[request.status],
                age=age((now - request.created_at).total_seconds()),
            )
        )
    labels = [(r.id, f"№{r.id} · {names.get(r.mentee_id, '')}") for r in page.items]
    return "\n".join(lines), keyboards.help_list(page, labels)


@handlers.message(Command("requests"))
async def requests_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_list(session, actor, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.REQUESTS))
async def requests_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_list(session, actor, 0)
    await send(callback, text, markup)


@handlers.callback_query(HelpListCb.filter())
async def requests_page(
    callback: CallbackQuery, callback_data: HelpListCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_list(session, actor, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(HelpCb.filter(F.action == HelpAction.PASS))
async def choose_mentor(
    callback: CallbackQuery, callback_data: HelpCb | HelpPassCb, session: AsyncSession, actor: Actor
) -> None:
    view = await help_requests.get(session, actor, callback_data.request_id)
    page_number = callback_data.page if isinstance(callback_data, HelpPassCb) else 0
    page = await pairs.search_people(session, actor, Role.MENTOR, None, page_number)
    mentors = [(p.id, p.full_name) for p in page.items if p.id != view.mentee.id]
    await answer_quietly(callback)
    if not page.total:
        await edit(callback, texts.HELP_NO_MENTORS)
        return
    text = texts.HELP_CHOOSE_MENTOR.format(
        id=view.request.id, page=page.number + 1, pages=page.pages
    )
    await edit(callback, text, keyboards.help_mentors(page, view.request.id, mentors))


@handlers.callback_query(HelpPassCb.filter())
async def pass_to_mentor(
    callback: CallbackQuery,
    callback_data: HelpPassCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    if not callback_data.mentor_id:
        await choose_mentor(callback, callback_data, session, actor)
        return
    view, previous = await help_requests.pass_to(
        session, actor, callback_data.request_id, callback_data.mentor_id
    )
    mentor = view.responders[0]
    await answer_quietly(callback)
    await edit(callback, texts.HELP_PASSED.format(mentor=esc(mentor.full_name)))
    markup = keyboards.help_request(view.request.id, [HelpAction.TAKE, HelpAction.OPEN])
    await deliver(session, mentor, texts.HELP_PASSED_NOTICE.format(notice=_notice(view)), markup)
    await deliver(
        session,
        view.mentee,
        texts.HELP_PASSED_TO_MENTEE.format(id=view.request.id, mentor=esc(mentor.full_name)),
    )
    if previous is not None:
        await deliver(session, previous, texts.HELP_PASSED_AWAY.format(id=view.request.id))
