"""Situational help requests with their conversation, and feedback (reflections, satisfaction,
programme proposals)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TimestampMixin, UTCDateTime, enum_column
from models.enums import FeedbackKind, HelpStatus, Urgency


class HelpRequest(TimestampMixin, Base):
    """«Нужна помощь»: a mentee's situational request, taken and answered by a mentor."""

    __tablename__ = "help_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    pair_id: Mapped[int | None] = mapped_column(ForeignKey("pairs.id", ondelete="SET NULL"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency))
    status: Mapped[HelpStatus] = mapped_column(enum_column(HelpStatus), default=HelpStatus.OPEN)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    first_answer_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    helped: Mapped[bool | None] = mapped_column(Boolean)


class HelpMessage(TimestampMixin, Base):
    """One message of the conversation on a help request (text and/or an attachment)."""

    __tablename__ = "help_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("help_requests.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str | None] = mapped_column(Text)
    file_id: Mapped[str | None] = mapped_column(String(200))
    file_kind: Mapped[str | None] = mapped_column(String(16))


class Feedback(TimestampMixin, Base):
    """A participant's word on a pair, programme or activity: completion reflection,
    satisfaction score, a mentee's reflection on an activity, or a proposal to change the
    programme."""

    __tablename__ = "feedback"
    __table_args__ = (CheckConstraint("score IS NULL OR score BETWEEN 1 AND 5", name="score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    pair_id: Mapped[int | None] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"))
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE")
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_activities.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[FeedbackKind] = mapped_column(enum_column(FeedbackKind))
    score: Mapped[int | None] = mapped_column(SmallInteger)
    text: Mapped[str | None] = mapped_column(Text)
