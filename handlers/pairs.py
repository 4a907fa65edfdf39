"""Pairs and groups once proposed: the lists (all pairs with their filters, one's own pairs,
mentees without a pair), the pair card, and the pair's life — a pause and the resumption, the
curator's message to its people, completing with final reflections, stopping early with a
reason. Forming a pair and changing its mentor are in `pair_wizard`."""

from datetime import date, datetime
from typing import Required
from zoneinfo import ZoneInfo

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.pairs import PairAction, PairCb, PairsPageCb, ReflectionScoreCb, UnpairedPageCb
from bot.delivery import deliver
from bot.dialogue import Dialogue, Step
from bot.keyboards import pairs as keyboards
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import audit, pair_life, pairs, proposals, pulse, staff
from bot.services.access import Actor
from bot.texts import pairs as texts
from bot.texts.pulse import PULSE_TREND
from bot.texts.vocabulary import (
    FORM_NAMES,
    KIND_NAMES,
    MENTEE_TYPE_NAMES,
    PAIR_STATUS_NAMES,
    ROLE_MODEL_NAMES,
    decimal,
    esc,
    shorten,
)
from models import Person
from models.enums import MentorshipKind, PairStatus

handlers = Handlers("pairs")

ANSWER = F.text & ~F.text.startswith("/")


class PairChange(StatesGroup):
    stop_reason = Step(texts.EXPECT_STOP_REASON, starts=True)
    pause_reason = Step(texts.EXPECT_PAUSE_REASON, starts=True)
    message = Step(texts.EXPECT_MESSAGE, starts=True)


class PairReflection(StatesGroup):
    text = Step(texts.EXPECT_FINAL_REFLECTION, starts=True)


class PairNoteData(TypedDict, total=False):
    pair_id: Required[int]
    score: int  # the final reflection's satisfaction


PAIR_NOTE = Dialogue(PairNoteData)


# --- rendering --------------------------------------------------------------------------------


def name_of(person: Person, *, contact: bool = False) -> str:
    name = esc(person.full_name)
    if contact and person.share_contact and person.username:
        name += texts.PAIR_CONTACT.format(contact=f"@{esc(person.username)}")
    return name


def _day(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day is not None else "—"


def _local_day(moment: datetime | None, timezone: str) -> str:
    return _day(moment.astimezone(ZoneInfo(timezone)).date() if moment else None)


async def term(session: AsyncSession, loaded: pairs.PairView) -> str:
    """How long the pair lasts, in words: months, one meeting, or while its request is open."""
    pair = loaded.pair
    if pair.kind is MentorshipKind.SPEED:
        return texts.PAIR_TERM_SPEED
    if pair.kind is MentorshipKind.SITUATIONAL:
        request_id = await pairs.situational_request_id(session, pair.id)
        return (
            texts.PAIR_TERM_SITUATIONAL.format(id=request_id)
            if request_id
            else texts.PAIR_TERM_OPEN
        )
    if pair.ends_on is None:
        return texts.PAIR_TERM_OPEN
    months = (
        (pair.ends_on.year - pair.starts_on.year) * 12 + pair.ends_on.month - pair.starts_on.month
    )
    return texts.PAIR_TERM_MONTHS.format(months=months, ends=_day(pair.ends_on))


async def terms(session: AsyncSession, loaded: pairs.PairView) -> dict[str, str]:
    """The facts every notice of a pair repeats."""
    return {
        "kind": KIND_NAMES[loaded.pair.kind],
        "form": FORM_NAMES[loaded.pair.form],
        "starts": _day(loaded.pair.starts_on),
        "term": await term(session, loaded),
    }


def _title(loaded: pairs.PairView) -> str:
    return texts.PAIR_KIND_GROUP if len(loaded.mentees) > 1 else texts.PAIR_KIND_PAIR


def pair_title(loaded: pairs.PairView) -> str:
    return f"{_title(loaded)} №{loaded.pair.id}"


async def render_card(
    session: AsyncSession, actor: Actor, loaded: pairs.PairView
) -> tuple[str, InlineKeyboardMarkup]:
    pair = loaded.pair
    timezone = loaded.mentor.organization.timezone
    text = texts.PAIR_CARD.format(
        title=_title(loaded),
        id=pair.id,
        status=PAIR_STATUS_NAMES[pair.status],
        model=ROLE_MODEL_NAMES[pair.role_model],
        mentor=name_of(loaded.mentor, contact=True),
        mentees=", ".join(name_of(mentee, contact=True) for mentee in loaded.mentees),
        **await terms(session, loaded),
    )
    if pair.status is PairStatus.ACTIVE and pair.starts_on > pairs.local_today(timezone):
        text += texts.PAIR_CARD_NOT_STARTED.format(starts=_day(pair.starts_on))
    if pair.status is PairStatus.PAUSED:
        pause = await pair_life.open_pause(session, pair.id)
        if pause is not None:
            text += texts.PAIR_CARD_PAUSED.format(
                since=_local_day(pause.paused_at, timezone), reason=esc(pause.reason)
            )
    if pair.status in (PairStatus.PROPOSED, PairStatus.DECLINED):
        current = await proposals.answers_of(session, loaded)
        text += texts.PAIR_CARD_ANSWERS.format(
            answers=", ".join(
                f"{texts.ANSWER_MARKS[a.accepted]} {esc(a.person.full_name)}"
                for a in current.answers
            )
        )
        for answer in current.answers:
            if answer.accepted is False:
                text += texts.PAIR_CARD_DECLINED.format(
                    name=esc(answer.person.full_name), reason=esc(answer.reason or "")
                )
    history = await pairs.mentor_history(session, pair.id)
    if len(history) > 1:
        text += texts.PAIR_CARD_MENTORS.format(
            history="; ".join(
                (texts.PAIR_CARD_MENTOR_SPAN if until else texts.PAIR_CARD_MENTOR_NOW).format(
                    name=esc(name),
                    since=_local_day(since, timezone),
                    until=_local_day(until, timezone),
                )
                for name, since, until in history
            )
        )
    if pair.stop_reason:
        text += texts.PAIR_CARD_STOP_REASON.format(reason=esc(pair.stop_reason))
    trend = await pulse.trend(session, pair.id)
    if trend:
        text += PULSE_TREND.format(trend=" → ".join(decimal(mean) for mean in trend))
    for name, score, reflection in await pairs.final_reflections(session, pair.id):
        text += texts.PAIR_CARD_REFLECTION.format(
            name=esc(name), score=score, text=esc(shorten(reflection, 300))
        )
    person = actor.require_person()
    # the pair's own school's curator: not the curator of a mentor from another school
    curator = actor.is_curator_of(pair.organization_id)
    participant = person.id in {p.id for p in loaded.people}
    worked = pair.status not in (PairStatus.PROPOSED, PairStatus.DECLINED)
    offers = keyboards.CardButtons(
        programme=worked and pairs.has_programme(pair.kind),
        work=worked,
        notes=worked and (participant or curator),
        see_mentees=curator or person.id == loaded.mentor.id,
        reflect=participant and pair.status is PairStatus.COMPLETED,
        manage=curator and pair.status in pairs.LIVE_STATUSES,
        paused=pair.status is PairStatus.PAUSED,
        mentor_id=loaded.mentor.id,
        statement=worked and (curator or person.id == loaded.mentor.id),
        recognize=worked and curator,
    )
    markup = keyboards.pair_card(
        pair.id, [(mentee.id, mentee.full_name) for mentee in loaded.mentees], offers
    )
    return text, markup


async def render_pairs(
    session: AsyncSession, actor: Actor, page_number: int, mine: bool, only: str = ""
) -> tuple[str, InlineKeyboardMarkup | None]:
    if mine:
        page = await pairs.list_my_pairs(session, actor, page_number)
    else:
        page = await pairs.list_pairs(session, actor, page_number, only)
    if not page.total:
        if only:
            return texts.PAIRS_FILTER_EMPTY, keyboards.pairs_list(page, [], mine, only)
        return (texts.MY_PAIRS_EMPTY if mine else texts.PAIRS_EMPTY), None
    mentee_ids = {m.mentee_id for pair in page.items for m in pair.members if m.left_at is None}
    names = await pairs.names(session, {pair.mentor_id for pair in page.items} | mentee_ids)
    lines = [texts.PAIRS_HEADER.format(total=page.total, page=page.number + 1, pages=page.pages)]
    labels = []
    for offset, pair in enumerate(page.items):
        members = [names[m.mentee_id] for m in pair.members if m.left_at is None]
        labels.append((pair.id, pairs.title(pair, names)))
        lines.append(
            texts.PAIR_LINE.format(
                number=page.first + offset,
                kind=KIND_NAMES[pair.kind],
                mentor=esc(names[pair.mentor_id]),
                mentees=esc(", ".join(members)),
                status=PAIR_STATUS_NAMES[pair.status],
            )
        )
    markup = keyboards.pairs_list(page, labels, mine, only)
    if only:
        lines[0] += texts.PAIRS_FILTER_SHOWN.format(filter=_filter_name(only, names))
    return "\n".join(lines), markup


def _filter_name(only: str, names: dict[int, str]) -> str:
    if only.startswith("m") and only[1:].isdigit():
        return texts.PAIRS_FILTER_MENTOR.format(name=esc(names.get(int(only[1:]), "")))
    return texts.PAIRS_FILTERS.get(only) or KIND_NAMES[MentorshipKind(only)]


# --- lists and the card -----------------------------------------------------------------------


@handlers.message(Command("pairs"))
async def pairs_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_pairs(session, actor, 0, mine=False)
    await message.answer(text, reply_markup=markup)


@handlers.message(Command("my_pairs"))
async def my_pairs_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_pairs(session, actor, 0, mine=True)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action.in_({MenuAction.PAIRS, MenuAction.MY_PAIRS})))
async def pairs_button(
    callback: CallbackQuery, callback_data: MenuCb, session: AsyncSession, actor: Actor
) -> None:
    mine = callback_data.action == "my_pairs"
    text, markup = await render_pairs(session, actor, 0, mine=mine)
    await send(callback, text, markup)


@handlers.callback_query(PairsPageCb.filter())
async def pairs_page(
    callback: CallbackQuery, callback_data: PairsPageCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_pairs(
        session, actor, callback_data.page, callback_data.mine, callback_data.only
    )
    await answer_quietly(callback)
    await edit(callback, text, markup)


async def render_unpaired(
    session: AsyncSession, actor: Actor, page_number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    page = await pairs.unpaired_mentees(session, actor, page_number)
    if not page.total:
        return texts.UNPAIRED_EMPTY, None
    types = await staff.mentee_types_of(session, [person.id for person in page.items])
    lines = []
    for offset, person in enumerate(page.items):
        kinds = sorted(MENTEE_TYPE_NAMES[kind].lower() for kind in types.get(person.id, ()))
        about = f" — {', '.join(kinds)}" if kinds else ""
        lines.append(f"{page.first + offset}. {esc(person.full_name)}{about}")
    text = texts.UNPAIRED_HEADER.format(
        total=page.total, page=page.number + 1, pages=page.pages, names="\n".join(lines)
    )
    return text, keyboards.unpaired(page, [(p.id, p.full_name) for p in page.items])


@handlers.message(Command("unpaired"))
async def unpaired_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_unpaired(session, actor, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.UNPAIRED))
async def unpaired_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_unpaired(session, actor, 0)
    await send(callback, text, markup)


@handlers.callback_query(UnpairedPageCb.filter())
async def unpaired_page(
    callback: CallbackQuery, callback_data: UnpairedPageCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_unpaired(session, actor, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(PairCb.filter(F.action == PairAction.OPEN))
async def open_pair(
    callback: CallbackQuery, callback_data: PairCb, session: AsyncSession, actor: Actor
) -> None:
    loaded = await pairs.get_pair(session, actor, callback_data.pair_id, reading=True)
    person = actor.require_person()
    if person.id not in {p.id for p in loaded.people}:
        await audit.record(
            session,
            actor,
            "pair_card",
            organization_id=loaded.pair.organization_id,
            object_type="pair",
            object_id=loaded.pair.id,
        )
    text, markup = await render_card(session, actor, loaded)
    await answer_quietly(callback)
    await edit(callback, text, markup)


# --- the pair's life: pause, the curator's message, completion, an early stop -----------------


async def _tell_everyone(session: AsyncSession, loaded: pairs.PairView, text: str) -> int:
    reached = 0
    for person in loaded.people:
        reached += await deliver(session, person, text, keyboards.open_pair(loaded.pair.id))
    return reached


@handlers.callback_query(PairCb.filter(F.action == PairAction.PAUSE))
async def ask_pause_reason(
    callback: CallbackQuery,
    callback_data: PairCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    loaded = await pairs.managed_pair(session, actor, callback_data.pair_id)
    pairs.require_working(loaded.pair)
    data: PairNoteData = {"pair_id": callback_data.pair_id}
    prompt = texts.PAIR_ASK_PAUSE_REASON
    await ask_for_text(callback, state, PairChange.pause_reason, prompt, PAIR_NOTE, data)


@handlers.message(StateFilter(PairChange.pause_reason), ANSWER)
async def pause_reason_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await PAIR_NOTE.get(state, "pair_id"))["pair_id"]
    loaded = await pair_life.pause(session, actor, pair_id, message.text)
    await state.clear()
    await message.answer(texts.PAIR_PAUSED)
    text, markup = await render_card(session, actor, loaded)
    await message.answer(text, reply_markup=markup)
    notice = texts.PAIR_NOTICE_PAUSED.format(
        pair=pair_title(loaded), reason=esc(message.text or "")
    )
    for person in loaded.people:
        await deliver(session, person, notice)


@handlers.callback_query(PairCb.filter(F.action == PairAction.RESUME))
async def resume(
    callback: CallbackQuery, callback_data: PairCb, session: AsyncSession, actor: Actor
) -> None:
    loaded = await pair_life.resume(session, actor, callback_data.pair_id)
    await answer_quietly(callback, texts.PAIR_RESUMED)
    text, markup = await render_card(session, actor, loaded)
    await edit(callback, text, markup)
    notice = texts.PAIR_NOTICE_RESUMED.format(pair=pair_title(loaded))
    for person in loaded.people:
        await deliver(session, person, notice)


@handlers.callback_query(PairCb.filter(F.action == PairAction.MESSAGE))
async def ask_message(
    callback: CallbackQuery,
    callback_data: PairCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await pair_life.check_can_message(session, actor, callback_data.pair_id)
    data: PairNoteData = {"pair_id": callback_data.pair_id}
    await ask_for_text(callback, state, PairChange.message, texts.PAIR_ASK_MESSAGE, PAIR_NOTE, data)


@handlers.message(StateFilter(PairChange.message), ANSWER)
async def message_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await PAIR_NOTE.get(state, "pair_id"))["pair_id"]
    loaded = await pair_life.check_can_message(session, actor, pair_id)
    text = pair_life.curator_message(message.text)
    await state.clear()
    notice = texts.PAIR_MESSAGE_NOTICE.format(
        name=esc(actor.require_person().full_name), id=pair_id, text=esc(text)
    )
    reached = await _tell_everyone(session, loaded, notice)
    await message.answer(texts.PAIR_MESSAGE_SENT.format(count=reached))


@handlers.callback_query(PairCb.filter(F.action == PairAction.COMPLETE))
async def ask_complete(
    callback: CallbackQuery, callback_data: PairCb, session: AsyncSession, actor: Actor
) -> None:
    await pairs.active_managed_pair(session, actor, callback_data.pair_id)
    await send(
        callback, texts.PAIR_CONFIRM_COMPLETE, keyboards.confirm_complete(callback_data.pair_id)
    )


async def ask_reflections(session: AsyncSession, loaded: pairs.PairView) -> None:
    """The pair is complete: each participant is asked for satisfaction and a reflection."""
    notice = texts.PAIR_NOTICE_COMPLETED.format(pair=pair_title(loaded))
    for person in loaded.people:
        await deliver(session, person, notice, keyboards.reflection_scores(loaded.pair.id))


@handlers.callback_query(PairCb.filter(F.action == PairAction.COMPLETE_YES))
async def complete(
    callback: CallbackQuery, callback_data: PairCb, session: AsyncSession, actor: Actor
) -> None:
    loaded = await pairs.finish_pair(session, actor, callback_data.pair_id, completed=True)
    await answer_quietly(callback)
    text, markup = await render_card(session, actor, loaded)
    await edit(callback, text, markup)
    await ask_reflections(session, loaded)


@handlers.callback_query(PairCb.filter(F.action == PairAction.STOP))
async def ask_stop_reason(
    callback: CallbackQuery,
    callback_data: PairCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await pairs.active_managed_pair(session, actor, callback_data.pair_id)
    data: PairNoteData = {"pair_id": callback_data.pair_id}
    prompt = texts.PAIR_ASK_STOP_REASON
    await ask_for_text(callback, state, PairChange.stop_reason, prompt, PAIR_NOTE, data)


@handlers.message(StateFilter(PairChange.stop_reason), ANSWER)
async def stop_reason_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await PAIR_NOTE.get(state, "pair_id"))["pair_id"]
    loaded = await pairs.finish_pair(session, actor, pair_id, completed=False, reason=message.text)
    await state.clear()
    text, markup = await render_card(session, actor, loaded)
    await message.answer(text, reply_markup=markup)
    notice = texts.PAIR_NOTICE_STOPPED.format(
        pair=pair_title(loaded), reason=esc(loaded.pair.stop_reason or "")
    )
    for person in loaded.people:
        await deliver(session, person, notice)


# --- final reflections ------------------------------------------------------------------------


@handlers.callback_query(ReflectionScoreCb.filter())
async def reflection_score(
    callback: CallbackQuery,
    callback_data: ReflectionScoreCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await pairs.check_can_reflect(session, actor, callback_data.pair_id, callback_data.score)
    # A new message, so the notice keeps its buttons if this dialogue is cancelled.
    data: PairNoteData = {"pair_id": callback_data.pair_id, "score": callback_data.score}
    prompt = texts.PAIR_ASK_REFLECTION
    await ask_for_text(callback, state, PairReflection.text, prompt, PAIR_NOTE, data)


@handlers.callback_query(PairCb.filter(F.action == PairAction.REFLECT))
async def ask_reflection_score(
    callback: CallbackQuery, callback_data: PairCb, session: AsyncSession, actor: Actor
) -> None:
    """From a completed pair's card: the satisfaction question again, for whoever missed it."""
    await pairs.check_can_reflect(session, actor, callback_data.pair_id, score=5)
    loaded = await pairs.get_pair(session, actor, callback_data.pair_id)
    await send(
        callback,
        texts.PAIR_NOTICE_COMPLETED.format(pair=pair_title(loaded)),
        keyboards.reflection_scores(callback_data.pair_id),
    )


@handlers.message(StateFilter(PairReflection.text), ANSWER)
async def reflection_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await PAIR_NOTE.get(state, "pair_id", "score")
    await pairs.record_final_reflection(
        session, actor, data["pair_id"], data["score"], message.text
    )
    await state.clear()
    await message.answer(texts.PAIR_REFLECTION_SAVED)
