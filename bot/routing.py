"""Handlers declared with their triggers where they are defined, built into a fresh `Router`
for each Dispatcher.

aiogram lets a `Router` belong to one Dispatcher only, and the tests start one per test; so a
feature module declares `handlers = Handlers("difficulties")` and decorates each handler as
aiogram's own examples decorate a router's (`@handlers.message(Command("new_difficulty"))`),
and `handlers.router()` registers them, in the order they were declared, on a new router.

Magic filters (`F.text`, `F.chat.type == ...`) are registered wrapped in `InlineFilter`: aiogram
runs every filter that is not a coroutine through `asyncio.to_thread`, a thread round trip per
check for a comparison of microseconds — a millisecond of CPU an update over all the checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from aiogram import Router
from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter

HandlerT = TypeVar("HandlerT", bound=Callable[..., Any])
Observer = Literal["message", "callback_query", "my_chat_member", "errors"]


class InlineFilter(Filter):
    """A magic filter checked in the loop's thread, with aiogram's meaning of its result (false
    rejects, a dict goes to the handler's arguments)."""

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)


def inline(filters: tuple[Any, ...]) -> tuple[Any, ...]:
    """The filters, each magic filter among them wrapped in `InlineFilter`."""
    return tuple(InlineFilter(f) if isinstance(f, MagicFilter) else f for f in filters)


@dataclass(frozen=True, slots=True)
class _Registration:
    observer: Observer
    callback: Callable[..., Any]
    filters: tuple[Any, ...]


class Handlers:
    """The handlers of one feature, with their triggers."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._registrations: list[_Registration] = []

    def message(self, *filters: Any) -> Callable[[HandlerT], HandlerT]:
        return self._on("message", filters)

    def callback_query(self, *filters: Any) -> Callable[[HandlerT], HandlerT]:
        return self._on("callback_query", filters)

    def my_chat_member(self, *filters: Any) -> Callable[[HandlerT], HandlerT]:
        return self._on("my_chat_member", filters)

    def errors(self, *filters: Any) -> Callable[[HandlerT], HandlerT]:
        return self._on("errors", filters)

    def router(self) -> Router:
        router = Router(name=self.name)
        for item in self._registrations:
            getattr(router, item.observer).register(item.callback, *item.filters)
        return router

    def _on(self, observer: Observer, filters: tuple[Any, ...]) -> Callable[[HandlerT], HandlerT]:
        def register(callback: HandlerT) -> HandlerT:
            self._registrations.append(_Registration(observer, callback, inline(filters)))
            return callback

        return register
