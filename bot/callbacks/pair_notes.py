"""Callback data of the private notes' buttons."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import NoteVisibility


class NotesAction(StrEnum):
    LIST = "list"
    NEW = "new"


class NotesCb(CallbackData, prefix="note1"):
    action: NotesAction
    pair_id: int


class NoteVisibilityCb(CallbackData, prefix="notev1"):
    visibility: NoteVisibility
