"""A person's own data: /profile (show and edit), /my_data (export as a file), /delete_me
(erase after confirmation), and the blocked/unblocked state Telegram reports."""

import json

from aiogram import Bot, F
from aiogram.filters import (
    KICKED,
    MEMBER,
    ChatMemberUpdatedFilter,
    Command,
    StateFilter,
)
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardMarkup,
    Message,
)
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.profile import EDITABLE, DeleteMeCb, ProfileAction, ProfileCb
from bot.commands import refresh_chat_commands
from bot.dialogue import Dialogue, Step
from bot.keyboards import profile as keyboards
from bot.replies import answer_quietly, ask_for_text, edit, notify, send
from bot.routing import Handlers
from bot.services import people
from bot.services.access import Actor
from bot.texts import profile as texts
from bot.texts.vocabulary import ERASED_PERSON, NO, NOT_SET, YES, esc, role_list
from models import Person

handlers = Handlers("profile")


class ProfileEdit(StatesGroup):
    value = Step(texts.EXPECT_VALUE, starts=True)


class ProfileEditData(TypedDict):
    field: ProfileAction  # one of EDITABLE


PROFILE_EDIT = Dialogue(ProfileEditData)


def render_profile(person: Person) -> tuple[str, InlineKeyboardMarkup]:
    def shown(value: object) -> str:
        return esc(value) if value not in (None, "") else NOT_SET

    text = texts.PROFILE.format(
        full_name=shown(person.full_name),
        position=shown(person.position),
        subject=shown(person.subject),
        experience=shown(person.experience_years),
        organization=esc(person.organization.name),
        roles=role_list(person.role_set),
        share=YES if person.share_contact else NO,
    )
    return text, keyboards.profile(person.id, person.share_contact, person.role_set)


@handlers.message(Command("profile"))
async def profile_command(message: Message, actor: Actor) -> None:
    text, markup = render_profile(actor.require_person())
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.PROFILE))
async def profile_button(callback: CallbackQuery, actor: Actor) -> None:
    text, markup = render_profile(actor.require_person())
    await send(callback, text, markup)


@handlers.callback_query(ProfileCb.filter(F.action.in_(EDITABLE)))
async def edit_field(
    callback: CallbackQuery, callback_data: ProfileCb, state: FSMContext, actor: Actor
) -> None:
    actor.require_person()
    field = texts.PROFILE_FIELD_NAMES[callback_data.action]
    prompt = texts.PROFILE_ASK.format(field=field)
    data: ProfileEditData = {"field": callback_data.action}
    await ask_for_text(callback, state, ProfileEdit.value, prompt, PROFILE_EDIT, data)


@handlers.message(StateFilter(ProfileEdit.value), F.text & ~F.text.startswith("/"))
async def edit_value(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    field = (await PROFILE_EDIT.get(state))["field"]
    person = await people.update_profile(session, actor, field, message.text)
    await state.clear()
    text, markup = render_profile(person)
    await message.answer(texts.PROFILE_SAVED)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(
    ProfileCb.filter(F.action.in_({ProfileAction.SHARE_ON, ProfileAction.SHARE_OFF}))
)
async def toggle_share(
    callback: CallbackQuery, callback_data: ProfileCb, session: AsyncSession, actor: Actor
) -> None:
    share = callback_data.action is ProfileAction.SHARE_ON
    username = callback.from_user.username
    if share and not username:
        await notify(callback, texts.SHARE_NEEDS_USERNAME)
        return
    person = await people.set_share_contact(session, actor, share, username)
    await answer_quietly(callback, texts.PROFILE_SAVED)
    text, markup = render_profile(person)
    await edit(callback, text, markup)


async def _send_my_data(message: Message, session: AsyncSession, actor: Actor) -> None:
    data = await people.export_personal_data(session, actor)
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode()
    await message.answer_document(
        BufferedInputFile(payload, filename="my_data.json"), caption=texts.MY_DATA_CAPTION
    )


@handlers.message(Command("my_data"))
async def my_data_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    await _send_my_data(message, session, actor)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.MY_DATA))
async def my_data_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    actor.require_person()
    await answer_quietly(callback)
    if isinstance(callback.message, Message):
        await _send_my_data(callback.message, session, actor)


@handlers.message(Command("delete_me"))
async def delete_me_command(message: Message, actor: Actor) -> None:
    actor.require_person()
    await message.answer(
        texts.DELETE_CONFIRM.format(placeholder=ERASED_PERSON),
        reply_markup=keyboards.delete_me(),
    )


@handlers.callback_query(DeleteMeCb.filter())
async def delete_me_answer(
    callback: CallbackQuery,
    callback_data: DeleteMeCb,
    session: AsyncSession,
    actor: Actor,
    state: FSMContext,
    bot: Bot,
) -> None:
    if not callback_data.confirm:
        await answer_quietly(callback)
        await edit(callback, texts.DELETE_KEPT)
        return
    await people.erase_personal_data(session, actor)
    await state.clear()
    await refresh_chat_commands(bot, session, callback.from_user.id, frozenset(), actor.is_admin)
    await answer_quietly(callback)
    await edit(callback, texts.DELETE_DONE)


@handlers.my_chat_member(ChatMemberUpdatedFilter(member_status_changed=KICKED))
async def blocked_bot(event: ChatMemberUpdated, session: AsyncSession) -> None:
    await people.set_active(session, event.from_user.id, active=False)


@handlers.my_chat_member(ChatMemberUpdatedFilter(member_status_changed=MEMBER))
async def unblocked_bot(event: ChatMemberUpdated, session: AsyncSession) -> None:
    await people.set_active(session, event.from_user.id, active=True)
