"""Joining through an invite link: consent, then name, position, subject and experience, each
validated; the person is created only when the last answer is in (nothing is kept before). A
teacher from the staff list confirms what the curator gave instead of typing it again; a
registered person who opens a link of another role is asked before the role is added. Every
question with buttons also takes its answer typed."""

from collections.abc import Callable
from typing import Required

from aiogram import Bot, F
from aiogram.filters import CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.registration import ConsentCb, KeepCb
from bot.commands import refresh_chat_commands
from bot.dialogue import Dialogue, Step, TypedChoice, typed_choice
from bot.keyboards import proposals as proposal_keyboards
from bot.keyboards import registration as keyboards
from bot.keyboards.common import cancel
from bot.keyboards.menu import main_menu
from bot.replies import Say, anew, in_place
from bot.routing import Handlers
from bot.services import invites, people, proposals, staff, validation
from bot.services.access import Actor
from bot.services.errors import DomainError
from bot.texts import registration as texts
from bot.texts import staff as staff_texts
from bot.texts.vocabulary import (
    MENTEE_TYPE_NAMES,
    ROLE_NAMES,
    ROLE_NAMES_GENITIVE,
    esc,
    role_list,
)
from handlers.proposals import proposal_for
from models import utcnow
from models.enums import Role

handlers = Handlers("registration")


class Registration(StatesGroup):
    role = Step(texts.EXPECT_ROLE, starts=True)  # a registered person adds the invite's role
    consent = Step(texts.EXPECT_CONSENT, starts=True)
    known = Step(texts.EXPECT_KNOWN)  # a personal link: confirm what the curator gave
    full_name = Step(texts.EXPECT_FULL_NAME)
    position = Step(texts.EXPECT_POSITION)
    subject = Step(texts.EXPECT_SUBJECT)
    experience = Step(texts.EXPECT_EXPERIENCE)


class RegistrationData(TypedDict, total=False):
    code: Required[str]  # the invite being redeemed
    fill_only: bool  # the curator's answers are confirmed: ask only what is missing
    full_name: str
    position: str
    subject: str
    experience_years: int


DIALOGUE = Dialogue(RegistrationData)
ANSWER = F.text & ~F.text.startswith("/")
# the questions in order: the step, the answer's key, its prompt, how to read what is typed
QUESTIONS: tuple[tuple[Step, str, str, Callable[[str | None], str | int]], ...] = (
    (Registration.full_name, "full_name", texts.ASK_FULL_NAME, validation.full_name),
    (
        Registration.position,
        "position",
        texts.ASK_POSITION,
        lambda raw: validation.short_text(raw, field="Должность"),
    ),
    (
        Registration.subject,
        "subject",
        texts.ASK_SUBJECT,
        lambda raw: validation.short_text(raw, field="Предмет"),
    ),
    (
        Registration.experience,
        "experience_years",
        texts.ASK_EXPERIENCE,
        validation.experience_years,
    ),
)


@handlers.message(CommandStart(deep_link=True))
async def start_with_invite(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await state.clear()
    code = command.args or ""
    outcome, invite = await people.check_invite_for(session, actor, code)
    role_name = ROLE_NAMES[invite.role]
    if outcome is people.InviteOutcome.ALREADY_HAS_ROLE:
        await message.answer(texts.ALREADY_HAS_ROLE.format(role=role_name))
        return
    await DIALOGUE.set(state, {"code": code})
    if outcome is people.InviteOutcome.ROLE_ADDED:
        person = actor.require_person()
        await state.set_state(Registration.role)
        question = texts.ROLE_CONFIRM.format(
            role=role_name,
            organization=esc(invite.organization.name),
            roles=role_list(person.role_set),
        )
        await message.answer(question, reply_markup=keyboards.yes_no(keyboards.ROLE))
        return
    await invites.note_opening(session, actor.telegram_id, invite, utcnow())
    await state.set_state(Registration.consent)
    welcome_role = ROLE_NAMES_GENITIVE[invite.role]
    await message.answer(
        texts.INVITE_WELCOME.format(organization=esc(invite.organization.name), role=welcome_role)
    )
    await message.answer(texts.CONSENT, reply_markup=keyboards.yes_no(keyboards.CONSENT))


# --- a second role ----------------------------------------------------------------------------


async def _role_answer(
    say: Say, accept: bool, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    code = (await DIALOGUE.get(state))["code"]
    await state.clear()
    person = actor.require_person()
    if not accept:
        await say(texts.ROLE_DECLINED.format(roles=role_list(person.role_set)), None)
        return
    role = await people.add_role_from_invite(session, actor, code)
    await refresh_chat_commands(
        bot, session, actor.telegram_id, person.role_set, actor.is_admin, person
    )
    await say(
        texts.ROLE_ADDED.format(role=ROLE_NAMES[role], roles=role_list(person.role_set)),
        main_menu(person.role_set, actor.is_admin),
    )


@handlers.callback_query(StateFilter(Registration.role), ConsentCb.filter())
async def role_button(
    callback: CallbackQuery,
    callback_data: ConsentCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    await _role_answer(in_place(callback), callback_data.accept, state, session, actor, bot)


@handlers.message(StateFilter(Registration.role), TypedChoice(keyboards.ROLE))
async def role_typed(
    message: Message,
    choice: bool,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    await _role_answer(anew(message), choice, state, session, actor, bot)


# --- consent and what the curator gave --------------------------------------------------------


async def _consent_answer(
    say: Say, accept: bool, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    if not accept:
        await state.clear()
        await invites.forget_opening(session, actor.telegram_id)
        await say(texts.CONSENT_REFUSED, None)
        return
    data = await DIALOGUE.get(state)
    known = await people.known_answers(session, data["code"])
    if "full_name" not in known:
        await _ask(say, state, data, 0, session, actor, bot)
        return
    data.update(known)  # type: ignore[typeddict-item]  # the keys of EDITABLE_FIELDS
    await DIALOGUE.set(state, data)
    await state.set_state(Registration.known)
    missing = texts.KNOWN_MISSING
    card = texts.KNOWN_DATA.format(
        full_name=esc(data.get("full_name", missing)),
        position=esc(data.get("position", missing)),
        subject=esc(data.get("subject", missing)),
        experience=data.get("experience_years", missing),
    )
    await say(card, keyboards.yes_no(keyboards.KNOWN))


@handlers.callback_query(StateFilter(Registration.consent), ConsentCb.filter())
async def consent_button(
    callback: CallbackQuery,
    callback_data: ConsentCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    await _consent_answer(in_place(callback), callback_data.accept, state, session, actor, bot)


@handlers.message(StateFilter(Registration.consent), TypedChoice(keyboards.CONSENT))
async def consent_typed(
    message: Message,
    choice: bool,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    await _consent_answer(anew(message), choice, state, session, actor, bot)


async def _known_answer(
    say: Say, right: bool, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    data = await DIALOGUE.get(state)
    data["fill_only"] = right
    await DIALOGUE.set(state, data)
    await _ask(say, state, data, 0, session, actor, bot)


@handlers.callback_query(StateFilter(Registration.known), ConsentCb.filter())
async def known_button(
    callback: CallbackQuery,
    callback_data: ConsentCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    await _known_answer(in_place(callback), callback_data.accept, state, session, actor, bot)


@handlers.message(StateFilter(Registration.known), TypedChoice(keyboards.KNOWN))
async def known_typed(
    message: Message,
    choice: bool,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    await _known_answer(anew(message), choice, state, session, actor, bot)


# --- the four questions -----------------------------------------------------------------------


async def _ask(
    say: Say,
    state: FSMContext,
    data: RegistrationData,
    index: int,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    """Ask question `index` or the first after it still to ask; when none is left, register."""
    for step, key, prompt, _ in QUESTIONS[index:]:
        given = data.get(key)
        if given is not None and data.get("fill_only"):
            continue
        await state.set_state(step)
        await say(prompt, keyboards.keep(str(given)) if given is not None else cancel())
        return
    await _register(say, state, data, session, actor, bot)


async def _answered(
    say: Say,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
    value: str | int | None,
) -> None:
    """The answer to the current question (None: keep what the curator gave), then the next."""
    data = await DIALOGUE.get(state)
    current = await state.get_state()
    index = next(i for i, (step, *_) in enumerate(QUESTIONS) if step.state == current)
    if value is not None:
        data[QUESTIONS[index][1]] = value  # type: ignore[literal-required]
        await DIALOGUE.set(state, data)
    await _ask(say, state, data, index + 1, session, actor, bot)


@handlers.message(StateFilter(*(question[0] for question in QUESTIONS)), ANSWER)
async def answer_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    current = await state.get_state()
    key, read = next((key, read) for step, key, _, read in QUESTIONS if step.state == current)
    given = (await DIALOGUE.get(state)).get(key)
    keep = given is not None and typed_choice(message.text, {True: texts.TYPED_KEEP}) is not None
    await _answered(anew(message), state, session, actor, bot, None if keep else read(message.text))


@handlers.callback_query(StateFilter(*(question[0] for question in QUESTIONS)), KeepCb.filter())
async def keep_pressed(
    callback: CallbackQuery, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    await _answered(in_place(callback), state, session, actor, bot, None)


async def _register(
    say: Say,
    state: FSMContext,
    data: RegistrationData,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    registration = people.Registration(
        full_name=data["full_name"],
        position=data["position"],
        subject=data["subject"],
        experience_years=data["experience_years"],
    )
    try:
        person = await people.register(
            session,
            telegram_id=actor.telegram_id,
            username=actor.username,
            code=data["code"],
            registration=registration,
        )
    except DomainError:
        await state.clear()  # the invite ran out meanwhile: the dialogue cannot finish
        raise
    await state.clear()
    await refresh_chat_commands(
        bot, session, actor.telegram_id, person.role_set, actor.is_admin, person
    )
    done = texts.REGISTRATION_DONE.format(
        name=esc(person.full_name),
        organization=esc(person.organization.name),
        roles=role_list(person.role_set),
    )
    if Role.MENTEE in person.role_set:
        kinds = await staff.ensure_suggested_types(session, person)
        named = ", ".join(MENTEE_TYPE_NAMES[kind].lower() for kind in sorted(kinds))
        done += staff_texts.MENTEE_TYPES_AFTER_REGISTRATION.format(
            types=named or staff_texts.TEACHER_NOTHING
        )
    await say(done, main_menu(person.role_set, actor.is_admin))
    waiting = await proposals.waiting_for(session, person)
    for loaded in waiting:
        await bot.send_message(
            actor.telegram_id,
            await proposal_for(session, loaded, person),
            reply_markup=proposal_keyboards.answer(loaded.pair.id),
        )
