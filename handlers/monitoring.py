"""Monitoring for curators and the regional admin: /summary for a period (month, quarter,
school year or custom) with the organisations side by side for the region, chart images, the
Excel workbook (/report), and the audit log of reads of people's data (/audit, admins)."""

from __future__ import annotations

from datetime import date, datetime

from aiogram import Bot, F
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot import charts, documents
from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.monitoring import MentorsPageCb, SummaryAction, SummaryCb
from bot.dialogue import Step
from bot.keyboards import monitoring as keyboards
from bot.replies import answer_quietly, ask_for_text, edit, send
from bot.routing import Handlers
from bot.services import audit, monitoring, pair_results, pairs, roadmap, surveys, workbook
from bot.services.access import Actor
from bot.services.monitoring import Figures, Period, PeriodKind, Summary
from bot.settings import Settings
from bot.texts import monitoring as texts
from bot.texts.reports import FINAL_CAPTION
from bot.texts.vocabulary import (
    KIND_NAMES,
    LIST_MORE,
    category_short,
    decimal,
    esc,
    fit,
    local_time,
    shorten,
)
from models import utcnow

handlers = Handlers("monitoring")


class SummaryForm(StatesGroup):
    period = Step(texts.EXPECT_PERIOD, starts=True)


ANSWER = F.text & ~F.text.startswith("/")
REGION_LINES = 30  # organisations listed in the chat; the workbook has all
TOP_CATEGORIES = 3


def _stamp(day: date) -> int:
    return int(day.strftime("%Y%m%d"))


def _timezone(actor: Actor, settings: Settings) -> str:
    """The organisation's time zone; for the regional view, the region's default."""
    if monitoring.scope_of(actor) is None or actor.person is None:
        return settings.timezone
    return actor.person.organization.timezone


def _period(actor: Actor, settings: Settings, data: SummaryCb) -> Period:
    if data.kind is PeriodKind.CUSTOM:
        try:
            start = datetime.strptime(str(data.start), "%Y%m%d").date()
            end = datetime.strptime(str(data.end), "%Y%m%d").date()
        except ValueError:
            return monitoring.custom_period("")
        return monitoring.custom_period(f"{start:%d.%m.%Y}-{end:%d.%m.%Y}")
    return monitoring.period(data.kind, pairs.local_today(_timezone(actor, settings)))


async def _summary(
    session: AsyncSession, actor: Actor, settings: Settings, chosen: Period
) -> Summary:
    scope = monitoring.scope_of(actor)
    timezone = _timezone(actor, settings)
    today = pairs.local_today(timezone)
    # the region's sections read side by side; one organisation's are done before readers of
    # their own would have connected
    return await monitoring.summary(
        session, scope, chosen, timezone, today, in_parallel=scope is None
    )


def _score(value: float | None) -> str:
    return (
        texts.SUMMARY_SCORE.format(value=decimal(value))
        if value is not None
        else texts.SUMMARY_NONE
    )


def _minutes(value: float | None) -> str:
    if value is None:
        return texts.SUMMARY_NONE
    if value < 90:
        return texts.SUMMARY_MINUTES.format(minutes=round(value))
    return texts.SUMMARY_HOURS.format(hours=decimal(value / 60))


def _young(figures: Figures) -> str:
    if figures.young_share is None:
        return ""
    return texts.SUMMARY_YOUNG.format(
        mentored=figures.young_with_mentor,
        young=figures.young_specialists,
        share=round(figures.young_share * 100),
    )


def summary_body(current: Summary, figures: Figures) -> str:
    """The indicators of one set of figures (an organisation's, a scope's total)."""
    forms = ", ".join(
        f"{KIND_NAMES[form].split(' (')[0].lower()} {count}"
        for form, count in sorted(figures.pairs_by_kind.items(), key=lambda item: -item[1])
    )
    top = sorted(figures.difficulties_new.items(), key=lambda item: -item[1])[:TOP_CATEGORIES]
    self_check = "; ".join(
        texts.SUMMARY_SELF_CHECK_ITEM.format(
            category=category_short(category), before=decimal(before), after=decimal(after)
        )
        for category, (before, after) in sorted(figures.self_check.items())
    )
    return texts.SUMMARY_BODY.format(
        teachers=figures.teachers,
        involved=figures.involved,
        share=round(figures.share * 100),
        mentors=figures.mentors,
        mentees=figures.mentees,
        young=_young(figures),
        pairs=figures.active_pairs,
        forms=f" ({forms})" if forms else "",
        held=figures.meetings_held,
        per_pair_month=decimal(current.per_pair_month(figures)),
        without=figures.pairs_without_meetings,
        reached=figures.goals_reached,
        open=figures.goals_open,
        overdue=figures.goals_overdue,
        done=figures.activities_done,
        activities_overdue=figures.activities_overdue,
        requests=figures.requests,
        median=_minutes(figures.first_answer_median_minutes),
        escalated=figures.requests_escalated,
        new=sum(figures.difficulties_new.values()),
        not_overcome=sum(figures.difficulties_open.values()),
        overcome=sum(figures.difficulties_overcome.values()),
        top=texts.SUMMARY_TOP.format(
            categories=", ".join(
                f"{category_short(category).lower()} ({count})" for category, count in top
            )
        )
        if top
        else "",
        rating=_score(figures.rating),
        satisfaction=_score(figures.satisfaction),
        self_check=self_check or texts.SUMMARY_NONE,
        categories=figures.categories_obtained,
        contests=figures.contest_participants,
        young_year_on=figures.young_year_on,
        young_retained=figures.young_retained,
    )


def render(current: Summary, region: bool) -> str:
    chosen = current.period
    if region:
        scope = texts.SUMMARY_REGION.format(count=len(current.organizations))
    else:
        scope = esc(next(iter(current.organizations.values()), ""))
    text = texts.SUMMARY_HEAD.format(
        scope=scope, start=f"{chosen.start:%d.%m.%Y}", end=f"{chosen.end:%d.%m.%Y}"
    )
    text += summary_body(current, current.total)
    if region:
        text += texts.SUMMARY_REGION_HEADER
        for organization, name in list(current.organizations.items())[:REGION_LINES]:
            figures = current.by_organization[organization]
            text += texts.SUMMARY_REGION_LINE.format(
                name=esc(shorten(name, 60)),
                share=round(figures.share * 100),
                pairs=figures.active_pairs,
                held=figures.meetings_held,
                requests=figures.requests,
                overdue=figures.goals_overdue,
            )
        if len(current.organizations) > REGION_LINES:
            text += LIST_MORE.format(more=len(current.organizations) - REGION_LINES)
    return text


async def _show(
    session: AsyncSession, actor: Actor, settings: Settings, chosen: Period
) -> tuple[str, InlineKeyboardMarkup]:
    current = await _summary(session, actor, settings, chosen)
    markup = keyboards.summary(chosen.kind, _stamp(chosen.start), _stamp(chosen.end))
    return render(current, region=monitoring.scope_of(actor) is None), markup


@handlers.message(Command("summary"))
async def summary_command(
    message: Message, session: AsyncSession, actor: Actor, settings: Settings
) -> None:
    chosen = _period(actor, settings, SummaryCb(action=SummaryAction.SHOW))
    text, markup = await _show(session, actor, settings, chosen)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.SUMMARY))
async def summary_button(
    callback: CallbackQuery, session: AsyncSession, actor: Actor, settings: Settings
) -> None:
    chosen = _period(actor, settings, SummaryCb(action=SummaryAction.SHOW))
    text, markup = await _show(session, actor, settings, chosen)
    await send(callback, text, markup)


@handlers.callback_query(SummaryCb.filter(F.action == SummaryAction.SHOW))
async def period_chosen(
    callback: CallbackQuery,
    callback_data: SummaryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
) -> None:
    text, markup = await _show(session, actor, settings, _period(actor, settings, callback_data))
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.callback_query(SummaryCb.filter(F.action == SummaryAction.CUSTOM))
async def ask_custom(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    monitoring.scope_of(actor)
    await ask_for_text(callback, state, SummaryForm.period, texts.SUMMARY_ASK_PERIOD)


@handlers.message(StateFilter(SummaryForm.period), ANSWER)
async def custom_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor, settings: Settings
) -> None:
    chosen = monitoring.custom_period(message.text)
    await state.clear()
    text, markup = await _show(session, actor, settings, chosen)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(SummaryCb.filter(F.action == SummaryAction.CHARTS))
async def send_charts(
    callback: CallbackQuery,
    callback_data: SummaryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
    bot: Bot,
) -> None:
    current = await _summary(session, actor, settings, _period(actor, settings, callback_data))
    images = [
        (name, image)
        for name, image in (
            ("difficulties.png", charts.difficulties(current.total)),
            ("meetings.png", charts.meetings(current.meetings_by_month)),
            ("self_check.png", charts.self_check(current.total)),
        )
        if image is not None
    ]
    await answer_quietly(callback)
    if not images:
        await bot.send_message(callback.from_user.id, texts.CHART_NO_DATA)
    for name, image in images:
        await bot.send_photo(callback.from_user.id, BufferedInputFile(image, filename=name))


def _span(chosen: Period) -> dict[str, str]:
    return {"start": f"{chosen.start:%d.%m.%Y}", "end": f"{chosen.end:%d.%m.%Y}"}


async def _workbook_file(
    session: AsyncSession, actor: Actor, settings: Settings, chosen: Period
) -> tuple[BufferedInputFile, str]:
    scope = monitoring.scope_of(actor)
    content = await workbook.build(session, scope, chosen, _timezone(actor, settings))
    organizations: list[int | None] = list(scope) if scope is not None else [None]
    for organization_id in organizations:
        await audit.record(
            session,
            actor,
            "workbook",
            organization_id=organization_id,
            details=f"{chosen.start:%d.%m.%Y}–{chosen.end:%d.%m.%Y}",
        )
    name = f"monitoring_{chosen.start:%Y%m%d}_{chosen.end:%Y%m%d}.xlsx"
    return BufferedInputFile(content, filename=name), texts.WORKBOOK_CAPTION.format(**_span(chosen))


async def _final_report_file(
    session: AsyncSession, actor: Actor, settings: Settings, chosen: Period
) -> tuple[BufferedInputFile, str]:
    current = await _summary(session, actor, settings, chosen)
    if monitoring.scope_of(actor) is None:
        scope_name = texts.SUMMARY_REGION.format(count=len(current.organizations))
    else:
        scope_name = next(iter(current.organizations.values()), "")
    signer = actor.person.full_name if actor.person else ""
    scope = monitoring.scope_of(actor)
    timezone = _timezone(actor, settings)
    sections = None
    if scope is not None and len(scope) == 1:
        sections = documents.final_report.OrganizationSections(
            roadmap=await roadmap.of_year(session, scope[0], pairs.school_year(chosen.start)),
            pairs=await pair_results.of_period(session, scope[0], chosen, timezone),
            surveys=await surveys.all_results(session, scope[0], pairs.local_today(timezone)),
        )
    made_on = pairs.local_today(timezone)
    content = documents.final_report.build(current, scope_name, signer, made_on, sections)
    name = f"final_report_{chosen.start:%Y}_{chosen.end:%Y}.docx"
    return BufferedInputFile(content, filename=name), FINAL_CAPTION.format(**_span(chosen))


# The files of the monitoring, by the summary button's action; and the commands that send
# them for the current school year.
FILES = {SummaryAction.WORKBOOK: _workbook_file, SummaryAction.FINAL: _final_report_file}
FILE_COMMANDS = {"report": SummaryAction.WORKBOOK, "final_report": SummaryAction.FINAL}


@handlers.callback_query(SummaryCb.filter(F.action.in_(FILES)))
async def file_button(
    callback: CallbackQuery,
    callback_data: SummaryCb,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
    bot: Bot,
) -> None:
    chosen = _period(actor, settings, callback_data)
    await answer_quietly(callback)
    document, caption = await FILES[callback_data.action](session, actor, settings, chosen)
    await bot.send_document(callback.from_user.id, document, caption=caption)


@handlers.message(Command(*FILE_COMMANDS))
async def file_command(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    actor: Actor,
    settings: Settings,
) -> None:
    action = FILE_COMMANDS[command.command]
    chosen = _period(actor, settings, SummaryCb(action=action, kind=PeriodKind.YEAR))
    document, caption = await FILES[action](session, actor, settings, chosen)
    await message.answer_document(document, caption=caption)


@handlers.message(Command("audit"))
async def audit_command(
    message: Message, session: AsyncSession, actor: Actor, settings: Settings
) -> None:
    entries = await audit.latest(session, actor)
    if not entries:
        await message.answer(texts.AUDIT_EMPTY)
        return
    lines = [texts.AUDIT_HEADER.format(timezone=settings.timezone)]
    for line in entries:
        # each in its organisation's local time; the region's zone for what has none
        timezone = line.timezone or settings.timezone
        lines.append(
            texts.AUDIT_LINE.format(
                when=local_time(line.entry.created_at, timezone),
                who=esc(line.who),
                action=texts.AUDIT_ACTIONS.get(line.entry.action, line.entry.action),
                organization=(
                    texts.AUDIT_ORGANIZATION.format(name=esc(line.organization))
                    if line.organization
                    else ""
                ),
                details=esc(line.entry.details or ""),
            )
        )
    await message.answer(fit(lines[0], lines[1:]))


async def render_mentors(
    session: AsyncSession, actor: Actor, page_number: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    timezone = actor.require_curator().organization.timezone
    page, loads = await monitoring.mentor_load(
        session, actor, page_number, utcnow(), pairs.local_today(timezone)
    )
    if not page.total:
        return texts.MENTORS_EMPTY, None
    text = texts.MENTORS_HEADER.format(total=page.total, page=page.number + 1, pages=page.pages)
    for offset, mentor in enumerate(page.items):
        load = loads[mentor.id]
        text += texts.MENTOR_LINE.format(
            number=page.first + offset,
            name=esc(mentor.full_name),
            pairs=load.pairs,
            mentees=load.mentees,
            meetings=load.meetings,
            requests=load.open_requests,
            overdue=load.overdue_goals,
            idle=(texts.MENTOR_IDLE if load.pairs and not load.meetings else "")
            + (
                texts.MENTOR_ELSEWHERE.format(count=load.other_schools)
                if load.other_schools
                else ""
            ),
        )
    names = [(mentor.id, mentor.full_name) for mentor in page.items]
    return text, keyboards.mentors(page, names)


@handlers.message(Command("mentor", "mentors"))
async def mentors_command(message: Message, session: AsyncSession, actor: Actor) -> None:
    text, markup = await render_mentors(session, actor, 0)
    await message.answer(text, reply_markup=markup)


@handlers.callback_query(MentorsPageCb.filter())
async def mentors_page(
    callback: CallbackQuery, callback_data: MentorsPageCb, session: AsyncSession, actor: Actor
) -> None:
    text, markup = await render_mentors(session, actor, callback_data.page)
    await answer_quietly(callback)
    await edit(callback, text, markup)


@handlers.message(Command("difficulties"))
async def difficulties_command(
    message: Message, session: AsyncSession, actor: Actor, settings: Settings, bot: Bot
) -> None:
    scope = monitoring.scope_of(actor)
    timezone = _timezone(actor, settings)
    trend = await monitoring.difficulty_trend(session, scope, timezone, pairs.local_today(timezone))
    categories = trend.open.keys() | trend.overcome.keys()
    if not categories:
        await message.answer(texts.TREND_EMPTY)
        return
    names = await monitoring.organization_names(session, scope)
    scope_name = (
        texts.SUMMARY_REGION.format(count=len(names))
        if scope is None
        else esc(next(iter(names.values()), ""))
    )
    text = texts.TREND_HEADER.format(scope=scope_name, first=trend.months[0], last=trend.months[-1])
    for category in sorted(categories, key=lambda c: -trend.open.get(c, 0)):
        counts = trend.new.get(category, {})
        text += texts.TREND_LINE.format(
            category=category_short(category),
            open=trend.open.get(category, 0),
            overcome=trend.overcome.get(category, 0),
            trend=" → ".join(str(counts.get(month, 0)) for month in trend.months),
        )
    await message.answer(text)
    image = charts.difficulty_trend(trend)
    if image is not None:
        await bot.send_photo(message.chat.id, BufferedInputFile(image, filename="trend.png"))
