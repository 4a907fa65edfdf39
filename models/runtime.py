"""What the running bot keeps so that a restart or a crash loses nothing: the state of each
person's dialogue (when there is no Redis to keep it) and, in polling mode, every update
received from Telegram until it has been handled."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class DialogueState(Base):
    """One dialogue's step and data, under aiogram's storage key (bot, chat, user, …)."""

    __tablename__ = "dialogue_states"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(255))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class ReceivedUpdate(Base):
    """An update fetched by long polling, written before Telegram is told it was received
    (the next getUpdates' offset) and marked handled once its handler has finished.
    `pending_call` is the Bot API call the handler was making when its writes were last
    committed: after a crash it is made again instead of running the handler twice."""

    __tablename__ = "received_updates"
    __table_args__ = (Index("ix_received_updates_pending", "handled_at", "update_id"),)

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    pending_call: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# The tables themselves, for the statements every update makes (its inbox row, its dialogue):
# SQLAlchemy Core statements, without the ORM's bookkeeping of rows nobody keeps.
DIALOGUE_STATES = cast(Table, DialogueState.__table__)
RECEIVED_UPDATES = cast(Table, ReceivedUpdate.__table__)
