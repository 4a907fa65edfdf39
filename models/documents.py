"""The school's documents kept in the bot: the orders fixing pairs (and their changes), the
adopted regulation, and the events of the school's roadmap."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TimestampMixin, UTCDateTime, enum_column
from models.enums import (
    OrderAction,
    OrderKind,
    RoadmapAudience,
    RoadmapEventKind,
    RoadmapStatus,
)


class Order(TimestampMixin, Base):
    """An order (приказ) of the organisation on mentorship pairs, by number and date."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("organization_id", "number", "dated_on", name="uq_orders_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    kind: Mapped[OrderKind] = mapped_column(enum_column(OrderKind))
    number: Mapped[str] = mapped_column(String(32))
    dated_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class OrderItem(Base):
    """A pair in an order: fixed by it, or its mentor changed or its end recorded by it."""

    __tablename__ = "order_items"
    __table_args__ = (Index("ix_order_items_pair_action", "pair_id", "action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"))
    action: Mapped[OrderAction] = mapped_column(enum_column(OrderAction))
    # what the order said of the pair, so that a reprint says the same: the mentor (for a
    # change: the new one), the mentees and the period
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    mentee_names: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class Regulation(Base):
    """The regulation (Положение о системе наставничества) the organisation adopted: the file
    the curator uploaded, kept by Telegram's file id."""

    __tablename__ = "regulations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    adopted_on: Mapped[date] = mapped_column(Date)
    file_id: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(200))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RoadmapEvent(TimestampMixin, Base):
    """An event of the school's roadmap: planned for a day, with who is responsible and who is
    invited; done with its result, or cancelled."""

    __tablename__ = "roadmap_events"
    __table_args__ = (Index("ix_roadmap_events_org_day", "organization_id", "on_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    kind: Mapped[RoadmapEventKind] = mapped_column(enum_column(RoadmapEventKind))
    title: Mapped[str] = mapped_column(String(300))
    on_date: Mapped[date] = mapped_column(Date)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    audience: Mapped[RoadmapAudience] = mapped_column(enum_column(RoadmapAudience))
    status: Mapped[RoadmapStatus] = mapped_column(
        enum_column(RoadmapStatus), default=RoadmapStatus.PLANNED
    )
    result: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
