"""Forming a pair or group: the curator's wizard (mentor, mentees, kind, form, role model, the
help request of a situational pair, the start day, the period) that ends in a proposal the
participants accept; the ranked mentors suggested for a mentee without a pair, which start the
wizard with both chosen; and the picker that changes a pair's mentor."""

from datetime import date, datetime, timedelta
from typing import TypeVar

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.pairs import (
    PairAction,
    PairCb,
    PairWizardCb,
    PairWizardStep,
    PickCb,
    PickPurpose,
    SuggestCb,
    SuggestPickCb,
)
from bot.delivery import deliver
from bot.dialogue import Dialogue, NotWhatTheStepTakes, Step, TypedChoice, typed_choice
from bot.keyboards import pairs as keyboards
from bot.replies import Say, anew, answer_quietly, edit, in_place, send
from bot.routing import Handlers
from bot.services import matching, pairs, validation
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.texts import matching as matching_texts
from bot.texts import pairs as texts
from bot.texts.common import STALE_BUTTON
from bot.texts.vocabulary import (
    FORM_NAMES,
    KIND_NAMES,
    ROLE_MODEL_NAMES,
    esc,
)
from handlers.pairs import name_of, pair_title, render_card
from handlers.proposals import send_proposal
from models.enums import MentorshipForm, MentorshipKind, Role, RoleModel

handlers = Handlers("pair_wizard")

ANSWER = F.text & ~F.text.startswith("/")


class PairWizard(StatesGroup):
    mentor = Step(texts.EXPECT_MENTOR, starts=True)
    mentees = Step(texts.EXPECT_MENTEES)
    kind = Step(texts.EXPECT_KIND)
    form = Step(texts.EXPECT_FORM)
    model = Step(texts.EXPECT_MODEL)
    request = Step(texts.EXPECT_REQUEST)
    start = Step(texts.EXPECT_START)
    period = Step(texts.EXPECT_PERIOD)
    confirm = Step(texts.EXPECT_CONFIRM)


class MentorChange(StatesGroup):
    new_mentor = Step(texts.EXPECT_NEW_MENTOR, starts=True)


class PickerData(TypedDict, total=False):
    """The wizard's answers, or the pair whose mentor is being changed; and the people list's
    search and page."""

    query: str
    page: int
    mentor_id: int
    mentee_ids: list[int]
    kind: MentorshipKind
    form: MentorshipForm
    model: RoleModel
    request_id: int
    starts_on: date
    months: int
    pair_id: int  # changing the mentor of this pair


PICKER = Dialogue(PickerData)
# each people list's purpose, and the dialogue step that shows it
PICKER_STATES = {
    PickPurpose.MENTOR: PairWizard.mentor,
    PickPurpose.MENTEES: PairWizard.mentees,
    PickPurpose.NEW_MENTOR: MentorChange.new_mentor,
}


# --- the people picker ------------------------------------------------------------------------


async def render_picker(
    session: AsyncSession, actor: Actor, purpose: PickPurpose, data: PickerData
) -> tuple[str, InlineKeyboardMarkup]:
    role = Role.MENTEE if purpose is PickPurpose.MENTEES else Role.MENTOR
    query = data.get("query") or None
    page = await pairs.search_people(session, actor, role, query, data.get("page", 0))
    shown = texts.PAIR_SEARCH_SHOWN.format(query=esc(query)) if query else ""
    if purpose is PickPurpose.MENTOR:
        text = texts.PAIR_WIZARD_MENTOR.format(query=shown)
    elif purpose is PickPurpose.MENTEES:
        mentor = await pairs.check_mentor(session, actor, data["mentor_id"])
        text = texts.PAIR_WIZARD_MENTEES.format(
            mentor=name_of(mentor), query=shown, count=len(data.get("mentee_ids", []))
        )
    else:
        text = texts.PAIR_CHOOSE_NEW_MENTOR.format(query=shown)
    if not page.total:
        text += texts.PAIR_NOBODY_FOUND
    if any(person.telegram_id is None for person in page.items):
        text += texts.NOT_JOINED_LEGEND
    selected = frozenset(data.get("mentee_ids", []))
    return text, keyboards.people_picker(purpose, page, selected, data.get("pair_id", 0))


async def _start_wizard(
    session: AsyncSession, actor: Actor, state: FSMContext
) -> tuple[str, InlineKeyboardMarkup]:
    actor.require_curator()
    await state.clear()
    await state.set_state(PairWizard.mentor)
    data: PickerData = {"query": "", "page": 0, "mentee_ids": []}
    await PICKER.set(state, data)
    return await render_picker(session, actor, PickPurpose.MENTOR, data)


@handlers.message(Command("new_pair"))
async def new_pair_command(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await _start_wizard(session, actor, state)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.NEW_PAIR))
async def new_pair_button(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await _start_wizard(session, actor, state)
    await send(callback, text, markup)


@handlers.message(
    StateFilter(PairWizard.mentor, PairWizard.mentees, MentorChange.new_mentor), ANSWER
)
async def search_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    current = await state.get_state()
    purpose = next(key for key, step in PICKER_STATES.items() if step.state == current)
    data = await PICKER.get(state)
    data.update({"query": message.text or "", "page": 0})
    text, markup = await render_picker(session, actor, purpose, data)
    await PICKER.set(state, data)  # only a search that worked replaces the list's query
    await message.answer(text, reply_markup=markup)


async def shown_in_this_step(
    _callback: CallbackQuery, callback_data: PickCb, raw_state: str | None
) -> bool:
    """A list's button counts only in the dialogue step that showed that list."""
    return PICKER_STATES[callback_data.purpose].state == raw_state


@handlers.callback_query(PickCb.filter(), shown_in_this_step)
async def picked(
    callback: CallbackQuery,
    callback_data: PickCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    purpose = callback_data.purpose
    data = await PICKER.get(state)
    if callback_data.pair_id != data.get("pair_id", 0):
        raise ValidationFailed(STALE_BUTTON)  # a list left from another dialogue
    if not callback_data.person_id:
        data["page"] = callback_data.page
    elif purpose is PickPurpose.MENTOR:
        mentor = await pairs.check_mentor(session, actor, callback_data.person_id)
        data.update({"mentor_id": mentor.id, "query": "", "page": 0})
        await state.set_state(PairWizard.mentees)
        purpose = PickPurpose.MENTEES
    elif purpose is PickPurpose.MENTEES:
        mentee = await pairs.check_mentee(session, actor, callback_data.person_id)
        chosen = list(data.get("mentee_ids", []))
        data["mentee_ids"] = (
            [item for item in chosen if item != mentee.id]
            if mentee.id in chosen
            else [*chosen, mentee.id]
        )
    else:
        await _mentor_changed(callback, state, session, actor, data, callback_data.person_id)
        return
    await PICKER.set(state, data)
    await answer_quietly(callback)
    text, markup = await render_picker(session, actor, purpose, data)
    await edit(callback, text, markup)


@handlers.callback_query(
    StateFilter(PairWizard.mentees), PairWizardCb.filter(F.step == PairWizardStep.MENTEES_DONE)
)
async def mentees_done(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    actor.require_curator()
    if not (await PICKER.get(state)).get("mentee_ids"):
        raise ValidationFailed(texts.PAIR_NEEDS_MENTEE)
    await _ask_kind(in_place(callback), state)


# --- suggested mentors ------------------------------------------------------------------------


async def render_suggestions(
    session: AsyncSession, actor: Actor, mentee_id: int, everyone: bool, beyond: bool = False
) -> tuple[str, InlineKeyboardMarkup]:
    mentee, found = await matching.suggest(
        session, actor, mentee_id, everyone=everyone, beyond=beyond
    )
    facts = await matching.mentee_facts(session, mentee)
    text = matching_texts.SUGGESTIONS_HEADER.format(
        name=esc(mentee.full_name),
        about=matching_texts.MENTEE_ABOUT.format(
            subject=esc(mentee.subject or "—"), open=sum(facts.open_difficulties.values())
        ),
    )
    for number, suggestion in enumerate(found, start=1):
        hidden = "" if suggestion.offered else matching_texts.SUGGESTION_HIDDEN
        text += (
            "\n"
            + matching_texts.SUGGESTION_LINE.format(
                number=number, name=esc(suggestion.name), reasons=", ".join(suggestion.reasons)
            )
            + hidden
        )
    if beyond:
        text += matching_texts.SUGGESTIONS_BEYOND
    if everyone:
        text += matching_texts.SUGGESTIONS_EVERYONE
    elif not found:
        text += matching_texts.SUGGESTIONS_EMPTY
    mentors = [(suggestion.person_id, suggestion.name) for suggestion in found]
    return text, keyboards.suggestions(mentee_id, mentors, everyone=everyone, beyond=beyond)


@handlers.callback_query(SuggestCb.filter())
async def suggestions(
    callback: CallbackQuery, callback_data: SuggestCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_suggestions(
        session, actor, callback_data.mentee_id, callback_data.everyone, callback_data.beyond
    )
    if callback_data.toggle:  # «показать всех» and back: the same message
        await answer_quietly(callback)
        await edit(callback, text, markup)
        return
    await send(callback, text, markup)


@handlers.callback_query(SuggestPickCb.filter())
async def suggestion_picked(
    callback: CallbackQuery,
    callback_data: SuggestPickCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    """A suggested mentor chosen: the wizard goes on from the kind, both people known."""
    mentee = await pairs.check_mentee(session, actor, callback_data.mentee_id)
    mentor = await pairs.check_mentor(session, actor, callback_data.mentor_id)
    await state.clear()
    data: PickerData = {"query": "", "page": 0, "mentor_id": mentor.id, "mentee_ids": [mentee.id]}
    await PICKER.set(state, data)
    await _ask_kind(in_place(callback), state)


# --- kind, form, role model, request, start, period -------------------------------------------


async def _ask_kind(say: Say, state: FSMContext) -> None:
    await state.set_state(PairWizard.kind)
    await say(texts.PAIR_WIZARD_KIND, keyboards.kinds())


async def _kind_chosen(
    say: Say, kind: MentorshipKind, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    actor.require_curator()
    data = await PICKER.get(state, "mentor_id", "mentee_ids")
    pairs.check_kind(kind, len(data["mentee_ids"]))
    if kind is MentorshipKind.SITUATIONAL and not await pairs.open_requests_of(
        session, data["mentee_ids"][0]
    ):
        raise ValidationFailed(texts.PAIR_SITUATIONAL_NEEDS_REQUEST)
    await PICKER.update(state, {"kind": kind})
    await state.set_state(PairWizard.form)
    await say(texts.PAIR_WIZARD_FORM, keyboards.forms())


@handlers.callback_query(
    StateFilter(PairWizard.kind), PairWizardCb.filter(F.step == PairWizardStep.KIND)
)
async def kind_chosen(
    callback: CallbackQuery,
    callback_data: PairWizardCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    kind = _parse(MentorshipKind, callback_data.value)
    await _kind_chosen(in_place(callback), kind, state, session, actor)


@handlers.message(StateFilter(PairWizard.kind), TypedChoice(texts.KIND_TYPED))
async def kind_typed(
    message: Message,
    choice: MentorshipKind,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _kind_chosen(anew(message), choice, state, session, actor)


async def _form_chosen(
    say: Say, form: MentorshipForm, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    actor.require_curator()
    await PICKER.get(state, "kind")
    await PICKER.update(state, {"form": form})
    if form is MentorshipForm.TEACHER_TEACHER:
        await state.set_state(PairWizard.model)
        await say(texts.PAIR_WIZARD_MODEL, keyboards.role_models())
        return
    await PICKER.update(state, {"model": RoleModel.OTHER})
    await _after_model(say, state, session, actor)


@handlers.callback_query(
    StateFilter(PairWizard.form), PairWizardCb.filter(F.step == PairWizardStep.FORM)
)
async def form_chosen(
    callback: CallbackQuery,
    callback_data: PairWizardCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    form = _parse(MentorshipForm, callback_data.value)
    await _form_chosen(in_place(callback), form, state, session, actor)


@handlers.message(StateFilter(PairWizard.form), TypedChoice(FORM_NAMES))
async def form_typed(
    message: Message,
    choice: MentorshipForm,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _form_chosen(anew(message), choice, state, session, actor)


async def _model_chosen(
    say: Say, model: RoleModel, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    actor.require_curator()
    await PICKER.get(state, "kind", "form")
    await PICKER.update(state, {"model": model})
    await _after_model(say, state, session, actor)


@handlers.callback_query(
    StateFilter(PairWizard.model), PairWizardCb.filter(F.step == PairWizardStep.MODEL)
)
async def model_chosen(
    callback: CallbackQuery,
    callback_data: PairWizardCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    model = _parse(RoleModel, callback_data.value)
    await _model_chosen(in_place(callback), model, state, session, actor)


@handlers.message(StateFilter(PairWizard.model), TypedChoice(ROLE_MODEL_NAMES))
async def model_typed(
    message: Message, choice: RoleModel, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _model_chosen(anew(message), choice, state, session, actor)


async def _request_choices(session: AsyncSession, data: PickerData) -> dict[int, str]:
    found = await pairs.open_requests_of(session, data["mentee_ids"][0])
    return {request.id: f"№{request.id} · {request.text[:40]}" for request in found}


async def _after_model(say: Say, state: FSMContext, session: AsyncSession, actor: Actor) -> None:
    data = await PICKER.get(state, "kind", "mentee_ids")
    if data["kind"] is MentorshipKind.SITUATIONAL:
        choices = await _request_choices(session, data)
        await state.set_state(PairWizard.request)
        await say(texts.PAIR_WIZARD_REQUEST, keyboards.requests(list(choices.items())))
        return
    await _ask_start(say, state, actor)


async def _request_chosen(
    say: Say, request_id: int, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    actor.require_curator()
    data = await PICKER.get(state, "kind", "mentee_ids")
    if request_id not in await _request_choices(session, data):
        raise ValidationFailed(texts.PAIR_SITUATIONAL_NEEDS_REQUEST)
    await PICKER.update(state, {"request_id": request_id})
    await _ask_start(say, state, actor)


@handlers.callback_query(
    StateFilter(PairWizard.request), PairWizardCb.filter(F.step == PairWizardStep.REQUEST)
)
async def request_chosen(
    callback: CallbackQuery,
    callback_data: PairWizardCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    if not callback_data.value.isdigit():
        raise ValidationFailed(texts.PAIR_WIZARD_EXPIRED)
    await _request_chosen(in_place(callback), int(callback_data.value), state, session, actor)


@handlers.message(StateFilter(PairWizard.request), ANSWER)
async def request_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    typed = (message.text or "").strip().lstrip("№").strip()
    if not typed.isdigit():
        raise NotWhatTheStepTakes(PairWizard.request)
    await _request_chosen(anew(message), int(typed), state, session, actor)


def _start_days(today: date) -> list[tuple[date, str]]:
    days = [(today, texts.PAIR_START_TODAY), (today + timedelta(days=1), texts.PAIR_START_TOMORROW)]
    monday = today + timedelta(days=7 - today.weekday())
    if monday > today + timedelta(days=1):
        days.append((monday, texts.PAIR_START_MONDAY.format(day=f"{monday:%d.%m}")))
    return days


async def _ask_start(say: Say, state: FSMContext, actor: Actor) -> None:
    today = pairs.local_today(actor.require_curator().organization.timezone)
    await state.set_state(PairWizard.start)
    await say(texts.PAIR_WIZARD_START, keyboards.starts(_start_days(today)))


async def _start_chosen(
    say: Say, day: date, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    curator = actor.require_curator()
    pairs.check_start(day, pairs.local_today(curator.organization.timezone))
    data = await PICKER.get(state, "kind")
    await PICKER.update(state, {"starts_on": day})
    allowed = pairs.PERIODS.get(data["kind"])
    if allowed is None:
        await _ask_confirm(say, state, session, actor)
        return
    await state.set_state(PairWizard.period)
    await say(
        texts.PAIR_WIZARD_PERIOD.format(low=allowed.start, high=allowed.stop - 1),
        keyboards.periods(pairs.PERIOD_CHOICES[data["kind"]]),
    )


@handlers.callback_query(
    StateFilter(PairWizard.start), PairWizardCb.filter(F.step == PairWizardStep.START)
)
async def start_chosen(
    callback: CallbackQuery,
    callback_data: PairWizardCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    try:
        day = datetime.strptime(callback_data.value, "%Y%m%d").date()
    except ValueError:
        raise ValidationFailed(texts.PAIR_WIZARD_EXPIRED) from None
    await _start_chosen(in_place(callback), day, state, session, actor)


@handlers.message(StateFilter(PairWizard.start), ANSWER)
async def start_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    today = pairs.local_today(actor.require_curator().organization.timezone)
    named = typed_choice(message.text, dict(_start_days(today)))
    day = named or validation.future_date(message.text, today)
    await _start_chosen(anew(message), day, state, session, actor)


async def _period_chosen(
    say: Say, raw: str, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    actor.require_curator()
    data = await PICKER.get(state, "kind")
    allowed = pairs.PERIODS.get(data["kind"], range(0))
    if not raw.strip().isdigit():
        raise ValidationFailed(
            texts.PAIR_BAD_PERIOD.format(low=allowed.start, high=allowed.stop - 1)
        )
    months = int(raw)
    pairs.check_period(data["kind"], months)
    await PICKER.update(state, {"months": months})
    await _ask_confirm(say, state, session, actor)


@handlers.callback_query(
    StateFilter(PairWizard.period), PairWizardCb.filter(F.step == PairWizardStep.PERIOD)
)
async def period_button(
    callback: CallbackQuery,
    callback_data: PairWizardCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _period_chosen(in_place(callback), callback_data.value, state, session, actor)


@handlers.message(StateFilter(PairWizard.period), ANSWER)
async def period_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _period_chosen(anew(message), message.text or "", state, session, actor)


# --- the proposal -----------------------------------------------------------------------------


def _proposal(data: PickerData) -> pairs.Proposal:
    return pairs.Proposal(
        mentor_id=data["mentor_id"],
        mentee_ids=data["mentee_ids"],
        kind=data["kind"],
        form=data["form"],
        role_model=data["model"],
        starts_on=data["starts_on"],
        months=data.get("months"),
        request_id=data.get("request_id"),
    )


NEEDED = ("mentor_id", "mentee_ids", "kind", "form", "model", "starts_on")


async def _ask_confirm(say: Say, state: FSMContext, session: AsyncSession, actor: Actor) -> None:
    data = await PICKER.get(state, *NEEDED)
    proposal = _proposal(data)
    mentor = await pairs.check_mentor(session, actor, proposal.mentor_id)
    mentees = [await pairs.check_mentee(session, actor, item) for item in proposal.mentee_ids]
    load = (await pairs.mentees_held(session, [mentor.id])).get(mentor.id, 0) + len(mentees)
    capacity = matching.capacity_of(mentor)
    if proposal.kind is MentorshipKind.SPEED:
        period = texts.PAIR_TERM_SPEED
    elif proposal.kind is MentorshipKind.SITUATIONAL:
        period = texts.PAIR_TERM_SITUATIONAL.format(id=proposal.request_id)
    else:
        assert proposal.months is not None
        ends = pairs.add_months(proposal.starts_on, proposal.months)
        period = texts.PAIR_TERM_MONTHS.format(months=proposal.months, ends=f"{ends:%d.%m.%Y}")
    summary = texts.PAIR_WIZARD_CONFIRM.format(
        mentor=name_of(mentor),
        mentees=", ".join(name_of(mentee) for mentee in mentees),
        kind=KIND_NAMES[proposal.kind],
        form=FORM_NAMES[proposal.form],
        model=ROLE_MODEL_NAMES[proposal.role_model],
        starts=f"{proposal.starts_on:%d.%m.%Y}",
        term=period,
        load=texts.PAIR_WIZARD_LOAD.format(load=load, capacity=capacity) if load > capacity else "",
    )
    await state.set_state(PairWizard.confirm)
    await say(summary, keyboards.pair_confirm())


async def _confirmed(say: Say, state: FSMContext, session: AsyncSession, actor: Actor) -> None:
    data = await PICKER.get(state, *NEEDED)
    loaded = await pairs.propose(session, actor, _proposal(data))
    await state.clear()
    await say.note(texts.PAIR_PROPOSED)
    text, markup = await render_card(session, actor, loaded)
    await say(text, markup)
    await send_proposal(session, loaded)


@handlers.callback_query(
    StateFilter(PairWizard.confirm), PairWizardCb.filter(F.step == PairWizardStep.CONFIRM)
)
async def confirmed(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _confirmed(in_place(callback), state, session, actor)


@handlers.message(StateFilter(PairWizard.confirm), TypedChoice({True: texts.CONFIRM_TYPED}))
async def confirmed_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _confirmed(anew(message), state, session, actor)


Choice = TypeVar("Choice", MentorshipKind, MentorshipForm, RoleModel)


def _parse(enum: type[Choice], value: str) -> Choice:
    try:
        return enum(value)
    except ValueError:
        raise ValidationFailed(texts.PAIR_WIZARD_EXPIRED) from None


# --- changing the mentor ----------------------------------------------------------------------


@handlers.callback_query(PairCb.filter(F.action == PairAction.CHANGE_MENTOR))
async def ask_new_mentor(
    callback: CallbackQuery,
    callback_data: PairCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await pairs.active_managed_pair(session, actor, callback_data.pair_id)
    await state.clear()
    await state.set_state(MentorChange.new_mentor)
    data: PickerData = {"pair_id": callback_data.pair_id, "query": "", "page": 0}
    await PICKER.set(state, data)
    text, markup = await render_picker(session, actor, PickPurpose.NEW_MENTOR, data)
    await send(callback, text, markup)


async def _mentor_changed(
    callback: CallbackQuery,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    data: PickerData,
    mentor_id: int,
) -> None:
    if "pair_id" not in data:
        raise ValidationFailed(STALE_BUTTON)
    loaded, previous = await pairs.change_mentor(session, actor, data["pair_id"], mentor_id)
    await state.clear()
    await answer_quietly(callback, texts.PAIR_MENTOR_CHANGED)
    text, markup = await render_card(session, actor, loaded)
    await edit(callback, text, markup)
    await deliver(session, loaded.mentor, texts.PAIR_NOTICE_NEW_MENTOR.format(card=text))
    await deliver(
        session, previous, texts.PAIR_NOTICE_MENTOR_REMOVED.format(pair=pair_title(loaded))
    )
    for mentee in loaded.mentees:
        await deliver(
            session,
            mentee,
            texts.PAIR_NOTICE_MENTOR_CHANGED.format(mentor=name_of(loaded.mentor, contact=True)),
        )
