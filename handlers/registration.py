"""Joining through an invite link: consent, then name, position, subject and experience, each
validated; the person is created only when the last answer is in (nothing is kept before)."""

from typing import Required

from aiogram import Bot, F
from aiogram.filters import CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.registration import ConsentCb
from bot.commands import apply_chat_commands
from bot.dialogue import Dialogue
from bot.keyboards import registration as keyboards
from bot.keyboards.common import cancel
from bot.keyboards.menu import main_menu
from bot.replies import answer_quietly, edit
from bot.routing import Handlers
from bot.services import people, validation
from bot.services.access import Actor
from bot.services.errors import DomainError
from bot.texts import registration as texts
from bot.texts.vocabulary import ROLE_NAMES, ROLE_NAMES_GENITIVE, esc, role_list

handlers = Handlers("registration")


class Registration(StatesGroup):
    consent = State()
    full_name = State()
    position = State()
    subject = State()
    experience = State()


class RegistrationData(TypedDict, total=False):
    code: Required[str]  # the invite being redeemed
    full_name: str
    position: str
    subject: str


DIALOGUE = Dialogue(RegistrationData)

ANSWER = F.text & ~F.text.startswith("/")


@handlers.message(CommandStart(deep_link=True))
async def start_with_invite(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    await state.clear()
    code = command.args or ""
    outcome, invite = await people.check_invite_for(session, actor, code)
    role_name = ROLE_NAMES[invite.role]
    welcome_role = ROLE_NAMES_GENITIVE[invite.role]
    if outcome is people.InviteOutcome.ALREADY_HAS_ROLE:
        await message.answer(texts.ALREADY_HAS_ROLE.format(role=role_name))
        return
    if outcome is people.InviteOutcome.ROLE_ADDED:
        await people.add_role_from_invite(session, actor, code)
        person = actor.require_person()
        await apply_chat_commands(bot, message.chat.id, person.role_set, actor.is_admin)
        await message.answer(
            texts.ROLE_ADDED.format(role=role_name, roles=role_list(person.role_set))
        )
        return
    await state.set_state(Registration.consent)
    await DIALOGUE.set(state, {"code": code})
    await message.answer(
        texts.INVITE_WELCOME.format(organization=esc(invite.organization.name), role=welcome_role)
    )
    await message.answer(texts.CONSENT, reply_markup=keyboards.consent())


@handlers.callback_query(StateFilter(Registration.consent), ConsentCb.filter())
async def consent_answer(
    callback: CallbackQuery, callback_data: ConsentCb, state: FSMContext
) -> None:
    await answer_quietly(callback)
    if not callback_data.accept:
        await state.clear()
        await edit(callback, texts.CONSENT_REFUSED)
        return
    await state.set_state(Registration.full_name)
    await edit(callback, texts.ASK_FULL_NAME, cancel())


@handlers.message(StateFilter(Registration.full_name), ANSWER)
async def full_name_answer(message: Message, state: FSMContext) -> None:
    data = await DIALOGUE.get(state)
    data["full_name"] = validation.full_name(message.text)
    await DIALOGUE.set(state, data)
    await state.set_state(Registration.position)
    await message.answer(texts.ASK_POSITION, reply_markup=cancel())


@handlers.message(StateFilter(Registration.position), ANSWER)
async def position_answer(message: Message, state: FSMContext) -> None:
    data = await DIALOGUE.get(state)
    data["position"] = validation.short_text(message.text, field="Должность")
    await DIALOGUE.set(state, data)
    await state.set_state(Registration.subject)
    await message.answer(texts.ASK_SUBJECT, reply_markup=cancel())


@handlers.message(StateFilter(Registration.subject), ANSWER)
async def subject_answer(message: Message, state: FSMContext) -> None:
    data = await DIALOGUE.get(state)
    data["subject"] = validation.short_text(message.text, field="Предмет")
    await DIALOGUE.set(state, data)
    await state.set_state(Registration.experience)
    await message.answer(texts.ASK_EXPERIENCE, reply_markup=cancel())


@handlers.message(StateFilter(Registration.experience), ANSWER)
async def experience_answer(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    years = validation.experience_years(message.text)
    data = await DIALOGUE.get(state)
    registration = people.Registration(
        full_name=data["full_name"],
        position=data["position"],
        subject=data["subject"],
        experience_years=years,
    )
    user = message.from_user
    assert user is not None  # a private chat message always has a sender
    try:
        person = await people.register(
            session,
            telegram_id=user.id,
            username=user.username,
            code=data["code"],
            registration=registration,
        )
    except DomainError:
        await state.clear()  # the invite ran out meanwhile: the dialogue cannot finish
        raise
    await state.clear()
    await apply_chat_commands(bot, message.chat.id, person.role_set, actor.is_admin)
    await message.answer(
        texts.REGISTRATION_DONE.format(
            name=esc(person.full_name),
            organization=esc(person.organization.name),
            roles=role_list(person.role_set),
        ),
        reply_markup=main_menu(person.role_set, actor.is_admin),
    )
