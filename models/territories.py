"""The external contour: territories (a region and its municipalities) that organisations
belong to, and the coordinators of the region's institute or a municipality who watch them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, TimestampMixin, UTCDateTime, enum_column
from models.enums import TerritoryKind


class Territory(TimestampMixin, Base):
    """A region (no parent) or a municipality of a region."""

    __tablename__ = "territories"
    __table_args__ = (
        UniqueConstraint("parent_id", "name", name="uq_territories_parent_name"),
        # regions have no parent, and NULLs are never equal in a unique constraint
        Index(
            "uq_territories_region_name",
            "name",
            unique=True,
            sqlite_where=text("parent_id IS NULL"),
            postgresql_where=text("parent_id IS NULL"),
        ),
        CheckConstraint(
            "(kind = 'region' AND parent_id IS NULL) OR (kind = 'municipality' AND parent_id IS "
            "NOT NULL)",
            name="region_has_no_parent",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[TerritoryKind] = mapped_column(enum_column(TerritoryKind))
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("territories.id", ondelete="RESTRICT"), index=True
    )

    parent: Mapped[Territory | None] = relationship(remote_side=[id], lazy="joined", join_depth=1)

    @property
    def region_id(self) -> int:
        return self.parent_id if self.parent_id is not None else self.id


class Coordinator(TimestampMixin, Base):
    """A coordinator of one territory, invited by a link (`code`): empty `telegram_id` until the
    link is opened; a revoked one sees nothing."""

    __tablename__ = "coordinators"
    __table_args__ = (Index("ix_coordinators_telegram_id", "telegram_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    territory_id: Mapped[int] = mapped_column(ForeignKey("territories.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    full_name: Mapped[str | None] = mapped_column(String(150))
    joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_telegram_id: Mapped[int] = mapped_column(BigInteger)

    territory: Mapped[Territory] = relationship(lazy="joined")
