"""Private notes: the list's «new note» and the mentor's choice of who sees it."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks.common import CancelCb
from bot.callbacks.pair_notes import NotesAction, NotesCb, NoteVisibilityCb
from bot.callbacks.pairs import PairAction, PairCb
from bot.keyboards.common import button
from bot.texts import common as common_texts
from bot.texts import pair_notes as texts
from bot.texts.pairs import BUTTON_OPEN_PAIR
from models.enums import NoteVisibility


def notes(pair_id: int, *, can_write: bool) -> InlineKeyboardMarkup:
    rows = [[button(BUTTON_OPEN_PAIR, PairCb(action=PairAction.OPEN, pair_id=pair_id))]]
    if can_write:
        rows.insert(
            0, [button(texts.BUTTON_NOTE_NEW, NotesCb(action=NotesAction.NEW, pair_id=pair_id))]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def visibility() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    texts.BUTTON_NOTE_PRIVATE, NoteVisibilityCb(visibility=NoteVisibility.PRIVATE)
                )
            ],
            [
                button(
                    texts.BUTTON_NOTE_CURATOR, NoteVisibilityCb(visibility=NoteVisibility.CURATOR)
                )
            ],
            [button(common_texts.BUTTON_CANCEL, CancelCb())],
        ]
    )
