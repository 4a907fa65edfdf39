"""The school documents' buttons: the hub, the order's number and date, the list of orders,
and the roadmap's events with the steps of a new one."""

from __future__ import annotations

from datetime import date

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks.common import CancelCb, TodayCb
from bot.callbacks.documents import (
    AudienceCb,
    DocumentsAction,
    DocumentsCb,
    EventAction,
    EventCb,
    EventKindCb,
    NewOrderCb,
    OrderFileCb,
    OrderNumberCb,
    ResponsibleCb,
)
from bot.keyboards.common import button
from bot.texts import common as common_texts
from bot.texts import documents as texts
from bot.texts.vocabulary import shorten
from models import Order, RoadmapEvent
from models.enums import OrderKind

LABEL_LENGTH = 40


def hub(*, adopted: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(button(texts.BUTTON_ORDER_FIXING, NewOrderCb(kind=OrderKind.FIXING)))
    builder.row(button(texts.BUTTON_ORDER_CHANGES, NewOrderCb(kind=OrderKind.CHANGES)))
    builder.row(button(texts.BUTTON_ORDERS, DocumentsCb(action=DocumentsAction.ORDERS)))
    builder.row(
        button(
            texts.BUTTON_REGULATION_TEMPLATE,
            DocumentsCb(action=DocumentsAction.REGULATION_TEMPLATE),
        )
    )
    builder.row(
        button(
            texts.BUTTON_REGULATION_UPLOAD, DocumentsCb(action=DocumentsAction.REGULATION_UPLOAD)
        )
    )
    if adopted:
        builder.row(
            button(
                texts.BUTTON_REGULATION_ADOPTED,
                DocumentsCb(action=DocumentsAction.REGULATION_ADOPTED),
            )
        )
    builder.row(button(texts.BUTTON_ROADMAP, DocumentsCb(action=DocumentsAction.ROADMAP)))
    return builder.as_markup()


def order_number(number: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(texts.BUTTON_ORDER_NUMBER.format(number=number), OrderNumberCb(number=number))],
            [button(common_texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def today(day: date) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(texts.BUTTON_TODAY.format(day=day.strftime("%d.%m.%Y")), TodayCb())],
            [button(common_texts.BUTTON_CANCEL, CancelCb())],
        ]
    )


def order_label(order: Order) -> str:
    return texts.ORDER_LINE_BUTTON.format(
        number=order.number,
        day=order.dated_on.strftime("%d.%m.%Y"),
        kind=texts.ORDER_KIND_SHORT[order.kind],
    )


def orders(found: list[Order]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for order in found:
        builder.row(button(order_label(order), OrderFileCb(order_id=order.id)))
    builder.row(button(common_texts.BUTTON_BACK, DocumentsCb(action=DocumentsAction.HUB)))
    return builder.as_markup()


def roadmap(events: list[RoadmapEvent]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for event in events:  # the planned ones, to mark done or cancel
        label = f"{event.on_date:%d.%m} {shorten(event.title, LABEL_LENGTH)}"
        builder.row(button(label, EventCb(action=EventAction.OPEN, event_id=event.id)))
    builder.row(
        button(texts.BUTTON_EVENT_ADD, DocumentsCb(action=DocumentsAction.EVENT_ADD)),
        button(texts.BUTTON_ROADMAP_FILE, DocumentsCb(action=DocumentsAction.ROADMAP_FILE)),
    )
    builder.row(button(common_texts.BUTTON_BACK, DocumentsCb(action=DocumentsAction.HUB)))
    return builder.as_markup()


def event(event_id: int, *, planned: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if planned:
        builder.row(
            button(texts.BUTTON_EVENT_DONE, EventCb(action=EventAction.DONE, event_id=event_id))
        )
        builder.row(
            button(texts.BUTTON_EVENT_CANCEL, EventCb(action=EventAction.CANCEL, event_id=event_id))
        )
    builder.row(button(texts.BUTTON_ROADMAP_BACK, DocumentsCb(action=DocumentsAction.ROADMAP)))
    return builder.as_markup()


def event_kinds() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind, name in texts.EVENT_KIND_NAMES.items():
        builder.row(button(name, EventKindCb(kind=kind)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def responsible(candidates: list[tuple[int, str]]) -> InlineKeyboardMarkup:
    """The people found by name, or «Я» and «Без ответственного» before any search."""
    builder = InlineKeyboardBuilder()
    for person_id, name in candidates:
        builder.row(button(name, ResponsibleCb(person_id=person_id)))
    builder.row(button(texts.BUTTON_RESPONSIBLE_NONE, ResponsibleCb(person_id=0)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()


def audiences() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for audience, name in texts.AUDIENCE_NAMES.items():
        builder.row(button(name, AudienceCb(audience=audience)))
    builder.row(button(common_texts.BUTTON_CANCEL, CancelCb()))
    return builder.as_markup()
