"""The curator's base of teachers: /teachers with its lists (everyone, mentors, mentees, without
a role, young specialists, not in the bot yet, left) and a search; a teacher's card with their
mentee types and request, mentor's profile and pairs; a teacher added by hand, a role given, the
day they left. A teacher edits their own mentee types, request and mentor's profile from
/profile through the same cards."""

from typing import Required

from aiogram import Bot, F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.staff import (
    NewTeacherRoleCb,
    TeacherAction,
    TeacherCb,
    TeachersAction,
    TeachersCb,
    TeachersPageCb,
)
from bot.delivery import deliver
from bot.dialogue import Dialogue, NotWhatTheStepTakes, Step, typed_choice
from bot.keyboards import staff as keyboards
from bot.keyboards.common import cancel
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import invites, pairs, staff, validation
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.services.staff import TeacherList
from bot.texts import staff as texts
from bot.texts.common import STALE_BUTTON
from bot.texts.vocabulary import (
    DIFFICULTY_CATEGORIES,
    MENTEE_TYPE_NAMES,
    PAIR_STATUS_NAMES,
    ROLE_NAMES,
    category_short,
    esc,
    role_list,
)
from models import Invite
from models.enums import DifficultyCategory, MenteeType, Role

handlers = Handlers("teachers")

ANSWER = F.text & ~F.text.startswith("/")


class TeacherSearch(StatesGroup):
    query = Step(texts.EXPECT_SEARCH, starts=True)


class TeacherForm(StatesGroup):
    name = Step(texts.EXPECT_TEACHER_NAME, starts=True)
    position = Step(texts.EXPECT_TEACHER_POSITION)
    subject = Step(texts.EXPECT_TEACHER_SUBJECT)
    experience = Step(texts.EXPECT_TEACHER_EXPERIENCE)
    role = Step(texts.EXPECT_TEACHER_ROLE)


class TeacherEdit(StatesGroup):
    request = Step(texts.EXPECT_REQUEST, starts=True)
    subjects = Step(texts.EXPECT_SUBJECTS, starts=True)
    left_day = Step(texts.EXPECT_LEFT_DAY, starts=True)


class NewTeacherData(TypedDict, total=False):
    full_name: str
    position: str
    subject: str
    experience_years: int


class EditData(TypedDict, total=False):
    person_id: Required[int]


NEW_TEACHER = Dialogue(NewTeacherData)
EDIT = Dialogue(EditData)


# --- the lists --------------------------------------------------------------------------------


async def render_list(
    session: AsyncSession, actor: Actor, which: TeacherList, page_number: int, query: str = ""
) -> tuple[str, InlineKeyboardMarkup]:
    page = await staff.list_teachers(session, actor, which, query or None, page_number)
    types = await staff.mentee_types_of(session, [person.id for person in page.items])
    lines = [
        texts.TEACHERS_HEADER.format(
            list=texts.TEACHERS_LISTS[which.value],
            total=page.total,
            page=page.number + 1,
            pages=page.pages,
            query=texts.TEACHERS_QUERY.format(query=esc(query)) if query else "",
        )
    ]
    for offset, person in enumerate(page.items):
        marks = [ROLE_NAMES[role] for role in (Role.MENTOR, Role.MENTEE) if role in person.role_set]
        if MenteeType.YOUNG_SPECIALIST in types.get(person.id, ()):
            marks.append(MENTEE_TYPE_NAMES[MenteeType.YOUNG_SPECIALIST].lower())
        if person.telegram_id is None:
            marks.append("⏳")
        shown = f" — {', '.join(marks)}" if marks else ""
        lines.append(
            texts.TEACHER_LINE.format(
                number=page.first + offset, name=esc(person.full_name), marks=shown
            )
        )
    if not page.total:
        lines.append(texts.TEACHERS_EMPTY)
    items = [(person.id, person.full_name) for person in page.items]
    return "\n".join(lines), keyboards.teachers(page, which, items)


@handlers.message(Command("teachers"))
async def teachers_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_list(session, actor, TeacherList.ALL, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.TEACHERS))
async def teachers_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_list(session, actor, TeacherList.ALL, 0)
    await send(callback, text, markup)


@handlers.callback_query(TeachersPageCb.filter())
async def teachers_page(
    callback: CallbackQuery, callback_data: TeachersPageCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_list(session, actor, callback_data.which, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(TeachersCb.filter(F.action == TeachersAction.SEARCH))
async def ask_search(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await ask_for_text(callback, state, TeacherSearch.query, texts.TEACHERS_ASK_SEARCH)


@handlers.message(StateFilter(TeacherSearch.query), ANSWER)
async def search_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    query = validation.search_text(message.text)
    text, markup = await render_list(session, actor, TeacherList.ALL, 0, query)
    await state.clear()
    await message.answer(text, reply_markup=markup)


# --- a teacher's card -------------------------------------------------------------------------


def _or_nothing(value: object) -> str:
    return esc(value) if value not in (None, "") else texts.TEACHER_NOTHING


async def render_card(
    session: AsyncSession, actor: Actor, person_id: int
) -> tuple[str, InlineKeyboardMarkup]:
    teacher = await staff.card(session, actor, person_id)
    person = teacher.person
    text = texts.TEACHER_CARD.format(
        name=esc(person.full_name),
        position=_or_nothing(person.position),
        subject=_or_nothing(person.subject),
        experience=_or_nothing(person.experience_years),
        roles=role_list(person.role_set) or texts.TEACHER_NOTHING,
        joined=texts.TEACHER_JOINED[person.telegram_id is not None],
    )
    if teacher.left and person.left_on is not None:
        text += texts.TEACHER_CARD_LEFT.format(day=f"{person.left_on:%d.%m.%Y}")
    if teacher.is_mentee:
        kinds = [
            MENTEE_TYPE_NAMES[kind] for kind in MENTEE_TYPE_NAMES if kind in teacher.mentee_types
        ]
        text += texts.TEACHER_CARD_MENTEE.format(
            types=", ".join(kinds) or texts.TEACHER_NOTHING,
            request=_or_nothing(person.mentee_request),
        )
    if teacher.is_mentor:
        text += texts.TEACHER_CARD_MENTOR.format(
            load=teacher.load,
            capacity=teacher.capacity,
            willing=texts.WILLING_NAMES[teacher.willing],
            areas=", ".join(category_short(c) for c in DIFFICULTY_CATEGORIES if c in teacher.areas)
            or texts.TEACHER_NOTHING,
            subjects=_or_nothing(person.help_subjects),
        )
    if teacher.pairs:
        text += texts.TEACHER_CARD_PAIRS.format(
            pairs="\n".join(
                texts.TEACHER_PAIR_LINE.format(
                    id=pair_id, title=esc(title), status=PAIR_STATUS_NAMES[status]
                )
                for pair_id, title, status in teacher.pairs
            )
        )
    curator = Role.CURATOR in actor.require_person().role_set
    return text, keyboards.card(teacher, curator=curator, unpaired=not teacher.mentored)


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.OPEN))
async def open_card(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_card(session, actor, callback_data.person_id)
    await answer_quietly(callback)
    await edit(callback, text, markup)


# --- mentee types and request -----------------------------------------------------------------


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.TYPES))
async def types_shown(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    teacher = await staff.card(session, actor, callback_data.person_id)
    if not teacher.is_mentee:
        raise ValidationFailed(texts.TEACHER_NOT_MENTEE)
    await answer_quietly(callback)
    await edit(
        callback,
        texts.TEACHER_ASK_TYPES.format(name=esc(teacher.person.full_name)),
        keyboards.mentee_types(teacher.person.id, teacher.mentee_types),
    )


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.TYPE))
async def type_toggled(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    try:
        kind = MenteeType(callback_data.value)
    except ValueError:
        raise ValidationFailed(STALE_BUTTON) from None
    chosen = await staff.toggle_mentee_type(session, actor, callback_data.person_id, kind)
    person = await staff.editable(session, actor, callback_data.person_id)
    await answer_quietly(callback)
    await edit(
        callback,
        texts.TEACHER_ASK_TYPES.format(name=esc(person.full_name)),
        keyboards.mentee_types(person.id, chosen),
    )


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.REQUEST))
async def ask_request(
    callback: CallbackQuery,
    callback_data: TeacherCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    teacher = await staff.card(session, actor, callback_data.person_id)
    if not teacher.is_mentee:
        raise ValidationFailed(texts.TEACHER_NOT_MENTEE)
    data: EditData = {"person_id": teacher.person.id}
    await ask_for_text(callback, state, TeacherEdit.request, texts.TEACHER_ASK_REQUEST, EDIT, data)


@handlers.message(StateFilter(TeacherEdit.request), ANSWER)
async def request_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    person_id = (await EDIT.get(state, "person_id"))["person_id"]
    await staff.set_mentee_request(session, actor, person_id, message.text)
    await state.clear()
    text, markup = await render_card(session, actor, person_id)
    await message.answer(text, reply_markup=markup)


# --- a mentor's profile -----------------------------------------------------------------------


async def _show_profile(
    callback: CallbackQuery, session: AsyncSession, actor: Actor, person_id: int
) -> None:
    teacher = await staff.card(session, actor, person_id)
    if not teacher.is_mentor:
        raise ValidationFailed(texts.TEACHER_NOT_MENTOR)
    await answer_quietly(callback)
    await edit(
        callback,
        texts.TEACHER_ASK_PROFILE.format(
            name=esc(teacher.person.full_name),
            load=teacher.load,
            capacity=teacher.capacity,
            willing=texts.WILLING_NAMES[teacher.willing],
            beyond=texts.BEYOND_NAMES[teacher.person.mentor_beyond_school],
        ),
        keyboards.mentor_profile(teacher),
    )


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.PROFILE))
async def profile_shown(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    await _show_profile(callback, session, actor, callback_data.person_id)


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.AREA))
async def area_toggled(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    try:
        category = DifficultyCategory(callback_data.value)
    except ValueError:
        raise ValidationFailed(STALE_BUTTON) from None
    await staff.toggle_area(session, actor, callback_data.person_id, category)
    await _show_profile(callback, session, actor, callback_data.person_id)


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.CAPACITY))
async def capacity_set(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    if not callback_data.value.isdigit():
        raise ValidationFailed(STALE_BUTTON)
    await staff.set_capacity(session, actor, callback_data.person_id, int(callback_data.value))
    await _show_profile(callback, session, actor, callback_data.person_id)


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.WILLING))
async def willing_set(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    if callback_data.value not in ("0", "1"):
        raise ValidationFailed(STALE_BUTTON)
    await staff.set_willing(session, actor, callback_data.person_id, callback_data.value == "1")
    await _show_profile(callback, session, actor, callback_data.person_id)


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.BEYOND_SCHOOL))
async def beyond_school_set(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    if callback_data.value not in ("0", "1"):
        raise ValidationFailed(STALE_BUTTON)
    await staff.set_beyond_school(
        session, actor, callback_data.person_id, callback_data.value == "1"
    )
    await _show_profile(callback, session, actor, callback_data.person_id)


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.SUBJECTS))
async def ask_subjects(
    callback: CallbackQuery,
    callback_data: TeacherCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    teacher = await staff.card(session, actor, callback_data.person_id)
    if not teacher.is_mentor:
        raise ValidationFailed(texts.TEACHER_NOT_MENTOR)
    data: EditData = {"person_id": teacher.person.id}
    prompt = texts.TEACHER_ASK_SUBJECTS
    await ask_for_text(callback, state, TeacherEdit.subjects, prompt, EDIT, data)


@handlers.message(StateFilter(TeacherEdit.subjects), ANSWER)
async def subjects_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    person_id = (await EDIT.get(state, "person_id"))["person_id"]
    await staff.set_help_subjects(session, actor, person_id, message.text)
    await state.clear()
    text, markup = await render_card(session, actor, person_id)
    await message.answer(text, reply_markup=markup)


# --- a role, the day a teacher left, back on the staff ----------------------------------------


def _link_line(invite: Invite | None, bot_username: str) -> str:
    if invite is None:
        return ""
    return texts.TEACHER_ROLE_LINK.format(link=invites.deep_link(bot_username, invite.code))


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.ROLE))
async def role_added(
    callback: CallbackQuery,
    callback_data: TeacherCb,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    try:
        role = Role(callback_data.value)
    except ValueError:
        raise ValidationFailed(STALE_BUTTON) from None
    person, invite = await staff.add_role(session, actor, callback_data.person_id, role)
    await answer_quietly(callback, texts.TEACHER_ROLE_ADDED.format(role=ROLE_NAMES[role]))
    text, markup = await render_card(session, actor, person.id)
    await edit(callback, text + _link_line(invite, (await bot.me()).username or ""), markup)
    await deliver(session, person, texts.TEACHER_ROLE_NOTICE.format(role=ROLE_NAMES[role]))


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.LEFT))
async def ask_left_day(
    callback: CallbackQuery,
    callback_data: TeacherCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    actor.require_curator()
    person = await staff.editable(session, actor, callback_data.person_id)
    data: EditData = {"person_id": person.id}
    await ask_for_text(callback, state, TeacherEdit.left_day, texts.TEACHER_ASK_LEFT, EDIT, data)


@handlers.message(StateFilter(TeacherEdit.left_day), ANSWER)
async def left_day_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    person_id = (await EDIT.get(state, "person_id"))["person_id"]
    curator = actor.require_curator()
    day = staff.left_day(message.text, pairs.local_today(curator.organization.timezone))
    departure = await staff.mark_left(session, actor, person_id, day)
    await state.clear()
    await message.answer(
        texts.TEACHER_LEFT_DONE.format(
            name=esc(departure.person.full_name),
            day=f"{day:%d.%m.%Y}",
            stopped=len(departure.stopped),
        )
    )
    for loaded in departure.stopped:
        notice = texts.TEACHER_LEFT_NOTICE.format(
            name=esc(departure.person.full_name), id=loaded.pair.id
        )
        for other in loaded.people:
            if other.id != departure.person.id:
                await deliver(session, other, notice)
    text, markup = await render_card(session, actor, person_id)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(TeacherCb.filter(F.action == TeacherAction.BACK))
async def back_on_staff(
    callback: CallbackQuery, callback_data: TeacherCb, session: AsyncSession, actor: Actor
) -> None:
    person = await staff.mark_back(session, actor, callback_data.person_id)
    await answer_quietly(callback, texts.TEACHER_BACK_DONE.format(name=person.full_name))
    text, markup = await render_card(session, actor, person.id)
    await edit(callback, text, markup)


# --- a teacher added by hand ------------------------------------------------------------------


@handlers.callback_query(TeachersCb.filter(F.action == TeachersAction.NEW))
async def new_teacher(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await ask_for_text(callback, state, TeacherForm.name, texts.TEACHER_ASK_NAME)


@handlers.message(StateFilter(TeacherForm.name), ANSWER)
async def name_typed(message: Message, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await NEW_TEACHER.set(state, {"full_name": validation.full_name(message.text)})
    await state.set_state(TeacherForm.position)
    await message.answer(texts.TEACHER_ASK_POSITION, reply_markup=cancel())


@handlers.message(StateFilter(TeacherForm.position), ANSWER)
async def position_typed(message: Message, state: FSMContext) -> None:
    await NEW_TEACHER.get(state, "full_name")
    await NEW_TEACHER.update(
        state, {"position": validation.short_text(message.text, field="Должность")}
    )
    await state.set_state(TeacherForm.subject)
    await message.answer(texts.TEACHER_ASK_SUBJECT, reply_markup=cancel())


@handlers.message(StateFilter(TeacherForm.subject), ANSWER)
async def subject_typed(message: Message, state: FSMContext) -> None:
    await NEW_TEACHER.get(state, "full_name", "position")
    await NEW_TEACHER.update(
        state, {"subject": validation.short_text(message.text, field="Предмет")}
    )
    await state.set_state(TeacherForm.experience)
    await message.answer(texts.TEACHER_ASK_EXPERIENCE, reply_markup=cancel())


@handlers.message(StateFilter(TeacherForm.experience), ANSWER)
async def experience_typed(message: Message, state: FSMContext) -> None:
    await NEW_TEACHER.get(state, "full_name", "position", "subject")
    await NEW_TEACHER.update(state, {"experience_years": validation.experience_years(message.text)})
    await state.set_state(TeacherForm.role)
    await message.answer(texts.TEACHER_ASK_ROLE, reply_markup=keyboards.new_teacher_roles())


async def _teacher_added(
    target: Message,
    role: Role | None,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    data = await NEW_TEACHER.get(state, "full_name", "position", "subject", "experience_years")
    person, invite = await staff.add_teacher(
        session,
        actor,
        staff.NewTeacher(
            data["full_name"], data["position"], data["subject"], data["experience_years"], role
        ),
    )
    await state.clear()
    added = texts.TEACHER_ADDED.format(name=esc(person.full_name))
    await target.answer(added + _link_line(invite, (await bot.me()).username or ""))
    text, markup = await render_card(session, actor, person.id)
    await target.answer(text, reply_markup=markup)


@handlers.callback_query(StateFilter(TeacherForm.role), NewTeacherRoleCb.filter())
async def role_chosen(
    callback: CallbackQuery,
    callback_data: NewTeacherRoleCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
    bot: Bot,
) -> None:
    try:
        role = Role(callback_data.role) if callback_data.role else None
    except ValueError:
        raise ValidationFailed(STALE_BUTTON) from None
    await answer_quietly(callback)
    assert isinstance(callback.message, Message)
    await _teacher_added(callback.message, role, state, session, actor, bot)


ROLES_TYPED = {
    "mentor": (ROLE_NAMES[Role.MENTOR], "наставница"),
    "mentee": (ROLE_NAMES[Role.MENTEE], "наставляемая"),
    "none": (texts.TEACHER_NO_ROLE, "нет"),
}


@handlers.message(StateFilter(TeacherForm.role), ANSWER)
async def role_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    chosen = typed_choice(message.text, ROLES_TYPED)
    if chosen is None:
        raise NotWhatTheStepTakes(TeacherForm.role)
    role = None if chosen == "none" else Role(chosen)
    await _teacher_added(message, role, state, session, actor, bot)
