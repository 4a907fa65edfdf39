"""Pairs by agreement in the chat: a participant accepts a proposal or declines it with a reason,
each step told to the curator and the others; the pair starts when all have accepted. The
curator's /proposals lists those waiting, accepted and declined, and proposes one again."""

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.proposals import ProposalAction, ProposalCb, ProposalsPageCb
from bot.delivery import deliver
from bot.dialogue import Dialogue, Step
from bot.keyboards import pairs as pair_keyboards
from bot.keyboards import proposals as keyboards
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import pairs, proposals
from bot.services.access import Actor
from bot.services.proposals import ProposalList
from bot.texts import pairs as pair_texts
from bot.texts import proposals as texts
from bot.texts.vocabulary import esc
from handlers.pairs import name_of, pair_title, render_card, terms
from models import Person
from models.enums import PairStatus

handlers = Handlers("proposals")

ANSWER = F.text & ~F.text.startswith("/")


class ProposalDecline(StatesGroup):
    reason = Step(texts.EXPECT_DECLINE_REASON, starts=True)


class DeclineData(TypedDict):
    pair_id: int


DECLINE = Dialogue(DeclineData)


async def _curators(session: AsyncSession, loaded: pairs.PairView) -> list[Person]:
    """Whom to tell of the answers: the curator who proposed the pair (if still there)."""
    creator = loaded.pair.created_by_id
    person = await session.get(Person, creator) if creator else None
    return [person] if person is not None and person.erased_at is None else []


async def proposal_for(session: AsyncSession, loaded: pairs.PairView, person: Person) -> str:
    """The proposal as its participant reads it: the mentor sees the mentees, a mentee the
    mentor."""
    curators = await _curators(session, loaded)
    curator = esc(curators[0].full_name) if curators else ""
    facts = await terms(session, loaded)
    if person.id == loaded.mentor.id:
        mentees = ", ".join(name_of(m, contact=True) for m in loaded.mentees)
        return texts.PROPOSAL_TO_MENTOR.format(curator=curator, mentees=mentees, **facts)
    mentor = name_of(loaded.mentor, contact=True)
    return texts.PROPOSAL_TO_MENTEE.format(curator=curator, mentor=mentor, **facts)


async def send_proposal(session: AsyncSession, loaded: pairs.PairView) -> None:
    """Each participant gets the proposal with «Принять» and «Отказаться» (one not in the bot
    yet sees it when they join)."""
    for person in loaded.people:
        text = await proposal_for(session, loaded, person)
        await deliver(session, person, text, keyboards.answer(loaded.pair.id))


@handlers.callback_query(ProposalCb.filter(F.action == ProposalAction.ACCEPT))
async def accept(
    callback: CallbackQuery, callback_data: ProposalCb, session: AsyncSession, actor: Actor
) -> None:
    current = await proposals.answer(session, actor, callback_data.pair_id, accept=True)
    loaded = current.pair
    waiting = ", ".join(esc(person.full_name) for person in current.waiting_for)
    await answer_quietly(callback)
    me = actor.require_person()
    if waiting:
        await edit(callback, texts.PROPOSAL_ACCEPTED_WAITING.format(names=waiting))
        notice = texts.PROPOSAL_ACCEPTED_NOTICE.format(
            name=esc(me.full_name), pair=pair_title(loaded), names=waiting
        )
        for curator in await _curators(session, loaded):
            await deliver(session, curator, notice)
        return
    await edit(callback, texts.PROPOSAL_ACCEPTED_ALL)
    await _announce_start(session, loaded, me)


async def _announce_start(session: AsyncSession, loaded: pairs.PairView, last: Person) -> None:
    """Everyone accepted: each participant gets what the pair is, the curator a word."""
    facts = await terms(session, loaded)
    markup = pair_keyboards.open_pair(loaded.pair.id)
    mentees = ", ".join(name_of(m, contact=True) for m in loaded.mentees)
    if loaded.mentor.id != last.id:
        await deliver(
            session,
            loaded.mentor,
            pair_texts.PAIR_NOTICE_MENTOR.format(mentees=mentees, **facts),
            markup,
        )
    for mentee in loaded.mentees:
        if mentee.id != last.id:
            await deliver(
                session,
                mentee,
                pair_texts.PAIR_NOTICE_MENTEE.format(
                    mentor=name_of(loaded.mentor, contact=True), **facts
                ),
                markup,
            )
    people = ", ".join(esc(person.full_name) for person in loaded.people)
    for curator in await _curators(session, loaded):
        await deliver(
            session,
            curator,
            pair_texts.PAIR_NOTICE_CURATOR_ACTIVE.format(pair=pair_title(loaded), people=people),
            markup,
        )


@handlers.callback_query(ProposalCb.filter(F.action == ProposalAction.DECLINE))
async def ask_decline_reason(
    callback: CallbackQuery,
    callback_data: ProposalCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await proposals.check_can_decline(session, actor, callback_data.pair_id)
    data: DeclineData = {"pair_id": callback_data.pair_id}
    prompt = texts.PROPOSAL_ASK_REASON
    await ask_for_text(callback, state, ProposalDecline.reason, prompt, DECLINE, data)


@handlers.message(StateFilter(ProposalDecline.reason), ANSWER)
async def decline_reason_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await DECLINE.get(state))["pair_id"]
    current = await proposals.answer(session, actor, pair_id, accept=False, reason=message.text)
    await state.clear()
    await message.answer(texts.PROPOSAL_DECLINED)
    me = actor.require_person()
    reason = next((a.reason for a in current.answers if a.person.id == me.id), "") or ""
    notice = texts.PROPOSAL_DECLINED_NOTICE.format(
        name=esc(me.full_name), pair=pair_title(current.pair), reason=esc(reason)
    )
    for curator in await _curators(session, current.pair):
        await deliver(session, curator, notice, keyboards.again(pair_id))
    for person in current.pair.people:
        if person.id != me.id:
            await deliver(session, person, notice)


# --- the curator's lists ----------------------------------------------------------------------


async def render_proposals(
    session: AsyncSession, actor: Actor, which: ProposalList, page_number: int
) -> tuple[str, InlineKeyboardMarkup]:
    page = await proposals.list_proposals(session, actor, which, page_number)
    header = texts.PROPOSALS_HEADER.format(
        list=texts.PROPOSAL_LISTS[which.value],
        total=page.total,
        page=page.number + 1,
        pages=page.pages,
    )
    lines, items = [header], []
    for offset, pair in enumerate(page.items):
        current = await proposals.answers_of(session, await pairs.view(session, pair))
        names = {person.id: person.full_name for person in current.pair.people}
        answers = " ".join(
            f"{pair_texts.ANSWER_MARKS[a.accepted]}{esc(a.person.full_name.split(' ')[0])}"
            for a in current.answers
        )
        lines.append(
            texts.PROPOSAL_LINE.format(
                number=page.first + offset,
                mentor=esc(current.pair.mentor.full_name),
                mentees=esc(", ".join(m.full_name for m in current.pair.mentees)),
                answers=answers,
            )
        )
        items.append((pair.id, pairs.title(pair, names)))
    if not page.total:
        lines.append(texts.PROPOSALS_EMPTY)
    return "\n".join(lines), keyboards.proposals_list(page, which, items)


@handlers.message(Command("proposals"))
async def proposals_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_proposals(session, actor, ProposalList.WAITING, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.PROPOSALS))
async def proposals_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_proposals(session, actor, ProposalList.WAITING, 0)
    await send(callback, text, markup)


@handlers.callback_query(ProposalsPageCb.filter())
async def proposals_page(
    callback: CallbackQuery, callback_data: ProposalsPageCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_proposals(session, actor, callback_data.which, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(ProposalCb.filter(F.action == ProposalAction.OPEN))
async def open_proposal(
    callback: CallbackQuery, callback_data: ProposalCb, session: AsyncSession, actor: Actor
) -> None:
    loaded = await pairs.managed_pair(session, actor, callback_data.pair_id)
    text, markup = await render_card(session, actor, loaded)
    if loaded.pair.status is PairStatus.DECLINED:
        markup = keyboards.again(loaded.pair.id)
    await send(callback, text, markup)


@handlers.callback_query(ProposalCb.filter(F.action == ProposalAction.AGAIN))
async def propose_again(
    callback: CallbackQuery, callback_data: ProposalCb, session: AsyncSession, actor: Actor
) -> None:
    loaded = await proposals.propose_again(session, actor, callback_data.pair_id)
    text, markup = await render_card(session, actor, loaded)
    await send(callback, f"{texts.PROPOSAL_AGAIN_SENT}\n\n{text}", markup)
    await send_proposal(session, loaded)
