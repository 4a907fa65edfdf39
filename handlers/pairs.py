"""Pairs and groups: the curator's five-step wizard (mentor, mentees, form, role model,
period), the lists (all pairs, one's own pairs, mentees without a pair), the pair card, changing
the mentor, completing with final reflections, and stopping early with a reason."""

from typing import Required, TypeVar

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
    PairsPageCb,
    PairWizardCb,
    PairWizardStep,
    PickCb,
    PickPurpose,
    ReflectionScoreCb,
    UnpairedPageCb,
)
from bot.delivery import deliver
from bot.dialogue import Dialogue, Step
from bot.keyboards import pairs as keyboards
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import audit, pairs
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.texts import pairs as texts
from bot.texts.common import STALE_BUTTON
from bot.texts.vocabulary import FORM_NAMES, PAIR_STATUS_NAMES, ROLE_MODEL_NAMES, esc, shorten
from models import Person
from models.enums import MentorshipForm, PairStatus, Role, RoleModel

handlers = Handlers("pairs")

ANSWER = F.text & ~F.text.startswith("/")
Choice = TypeVar("Choice", MentorshipForm, RoleModel)


class PairWizard(StatesGroup):
    mentor = Step(texts.EXPECT_MENTOR, starts=True)
    mentees = Step(texts.EXPECT_MENTEES)
    form = Step(texts.EXPECT_FORM)
    model = Step(texts.EXPECT_MODEL)
    period = Step(texts.EXPECT_PERIOD)
    confirm = Step(texts.EXPECT_CONFIRM)


class PairChange(StatesGroup):
    new_mentor = Step(texts.EXPECT_NEW_MENTOR, starts=True)
    stop_reason = Step(texts.EXPECT_STOP_REASON, starts=True)


class PairReflection(StatesGroup):
    text = Step(texts.EXPECT_FINAL_REFLECTION, starts=True)


class PickerData(TypedDict, total=False):
    """The wizard's answers, or the pair whose mentor is being changed; and the people list's
    search and page."""

    query: str
    page: int
    mentor_id: int
    mentee_ids: list[int]
    form: MentorshipForm
    model: RoleModel
    months: int
    pair_id: int  # changing the mentor of this pair


class PairNoteData(TypedDict, total=False):
    pair_id: Required[int]
    score: int  # the final reflection's satisfaction


PICKER = Dialogue(PickerData)
PAIR_NOTE = Dialogue(PairNoteData)
# each people list's purpose, and the dialogue step that shows it
PICKER_STATES = {
    PickPurpose.MENTOR: PairWizard.mentor,
    PickPurpose.MENTEES: PairWizard.mentees,
    PickPurpose.NEW_MENTOR: PairChange.new_mentor,
}


# --- rendering --------------------------------------------------------------------------------


def _name(person: Person, *, contact: bool = False) -> str:
    name = esc(person.full_name)
    if contact and person.share_contact and person.username:
        name += texts.PAIR_CONTACT.format(contact=f"@{esc(person.username)}")
    return name


def _dates(loaded: pairs.PairView) -> dict[str, str]:
    return {
        "starts": loaded.pair.starts_on.strftime("%d.%m.%Y"),
        "ends": loaded.pair.ends_on.strftime("%d.%m.%Y"),
    }


def _kind(loaded: pairs.PairView) -> str:
    return texts.PAIR_KIND_GROUP if len(loaded.mentees) > 1 else texts.PAIR_KIND_PAIR


def pair_title(loaded: pairs.PairView) -> str:
    return f"{_kind(loaded)} №{loaded.pair.id}"


async def render_card(
    session: AsyncSession, actor: Actor, loaded: pairs.PairView
) -> tuple[str, InlineKeyboardMarkup]:
    pair = loaded.pair
    text = texts.PAIR_CARD.format(
        kind=_kind(loaded),
        id=pair.id,
        status=PAIR_STATUS_NAMES[pair.status],
        form=FORM_NAMES[pair.form],
        model=ROLE_MODEL_NAMES[pair.role_model],
        mentor=_name(loaded.mentor, contact=True),
        mentees=", ".join(_name(mentee, contact=True) for mentee in loaded.mentees),
        **_dates(loaded),
    )
    if pair.stop_reason:
        text += texts.PAIR_CARD_STOP_REASON.format(reason=esc(pair.stop_reason))
    for name, score, reflection in await pairs.final_reflections(session, pair.id):
        text += texts.PAIR_CARD_REFLECTION.format(
            name=esc(name), score=score, text=esc(shorten(reflection, 300))
        )
    person = actor.require_person()
    curator = Role.CURATOR in person.role_set
    participant = person.id == loaded.mentor.id or person.id in {m.id for m in loaded.mentees}
    markup = keyboards.pair_card(
        pair.id,
        [(mentee.id, mentee.full_name) for mentee in loaded.mentees],
        manage=curator and pair.status is PairStatus.ACTIVE,
        see_mentees=curator or person.id == loaded.mentor.id,
        reflect=participant and pair.status is PairStatus.COMPLETED,
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
        labels.append((pair.id, f"{names[pair.mentor_id]} → {', '.join(members)}"))
        lines.append(
            texts.PAIR_LINE.format(
                number=page.first + offset,
                form=FORM_NAMES[pair.form],
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
    return texts.PAIRS_FILTERS.get(only) or FORM_NAMES[MentorshipForm(only)]


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
            mentor=_name(mentor), query=shown, count=len(data.get("mentee_ids", []))
        )
    else:
        text = texts.PAIR_CHOOSE_NEW_MENTOR.format(query=shown)
    if not page.total:
        text += texts.PAIR_NOBODY_FOUND
    if any(person.telegram_id is None for person in page.items):
        text += texts.NOT_JOINED_LEGEND
    selected = frozenset(data.get("mentee_ids", []))
    return text, keyboards.people_picker(purpose, page, selected, data.get("pair_id", 0))


async def notify_new_pair(session: AsyncSession, loaded: pairs.PairView) -> None:
    form = FORM_NAMES[loaded.pair.form]
    await deliver(
        session,
        loaded.mentor,
        texts.PAIR_NOTICE_MENTOR.format(
            form=form,
            mentees=", ".join(_name(m, contact=True) for m in loaded.mentees),
            **_dates(loaded),
        ),
    )
    for mentee in loaded.mentees:
        await deliver(
            session,
            mentee,
            texts.PAIR_NOTICE_MENTEE.format(
                mentor=_name(loaded.mentor, contact=True), form=form, **_dates(loaded)
            ),
        )


# --- the wizard -------------------------------------------------------------------------------


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


@handlers.message(StateFilter(PairWizard.mentor, PairWizard.mentees, PairChange.new_mentor), ANSWER)
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
        loaded, previous = await pairs.change_mentor(
            session, actor, data["pair_id"], callback_data.person_id
        )
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
                texts.PAIR_NOTICE_MENTOR_CHANGED.format(mentor=_name(loaded.mentor, contact=True)),
            )
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
    await state.set_state(PairWizard.form)
    await answer_quietly(callback)
    await edit(callback, texts.PAIR_WIZARD_FORM, keyboards.forms())


@handlers.callback_query(
    StateFilter(PairWizard.form), PairWizardCb.filter(F.step == PairWizardStep.FORM)
)
async def form_chosen(
    callback: CallbackQuery, callback_data: PairWizardCb, state: FSMContext, actor: Actor
) -> None:
    actor.require_curator()
    form = _parse(MentorshipForm, callback_data.value)
    data = await PICKER.get(state)
    pairs.check_form(form, len(data.get("mentee_ids", [])))
    await PICKER.update(state, {"form": form})
    await state.set_state(PairWizard.model)
    await answer_quietly(callback)
    await edit(callback, texts.PAIR_WIZARD_MODEL, keyboards.role_models())


@handlers.callback_query(
    StateFilter(PairWizard.model), PairWizardCb.filter(F.step == PairWizardStep.MODEL)
)
async def model_chosen(
    callback: CallbackQuery, callback_data: PairWizardCb, state: FSMContext, actor: Actor
) -> None:
    actor.require_curator()
    model = _parse(RoleModel, callback_data.value)
    await PICKER.update(state, {"model": model})
    await state.set_state(PairWizard.period)
    await answer_quietly(callback)
    await edit(callback, texts.PAIR_WIZARD_PERIOD, keyboards.periods())


async def _summary(session: AsyncSession, actor: Actor, data: PickerData) -> str:
    mentor = await pairs.check_mentor(session, actor, data["mentor_id"])
    mentees = [await pairs.check_mentee(session, actor, item) for item in data["mentee_ids"]]
    return texts.PAIR_WIZARD_CONFIRM.format(
        mentor=_name(mentor),
        mentees=", ".join(_name(mentee) for mentee in mentees),
        form=FORM_NAMES[data["form"]],
        model=ROLE_MODEL_NAMES[data["model"]],
        months=data["months"],
    )


async def _period_chosen(session: AsyncSession, actor: Actor, state: FSMContext, raw: str) -> str:
    actor.require_curator()
    if not raw.strip().isdigit():
        raise ValidationFailed(texts.PAIR_BAD_PERIOD)
    months = int(raw)
    pairs.check_period(months)
    data = await PICKER.update(state, {"months": months})
    await state.set_state(PairWizard.confirm)
    return await _summary(session, actor, data)


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
    summary = await _period_chosen(session, actor, state, callback_data.value)
    await answer_quietly(callback)
    await edit(callback, summary, keyboards.pair_confirm())


@handlers.message(StateFilter(PairWizard.period), ANSWER)
async def period_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    summary = await _period_chosen(session, actor, state, message.text or "")
    await message.answer(summary, reply_markup=keyboards.pair_confirm())


@handlers.callback_query(
    StateFilter(PairWizard.confirm), PairWizardCb.filter(F.step == PairWizardStep.CONFIRM)
)
async def confirmed(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await PICKER.get(state)
    loaded = await pairs.create_pair(
        session,
        actor,
        mentor_id=data["mentor_id"],
        mentee_ids=data["mentee_ids"],
        form=data["form"],
        role_model=data["model"],
        months=data["months"],
    )
    await state.clear()
    await answer_quietly(callback, texts.PAIR_CREATED)
    text, markup = await render_card(session, actor, loaded)
    await edit(callback, text, markup)
    await notify_new_pair(session, loaded)


def _parse(enum: type[Choice], value: str) -> Choice:
    try:
        return enum(value)
    except ValueError:
        raise ValidationFailed(texts.PAIR_WIZARD_EXPIRED) from None


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
    names = "\n".join(
        f"{page.first + offset}. {esc(person.full_name)}"
        for offset, person in enumerate(page.items)
    )
    text = texts.UNPAIRED_HEADER.format(
        total=page.total, page=page.number + 1, pages=page.pages, names=names
    )
    return text, keyboards.unpaired(page)


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
    loaded = await pairs.get_pair(session, actor, callback_data.pair_id)
    person = actor.require_person()
    if person.id != loaded.mentor.id and person.id not in {m.id for m in loaded.mentees}:
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


# --- changes by the curator -------------------------------------------------------------------


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
    await state.set_state(PairChange.new_mentor)
    data: PickerData = {"pair_id": callback_data.pair_id, "query": "", "page": 0}
    await PICKER.set(state, data)
    text, markup = await render_picker(session, actor, PickPurpose.NEW_MENTOR, data)
    await send(callback, text, markup)


@handlers.callback_query(PairCb.filter(F.action == PairAction.COMPLETE))
async def ask_complete(
    callback: CallbackQuery, callback_data: PairCb, session: AsyncSession, actor: Actor
) -> None:
    await pairs.active_managed_pair(session, actor, callback_data.pair_id)
    await send(
        callback, texts.PAIR_CONFIRM_COMPLETE, keyboards.confirm_complete(callback_data.pair_id)
    )


@handlers.callback_query(PairCb.filter(F.action == PairAction.COMPLETE_YES))
async def complete(
    callback: CallbackQuery, callback_data: PairCb, session: AsyncSession, actor: Actor
) -> None:
    loaded = await pairs.finish_pair(session, actor, callback_data.pair_id, completed=True)
    await answer_quietly(callback)
    text, markup = await render_card(session, actor, loaded)
    await edit(callback, text, markup)
    notice = texts.PAIR_NOTICE_COMPLETED.format(pair=pair_title(loaded))
    for person in (loaded.mentor, *loaded.mentees):
        await deliver(session, person, notice, keyboards.reflection_scores(loaded.pair.id))


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
    pair_id = (await PAIR_NOTE.get(state))["pair_id"]
    loaded = await pairs.finish_pair(session, actor, pair_id, completed=False, reason=message.text)
    await state.clear()
    text, markup = await render_card(session, actor, loaded)
    await message.answer(text, reply_markup=markup)
    notice = texts.PAIR_NOTICE_STOPPED.format(
        pair=pair_title(loaded), reason=esc(loaded.pair.stop_reason or "")
    )
    for person in (loaded.mentor, *loaded.mentees):
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
    data = await PAIR_NOTE.get(state)
    await pairs.record_final_reflection(
        session, actor, data["pair_id"], data["score"], message.text
    )
    await state.clear()
    await message.answer(texts.PAIR_REFLECTION_SAVED)
