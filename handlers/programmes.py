"""The personalised programme of a pair: its card with the roadmap and progress, the mentor's
aim and activities (title, difficulty, due date, expected result), marking an activity done,
the mentees' reflections, mentees' proposals to change the programme; the curator's approval
of a draft, and the programme as a document for the mentor and the curator."""

from datetime import date
from typing import Required

from aiogram import F
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot import documents
from bot.callbacks.programmes import (
    ActivityAction,
    ActivityCb,
    ActivityDifficultyCb,
    ProgrammeAction,
    ProgrammeCb,
)
from bot.delivery import deliver
from bot.dialogue import Dialogue, NotWhatTheStepTakes, Step, typed_choice
from bot.keyboards import programmes as keyboards
from bot.keyboards.common import cancel
from bot.replies import Say, anew, answer_quietly, ask_for_text, edit, in_place, send, send_file
from bot.routing import Handlers
from bot.services import pairs, programmes
from bot.services.access import Actor
from bot.texts import programmes as texts
from bot.texts.vocabulary import (
    ACTIVITY_ICONS,
    DIFFICULTY_CATEGORY_BUTTONS,
    LIST_MORE,
    esc,
    shorten,
)
from handlers.pairs import pair_title
from models import Programme, ProgrammeActivity
from models.enums import ActivityStatus, ProgrammeStatus

handlers = Handlers("programmes")


class ProgrammeForm(StatesGroup):
    aim = Step(texts.EXPECT_AIM, starts=True)
    proposal = Step(texts.EXPECT_PROPOSAL, starts=True)


class ActivityForm(StatesGroup):
    title = Step(texts.EXPECT_ACTIVITY_TITLE, starts=True)
    difficulty = Step(texts.EXPECT_ACTIVITY_DIFFICULTY)
    due = Step(texts.EXPECT_ACTIVITY_DUE)
    expected = Step(texts.EXPECT_ACTIVITY_EXPECTED)
    result = Step(texts.EXPECT_ACTIVITY_RESULT, starts=True)
    reflection = Step(texts.EXPECT_ACTIVITY_REFLECTION, starts=True)


class ProgrammeData(TypedDict, total=False):
    """The pair whose programme is being written, and a new activity's answers."""

    pair_id: Required[int]
    title: str
    difficulty_id: int | None
    due_on: date


class ActivityAnswerData(TypedDict):
    activity_id: int


PROGRAMME = Dialogue(ProgrammeData)
ACTIVITY_ANSWER = Dialogue(ActivityAnswerData)

ANSWER = F.text & ~F.text.startswith("/")
# A message holds 4096 characters and 100 buttons: long roadmaps show their first part.
SHOWN_ACTIVITIES = 30
TITLE_SHOWN = 90
SHOWN_DIFFICULTIES = 20


def _state_of(activity: ProgrammeActivity, current: programmes.ProgrammeView) -> str:
    if activity.status is ActivityStatus.DONE:
        return "done"
    return "overdue" if programmes.is_overdue(activity, current.today) else "due"


def _approval(programme: Programme, timezone: str) -> str:
    if programme.status is ProgrammeStatus.DRAFT or programme.approved_at is None:
        return texts.PROGRAMME_DRAFT_STATE
    return texts.PROGRAMME_APPROVED_STATE.format(
        day=pairs.local_today(timezone, programme.approved_at).strftime("%d.%m.%Y")
    )


def _is_draft(current: programmes.ProgrammeView) -> bool:
    return current.programme is not None and current.programme.status is ProgrammeStatus.DRAFT


def render_programme(
    actor: Actor, current: programmes.ProgrammeView
) -> tuple[str, InlineKeyboardMarkup]:
    pair = current.pair
    person = actor.require_person()
    title = pair_title(pair)
    shown = current.activities[:SHOWN_ACTIVITIES]
    markup = keyboards.programme(
        pair.pair.id,
        [(activity.id, activity.title) for activity in shown],
        mentor=person.id == pair.mentor.id,
        mentee=person.id in {mentee.id for mentee in pair.mentees},
        exists=current.programme is not None,
        curator=actor.is_curator_of(pair.pair.organization_id),
        draft=_is_draft(current),
    )
    if current.programme is None:
        return texts.PROGRAMME_NONE.format(pair=title), markup
    lines = [
        texts.ACTIVITY_LINE.format(
            number=number,
            icon=ACTIVITY_ICONS[_state_of(activity, current)],
            title=esc(shorten(activity.title, TITLE_SHOWN)),
            due=activity.due_on.strftime("%d.%m.%Y"),
        )
        for number, activity in enumerate(shown, start=1)
    ]
    if len(current.activities) > len(shown):
        lines.append(LIST_MORE.format(more=len(current.activities) - len(shown)))
    progress = current.progress()
    text = texts.PROGRAMME_CARD.format(
        pair=title,
        starts=current.programme.starts_on.strftime("%d.%m.%Y"),
        ends=current.programme.ends_on.strftime("%d.%m.%Y"),
        approval=_approval(current.programme, person.organization.timezone),
        aim=esc(current.programme.aim),
        done=progress.done,
        total=progress.total,
        due=progress.due,
        overdue=progress.overdue,
        activities="\n".join(lines) or texts.PROGRAMME_NO_ACTIVITIES,
    )
    return text, markup


async def render_activity(
    session: AsyncSession, actor: Actor, activity_id: int
) -> tuple[str, InlineKeyboardMarkup]:
    current, activity = await programmes.get_activity(session, actor, activity_id)
    state = _state_of(activity, current)
    difficulty = await programmes.activity_difficulty(session, actor, activity)
    text = texts.ACTIVITY_CARD.format(
        icon=ACTIVITY_ICONS[state],
        title=esc(activity.title),
        due=activity.due_on.strftime("%d.%m.%Y"),
        status=texts.ACTIVITY_STATUS[state],
        difficulty=esc(difficulty.description) if difficulty else texts.ACTIVITY_NO_DIFFICULTY,
        expected=esc(activity.expected_result or ""),
    )
    if activity.result:
        text += texts.ACTIVITY_RESULT.format(result=esc(activity.result))
    for name, reflection in await programmes.reflections(session, activity.id):
        text += texts.ACTIVITY_REFLECTION.format(name=esc(name), text=esc(reflection))
    person = actor.require_person()
    participants = {current.pair.mentor.id} | {m.id for m in current.pair.mentees}
    is_mentee = person.id in {m.id for m in current.pair.mentees}
    if state != "done" and person.id in participants:
        text += texts.ACTIVITY_WHO_FINISHES
    markup = keyboards.activity(
        activity.id,
        current.pair.pair.id,
        can_finish=state != "done" and person.id in participants,
        can_reflect=state == "done" and is_mentee,
    )
    return text, markup


@handlers.callback_query(ProgrammeCb.filter(F.action == ProgrammeAction.OPEN))
async def open_programme(
    callback: CallbackQuery, callback_data: ProgrammeCb, session: AsyncSession, actor: Actor
) -> None:
    current = await programmes.view(session, actor, callback_data.pair_id)
    text, markup = render_programme(actor, current)
    await answer_quietly(callback)
    await edit(callback, text, markup)


async def _show_programme(
    message: Message, session: AsyncSession, actor: Actor, pair_id: int
) -> None:
    current = await programmes.view(session, actor, pair_id)
    text, markup = render_programme(actor, current)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(ProgrammeCb.filter(F.action == ProgrammeAction.APPROVE))
async def approve(
    callback: CallbackQuery, callback_data: ProgrammeCb, session: AsyncSession, actor: Actor
) -> None:
    current = await programmes.approve(session, actor, callback_data.pair_id)
    await answer_quietly(callback, texts.PROGRAMME_APPROVED_NOW)
    notice = texts.PROGRAMME_APPROVED_NOTICE.format(pair=pair_title(current.pair))
    for person in current.pair.people:
        await deliver(session, person, notice)
    text, markup = render_programme(
        actor, await programmes.view(session, actor, callback_data.pair_id)
    )
    await edit(callback, text, markup)


@handlers.callback_query(ProgrammeCb.filter(F.action == ProgrammeAction.DOCUMENT))
async def programme_file(
    callback: CallbackQuery,
    callback_data: ProgrammeCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    data = await programmes.document(session, actor, callback_data.pair_id)
    await send_file(
        callback,
        documents.programme.build(data),
        f"programme_{callback_data.pair_id}.docx",
        texts.PROGRAMME_FILE_CAPTION.format(pair=pair_title(data.current.pair)),
    )


@handlers.callback_query(ProgrammeCb.filter(F.action == ProgrammeAction.AIM))
async def ask_aim(
    callback: CallbackQuery,
    callback_data: ProgrammeCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await programmes.as_mentor(session, actor, callback_data.pair_id)
    data: ProgrammeData = {"pair_id": callback_data.pair_id}
    await ask_for_text(callback, state, ProgrammeForm.aim, texts.PROGRAMME_ASK_AIM, PROGRAMME, data)


@handlers.message(StateFilter(ProgrammeForm.aim), ANSWER)
async def aim_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await PROGRAMME.get(state))["pair_id"]
    await programmes.set_aim(session, actor, pair_id, message.text)
    await state.clear()
    await _show_programme(message, session, actor, pair_id)


@handlers.callback_query(ProgrammeCb.filter(F.action == ProgrammeAction.ADD))
async def ask_title(
    callback: CallbackQuery,
    callback_data: ProgrammeCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    current = await programmes.as_mentor(session, actor, callback_data.pair_id)
    if current.programme is None:
        await send(callback, texts.PROGRAMME_NEEDS_AIM)
        return
    data: ProgrammeData = {"pair_id": callback_data.pair_id}
    await ask_for_text(
        callback, state, ActivityForm.title, texts.ACTIVITY_ASK_TITLE, PROGRAMME, data
    )


@handlers.message(StateFilter(ActivityForm.title), ANSWER)
async def title_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await PROGRAMME.get(state)
    data["title"] = programmes.activity_title(message.text)
    await PROGRAMME.set(state, data)
    choices = await _difficulty_choices(session, actor, data["pair_id"])
    await state.set_state(ActivityForm.difficulty)
    await message.answer(
        texts.ACTIVITY_ASK_DIFFICULTY,
        reply_markup=keyboards.activity_difficulties(list(choices.items())),
    )


async def _difficulty_choices(session: AsyncSession, actor: Actor, pair_id: int) -> dict[int, str]:
    """The mentees' difficulties an activity may address (the latest), by id."""
    difficulties = await programmes.mentee_difficulties(session, actor, pair_id)
    return {
        item.id: f"{DIFFICULTY_CATEGORY_BUTTONS[item.category]}: {item.description}"
        for item in difficulties[-SHOWN_DIFFICULTIES:]
    }


async def _difficulty_chosen(
    say: Say, difficulty_id: int, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    """A difficulty, or 0: the activity is tied to none."""
    data = await PROGRAMME.get(state)
    data["difficulty_id"] = difficulty_id or None
    await programmes.check_difficulty(session, actor, data["pair_id"], data["difficulty_id"])
    await PROGRAMME.set(state, data)
    await state.set_state(ActivityForm.due)
    await say(texts.ACTIVITY_ASK_DUE, cancel())


@handlers.callback_query(StateFilter(ActivityForm.difficulty), ActivityDifficultyCb.filter())
async def difficulty_chosen(
    callback: CallbackQuery,
    callback_data: ActivityDifficultyCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _difficulty_chosen(in_place(callback), callback_data.difficulty_id, state, session, actor)


@handlers.message(StateFilter(ActivityForm.difficulty), ANSWER)
async def difficulty_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await PROGRAMME.get(state))["pair_id"]
    choices: dict[int, str] = await _difficulty_choices(session, actor, pair_id)
    chosen = typed_choice(message.text, {0: texts.BUTTON_NO_DIFFICULTY} | choices)
    if chosen is None:
        raise NotWhatTheStepTakes(ActivityForm.difficulty)
    await _difficulty_chosen(anew(message), chosen, state, session, actor)


@handlers.message(StateFilter(ActivityForm.due), ANSWER)
async def due_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await PROGRAMME.get(state)
    data["due_on"] = await programmes.due_date(session, actor, data["pair_id"], message.text)
    await PROGRAMME.set(state, data)
    await state.set_state(ActivityForm.expected)
    await message.answer(texts.ACTIVITY_ASK_EXPECTED, reply_markup=cancel())


@handlers.message(StateFilter(ActivityForm.expected), ANSWER)
async def expected_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await PROGRAMME.get(state)
    await programmes.add_activity(
        session,
        actor,
        data["pair_id"],
        title=data["title"],
        difficulty_id=data["difficulty_id"],
        due_on=data["due_on"],
        expected_result=message.text or "",
    )
    await state.clear()
    await message.answer(texts.ACTIVITY_SAVED)
    await _show_programme(message, session, actor, data["pair_id"])


@handlers.callback_query(ActivityCb.filter(F.action == ActivityAction.OPEN))
async def open_activity(
    callback: CallbackQuery, callback_data: ActivityCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_activity(session, actor, callback_data.activity_id)
    await answer_quietly(callback)
    await edit(callback, text, markup)


# What an activity's «done» and «reflect» buttons ask for: the check before asking, the state
# of the answer and the prompt; and what records the answer.
ACTIVITY_QUESTIONS = {
    ActivityAction.DONE: (
        programmes.check_can_finish,
        ActivityForm.result,
        texts.ACTIVITY_ASK_RESULT,
    ),
    ActivityAction.REFLECT: (
        programmes.check_can_reflect,
        ActivityForm.reflection,
        texts.ACTIVITY_ASK_REFLECTION,
    ),
}
ACTIVITY_ANSWERS = {
    ActivityForm.result.state: programmes.mark_done,
    ActivityForm.reflection.state: programmes.add_reflection,
}


@handlers.callback_query(ActivityCb.filter(F.action.in_(ACTIVITY_QUESTIONS)))
async def ask_about_activity(
    callback: CallbackQuery,
    callback_data: ActivityCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    check, next_state, prompt = ACTIVITY_QUESTIONS[callback_data.action]
    await check(session, actor, callback_data.activity_id)
    data: ActivityAnswerData = {"activity_id": callback_data.activity_id}
    await ask_for_text(callback, state, next_state, prompt, ACTIVITY_ANSWER, data)


@handlers.message(StateFilter(ActivityForm.result, ActivityForm.reflection), ANSWER)
async def activity_answer_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    record = ACTIVITY_ANSWERS[await state.get_state() or ""]
    activity_id = (await ACTIVITY_ANSWER.get(state))["activity_id"]
    await record(session, actor, activity_id, message.text)
    await state.clear()
    text, markup = await render_activity(session, actor, activity_id)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(ProgrammeCb.filter(F.action == ProgrammeAction.PROPOSE))
async def ask_proposal(
    callback: CallbackQuery,
    callback_data: ProgrammeCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await programmes.check_can_propose(session, actor, callback_data.pair_id)
    data: ProgrammeData = {"pair_id": callback_data.pair_id}
    prompt = texts.PROGRAMME_ASK_PROPOSAL
    await ask_for_text(callback, state, ProgrammeForm.proposal, prompt, PROGRAMME, data)


@handlers.message(StateFilter(ProgrammeForm.proposal), ANSWER)
async def proposal_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    pair_id = (await PROGRAMME.get(state))["pair_id"]
    current, feedback = await programmes.propose_change(session, actor, pair_id, message.text)
    await state.clear()
    await message.answer(texts.PROGRAMME_PROPOSAL_SENT)
    await deliver(
        session,
        current.pair.mentor,
        texts.PROGRAMME_PROPOSAL_NOTICE.format(
            name=esc(actor.require_person().full_name),
            pair=pair_title(current.pair),
            text=esc(feedback.text or ""),
        ),
        keyboards.open_programme(pair_id),
    )
