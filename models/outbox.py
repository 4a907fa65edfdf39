"""Outgoing notifications (the scheduler's outbox), announcements sent through it, per-person
reminder preferences, and the audit log of reads of personal data."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TimestampMixin, UTCDateTime, enum_column
from models.enums import AnnouncementAudience, NotificationStatus


class Notification(TimestampMixin, Base):
    """One message due to one person; `key` (thing, kind, fire time) makes it unique so a
    reminder is never queued twice, and the claim columns make it sent by one instance only."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(48))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[NotificationStatus] = mapped_column(
        enum_column(NotificationStatus), default=NotificationStatus.PENDING
    )
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


# The table itself, for the statements the sender makes for every message (claim, renew, mark):
# SQLAlchemy Core, without the ORM's bookkeeping of rows nobody keeps.
NOTIFICATIONS = cast(Table, Notification.__table__)


class Announcement(TimestampMixin, Base):
    """An announcement of a curator (to their organisation) or a coordinator (to their
    territory): one notification a recipient, keyed `announcement:<id>:<person>`."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    author_name: Mapped[str] = mapped_column(String(150))
    scope_name: Mapped[str] = mapped_column(String(200))  # the organisation or the territory
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    territory_id: Mapped[int | None] = mapped_column(
        ForeignKey("territories.id", ondelete="SET NULL")
    )
    audience: Mapped[AnnouncementAudience] = mapped_column(enum_column(AnnouncementAudience))
    text: Mapped[str] = mapped_column(Text)
    file_id: Mapped[str | None] = mapped_column(String(200))
    file_name: Mapped[str | None] = mapped_column(String(200))
    recipients: Mapped[int] = mapped_column(Integer)


class NotificationPreference(Base):
    """A person's switch for one kind of reminder (absent row: enabled)."""

    __tablename__ = "notification_preferences"
    __table_args__ = (
        UniqueConstraint("person_id", "kind", name="uq_notification_preferences_entry"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(48))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEntry(TimestampMixin, Base):
    """Who read or changed whose data, and when (curators' and admins' reads of personal data)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_telegram_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    actor_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str | None] = mapped_column(String(48))
    object_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str | None] = mapped_column(Text)
