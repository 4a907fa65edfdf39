"""Callback data of the school documents' buttons: the hub, orders, the regulation and the
roadmap with its events."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from models.enums import OrderKind, RoadmapAudience, RoadmapEventKind


class DocumentsAction(StrEnum):
    HUB = "hub"
    ORDERS = "orders"
    REGULATION_TEMPLATE = "reg_template"
    REGULATION_UPLOAD = "reg_upload"
    REGULATION_ADOPTED = "reg_adopted"
    ROADMAP = "roadmap"
    ROADMAP_FILE = "roadmap_file"
    EVENT_ADD = "event_add"


class DocumentsCb(CallbackData, prefix="docs1"):
    action: DocumentsAction


class NewOrderCb(CallbackData, prefix="ordn1"):
    kind: OrderKind


class OrderNumberCb(CallbackData, prefix="ordnum1"):
    """The proposed number taken for the order being entered."""

    number: str


class OrderFileCb(CallbackData, prefix="ordf1"):
    order_id: int


class EventKindCb(CallbackData, prefix="evk1"):
    kind: RoadmapEventKind


class ResponsibleCb(CallbackData, prefix="evr1"):
    person_id: int  # 0: nobody


class AudienceCb(CallbackData, prefix="eva1"):
    audience: RoadmapAudience


class EventAction(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCEL = "cancel"


class EventCb(CallbackData, prefix="ev1"):
    action: EventAction
    event_id: int
