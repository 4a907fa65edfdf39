"""Achievements and recognitions: /achievements for a mentee or a mentor (their list, a new one
by buttons and typed text with a file if they wish), the mentee's portfolio and the mentor's
statement as documents (from /achievements or the pair's card), and the curator's recognition
of a mentor from the pair's card."""

from datetime import date
from typing import Required

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot import documents
from bot.callbacks.achievements import (
    AchievementKindCb,
    AchievementLevelCb,
    AchievementsAction,
    AchievementsCb,
    NoFileCb,
    PortfolioCb,
    RecognitionKindCb,
    RecognizeCb,
    StatementCb,
)
from bot.callbacks.common import SkipCb, TodayCb
from bot.delivery import deliver
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards import achievements as keyboards
from bot.keyboards.common import cancel
from bot.replies import Say, anew, answer_quietly, in_place, send, send_file
from bot.routing import Handlers
from bot.services import achievements, pairs, recognitions
from bot.services.access import Actor
from bot.texts import achievements as texts
from bot.texts.common import BUTTON_SKIP
from bot.texts.vocabulary import day, esc
from models.enums import AchievementKind, AchievementLevel, RecognitionKind, Role

handlers = Handlers("achievements")
# The file steps take documents and photos: tried before `common`, which answers anything but
# text in a dialogue.
uploads = Handlers("achievements_uploads")

ANSWER = F.text & ~F.text.startswith("/")
FILE = F.document | F.photo


class AchievementForm(StatesGroup):
    kind = Step(texts.EXPECT_KIND, starts=True)
    title = Step(texts.EXPECT_TITLE)
    level = Step(texts.EXPECT_LEVEL)
    result = Step(texts.EXPECT_RESULT)
    day = Step(texts.EXPECT_DAY)
    file = Step(texts.EXPECT_FILE)


class AchievementData(TypedDict, total=False):
    kind: AchievementKind
    title: str
    level: AchievementLevel | None
    result: str | None
    on_date: date


ACHIEVEMENT = Dialogue(AchievementData)


class RecognitionForm(StatesGroup):
    kind = Step(texts.EXPECT_RECOGNITION_KIND, starts=True)
    title = Step(texts.EXPECT_TITLE)
    day = Step(texts.EXPECT_DAY)
    file = Step(texts.EXPECT_FILE)


class RecognitionData(TypedDict, total=False):
    mentor_id: Required[int]
    kind: RecognitionKind
    title: str
    on_date: date


RECOGNITION = Dialogue(RecognitionData)
KIND_TYPED = dict(texts.KIND_NAMES)
RECOGNITION_TYPED = dict(texts.RECOGNITION_NAMES)


# --- the list ------------------------------------------------------------------------------


async def render_list(session: AsyncSession, actor: Actor) -> str:
    person = achievements.check_can_record(actor)
    _, found = await achievements.of_person(session, actor, person.id)
    text = texts.ACHIEVEMENTS_HEADER.format(name=esc(person.full_name))
    for item in found[: achievements.SHOWN]:
        details = [texts.LEVEL_NAMES[item.level]] if item.level else []
        details += [item.result] if item.result else []
        text += texts.ACHIEVEMENT_LINE.format(
            day=day(item.on_date),
            kind=texts.KIND_NAMES[item.kind],
            title=esc(item.title),
            extra=texts.ACHIEVEMENT_EXTRA.format(details=esc(", ".join(details)))
            if details
            else "",
        )
    if not found:
        text += texts.ACHIEVEMENTS_EMPTY
    if Role.MENTOR in actor.roles:
        given = await recognitions.of_mentor(session, actor, person.id)
        if given:
            text += texts.RECOGNITIONS_HEADER
        for recognition in given[: achievements.SHOWN]:
            text += texts.RECOGNITION_LINE.format(
                day=day(recognition.on_date),
                kind=texts.RECOGNITION_NAMES[recognition.kind],
                title=esc(recognition.title),
            )
    return text


def _list_markup(actor: Actor) -> InlineKeyboardMarkup:
    return keyboards.achievements(
        actor.require_person().id,
        mentee=Role.MENTEE in actor.roles,
        mentor=Role.MENTOR in actor.roles,
    )


@handlers.message(Command("achievements"))
async def achievements_command(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    text = await render_list(session, actor)
    await state.clear()
    markup = _list_markup(actor)
    await message.answer(text, reply_markup=markup)


# --- a new achievement ---------------------------------------------------------------------


@handlers.callback_query(AchievementsCb.filter(F.action == AchievementsAction.ADD))
async def new_achievement(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    achievements.check_can_record(actor)
    await state.clear()
    await state.set_state(AchievementForm.kind)
    await send(callback, texts.ASK_KIND, keyboards.kinds())


async def _kind_chosen(say: Say, state: FSMContext, actor: Actor, kind: AchievementKind) -> None:
    achievements.check_can_record(actor)
    await ACHIEVEMENT.set(state, {"kind": kind})
    await state.set_state(AchievementForm.title)
    await say(texts.ASK_TITLE, cancel())


@handlers.callback_query(StateFilter(AchievementForm.kind), AchievementKindCb.filter())
async def kind_pressed(
    callback: CallbackQuery, callback_data: AchievementKindCb, state: FSMContext, actor: Actor
) -> None:
    await _kind_chosen(in_place(callback), state, actor, callback_data.kind)


@handlers.message(StateFilter(AchievementForm.kind), TypedChoice(KIND_TYPED))
async def kind_typed(
    message: Message, choice: AchievementKind, state: FSMContext, actor: Actor
) -> None:
    await _kind_chosen(anew(message), state, actor, choice)


@handlers.message(StateFilter(AchievementForm.title), ANSWER)
async def title_typed(message: Message, state: FSMContext) -> None:
    data = await ACHIEVEMENT.get(state, "kind")
    data["title"] = achievements.title(message.text)
    await ACHIEVEMENT.set(state, data)
    if data["kind"] in achievements.LEVELLED:
        await state.set_state(AchievementForm.level)
        await message.answer(texts.ASK_LEVEL, reply_markup=keyboards.levels())
        return
    await state.set_state(AchievementForm.result)
    await message.answer(texts.ASK_RESULT, reply_markup=keyboards.skip_result())


@handlers.callback_query(StateFilter(AchievementForm.level), AchievementLevelCb.filter())
async def level_pressed(
    callback: CallbackQuery, callback_data: AchievementLevelCb, state: FSMContext
) -> None:
    data = await ACHIEVEMENT.get(state, "kind", "title")
    data["level"] = callback_data.level
    await ACHIEVEMENT.set(state, data)
    await state.set_state(AchievementForm.result)
    await answer_quietly(callback)
    await in_place(callback)(texts.ASK_RESULT, keyboards.skip_result())


async def _result_given(say: Say, state: FSMContext, result: str | None) -> None:
    data = await ACHIEVEMENT.get(state, "kind", "title")
    data["result"] = achievements.result(result) if result is not None else None
    await ACHIEVEMENT.set(state, data)
    await state.set_state(AchievementForm.day)
    await say(texts.ASK_DAY, keyboards.today())


@handlers.message(StateFilter(AchievementForm.result), TypedChoice({True: BUTTON_SKIP}))
async def result_skipped_typed(message: Message, state: FSMContext) -> None:
    await _result_given(anew(message), state, None)


@handlers.message(StateFilter(AchievementForm.result), ANSWER)
async def result_typed(message: Message, state: FSMContext) -> None:
    await _result_given(anew(message), state, message.text)


@handlers.callback_query(StateFilter(AchievementForm.result), SkipCb.filter())
async def result_skipped(callback: CallbackQuery, state: FSMContext) -> None:
    await _result_given(in_place(callback), state, None)


async def _day_given(say: Say, state: FSMContext, actor: Actor, text: str | None) -> None:
    data = await ACHIEVEMENT.get(state, "kind", "title")
    data["on_date"] = achievements.achieved_on(actor, text)
    await ACHIEVEMENT.set(state, data)
    await state.set_state(AchievementForm.file)
    await say(texts.ASK_FILE, keyboards.no_file())


def _today(actor: Actor) -> str:
    return day(pairs.local_today(actor.require_person().organization.timezone))


@handlers.message(StateFilter(AchievementForm.day), ANSWER)
async def day_typed(message: Message, state: FSMContext, actor: Actor) -> None:
    await _day_given(anew(message), state, actor, message.text)


@handlers.callback_query(StateFilter(AchievementForm.day), TodayCb.filter())
async def day_today(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    await _day_given(in_place(callback), state, actor, _today(actor))


async def _save_achievement(
    say: Say,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    file: tuple[str, str, str] | None,
) -> None:
    data = await ACHIEVEMENT.get(state, "kind", "title", "on_date")
    draft = achievements.AchievementDraft(
        kind=data["kind"],
        title=data["title"],
        on_date=data["on_date"],
        level=data.get("level"),
        result=data.get("result"),
        file_id=file[0] if file else None,
        file_name=file[1] if file else None,
    )
    await achievements.add(session, actor, draft)
    await state.clear()
    await say.note(texts.ACHIEVEMENT_SAVED)
    markup = _list_markup(actor)
    await say(await render_list(session, actor), markup)


def _file_of(message: Message) -> tuple[str, str, str]:
    """The file sent: its id, its name (checked for size) and whether a document or a photo."""
    if message.document is not None:
        name = achievements.check_file(message.document.file_name, message.document.file_size)
        return message.document.file_id, name, "document"
    assert message.photo  # the filter lets only documents and photos in
    photo = message.photo[-1]
    return photo.file_id, achievements.check_file("photo.jpg", photo.file_size), "photo"


@uploads.message(StateFilter(AchievementForm.file), FILE)
async def achievement_file(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _save_achievement(anew(message), state, session, actor, _file_of(message))


@handlers.callback_query(StateFilter(AchievementForm.file), NoFileCb.filter())
async def achievement_without_file(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _save_achievement(in_place(callback), state, session, actor, None)


# --- documents -----------------------------------------------------------------------------


@handlers.callback_query(PortfolioCb.filter())
async def portfolio_file(
    callback: CallbackQuery,
    callback_data: PortfolioCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    data = await achievements.portfolio(session, actor, callback_data.person_id)
    await send_file(
        callback,
        documents.portfolio.build(data),
        f"portfolio_{callback_data.person_id}.docx",
        texts.PORTFOLIO_CAPTION.format(name=esc(data.mentee.full_name)),
    )


@handlers.callback_query(StatementCb.filter())
async def statement_file(
    callback: CallbackQuery,
    callback_data: StatementCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    data = await recognitions.statement(session, actor, callback_data.mentor_id)
    await send_file(
        callback,
        documents.statement.build(data),
        f"mentor_{callback_data.mentor_id}.docx",
        texts.STATEMENT_CAPTION.format(name=esc(data.mentor.full_name)),
    )


# --- a recognition -------------------------------------------------------------------------


@handlers.callback_query(RecognizeCb.filter())
async def new_recognition(
    callback: CallbackQuery,
    callback_data: RecognizeCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    mentor = await recognitions.mentor_of_organization(session, actor, callback_data.mentor_id)
    await state.clear()
    await state.set_state(RecognitionForm.kind)
    await RECOGNITION.set(state, {"mentor_id": mentor.id})
    prompt = texts.ASK_RECOGNITION_KIND.format(name=esc(mentor.full_name))
    await send(callback, prompt, keyboards.recognition_kinds())


async def _recognition_kind(say: Say, state: FSMContext, kind: RecognitionKind) -> None:
    data = await RECOGNITION.get(state, "mentor_id")
    data["kind"] = kind
    await RECOGNITION.set(state, data)
    await state.set_state(RecognitionForm.title)
    await say(texts.ASK_RECOGNITION_TITLE, cancel())


@handlers.callback_query(StateFilter(RecognitionForm.kind), RecognitionKindCb.filter())
async def recognition_kind_pressed(
    callback: CallbackQuery, callback_data: RecognitionKindCb, state: FSMContext
) -> None:
    await _recognition_kind(in_place(callback), state, callback_data.kind)


@handlers.message(StateFilter(RecognitionForm.kind), TypedChoice(RECOGNITION_TYPED))
async def recognition_kind_typed(
    message: Message, choice: RecognitionKind, state: FSMContext
) -> None:
    await _recognition_kind(anew(message), state, choice)


@handlers.message(StateFilter(RecognitionForm.title), ANSWER)
async def recognition_title_typed(message: Message, state: FSMContext) -> None:
    data = await RECOGNITION.get(state, "mentor_id", "kind")
    data["title"] = recognitions.title(message.text)
    await RECOGNITION.set(state, data)
    await state.set_state(RecognitionForm.day)
    await message.answer(texts.ASK_DAY, reply_markup=keyboards.today())


async def _recognition_day(say: Say, state: FSMContext, actor: Actor, text: str | None) -> None:
    data = await RECOGNITION.get(state, "mentor_id", "kind", "title")
    data["on_date"] = recognitions.recognised_on(actor, text)
    await RECOGNITION.set(state, data)
    await state.set_state(RecognitionForm.file)
    await say(texts.ASK_FILE, keyboards.no_file())


@handlers.message(StateFilter(RecognitionForm.day), ANSWER)
async def recognition_day_typed(message: Message, state: FSMContext, actor: Actor) -> None:
    await _recognition_day(anew(message), state, actor, message.text)


@handlers.callback_query(StateFilter(RecognitionForm.day), TodayCb.filter())
async def recognition_today(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    await _recognition_day(in_place(callback), state, actor, _today(actor))


async def _save_recognition(
    say: Say,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    file: tuple[str, str, str] | None,
) -> None:
    data = await RECOGNITION.get(state, "mentor_id", "kind", "title", "on_date")
    draft = recognitions.RecognitionDraft(
        kind=data["kind"],
        title=data["title"],
        on_date=data["on_date"],
        file_id=file[0] if file else None,
        file_name=file[1] if file else None,
    )
    recognition, mentor = await recognitions.add(session, actor, data["mentor_id"], draft)
    await state.clear()
    notice = texts.RECOGNITION_NOTICE.format(
        kind=texts.RECOGNITION_NAMES[recognition.kind].lower(),
        title=esc(recognition.title),
        day=day(recognition.on_date),
    )
    await deliver(
        session,
        mentor,
        notice,
        file_id=file[0] if file else None,
        file_kind=file[2] if file else None,
    )
    await say(texts.RECOGNITION_SAVED)


@uploads.message(StateFilter(RecognitionForm.file), FILE)
async def recognition_file(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _save_recognition(anew(message), state, session, actor, _file_of(message))


@handlers.callback_query(StateFilter(RecognitionForm.file), NoFileCb.filter())
async def recognition_without_file(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _save_recognition(in_place(callback), state, session, actor, None)
