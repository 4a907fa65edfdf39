"""Typed dialogue data. Each dialogue declares what it keeps between its steps as a TypedDict
(next to its states, in its handler module) and reads and writes it through a `Dialogue`, so a
mistyped key is an error mypy reports. What the FSM storage gives back is validated: after a
restart or through Redis, enums and dates come back as strings and are turned into what the
TypedDict says; data that no longer fits (left by an older version, or cut short) ends the
dialogue with a message saying how to go on, instead of failing on a missing key."""

from __future__ import annotations

from typing import Generic, TypeVar

from aiogram.fsm.context import FSMContext
from pydantic import TypeAdapter, ValidationError

from bot.services.errors import DomainError
from bot.texts.common import DIALOGUE_LOST

Data = TypeVar("Data")


class DialogueLost(DomainError):
    """The dialogue's data is gone or unreadable: it cannot be continued."""

    def __init__(self) -> None:
        super().__init__(DIALOGUE_LOST)


class Dialogue(Generic[Data]):
    """The data of one dialogue in the FSM storage."""

    def __init__(self, shape: type[Data]) -> None:
        self._adapter: TypeAdapter[Data] = TypeAdapter(shape)

    async def get(self, state: FSMContext) -> Data:
        try:
            return self._adapter.validate_python(await state.get_data())
        except ValidationError:
            await state.clear()
            raise DialogueLost from None

    async def set(self, state: FSMContext, data: Data) -> None:
        await state.set_data(self._adapter.dump_python(data, mode="json"))

    async def update(self, state: FSMContext, changes: Data) -> Data:
        """Add `changes` (some of the keys) to what is kept; returns the whole data."""
        data = await self.get(state)
        data.update(changes)  # type: ignore[attr-defined]  # Data is a TypedDict
        await self.set(state, data)
        return data
