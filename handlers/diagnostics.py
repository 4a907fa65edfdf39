"""Self-diagnosis: the mentee answers nine 1–5 questions (one per difficulty category) at the
start and at the end of a programme and sees the change; their mentor and curator see it too."""

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.diagnostics import SelfCheckCb, SelfCheckViewCb
from bot.callbacks.menu import MenuAction, MenuCb
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards import diagnostics as keyboards
from bot.replies import Say, anew, in_place, send
from bot.routing import Handlers
from bot.services import diagnostics
from bot.services.access import Actor
from bot.texts import diagnostics as texts
from bot.texts.vocabulary import DIFFICULTY_CATEGORIES, DIFFICULTY_CATEGORY_BUTTONS, esc
from models.enums import AssessmentStage, Role

handlers = Handlers("diagnostics")


class SelfCheck(StatesGroup):
    question = Step(texts.EXPECT_SCORE, starts=True)


class SelfCheckData(TypedDict):
    stage: AssessmentStage
    index: int  # of the question being answered


SELF_CHECK = Dialogue(SelfCheckData)
SCORES = {score: str(score) for score in range(1, 6)}


async def render_results(
    session: AsyncSession, actor: Actor, mentee_id: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    mentee, rows = await diagnostics.results(session, actor, mentee_id)

    def shown(score: int | None) -> str:
        return texts.SELF_CHECK_NO_SCORE if score is None else str(score)

    lines = []
    for row in rows:
        change = row.change
        lines.append(
            texts.SELF_CHECK_ROW.format(
                category=DIFFICULTY_CATEGORY_BUTTONS[row.category],
                start=shown(row.start),
                end=shown(row.end),
                change="" if change is None else f" ({change:+d})",
            )
        )
    text = texts.SELF_CHECK_RESULTS.format(name=esc(mentee.full_name), rows="\n".join(lines))
    own = actor.person is not None and actor.person.id == mentee.id
    if not own:
        return text, None
    if all(row.start is None and row.end is None for row in rows):
        text += texts.SELF_CHECK_HINT
    return text, keyboards.self_check_stages()


def question(stage: AssessmentStage, index: int) -> str:
    return texts.SELF_CHECK_QUESTION.format(
        stage=texts.SELF_CHECK_STAGES[stage],
        number=index + 1,
        total=len(diagnostics.CATEGORIES),
        category=DIFFICULTY_CATEGORIES[diagnostics.category_at(index)],
    )


@handlers.message(Command("self_check"))
async def self_check_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    mentee = actor.require_role(Role.MENTEE)
    text, markup = await render_results(session, actor, mentee.id)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.SELF_CHECK))
async def self_check_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    mentee = actor.require_role(Role.MENTEE)
    text, markup = await render_results(session, actor, mentee.id)
    await send(callback, text, markup)


async def _answered(
    say: Say,
    stage: AssessmentStage,
    index: int,
    score: int,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    """Record the score of question `index` (0: only show it), then the next question, or
    the results after the last."""
    mentee = actor.require_role(Role.MENTEE)
    if score:
        await diagnostics.record_score(session, actor, stage, index, score)
        index += 1
    if index < len(diagnostics.CATEGORIES):
        await state.set_state(SelfCheck.question)
        await SELF_CHECK.set(state, {"stage": stage, "index": index})
        await say(question(stage, index), keyboards.self_check_scores(stage, index))
        return
    await state.clear()
    await say.note(texts.SELF_CHECK_SAVED)
    text, markup = await render_results(session, actor, mentee.id)
    await say(text, markup)


@handlers.callback_query(SelfCheckCb.filter())
async def answer(
    callback: CallbackQuery,
    callback_data: SelfCheckCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _answered(
        in_place(callback),
        callback_data.stage,
        callback_data.index,
        callback_data.score,
        state,
        session,
        actor,
    )


@handlers.message(StateFilter(SelfCheck.question), TypedChoice(SCORES))
async def answer_typed(
    message: Message, choice: int, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await SELF_CHECK.get(state)
    await _answered(anew(message), data["stage"], data["index"], choice, state, session, actor)


@handlers.callback_query(SelfCheckViewCb.filter())
async def view(
    callback: CallbackQuery, callback_data: SelfCheckViewCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_results(session, actor, callback_data.mentee_id)
    await send(callback, text, markup)
