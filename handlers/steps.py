"""What a dialogue step gets that it does not take: a word where buttons are offered, a stray
command, anything the step's own handlers passed over. The answer names what the step waits
for, so a person in the middle of a dialogue is never told they are a stranger. Comes after
the features' routers (their handlers take what fits) and before the fallback."""

from aiogram.filters import StateFilter
from aiogram.types import Message

from bot.dialogue import step_of
from bot.routing import Handlers
from bot.texts import common as texts

handlers = Handlers("steps")


def expectation(raw_state: str | None) -> str:
    """«Сейчас я жду …» for the step of this state."""
    step = step_of(raw_state)
    return texts.STEP_EXPECTS.format(expects=step.expects) if step else texts.UNKNOWN_INPUT


@handlers.message(~StateFilter(None))
async def not_what_the_step_takes(message: Message, raw_state: str | None) -> None:
    stray_command = (message.text or "").startswith("/")
    prefix = texts.NO_SUCH_COMMAND if stray_command else ""
    await message.answer(prefix + expectation(raw_state))
