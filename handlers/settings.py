"""The curator's settings of their organisation (/settings): how many working hours a help
request may wait for a mentor before the curator is told, after how many days without a meeting
the mentor is nudged, and the organisation's quiet hours."""

from aiogram import F
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.settings import OrgSettingsCb
from bot.keyboards import settings as keyboards
from bot.replies import answer_quietly, edit, send
from bot.routing import Handlers
from bot.services import organizations
from bot.services.access import Actor
from bot.services.organizations import OrgSetting
from bot.texts import settings as texts
from bot.texts.reminders import REMINDERS_QUIET, REMINDERS_QUIET_OFF
from bot.texts.vocabulary import esc
from models import Organization

handlers = Handlers("settings")


def render(organization: Organization) -> tuple[str, InlineKeyboardMarkup]:
    start, end = organization.quiet_hours_start, organization.quiet_hours_end
    quiet = start * 100 + end if start != end else 0
    text = texts.ORG_SETTINGS.format(
        name=esc(organization.name),
        hours=organization.help_escalation_hours,
        days=organization.no_meeting_nudge_days,
        stalled=organization.stalled_days,
        pulse=(
            texts.PULSE_EVERY.format(days=organization.pulse_days)
            if organization.pulse_days
            else texts.PULSE_NEVER
        ),
        quiet=REMINDERS_QUIET.format(start=start, end=end) if quiet else REMINDERS_QUIET_OFF,
    )
    markup = keyboards.org_settings(
        {
            OrgSetting.ESCALATION_HOURS: organization.help_escalation_hours,
            OrgSetting.NUDGE_DAYS: organization.no_meeting_nudge_days,
            OrgSetting.STALLED_DAYS: organization.stalled_days,
            OrgSetting.PULSE_DAYS: organization.pulse_days,
            OrgSetting.QUIET: quiet,
        },
        {
            OrgSetting.ESCALATION_HOURS: organizations.ESCALATION_HOURS_CHOICES,
            OrgSetting.NUDGE_DAYS: organizations.NUDGE_DAYS_CHOICES,
            OrgSetting.STALLED_DAYS: organizations.STALLED_DAYS_CHOICES,
            OrgSetting.PULSE_DAYS: organizations.PULSE_DAYS_CHOICES,
            OrgSetting.QUIET: organizations.QUIET_CHOICES,
        },
    )
    return text, markup


@handlers.message(Command("settings"))
async def settings_command(message: Message, actor: Actor) -> None:
    text, markup = render(await organizations.own_organization(actor))
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.SETTINGS))
async def settings_button(callback: CallbackQuery, actor: Actor) -> None:
    text, markup = render(await organizations.own_organization(actor))
    await send(callback, text, markup)


@handlers.callback_query(OrgSettingsCb.filter())
async def setting_chosen(
    callback: CallbackQuery, callback_data: OrgSettingsCb, session: AsyncSession, actor: Actor
) -> None:
    organization = await organizations.update_setting(
        session, actor, callback_data.field, callback_data.value
    )
    await answer_quietly(callback, texts.ORG_SETTINGS_SAVED)
    text, markup = render(organization)
    await edit(callback, text, markup)
