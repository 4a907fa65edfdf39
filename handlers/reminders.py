"""/reminders: a person turns kinds of reminders on and off and chooses their quiet hours."""

from aiogram import F
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.reminders import QuietHoursCb, ReminderToggleCb
from bot.keyboards import reminders as keyboards
from bot.replies import answer_quietly, edit, send
from bot.routing import Handlers
from bot.services.access import Actor
from bot.services.reminders import preferences
from bot.texts import reminders as texts

handlers = Handlers("reminders")


def _hours(start: int, end: int) -> str:
    if start == end:
        return texts.REMINDERS_QUIET_OFF
    return texts.REMINDERS_QUIET.format(start=start, end=end)


async def render(session: AsyncSession, actor: Actor) -> tuple[str, InlineKeyboardMarkup]:
    current = await preferences.settings_of(session, actor.require_person())
    if current.own_quiet_hours is None:
        quiet = texts.REMINDERS_QUIET_ORG.format(hours=_hours(*current.organization_quiet_hours))
    else:
        quiet = _hours(*current.own_quiet_hours)
    markup = keyboards.reminder_settings(
        list(current.enabled.items()),
        preferences.QUIET_CHOICES,
    )
    return texts.REMINDERS_SETTINGS.format(quiet=quiet), markup


@handlers.message(Command("reminders"))
async def reminders_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render(session, actor)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.REMINDERS))
async def reminders_button(callback: CallbackQuery, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render(session, actor)
    await send(callback, text, markup)


@handlers.callback_query(ReminderToggleCb.filter())
async def toggled(
    callback: CallbackQuery,
    callback_data: ReminderToggleCb,
    session: AsyncSession,
    actor: Actor,
) -> None:
    await preferences.toggle(session, actor.require_person(), callback_data.category)
    text, markup = await render(session, actor)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(QuietHoursCb.filter())
async def quiet_chosen(
    callback: CallbackQuery, callback_data: QuietHoursCb, session: AsyncSession, actor: Actor
) -> None:
    await preferences.set_quiet_hours(
        session, actor.require_person(), callback_data.start, callback_data.end
    )
    text, markup = await render(session, actor)
    await answer_quietly(callback)
    await edit(callback, text, markup)
