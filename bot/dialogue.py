"""Dialogues: their steps and their typed data.

A step is a `Step`: a state that says what it waits for, so that whatever else comes at that
step (a sticker, a stray command, a word where buttons are offered) is answered by naming it;
a typed word that matches one of the step's buttons counts as that button (`TypedChoice`).

Each dialogue declares what it keeps between its steps as a TypedDict
(next to its states, in its handler module) and reads and writes it through a `Dialogue`, so a
mistyped key is an error mypy reports. What the FSM storage gives back is validated: after a
restart or through Redis, enums and dates come back as strings and are turned into what the
TypedDict says; data that no longer fits (left by an older version, or cut short) ends the
dialogue with a message saying how to go on, instead of failing on a missing key."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Generic, TypeVar, cast

from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from pydantic import TypeAdapter, ValidationError

from bot.services.errors import DomainError, ValidationFailed
from bot.texts.common import DIALOGUE_LOST, STEP_EXPECTS

Data = TypeVar("Data")


class DialogueLost(DomainError):
    """The dialogue's data is gone or unreadable: it cannot be continued."""

    def __init__(self) -> None:
        super().__init__(DIALOGUE_LOST)


class Dialogue(Generic[Data]):
    """The data of one dialogue in the FSM storage."""

    def __init__(self, shape: type[Data]) -> None:
        self._adapter: TypeAdapter[Data] = TypeAdapter(shape)

    async def get(self, state: FSMContext, *needed: str) -> Data:
        """The dialogue's data; with `needed`, the keys this step cannot go on without (an
        answer of an earlier step): missing, the dialogue is over, saying so."""
        try:
            data = self._adapter.validate_python(await state.get_data())
        except ValidationError:
            await state.clear()
            raise DialogueLost from None
        if any(key not in cast(Mapping[str, Any], data) for key in needed):
            await state.clear()
            raise DialogueLost
        return data

    async def set(self, state: FSMContext, data: Data) -> None:
        await state.set_data(self._adapter.dump_python(data, mode="json"))

    async def update(self, state: FSMContext, changes: Data) -> Data:
        """Add `changes` (some of the keys) to what is kept; returns the whole data."""
        data = await self.get(state)
        data.update(changes)  # type: ignore[attr-defined]  # Data is a TypedDict
        await self.set(state, data)
        return data


class Step(State):
    """A dialogue step that knows what it waits for: said when it gets something else (a
    sticker, a stray command, a typed word where buttons are offered). A step a dialogue
    `starts` at holds nothing typed yet (or keeps what it takes at once): leaving it loses
    nothing, so an interruption there goes without a word."""

    def __init__(self, expects: str, *, starts: bool = False) -> None:
        super().__init__()
        self.expects = expects
        self.starts = starts


class NotWhatTheStepTakes(ValidationFailed):
    """An answer that fits none of a step's choices: the step says what it waits for."""

    def __init__(self, step: Step) -> None:
        super().__init__(STEP_EXPECTS.format(expects=step.expects))


def _groups(root: type[StatesGroup] = StatesGroup) -> list[type[StatesGroup]]:
    found = []
    for group in root.__subclasses__():
        found.append(group)
        found.extend(_groups(group))
    return found


def step_of(raw_state: str | None) -> Step | None:
    """The step of a stored state (None for a state that is not a `Step`, or none)."""
    if raw_state is None:
        return None
    for group in _groups():
        for state in group.__all_states__:
            if state.state == raw_state:
                return state if isinstance(state, Step) else None
    return None


def all_steps() -> list[Step]:
    """Every step of every dialogue the handlers declare (for the tests that walk them all)."""
    return [state for group in _groups() for state in group.__states__ if isinstance(state, Step)]


_NOT_A_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def _words(text: str) -> str:
    """What matters when a person types a button's label: letters, digits and single spaces,
    in any case, ё as е (emoji and punctuation aside)."""
    text = _NOT_A_WORD.sub(" ", text.casefold().replace("ё", "е"))
    return _SPACES.sub(" ", text).strip()


Choice = TypeVar("Choice")


Labels = Mapping[Choice, str | tuple[str, ...]]


def typed_choice(text: str | None, labels: Labels[Choice]) -> Choice | None:
    """The choice whose button label (or another word for it) the person typed instead of
    tapping: the label itself, or a beginning of it that fits no other choice (at least three
    letters); None when none fits."""
    typed = _words(text or "")
    if not typed:
        return None
    words = {
        choice: [_words(item) for item in (label if isinstance(label, tuple) else (label,))]
        for choice, label in labels.items()
    }
    exact = {choice for choice, items in words.items() if typed in items}
    if len(exact) == 1:
        return exact.pop()
    starting = {
        choice for choice, items in words.items() if any(item.startswith(typed) for item in items)
    }
    if len(starting) == 1 and len(typed) >= 3:
        return starting.pop()
    return None


class TypedChoice(Filter):
    """A typed answer that matches one of a step's buttons; the handler gets it as `choice`."""

    def __init__(self, labels: Labels[Any]) -> None:
        self.labels = labels

    async def __call__(self, message: Message) -> bool | dict[str, Any]:
        choice = typed_choice(message.text, self.labels)
        return False if choice is None else {"choice": choice}
