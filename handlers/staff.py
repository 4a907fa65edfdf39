"""The curator's staff-list import: a file in, people and personal invite links out, with a
row-by-row report of what was wrong."""

from aiogram import Bot, F
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks.menu import MenuAction, MenuCb
from bot.dialogue import Step
from bot.keyboards.common import cancel
from bot.replies import send
from bot.routing import Handlers
from bot.services import staff_import
from bot.services.access import Actor
from bot.texts import staff as texts
from bot.texts.vocabulary import esc

handlers = Handlers("staff")


class StaffImport(StatesGroup):
    file = Step(texts.EXPECT_FILE, starts=True)


MAX_ERRORS_SHOWN = 30


def report_text(report: staff_import.ImportReport) -> str:
    text = texts.IMPORT_DONE.format(
        created=len(report.created),
        links=len(report.links),
        roles=report.roles_added,
        skipped=len(report.skipped),
        errors=len(report.errors),
    )
    if report.errors:
        text += texts.IMPORT_ERRORS_HEADER
        for row, reason in report.errors[:MAX_ERRORS_SHOWN]:
            text += texts.IMPORT_ERROR_LINE.format(row=row, reason=esc(reason))
        if len(report.errors) > MAX_ERRORS_SHOWN:
            text += texts.IMPORT_ERRORS_MORE.format(more=len(report.errors) - MAX_ERRORS_SHOWN)
    return text


@handlers.message(Command("import"))
async def import_command(message: Message, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await state.set_state(StaffImport.file)
    await message.answer(texts.IMPORT_ASK_FILE, reply_markup=cancel())


@handlers.callback_query(MenuCb.filter(F.action == MenuAction.IMPORT))
async def import_button(callback: CallbackQuery, state: FSMContext, actor: Actor) -> None:
    actor.require_curator()
    await state.set_state(StaffImport.file)
    await send(callback, texts.IMPORT_ASK_FILE, cancel())


@handlers.message(StateFilter(StaffImport.file), F.document)
async def file_received(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor, bot: Bot
) -> None:
    actor.require_curator()
    document = message.document
    assert document is not None  # the filter lets only documents in
    staff_import.check_file(document.file_name, document.file_size)
    downloaded = await bot.download(document)
    assert downloaded is not None
    report = await staff_import.import_staff(
        session, actor, document.file_name or "", downloaded.read()
    )
    await state.clear()
    await message.answer(report_text(report))
    await message.answer_document(
        BufferedInputFile(staff_import.report_csv(report), filename="import_report.csv"),
        caption=texts.IMPORT_REPORT_CAPTION,
    )
    if report.links:
        links = staff_import.invites_csv(report, (await bot.me()).username or "")
        await message.answer_document(
            BufferedInputFile(links, filename="invites.csv"), caption=texts.IMPORT_LINKS_CAPTION
        )
