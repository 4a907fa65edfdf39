"""The curator's settings of their organisation (/settings): how many working hours a help
request may wait for a mentor before the curator is told, after how many days without a meeting
the mentor is nudged, and the organisation's quiet hours."""

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import keyboards, texts
from bot.callbacks import MenuCb, OrgSettingsCb
from bot.replies import answer_quietly, edit, send
from bot.services import organizations
from bot.services.access import Actor
from models import Organization


def render(organization: Organization) -> tuple[str, InlineKeyboardMarkup]:
    start, end = organization.quiet_hours_start, organization.quiet_hours_end
    quiet = start * 100 + end if start != end else 0
    text = texts.ORG_SETTINGS.format(
        name=texts.esc(organization.name),
        hours=organization.help_escalation_hours,
        days=organization.no_meeting_nudge_days,
        quiet=texts.REMINDERS_QUIET.format(start=start, end=end)
        if quiet
        else texts.REMINDERS_QUIET_OFF,
    )
    markup = keyboards.org_settings(
        {
            "escalation_hours": organization.help_escalation_hours,
            "nudge_days": organization.no_meeting_nudge_days,
            "quiet": quiet,
        },
        {
            "escalation_hours": organizations.ESCALATION_HOURS_CHOICES,
            "nudge_days": organizations.NUDGE_DAYS_CHOICES,
            "quiet": organizations.QUIET_CHOICES,
        },
    )
    return text, markup


async def settings_command(message: Message, actor: Actor) -> None:
    text, markup = render(await organizations.own_organization(actor))
    await message.answer(text, reply_markup=markup)


async def settings_button(callback: CallbackQuery, actor: Actor) -> None:
    text, markup = render(await organizations.own_organization(actor))
    await send(callback, text, markup)


async def setting_chosen(
    callback: CallbackQuery, callback_data: OrgSettingsCb, session: AsyncSession, actor: Actor
) -> None:
    organization = await organizations.update_setting(
        session, actor, callback_data.field, callback_data.value
    )
    await answer_quietly(callback, texts.ORG_SETTINGS_SAVED)
    text, markup = render(organization)
    await edit(callback, text, markup)


def create_router() -> Router:
    router = Router(name="settings")
    router.message.register(settings_command, Command("settings"))
    router.callback_query.register(settings_button, MenuCb.filter(F.action == "settings"))
    router.callback_query.register(setting_chosen, OrgSettingsCb.filter())
    return router
