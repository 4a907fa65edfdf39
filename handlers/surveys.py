"""Questionnaires: a participant answers theirs question by question (buttons for a scale or a
choice, typed text for a free answer); the curator's /surveys — each questionnaire on or off,
anonymous or not, a question of their own, and the results with a chart."""

from aiogram import Bot, F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot import charts
from bot.callbacks.common import SkipCb
from bot.callbacks.surveys import (
    QuestionKindCb,
    SurveyAdminAction,
    SurveyAdminCb,
    SurveyAnswerCb,
    SurveyStartCb,
)
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards import surveys as keyboards
from bot.keyboards.common import cancel
from bot.replies import Say, anew, answer_quietly, edit, in_place, send
from bot.routing import Handlers
from bot.services import surveys
from bot.services.access import Actor
from bot.texts import surveys as texts
from bot.texts.common import BUTTON_SKIP
from bot.texts.vocabulary import decimal, esc
from models.enums import QuestionKind, SurveyAudience, SurveyMilestone

handlers = Handlers("surveys")

ANSWER = F.text & ~F.text.startswith("/")


class SurveyForm(StatesGroup):
    text = Step(texts.EXPECT_SURVEY_TEXT, starts=True)


class SurveyData(TypedDict):
    response_id: int
    index: int


SURVEY = Dialogue(SurveyData)


class QuestionForm(StatesGroup):
    kind = Step(texts.EXPECT_QUESTION_KIND, starts=True)
    text = Step(texts.EXPECT_QUESTION_TEXT)
    options = Step(texts.EXPECT_QUESTION_OPTIONS)


class QuestionData(TypedDict, total=False):
    audience: SurveyAudience
    milestone: SurveyMilestone
    kind: QuestionKind
    text: str


QUESTION = Dialogue(QuestionData)
QUESTION_KIND_TYPED = dict(texts.QUESTION_KIND_NAMES)


# --- answering -------------------------------------------------------------------------------


async def _show(say: Say, state: FSMContext, step: surveys.Step) -> None:
    """The next question, or the thanks when none is left."""
    question = step.question
    await state.clear()
    if question is None:
        await say(texts.SURVEY_DONE)
        return
    text = texts.SURVEY_QUESTION.format(
        number=step.index + 1, total=len(step.questionnaire.questions), text=esc(question.text)
    )
    if question.kind is QuestionKind.SCALE:
        text += texts.SURVEY_SCALE_HINT
    elif question.kind is QuestionKind.TEXT:
        text += texts.SURVEY_TEXT_HINT
        await state.set_state(SurveyForm.text)
        await SURVEY.set(state, {"response_id": step.response.id, "index": step.index})
    await say(text, keyboards.answers(step.response.id, step.index, question))


@handlers.callback_query(SurveyStartCb.filter())
async def start(
    callback: CallbackQuery,
    callback_data: SurveyStartCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    step = await surveys.start(session, actor, callback_data.pair_id, callback_data.milestone)
    await answer_quietly(callback)
    await _show(in_place(callback), state, step)


@handlers.callback_query(SurveyAnswerCb.filter())
async def answered(
    callback: CallbackQuery,
    callback_data: SurveyAnswerCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    step = await surveys.answer(
        session, actor, callback_data.response_id, callback_data.index, value=callback_data.value
    )
    await _show(in_place(callback), state, step)


async def _text_given(
    say: Say, state: FSMContext, session: AsyncSession, actor: Actor, text: str | None
) -> None:
    data = await SURVEY.get(state, "response_id", "index")
    step = await surveys.answer(session, actor, data["response_id"], data["index"], text=text)
    await _show(say, state, step)


@handlers.message(StateFilter(SurveyForm.text), TypedChoice({True: BUTTON_SKIP}))
async def text_skipped_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _text_given(anew(message), state, session, actor, None)


@handlers.message(StateFilter(SurveyForm.text), ANSWER)
async def text_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _text_given(anew(message), state, session, actor, message.text)


@handlers.callback_query(StateFilter(SurveyForm.text), SkipCb.filter())
async def text_skipped(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _text_given(in_place(callback), state, session, actor, None)


# --- the curator's ---------------------------------------------------------------------------


async def render_list(
    session: AsyncSession, actor: Actor
) -> tuple[str, list[tuple[surveys.Questionnaire, str]]]:
    rows = []
    for audience in SurveyAudience:
        for milestone in SurveyMilestone:
            current = await surveys.for_curator(session, actor, audience, milestone)
            label = texts.SURVEY_ROW.format(
                state=texts.SURVEY_ON if current.enabled else texts.SURVEY_OFF_MARK,
                audience=texts.AUDIENCE_NAMES[audience],
                milestone=texts.MILESTONE_NAMES[milestone],
                anonymous=texts.SURVEY_ROW_ANONYMOUS if current.anonymous else "",
            )
            rows.append((current, label))
    return texts.SURVEYS_HEADER, rows


@handlers.message(Command("surveys"))
async def surveys_command(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    text, rows = await render_list(session, actor)
    await state.clear()
    await message.answer(text, reply_markup=keyboards.questionnaires(rows))


def render_card(current: surveys.Questionnaire) -> str:
    lines = [
        texts.SURVEY_QUESTION_LINE.format(
            number=number, text=esc(question.text), kind=texts.QUESTION_KIND_NAMES[question.kind]
        )
        for number, question in enumerate(current.questions, start=1)
    ]
    return texts.SURVEY_CARD.format(
        audience=texts.AUDIENCE_NAMES[current.audience],
        milestone=texts.MILESTONE_NAMES[current.milestone],
        state=texts.SURVEY_STATE_ON if current.enabled else texts.SURVEY_STATE_OFF,
        anonymous=texts.SURVEY_ANONYMOUS_STATE if current.anonymous else texts.SURVEY_NAMED,
        questions="\n".join(lines),
    )


@handlers.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.LIST))
async def list_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, rows = await render_list(session, actor)
    await answer_quietly(callback)
    await edit(callback, text, keyboards.questionnaires(rows))


CHANGES = {
    SurveyAdminAction.TOGGLE: surveys.toggle,
    SurveyAdminAction.ANONYMOUS: surveys.toggle_anonymous,
}


@handlers.callback_query(SurveyAdminCb.filter(F.action.in_({SurveyAdminAction.OPEN, *CHANGES})))
async def open_card(
    callback: CallbackQuery, callback_data: SurveyAdminCb, session: AsyncSession, actor: Actor
) -> None:
    change = CHANGES.get(callback_data.action)
    if change is not None:
        await change(session, actor, callback_data.audience, callback_data.milestone)
    current = await surveys.for_curator(
        session, actor, callback_data.audience, callback_data.milestone
    )
    await answer_quietly(callback)
    await edit(callback, render_card(current), keyboards.card(current))


def render_results(results: surveys.Results) -> str:
    current = results.questionnaire
    text = texts.RESULTS_HEADER.format(
        audience=texts.AUDIENCE_NAMES[current.audience],
        milestone=texts.MILESTONE_NAMES[current.milestone],
        completed=results.completed,
        invited=results.invited,
        rate=round(results.rate * 100),
    )
    for result in results.questions:
        question = esc(result.question.text)
        if result.question.kind is QuestionKind.SCALE:
            bars = ", ".join(
                texts.RESULTS_SCALE_BAR.format(value=score, count=result.scores.get(score, 0))
                for score in surveys.SCALE
            )
            mean = result.mean
            text += texts.RESULTS_SCALE.format(
                text=question,
                bars=bars,
                mean=decimal(mean) if mean is not None else texts.RESULTS_NO_DATA,
            )
        elif result.question.kind is QuestionKind.CHOICE:
            lines = "\n".join(
                texts.RESULTS_CHOICE_LINE.format(
                    option=esc(option), count=result.choices.get(option, 0)
                )
                for option in result.question.options
            )
            text += texts.RESULTS_CHOICE.format(text=question, lines=lines)
        else:
            shown = "".join(
                texts.RESULTS_TEXT_LINE.format(
                    who=f"{esc(who)}: " if who else "", answer=esc(answer)
                )
                for who, answer in result.texts[: surveys.TEXT_SHOWN]
            )
            text += texts.RESULTS_TEXT.format(text=question, count=len(result.texts), answers=shown)
    return text


@handlers.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.RESULTS))
async def results_button(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    results = await surveys.curator_results(
        session, actor, callback_data.audience, callback_data.milestone
    )
    await answer_quietly(callback)
    await bot.send_message(
        callback.from_user.id,
        render_results(results),
        reply_markup=keyboards.back_to(callback_data.audience, callback_data.milestone),
    )
    image = charts.survey(results)
    if image is not None:
        await bot.send_photo(callback.from_user.id, BufferedInputFile(image, filename="survey.png"))


@handlers.callback_query(SurveyAdminCb.filter(F.action == SurveyAdminAction.ADD))
async def ask_kind(
    callback: CallbackQuery,
    callback_data: SurveyAdminCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await surveys.check_can_add(session, actor, callback_data.audience, callback_data.milestone)
    await state.clear()
    await state.set_state(QuestionForm.kind)
    await QUESTION.set(
        state, {"audience": callback_data.audience, "milestone": callback_data.milestone}
    )
    await send(callback, texts.SURVEY_ASK_KIND, keyboards.question_kinds())


async def _kind_chosen(say: Say, state: FSMContext, actor: Actor, kind: QuestionKind) -> None:
    actor.require_curator()
    data = await QUESTION.get(state, "audience", "milestone")
    data["kind"] = kind
    await QUESTION.set(state, data)
    await state.set_state(QuestionForm.text)
    await say(texts.SURVEY_ASK_TEXT, cancel())


@handlers.callback_query(StateFilter(QuestionForm.kind), QuestionKindCb.filter())
async def kind_pressed(
    callback: CallbackQuery, callback_data: QuestionKindCb, state: FSMContext, actor: Actor
) -> None:
    await _kind_chosen(in_place(callback), state, actor, callback_data.kind)


@handlers.message(StateFilter(QuestionForm.kind), TypedChoice(QUESTION_KIND_TYPED))
async def kind_typed(
    message: Message, choice: QuestionKind, state: FSMContext, actor: Actor
) -> None:
    await _kind_chosen(anew(message), state, actor, choice)


async def _save(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    choices: list[str] | None,
) -> None:
    data = await QUESTION.get(state, "audience", "milestone", "kind", "text")
    await surveys.add_question(
        session, actor, data["audience"], data["milestone"], data["kind"], data["text"], choices
    )
    await state.clear()
    await message.answer(texts.SURVEY_QUESTION_SAVED)
    current = await surveys.for_curator(session, actor, data["audience"], data["milestone"])
    await message.answer(render_card(current), reply_markup=keyboards.card(current))


@handlers.message(StateFilter(QuestionForm.text), ANSWER)
async def question_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await QUESTION.get(state, "audience", "milestone", "kind")
    data["text"] = surveys.question_text(message.text)
    await QUESTION.set(state, data)
    if data["kind"] is QuestionKind.CHOICE:
        await state.set_state(QuestionForm.options)
        await message.answer(texts.SURVEY_ASK_OPTIONS, reply_markup=cancel())
        return
    await _save(message, state, session, actor, None)


@handlers.message(StateFilter(QuestionForm.options), ANSWER)
async def options_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _save(message, state, session, actor, surveys.options(message.text))
