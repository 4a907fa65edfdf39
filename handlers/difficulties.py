"""Mentees' professional difficulties: register in three taps (category, description,
urgency), list with status, open a card, edit, take into work, mark overcome with a reflection.
Mentors and curators open a mentee's list through the same screens (read-only for curators)."""

from typing import Required

from aiogram import F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.difficulties import (
    DifficultyAction,
    DifficultyCategoryCb,
    DifficultyCb,
    DifficultyListCb,
    UrgencyCb,
)
from bot.callbacks.menu import MenuAction, MenuCb
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards import difficulties as keyboards
from bot.keyboards.common import cancel
from bot.replies import Say, anew, answer_quietly, ask_for_text, edit, in_place, send
from bot.routing import Handlers
from bot.services import difficulties
from bot.services.access import Actor, is_mentor_of
from bot.texts import difficulties as texts
from bot.texts.vocabulary import (
    DIFFICULTY_CATEGORIES,
    DIFFICULTY_CATEGORY_BUTTONS,
    DIFFICULTY_STATUS_ICONS,
    DIFFICULTY_STATUS_NAMES,
    URGENCY_NAMES,
    esc,
    local_time,
    shorten,
)
from models import Difficulty
from models.enums import DifficultyCategory, DifficultyStatus, Role, Urgency

handlers = Handlers("difficulties")


class NewDifficulty(StatesGroup):
    category = Step(texts.EXPECT_CATEGORY, starts=True)
    description = Step(texts.EXPECT_DESCRIPTION)
    urgency = Step(texts.EXPECT_URGENCY)


class NewDifficultyData(TypedDict, total=False):
    category: Required[DifficultyCategory]
    description: str


class DifficultyEdit(StatesGroup):
    description = Step(texts.EXPECT_NEW_DESCRIPTION, starts=True)
    reflection = Step(texts.EXPECT_REFLECTION, starts=True)


class DifficultyEditData(TypedDict):
    difficulty_id: int


NEW_DIFFICULTY = Dialogue(NewDifficultyData)
DIFFICULTY_EDIT = Dialogue(DifficultyEditData)

ANSWER = F.text & ~F.text.startswith("/")
LINE_PREVIEW = 80
# a category typed by its button's label or its full name
CATEGORY_WORDS = {
    category: (label, DIFFICULTY_CATEGORIES[category])
    for category, label in DIFFICULTY_CATEGORY_BUTTONS.items()
}
URGENCY_WORDS = URGENCY_NAMES


async def render_list(
    session: AsyncSession, actor: Actor, mentee_id: int, page_number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    mentee, page = await difficulties.list_for_mentee(session, actor, mentee_id, page_number)
    own = actor.person is not None and actor.person.id == mentee.id
    if not page.total:
        if own:
            return texts.DIFFICULTIES_EMPTY, None
        return texts.DIFFICULTIES_EMPTY_OTHER.format(name=esc(mentee.full_name)), None
    lines = [
        texts.DIFFICULTIES_HEADER.format(
            name=esc(mentee.full_name),
            total=page.total,
            page=page.number + 1,
            pages=page.pages,
        )
    ]
    for offset, item in enumerate(page.items):
        lines.append(
            texts.DIFFICULTY_LINE.format(
                number=page.first + offset,
                icon=DIFFICULTY_STATUS_ICONS[item.status],
                category=DIFFICULTY_CATEGORY_BUTTONS[item.category],
                description=esc(shorten(item.description, LINE_PREVIEW)),
            )
        )
    labels = [(item.id, item.description) for item in page.items]
    markup = keyboards.difficulty_list(page, mentee.id, labels)
    return "\n".join(lines), markup


async def render_card(
    session: AsyncSession, actor: Actor, difficulty: Difficulty, page: int
) -> tuple[str, InlineKeyboardMarkup]:
    person = actor.require_person()
    text = texts.DIFFICULTY_CARD.format(
        icon=DIFFICULTY_STATUS_ICONS[difficulty.status],
        category=DIFFICULTY_CATEGORIES[difficulty.category],
        status=DIFFICULTY_STATUS_NAMES[difficulty.status],
        urgency=URGENCY_NAMES[difficulty.urgency],
        created=local_time(difficulty.created_at, person.organization.timezone),
        description=esc(difficulty.description),
    )
    if difficulty.reflection:
        text += texts.DIFFICULTY_CARD_REFLECTION.format(reflection=esc(difficulty.reflection))
    owner = person.id == difficulty.mentee_id
    open_ = difficulty.status is not DifficultyStatus.OVERCOME
    mentor = not owner and await is_mentor_of(session, person.id, difficulty.mentee_id)
    markup = keyboards.difficulty_card(
        difficulty.id,
        difficulty.mentee_id,
        page,
        owner=owner and open_,
        can_take=open_ and (owner or mentor),
    )
    return text, markup


# --- registering ------------------------------------------------------------------------------


async def _start(state: FSMContext, actor: Actor) -> None:
    actor.require_role(Role.MENTEE)
    await state.clear()
    await state.set_state(NewDifficulty.category)


@handlers.message(Command("new_difficulty"))
async def new_command(message: Message, state: FSMContext, actor: Actor) -> None:
    await _start(state, actor)
    await message.answer(
        texts.DIFFICULTY_ASK_CATEGORY, reply_markup=keyboards.difficulty_categories()
    )


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.NEW_DIFFICULTY))
async def new_button(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    await _start(state, actor)
    await send(callback, texts.DIFFICULTY_ASK_CATEGORY, keyboards.difficulty_categories())


async def _category_chosen(
    say: Say, category: DifficultyCategory, state: FSMContext, actor: Actor
) -> None:
    actor.require_role(Role.MENTEE)
    await state.set_state(NewDifficulty.description)
    await NEW_DIFFICULTY.set(state, {"category": category})
    name = DIFFICULTY_CATEGORIES[category]
    await say(texts.DIFFICULTY_ASK_DESCRIPTION.format(category=esc(name)), cancel())


@handlers.callback_query(DifficultyCategoryCb.filter())
async def category_chosen(
    callback: CallbackQuery, callback_data: DifficultyCategoryCb, state: FSMContext, actor: Actor
) -> None:
    await _category_chosen(in_place(callback), callback_data.category, state, actor)


@handlers.message(StateFilter(NewDifficulty.category), TypedChoice(CATEGORY_WORDS))
async def category_typed(
    message: Message, choice: DifficultyCategory, state: FSMContext, actor: Actor
) -> None:
    await _category_chosen(anew(message), choice, state, actor)


@handlers.message(StateFilter(NewDifficulty.description), ANSWER)
async def description_typed(message: Message, state: FSMContext, actor: Actor) -> None:
    actor.require_role(Role.MENTEE)
    data = await NEW_DIFFICULTY.get(state)
    data["description"] = difficulties.description(message.text)
    await NEW_DIFFICULTY.set(state, data)
    await state.set_state(NewDifficulty.urgency)
    await message.answer(texts.DIFFICULTY_ASK_URGENCY, reply_markup=keyboards.urgencies())


async def _urgency_chosen(
    say: Say, urgency: Urgency, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    data = await NEW_DIFFICULTY.get(state)
    difficulty = await difficulties.register_difficulty(
        session, actor, category=data["category"], text=data["description"], urgency=urgency
    )
    await state.clear()
    await say.note(texts.DIFFICULTY_SAVED)
    text, markup = await render_card(session, actor, difficulty, 0)
    await say(text, markup)


@handlers.callback_query(StateFilter(NewDifficulty.urgency), UrgencyCb.filter(F.difficulty_id == 0))
async def urgency_chosen(
    callback: CallbackQuery,
    callback_data: UrgencyCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await _urgency_chosen(in_place(callback), callback_data.urgency, state, session, actor)


@handlers.message(StateFilter(NewDifficulty.urgency), TypedChoice(URGENCY_WORDS))
async def urgency_typed(
    message: Message, choice: Urgency, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    await _urgency_chosen(anew(message), choice, state, session, actor)


# --- lists and cards --------------------------------------------------------------------------


@handlers.message(Command("my_difficulties"))
async def my_list_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    mentee = actor.require_role(Role.MENTEE)
    text, markup = await render_list(session, actor, mentee.id, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.MY_DIFFICULTIES))
async def my_list_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    mentee = actor.require_role(Role.MENTEE)
    text, markup = await render_list(session, actor, mentee.id, 0)
    await send(callback, text, markup)


@handlers.callback_query(DifficultyListCb.filter())
async def list_page(
    callback: CallbackQuery, callback_data: DifficultyListCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_list(session, actor, callback_data.mentee_id, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(DifficultyCb.filter(F.action == DifficultyAction.OPEN))
async def open_card(
    callback: CallbackQuery, callback_data: DifficultyCb, session: AsyncSession, actor: Actor
) -> None:
    difficulty = await difficulties.get_visible(session, actor, callback_data.difficulty_id)
    text, markup = await render_card(session, actor, difficulty, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


# --- changes ----------------------------------------------------------------------------------


# The card's two text questions: the button's action → the state of the answer and its prompt;
# the state → what records the answer and what to say first.
TEXT_QUESTIONS = {
    DifficultyAction.DESCRIBE: (DifficultyEdit.description, texts.DIFFICULTY_ASK_NEW_DESCRIPTION),
    DifficultyAction.OVERCOME: (DifficultyEdit.reflection, texts.DIFFICULTY_ASK_REFLECTION),
}
TEXT_ANSWERS = {
    DifficultyEdit.description.state: (difficulties.change_description, None),
    DifficultyEdit.reflection.state: (difficulties.mark_overcome, texts.DIFFICULTY_OVERCOME_DONE),
}


@handlers.callback_query(DifficultyCb.filter(F.action.in_(TEXT_QUESTIONS)))
async def ask_text(
    callback: CallbackQuery,
    callback_data: DifficultyCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await difficulties.get_own(session, actor, callback_data.difficulty_id)
    next_state, prompt = TEXT_QUESTIONS[callback_data.action]
    data: DifficultyEditData = {"difficulty_id": callback_data.difficulty_id}
    await ask_for_text(callback, state, next_state, prompt, DIFFICULTY_EDIT, data)


@handlers.message(StateFilter(DifficultyEdit.description, DifficultyEdit.reflection), ANSWER)
async def text_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    record, congratulation = TEXT_ANSWERS[await state.get_state() or ""]
    difficulty_id = (await DIFFICULTY_EDIT.get(state))["difficulty_id"]
    difficulty = await record(session, actor, difficulty_id, message.text)
    await state.clear()
    if congratulation:
        await message.answer(congratulation)
    text, markup = await render_card(session, actor, difficulty, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(DifficultyCb.filter(F.action == DifficultyAction.URGENCY))
async def ask_urgency(
    callback: CallbackQuery, callback_data: DifficultyCb, session: AsyncSession, actor: Actor
) -> None:
    difficulty = await difficulties.get_own(session, actor, callback_data.difficulty_id)
    await send(callback, texts.DIFFICULTY_ASK_URGENCY, keyboards.urgencies(difficulty.id))


@handlers.callback_query(UrgencyCb.filter(F.difficulty_id > 0))
async def urgency_changed(
    callback: CallbackQuery, callback_data: UrgencyCb, session: AsyncSession, actor: Actor
) -> None:
    difficulty = await difficulties.change_urgency(
        session, actor, callback_data.difficulty_id, callback_data.urgency
    )
    await answer_quietly(callback)
    text, markup = await render_card(session, actor, difficulty, 0)
    await edit(callback, text, markup)


@handlers.callback_query(DifficultyCb.filter(F.action == DifficultyAction.WORK))
async def take_into_work(
    callback: CallbackQuery, callback_data: DifficultyCb, session: AsyncSession, actor: Actor
) -> None:
    difficulty = await difficulties.take_into_work(session, actor, callback_data.difficulty_id)
    await answer_quietly(callback)
    text, markup = await render_card(session, actor, difficulty, callback_data.page)
    await edit(callback, text, markup)
