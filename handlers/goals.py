"""Short-term goals: the pair's list, a new goal (for whom, what, by when, how we will know,
tied to a difficulty or activity), the goal card, the mentee's progress notes and «reached»,
and the mentor's confirmation, return with a comment, or withdrawal."""

from __future__ import annotations

from datetime import date
from typing import Required

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.goals import (
    GoalAction,
    GoalCb,
    GoalLinkCb,
    GoalLinkKind,
    GoalMenteeCb,
    PairGoalsAction,
    PairGoalsCb,
)
from bot.callbacks.menu import MenuAction, MenuCb
from bot.delivery import deliver
from bot.dialogue import Dialogue, NotWhatTheStepTakes, Step, typed_choice
from bot.keyboards import goals as keyboards
from bot.keyboards.common import cancel
from bot.replies import Say, anew, answer_quietly, ask_for_text, edit, in_place, send
from bot.routing import Handlers
from bot.services import goals, pairs
from bot.services.access import Actor
from bot.texts import goals as texts
from bot.texts.vocabulary import GOAL_STATE_ICONS, GOAL_STATE_NAMES, esc, local_time, shorten
from handlers.pairs import pair_title
from models.enums import GoalStatus, PairStatus

handlers = Handlers("goals")


class GoalForm(StatesGroup):
    mentee = Step(texts.EXPECT_MENTEE, starts=True)
    title = Step(texts.EXPECT_TITLE, starts=True)
    due = Step(texts.EXPECT_DUE)
    criteria = Step(texts.EXPECT_CRITERIA)
    link = Step(texts.EXPECT_LINK)


class GoalFormData(TypedDict, total=False):
    pair_id: Required[int]
    mentee_id: int
    title: str
    due_on: date
    criteria: str


class GoalAnswer(StatesGroup):
    progress = Step(texts.EXPECT_PROGRESS, starts=True)
    give_back = Step(texts.EXPECT_GIVE_BACK, starts=True)


class GoalAnswerData(TypedDict):
    goal_id: int


GOAL_FORM = Dialogue(GoalFormData)
GOAL_ANSWER = Dialogue(GoalAnswerData)

ANSWER = F.text & ~F.text.startswith("/")
TITLE_SHOWN = 80
NOTE_SHOWN = 200  # ten notes of the history on a card, within Telegram's 4096


def _actions(actor: Actor, view: goals.GoalView) -> list[GoalAction]:
    person = actor.require_person()
    status = view.goal.status
    actions: list[GoalAction] = []
    if person.id == view.goal.mentee_id and status is GoalStatus.OPEN:
        actions += [GoalAction.PROGRESS, GoalAction.SUBMIT]
    if person.id == view.pair.mentor.id:
        if status is GoalStatus.SUBMITTED:
            actions += [GoalAction.CONFIRM, GoalAction.GIVE_BACK]
        if status in {GoalStatus.OPEN, GoalStatus.SUBMITTED}:
            actions.append(GoalAction.WITHDRAW)
    return actions


async def render_goal(
    session: AsyncSession, actor: Actor, view: goals.GoalView
) -> tuple[str, InlineKeyboardMarkup]:
    goal = view.goal
    text = texts.GOAL_CARD.format(
        icon=GOAL_STATE_ICONS[view.state],
        title=esc(goal.title),
        mentee=esc(view.mentee.full_name),
        due=goal.due_on.strftime("%d.%m.%Y"),
        state=GOAL_STATE_NAMES[view.state],
        criteria=esc(goal.success_criteria or ""),
        percent=goal.progress_percent,
    )
    difficulties, activities = await goals.links(session, view.pair, goal.mentee_id)
    linked = [d.description for d in difficulties if d.id == goal.difficulty_id] + [
        a.title for a in activities if a.id == goal.activity_id
    ]
    if linked:
        text += texts.GOAL_CARD_LINK.format(link=esc(shorten(linked[0], 120)))
    history = await goals.progress_history(session, goal.id)
    if history:
        text += texts.GOAL_CARD_HISTORY
        timezone = view.pair.mentor.organization.timezone
        for name, entry in history:
            note = str(goals.ProgressReport(percent=entry.percent, note=entry.note))
            text += texts.GOAL_HISTORY_LINE.format(
                when=local_time(entry.created_at, timezone),
                name=esc(name),
                note=esc(shorten(note, NOTE_SHOWN)),
            )
    markup = keyboards.goal_card(goal.id, goal.pair_id, _actions(actor, view))
    return text, markup


async def render_goals(
    session: AsyncSession, actor: Actor, pair_id: int, page_number: int
) -> tuple[str, InlineKeyboardMarkup]:
    page = await goals.list_goals(session, actor, pair_id, page_number)
    loaded = await pairs.get_pair(session, actor, pair_id)
    title = pair_title(loaded)
    person = actor.require_person()
    participant = person.id == loaded.mentor.id or person.id in {m.id for m in loaded.mentees}
    can_add = participant and loaded.pair.status is PairStatus.ACTIVE
    labels = [(goal.id, goal.title) for goal in page.items]
    markup = keyboards.goals_list(page, labels, pair_id, can_add=can_add)
    if not page.total:
        return texts.GOALS_EMPTY.format(pair=title), markup
    today = pairs.local_today(loaded.mentor.organization.timezone)
    lines = [
        texts.GOALS_HEADER.format(
            pair=title, total=page.total, page=page.number + 1, pages=page.pages
        )
    ]
    for offset, goal in enumerate(page.items):
        state = "overdue" if goals.is_overdue(goal, today) else goal.status.value
        lines.append(
            texts.GOAL_LINE.format(
                number=page.first + offset,
                icon=GOAL_STATE_ICONS[state],
                title=esc(shorten(goal.title, TITLE_SHOWN)),
                due=goal.due_on.strftime("%d.%m.%Y"),
                percent=goal.progress_percent,
            )
        )
    return "\n".join(lines), markup


async def _my_goals(session: AsyncSession, actor: Actor) -> tuple[str, InlineKeyboardMarkup | None]:
    """The goals of one's pair, «Новая цель» a tap away; with several pairs, a choice first."""
    mine = await pairs.my_active_pairs(session, actor, as_mentor_only=False)
    if not mine:
        return texts.GOALS_NO_PAIR, None
    if len(mine) == 1:
        return await render_goals(session, actor, mine[0][0], 0)
    return texts.GOALS_CHOOSE_PAIR, keyboards.goal_pairs(mine)


@handlers.message(Command("goals"))
async def goals_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await _my_goals(session, actor)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.GOALS))
async def goals_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, markup = await _my_goals(session, actor)
    await send(callback, text, markup)


@handlers.callback_query(PairGoalsCb.filter(F.action == PairGoalsAction.LIST))
async def goals_page(
    callback: CallbackQuery, callback_data: PairGoalsCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_goals(session, actor, callback_data.pair_id, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(GoalCb.filter(F.action == GoalAction.OPEN))
async def open_goal(
    callback: CallbackQuery, callback_data: GoalCb, session: AsyncSession, actor: Actor
) -> None:
    view = await goals.get(session, actor, callback_data.goal_id)
    text, markup = await render_goal(session, actor, view)
    await answer_quietly(callback)
    await edit(callback, text, markup)


async def _show(message: Message, session: AsyncSession, actor: Actor, goal_id: int) -> None:
    view = await goals.get(session, actor, goal_id)
    text, markup = await render_goal(session, actor, view)
    await message.answer(text, reply_markup=markup)


# --- a new goal -------------------------------------------------------------------------------


@handlers.callback_query(PairGoalsCb.filter(F.action == PairGoalsAction.NEW))
async def start_new(
    callback: CallbackQuery,
    callback_data: PairGoalsCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    mentees = await goals.mentee_choices(session, actor, callback_data.pair_id)
    await state.clear()
    data: GoalFormData = {"pair_id": callback_data.pair_id}
    if len(mentees) > 1:
        await state.set_state(GoalForm.mentee)
        await GOAL_FORM.set(state, data)
        choices = [(mentee.id, mentee.full_name) for mentee in mentees]
        await send(callback, texts.GOAL_ASK_MENTEE, keyboards.goal_mentees(choices))
        return
    data["mentee_id"] = mentees[0].id
    await state.set_state(GoalForm.title)
    await GOAL_FORM.set(state, data)
    await send(callback, texts.GOAL_ASK_TITLE, cancel())


async def _mentee_chosen(
    say: Say, mentee_id: int, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await GOAL_FORM.get(state)
    await goals.check_can_set(session, actor, data["pair_id"], mentee_id)
    data["mentee_id"] = mentee_id
    await GOAL_FORM.set(state, data)
    await state.set_state(GoalForm.title)
    await say(texts.GOAL_ASK_TITLE, cancel())


@handlers.callback_query(StateFilter(GoalForm.mentee), GoalMenteeCb.filter())
async def mentee_chosen(
    callback: CallbackQuery,
    callback_data: GoalMenteeCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _mentee_chosen(in_place(callback), callback_data.mentee_id, state, session, actor)


@handlers.message(StateFilter(GoalForm.mentee), ANSWER)
async def mentee_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    mentees = await goals.mentee_choices(session, actor, (await GOAL_FORM.get(state))["pair_id"])
    chosen = typed_choice(message.text, {mentee.id: mentee.full_name for mentee in mentees})
    if chosen is None:
        raise NotWhatTheStepTakes(GoalForm.mentee)
    await _mentee_chosen(anew(message), chosen, state, session, actor)


@handlers.message(StateFilter(GoalForm.title), ANSWER)
async def title_typed(message: Message, state: FSMContext) -> None:
    data = await GOAL_FORM.get(state)
    data["title"] = goals.title(message.text)
    await GOAL_FORM.set(state, data)
    await state.set_state(GoalForm.due)
    await message.answer(texts.GOAL_ASK_DUE, reply_markup=cancel())


@handlers.message(StateFilter(GoalForm.due), ANSWER)
async def due_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await GOAL_FORM.get(state)
    data["due_on"] = await goals.due_date(session, actor, data["pair_id"], message.text)
    await GOAL_FORM.set(state, data)
    await state.set_state(GoalForm.criteria)
    await message.answer(texts.GOAL_ASK_CRITERIA, reply_markup=cancel())


@handlers.message(StateFilter(GoalForm.criteria), ANSWER)
async def criteria_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await GOAL_FORM.get(state)
    data["criteria"] = goals.criteria(message.text)
    await GOAL_FORM.set(state, data)
    choices = await _links(session, actor, data)
    if not choices:
        await _create(message, state, session, actor, None, None)
        return
    await state.set_state(GoalForm.link)
    await message.answer(texts.GOAL_ASK_LINK, reply_markup=keyboards.goal_links(choices))


async def _links(
    session: AsyncSession, actor: Actor, data: GoalFormData
) -> list[tuple[GoalLinkKind, int, str]]:
    """What the goal may be tied to: the mentee's difficulties and programme activities."""
    loaded = await goals.check_can_set(session, actor, data["pair_id"], data["mentee_id"])
    difficulties, activities = await goals.links(session, loaded, data["mentee_id"])
    return [(GoalLinkKind.DIFFICULTY, d.id, d.description) for d in difficulties] + [
        (GoalLinkKind.ACTIVITY, a.id, a.title) for a in activities
    ]


@handlers.message(StateFilter(GoalForm.link), ANSWER)
async def link_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    links = await _links(session, actor, await GOAL_FORM.get(state))
    choices: dict[tuple[GoalLinkKind, int], str] = {(k, i): label for k, i, label in links}
    choices[(GoalLinkKind.NONE, 0)] = texts.GOAL_NO_LINK
    chosen = typed_choice(message.text, choices)
    if chosen is None:
        raise NotWhatTheStepTakes(GoalForm.link)
    kind, item_id = chosen
    difficulty_id = item_id if kind is GoalLinkKind.DIFFICULTY else None
    activity_id = item_id if kind is GoalLinkKind.ACTIVITY else None
    await _create(message, state, session, actor, difficulty_id, activity_id)


@handlers.callback_query(StateFilter(GoalForm.link), GoalLinkCb.filter())
async def link_chosen(
    callback: CallbackQuery,
    callback_data: GoalLinkCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    kind = callback_data.kind
    difficulty_id = callback_data.item_id if kind is GoalLinkKind.DIFFICULTY else None
    activity_id = callback_data.item_id if kind is GoalLinkKind.ACTIVITY else None
    await answer_quietly(callback)
    assert isinstance(callback.message, Message)
    await _create(callback.message, state, session, actor, difficulty_id, activity_id)


async def _create(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    difficulty_id: int | None,
    activity_id: int | None,
) -> None:
    data = await GOAL_FORM.get(state)
    view = await goals.create(
        session,
        actor,
        data["pair_id"],
        mentee_id=data["mentee_id"],
        title_text=data["title"],
        due_on=data["due_on"],
        criteria_text=data["criteria"],
        difficulty_id=difficulty_id,
        activity_id=activity_id,
    )
    await state.clear()
    await message.answer(texts.GOAL_CREATED)
    await _show(message, session, actor, view.goal.id)
    person = actor.require_person()
    other = view.mentee if person.id != view.mentee.id else view.pair.mentor
    notice = texts.GOAL_NEW_NOTICE.format(
        name=esc(person.full_name),
        title=esc(view.goal.title),
        due=view.goal.due_on.strftime("%d.%m.%Y"),
    )
    await deliver(session, other, notice, keyboards.open_goal(view.goal.id))


# --- progress and review ----------------------------------------------------------------------


# What a goal's «progress» and «give back» buttons ask: the check before asking, the state
# of the answer and the prompt.
GOAL_QUESTIONS = {
    GoalAction.PROGRESS: (goals.check_can_report, GoalAnswer.progress, texts.GOAL_ASK_PROGRESS),
    GoalAction.GIVE_BACK: (goals.check_can_return, GoalAnswer.give_back, texts.GOAL_ASK_RETURN),
}


@handlers.callback_query(GoalCb.filter(F.action.in_(GOAL_QUESTIONS)))
async def ask_about_goal(
    callback: CallbackQuery,
    callback_data: GoalCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    check, next_state, prompt = GOAL_QUESTIONS[callback_data.action]
    await check(session, actor, callback_data.goal_id)
    data: GoalAnswerData = {"goal_id": callback_data.goal_id}
    await ask_for_text(callback, state, next_state, prompt, GOAL_ANSWER, data)


@handlers.message(StateFilter(GoalAnswer.progress), ANSWER)
async def progress_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    goal_id = (await GOAL_ANSWER.get(state))["goal_id"]
    view, report = await goals.report_progress(session, actor, goal_id, message.text)
    await state.clear()
    await message.answer(texts.GOAL_PROGRESS_SAVED)
    await _show(message, session, actor, goal_id)
    notice = texts.GOAL_PROGRESS_NOTICE.format(
        name=esc(view.mentee.full_name),
        title=esc(view.goal.title),
        note=esc(str(report)),
    )
    await deliver(session, view.pair.mentor, notice, keyboards.open_goal(goal_id))


@handlers.callback_query(GoalCb.filter(F.action == GoalAction.SUBMIT))
async def submit(
    callback: CallbackQuery, callback_data: GoalCb, session: AsyncSession, actor: Actor
) -> None:
    view = await goals.submit(session, actor, callback_data.goal_id)
    await answer_quietly(callback, texts.GOAL_SUBMITTED)
    text, markup = await render_goal(session, actor, view)
    await edit(callback, text, markup)
    notice = texts.GOAL_SUBMITTED_NOTICE.format(
        name=esc(view.mentee.full_name), title=esc(view.goal.title)
    )
    await deliver(session, view.pair.mentor, notice, keyboards.goal_review(view.goal.id))


@handlers.callback_query(GoalCb.filter(F.action == GoalAction.CONFIRM))
async def confirm(
    callback: CallbackQuery, callback_data: GoalCb, session: AsyncSession, actor: Actor
) -> None:
    view = await goals.confirm(session, actor, callback_data.goal_id)
    await answer_quietly(callback)
    text, markup = await render_goal(session, actor, view)
    await edit(callback, text, markup)
    notice = texts.GOAL_CONFIRMED_NOTICE.format(title=esc(view.goal.title))
    await deliver(session, view.mentee, notice, keyboards.open_goal(view.goal.id))


@handlers.message(StateFilter(GoalAnswer.give_back), ANSWER)
async def give_back_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    goal_id = (await GOAL_ANSWER.get(state))["goal_id"]
    view = await goals.give_back(session, actor, goal_id, message.text)
    await state.clear()
    await _show(message, session, actor, goal_id)
    notice = texts.GOAL_RETURNED_NOTICE.format(
        title=esc(view.goal.title), comment=esc(message.text or "")
    )
    await deliver(session, view.mentee, notice, keyboards.open_goal(goal_id))


@handlers.callback_query(GoalCb.filter(F.action == GoalAction.WITHDRAW))
async def withdraw(
    callback: CallbackQuery, callback_data: GoalCb, session: AsyncSession, actor: Actor
) -> None:
    view = await goals.withdraw(session, actor, callback_data.goal_id)
    await answer_quietly(callback, texts.GOAL_WITHDRAWN)
    text, markup = await render_goal(session, actor, view)
    await edit(callback, text, markup)
    notice = texts.GOAL_WITHDRAWN_NOTICE.format(title=esc(view.goal.title))
    await deliver(session, view.mentee, notice)
