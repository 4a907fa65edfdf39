"""A mentee's answer to the pulse check-in: one of five steps, then a comment if they wish;
«очень трудно» is told to the mentor and the curators at once, with the comment to the curators."""

from datetime import date

from aiogram import F
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from bot.callbacks.common import SkipCb
from bot.callbacks.pulse import PulseCb
from bot.delivery import deliver
from bot.dialogue import Dialogue, Step, TypedChoice
from bot.keyboards.common import skip
from bot.keyboards.pairs import open_pair
from bot.replies import answer_quietly, edit
from bot.routing import Handlers
from bot.services import pulse, staff
from bot.services.access import Actor
from bot.services.errors import ValidationFailed
from bot.texts import pulse as texts
from bot.texts.common import BUTTON_SKIP
from bot.texts.vocabulary import esc

handlers = Handlers("pulse")

ANSWER = F.text & ~F.text.startswith("/")


class PulseForm(StatesGroup):
    comment = Step(texts.EXPECT_PULSE_COMMENT, starts=True)


class PulseData(TypedDict):
    check_id: int


PULSE = Dialogue(PulseData)


def _day(stamp: int) -> date:
    try:
        return date(stamp // 10000, stamp // 100 % 100, stamp % 100)
    except ValueError:
        raise ValidationFailed(texts.PULSE_TOO_LATE) from None


@handlers.callback_query(PulseCb.filter())
async def answered(
    callback: CallbackQuery,
    callback_data: PulseCb,
    state: FSMContext,
    session: AsyncSession,
    actor: Actor,
) -> None:
    day = _day(callback_data.day)
    check, loaded = await pulse.answer(
        session, actor, callback_data.pair_id, day, callback_data.score
    )
    very_hard = check.score == pulse.VERY_HARD
    if very_hard:
        alarm = texts.PULSE_ALARM.format(
            mentee=esc(actor.require_person().full_name), pair=loaded.pair.id
        )
        organization = actor.require_person().organization
        for person in [loaded.mentor, *await staff.curators(session, organization)]:
            await deliver(session, person, alarm, open_pair(loaded.pair.id))
    await state.clear()
    await state.set_state(PulseForm.comment)
    await PULSE.set(state, {"check_id": check.id})
    await answer_quietly(callback)
    chosen = texts.PULSE_STEPS[check.score]
    thanks = texts.PULSE_THANKS_HARD if very_hard else texts.PULSE_THANKS
    await edit(callback, f"{chosen}\n\n{thanks}", skip())


@handlers.message(StateFilter(PulseForm.comment), TypedChoice({True: BUTTON_SKIP}))
async def comment_skipped_typed(message: Message, state: FSMContext) -> None:
    await state.clear()
    await message.answer(texts.PULSE_SKIPPED)


@handlers.message(StateFilter(PulseForm.comment), ANSWER)
async def comment_typed(
    message: Message, state: FSMContext, session: AsyncSession, actor: Actor
) -> None:
    check_id = (await PULSE.get(state, "check_id"))["check_id"]
    check = await pulse.add_comment(session, actor, check_id, message.text)
    await state.clear()
    if check.score == pulse.VERY_HARD:
        person = actor.require_person()
        note = texts.PULSE_ALARM_COMMENT.format(
            mentee=esc(person.full_name), pair=check.pair_id, comment=esc(check.comment)
        )
        for curator in await staff.curators(session, person.organization):
            await deliver(session, curator, note, open_pair(check.pair_id))
    await message.answer(texts.PULSE_COMMENT_SAVED)


@handlers.callback_query(StateFilter(PulseForm.comment), SkipCb.filter())
async def comment_skipped(callback: CallbackQuery, state: FSMContext) -> None:
    await state.clear()
    await answer_quietly(callback)
    await edit(callback, texts.PULSE_SKIPPED)
