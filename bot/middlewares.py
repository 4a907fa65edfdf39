"""Dispatcher middlewares: the database unit of work of an update (and the sending, once it is
committed, of the notices it queued), and the acting user (`Actor`, with the gate that leaves a
teacher who left only their own data); and the Bot's request middleware that commits that unit
of work before the update talks to Telegram."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot, methods
from aiogram.client.default import Default
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.fsm.storage.base import BaseEventIsolation
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import CallbackQuery, InputFile, Message, TelegramObject, Update, User
from pydantic_core import PydanticSerializationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import delivery
from bot.callbacks.menu import MenuAction, MenuCb
from bot.callbacks.profile import DeleteMeCb
from bot.dialogue import step_of
from bot.outages import DATABASE_ERRORS, as_outage
from bot.replies import notify
from bot.services import inbox, people
from bot.services.access import Actor
from bot.services.errors import DatabaseUnavailable
from bot.texts.common import ACCESS_LEFT, DIALOGUE_INTERRUPTED
from bot.texts.vocabulary import esc
from models import utcnow
from models.database import wrote

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class InFlightMiddleware(BaseMiddleware):
    """Knows which updates are being handled, so that a stopping instance can wait for them
    (aiogram does not wait for its polling tasks)."""

    def __init__(self) -> None:
        self._running: set[asyncio.Future[Any]] = set()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._running.add(done)
        try:
            return await handler(event, data)
        finally:
            done.set_result(None)
            self._running.discard(done)

    async def finish(self, grace_seconds: float) -> None:
        """Wait until the updates being handled are done, at most `grace_seconds`."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=grace_seconds)


# The session of the update being handled in this task, for `CommitBeforeTelegram` and the
# dialogue storage.
_unit_of_work: ContextVar[AsyncSession | None] = ContextVar("unit_of_work", default=None)


DialogueWrite = Callable[[AsyncSession], Awaitable[None]]
# The dialogue state written by the update being handled: not undone with its unit of work.
_dialogue_writes: ContextVar[list[DialogueWrite] | None] = ContextVar(
    "dialogue_writes", default=None
)


def current_unit_of_work() -> AsyncSession | None:
    """The session of the update this task is handling, if any."""
    return _unit_of_work.get()


def keep_dialogue_write(write: DialogueWrite) -> None:
    """Write the dialogue state again should the update's unit of work be rolled back: a step
    that ends its dialogue and then refuses the action ends it all the same (as the state in
    Redis or in memory would)."""
    writes = _dialogue_writes.get()
    if writes is not None:
        writes.append(write)


class UserIsolation(BaseMiddleware):
    """One update of a user at a time (aiogram's events isolation), taken before the update's
    unit of work begins and released once it is committed, so that the user's next update
    reads what this one wrote. aiogram takes it in its FSM middleware, which the bot runs
    inside the unit of work instead, so that the dialogue state is read in the update's own
    transaction, not in one of its own."""

    def __init__(self, isolation: BaseEventIsolation, fsm: FSMContextMiddleware) -> None:
        self.isolation = isolation
        self.fsm = fsm

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        context = self.fsm.resolve_event_context(data["bot"], data)
        if context is None:
            return await handler(event, data)
        async with self.isolation.lock(context.key):
            return await handler(event, data)


class DatabaseMiddleware(BaseMiddleware):
    """Opens the unit of work of an update: committed when the handler returns, rolled back when
    it raises before talking to Telegram (so a refused or failed action leaves nothing
    half-written).

    Handlers write through services first and reply after, and what is written is committed
    before each call to Telegram (`CommitBeforeTelegram`): a reply never announces what is not
    saved, a lost reply never undoes a registration or an erasure, and no transaction (on
    SQLite, the write lock; on PostgreSQL, a pooled connection) waits on the network. So what a
    handler does after its first reply is a new transaction: it must read again what it
    changes there (services re-check in the write's own transaction)."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self.session_factory = session_factory

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        notices: list[str] = []
        writes: list[DialogueWrite] = []
        try:
            async with self.session_factory() as session:
                data["session"] = session
                token = _unit_of_work.set(session)
                queued_token = delivery.queued.set(notices)
                writes_token = _dialogue_writes.set(writes)
                try:
                    result = await handler(event, data)
                except TelegramAPIError:
                    await session.commit()
                    raise
                except BaseException as error:
                    await session.rollback()
                    notices.clear()  # what they announced is not saved
                    # The bot's own error: the dialogue moves on as the handler set it. Not
                    # after an outage or the deadline: the update is taken again from where it was.
                    if isinstance(error, Exception) and as_outage(error) is None:
                        await _write_again(session, writes)
                    raise
                finally:
                    _unit_of_work.reset(token)
                    delivery.queued.reset(queued_token)
                    _dialogue_writes.reset(writes_token)
                received = received_update.get()
                # Handled: marked in the update's last commit when that commit writes anyway
                # (if it fails the update is taken again, as it must be); otherwise polling
                # marks it, so that a failed mark of a finished update never runs it twice.
                pending = wrote(session) or session.new or session.dirty or session.deleted
                if received is not None and pending:
                    await inbox.mark_handled(session, received.bot_id, received.update_id, utcnow())
                else:
                    received = None
                await session.commit()
                if received is not None:
                    received.marked = True
                return result
        except DATABASE_ERRORS as error:
            notices.clear()
            raise DatabaseUnavailable(str(error)) from error
        finally:
            courier: delivery.Courier | None = data.get("courier")
            if notices and courier is not None:
                courier.dispatch(notices)


async def _write_again(session: AsyncSession, writes: list[DialogueWrite]) -> None:
    if not writes:
        return
    try:
        for write in writes:
            await write(session)
        await session.commit()
    except DATABASE_ERRORS:  # the error being raised says more
        await session.rollback()


@dataclass(slots=True)
class Received:
    """The inbox row of the update being handled in polling mode, and whether the update has
    written anything yet (from then on each call it makes is kept in the row first)."""

    bot_id: int
    update_id: int
    wrote: bool = False
    answered: bool = False  # a call kept in the row went through to Telegram
    marked: bool = False  # marked handled with the update's last writes


received_update: ContextVar[Received | None] = ContextVar("received_update", default=None)


def journal_entry(method: TelegramMethod[Any]) -> dict[str, Any]:
    """A Bot API call as the inbox keeps it, to be made again after a crash (a call with a
    file to upload is named only: it cannot be made again)."""
    name = type(method).__name__
    fields = dict(method)
    if any(isinstance(value, InputFile) for value in fields.values()):
        return {"method": name}
    # the bot's defaults (parse mode…) are left out: the call made again takes them anew
    defaults = {key for key, value in fields.items() if isinstance(value, Default)}
    try:
        params = method.model_dump(mode="json", exclude_unset=True, exclude=defaults)
    except PydanticSerializationError:
        return {"method": name}
    return {"method": name, "params": params}


def call_of(entry: dict[str, Any]) -> TelegramMethod[Any] | None:
    """The call an inbox entry keeps, or None when it cannot be made again."""
    method = getattr(methods, entry["method"], None)
    if method is None or "params" not in entry:
        return None
    return method.model_validate(entry["params"])  # type: ignore[no-any-return]


class CommitBeforeTelegram(BaseRequestMiddleware):
    """Commits the current update's unit of work before each call to Telegram; what the handler
    reads or writes after it runs in a new transaction, committed by `DatabaseMiddleware`.
    In polling mode a call after writes is committed with them in the update's inbox row, so
    that a crash before Telegram answered makes that call again instead of the handler."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        session = _unit_of_work.get()
        if session is None:
            return await make_request(bot, method)
        received = received_update.get()
        if received is not None and (received.wrote or wrote(session)):
            received.wrote = True
            entry = journal_entry(method)
            await inbox.note_call(session, received.bot_id, received.update_id, entry)
        else:
            received = None  # nothing written: nothing to keep, a crash runs the handler again
        if session.in_transaction():
            await session.commit()
        response = await make_request(bot, method)
        if received is not None:
            received.answered = True
        return response


class ActorMiddleware(BaseMiddleware):
    """Loads the person behind the update's user and marks them active again if they had
    blocked the bot and now write to it."""

    def __init__(self, admin_ids: frozenset[int]) -> None:
        self.admin_ids = admin_ids

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is not None:
            session: AsyncSession = data["session"]
            person = await people.find_by_telegram_id(session, user.id)
            if person is not None and not person.is_active:
                person.is_active = True
            actor = Actor(
                telegram_id=user.id,
                person=person,
                is_admin=user.id in self.admin_ids,
                username=user.username,
            )
            data["actor"] = actor
            inner = event.event if isinstance(event, Update) else event
            if actor.left and not _open_to_those_who_left(inner):
                await _refuse(inner, ACCESS_LEFT)
                return None
        return await handler(event, data)


# What a teacher who left may still do: see the menu and help, take or erase their own data.
OPEN_TO_THOSE_WHO_LEFT = frozenset({"start", "help", "my_data", "delete_me", "cancel"})


def _open_to_those_who_left(event: TelegramObject) -> bool:
    if isinstance(event, Message):
        text = event.text or ""
        command = text[1:].split(maxsplit=1)[0].split("@")[0].casefold() if text[:1] == "/" else ""
        return command in OPEN_TO_THOSE_WHO_LEFT
    if isinstance(event, CallbackQuery):
        pressed = event.data or ""
        return pressed.startswith(f"{DeleteMeCb.__prefix__}:") or pressed in {
            MenuCb(action=MenuAction.MY_DATA).pack(),
            MenuCb(action=MenuAction.HELP).pack(),
        }
    return True  # the chat member updates: a blocked bot is recorded for anyone


async def _refuse(event: TelegramObject, text: str) -> None:
    if isinstance(event, CallbackQuery):
        await notify(event, text)
    elif isinstance(event, Message):
        await event.answer(esc(text))


class DialogueInterruption(BaseMiddleware):
    """A new command or a main-menu button ends the dialogue in progress (an abandoned wizard
    must not take a later answer for its own), and says so before doing what was asked."""

    def __init__(self, commands: frozenset[str]) -> None:
        self.commands = commands  # every command a handler answers; /cancel has its own answer

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        state: FSMContext | None = data.get("state")
        current = await state.get_state() if state is not None else None
        if state is not None and current is not None and self._starts_anew(event):
            await state.clear()
            step = step_of(current)
            if step is None or not step.starts:  # something typed in it is lost: say so
                bot: Bot = data["bot"]
                user: User = data["event_from_user"]
                await bot.send_message(user.id, DIALOGUE_INTERRUPTED)
        return await handler(event, data)

    def _starts_anew(self, event: TelegramObject) -> bool:
        if isinstance(event, Message):
            text = event.text or ""
            if not text.startswith("/") or len(text) < 2:
                return False
            command = text[1:].split(maxsplit=1)[0].split("@")[0].casefold()
            return command in self.commands and command != "cancel"
        menu = f"{MenuCb.__prefix__}{MenuCb.__separator__}"
        return isinstance(event, CallbackQuery) and (event.data or "").startswith(menu)
