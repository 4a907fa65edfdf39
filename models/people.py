"""Organisations, people (the school's whole staff: mentee types, mentors' profiles, who left),
their roles and the invite links that bring them in."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from models.base import Base, TimestampMixin, UTCDateTime, enum_column
from models.enums import DifficultyCategory, MenteeType, Role


class Organization(TimestampMixin, Base):
    """A school or college; every record of the programme belongs to exactly one."""

    __tablename__ = "organizations"
    __table_args__ = (
        CheckConstraint(
            "quiet_hours_start BETWEEN 0 AND 23 AND quiet_hours_end BETWEEN 0 AND 23",
            name="quiet_hours",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    region: Mapped[str] = mapped_column(String(200))
    # the region or municipality it belongs to (models.territories); none until an admin says
    territory_id: Mapped[int | None] = mapped_column(
        ForeignKey("territories.id", ondelete="SET NULL"), index=True
    )
    # Hours without a mentor taking a help request before the curator is told.
    help_escalation_hours: Mapped[int] = mapped_column(SmallInteger, default=4)
    no_meeting_nudge_days: Mapped[int] = mapped_column(SmallInteger, default=14)
    # Days without a meeting or a programme step before a pair is flagged to the curator.
    stalled_days: Mapped[int] = mapped_column(SmallInteger, default=30)
    # every how many days a mentee is asked how the work goes (0: never)
    pulse_days: Mapped[int] = mapped_column(SmallInteger, default=14)
    quiet_hours_start: Mapped[int] = mapped_column(SmallInteger, default=21)
    quiet_hours_end: Mapped[int] = mapped_column(SmallInteger, default=8)
    created_by_telegram_id: Mapped[int | None] = mapped_column(BigInteger)


class Person(TimestampMixin, Base):
    """A teacher (mentor, mentee) or curator of one organisation.

    `telegram_id` is empty for a teacher imported from a staff list who has not joined yet, and
    for a person who erased their data (`erased_at`): such a row stays as an anonymous placeholder
    so that pairs and meetings that others depend on remain whole.
    """

    __tablename__ = "people"
    __table_args__ = (
        Index("ix_people_org_name", "organization_id", "full_name"),
        Index("ix_people_org_search_name", "organization_id", "search_name"),
        UniqueConstraint("organization_id", "import_key", name="uq_people_org_import_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    telegram_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    username: Mapped[str | None] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String(150))
    # casefolded full name for search: SQLite's lower() does not fold Cyrillic
    search_name: Mapped[str] = mapped_column(String(150), default="")
    position: Mapped[str | None] = mapped_column(String(100))
    subject: Mapped[str | None] = mapped_column(String(100))
    experience_years: Mapped[int | None] = mapped_column(SmallInteger)
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))
    share_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # False once Telegram said the person blocked the bot; set back when they write again.
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    quiet_hours_start: Mapped[int | None] = mapped_column(SmallInteger)
    quiet_hours_end: Mapped[int | None] = mapped_column(SmallInteger)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Identity of a row imported from a staff list, so a second import creates nothing twice.
    import_key: Mapped[str | None] = mapped_column(String(64))
    # The day the teacher left the organisation: kept with their history, out of the counts.
    left_on: Mapped[date | None] = mapped_column(Date)
    # A mentee's own request to mentorship, in their words.
    mentee_request: Mapped[str | None] = mapped_column(Text)
    # A mentor's profile for matching: how many mentees at once (None: the default), whether
    # they agree to mentor in the school year of `mentor_willing_on`, subjects they help with.
    mentor_capacity: Mapped[int | None] = mapped_column(SmallInteger)
    mentor_willing: Mapped[bool | None] = mapped_column(Boolean)
    mentor_willing_on: Mapped[date | None] = mapped_column(Date)
    help_subjects: Mapped[str | None] = mapped_column(String(300))
    # agrees to mentor teachers of other schools of the region too (virtual mentoring)
    mentor_beyond_school: Mapped[bool] = mapped_column(Boolean, default=False)
    # the command list last set in their chat (`bot.commands`): set again only when it changes
    commands_fingerprint: Mapped[str | None] = mapped_column(String(16))

    organization: Mapped[Organization] = relationship(lazy="joined")
    roles: Mapped[list[PersonRole]] = relationship(
        back_populates="person", lazy="selectin", cascade="all, delete-orphan"
    )

    @validates("full_name")
    def _keep_search_name(self, _key: str, value: str) -> str:
        self.search_name = value.casefold()
        return value

    @property
    def role_set(self) -> frozenset[Role]:
        return frozenset(item.role for item in self.roles)


class PersonMenteeType(Base):
    """One of the reasons a teacher is a mentee (a young specialist, new to the school, …)."""

    __tablename__ = "person_mentee_types"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    type: Mapped[MenteeType] = mapped_column(enum_column(MenteeType), primary_key=True)


class MentorArea(Base):
    """A category of professional difficulties a mentor helps with."""

    __tablename__ = "mentor_areas"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[DifficultyCategory] = mapped_column(
        enum_column(DifficultyCategory), primary_key=True
    )


class PersonRole(TimestampMixin, Base):
    __tablename__ = "person_roles"
    __table_args__ = (UniqueConstraint("person_id", "role", name="uq_person_roles_person_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(enum_column(Role))

    person: Mapped[Person] = relationship(back_populates="roles")


class Invite(TimestampMixin, Base):
    """A deep link `https://t.me/<bot>?start=<code>` granting one role in one organisation."""

    __tablename__ = "invites"
    __table_args__ = (CheckConstraint("max_uses > 0 AND uses BETWEEN 0 AND max_uses", name="uses"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    max_uses: Mapped[int] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    created_by_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    # A personal invite made for one imported teacher: redeeming it fills that person's row.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )

    organization: Mapped[Organization] = relationship(lazy="joined")


class InviteOpening(Base):
    """Who opened which invite and has not finished registering yet (kept a week at most): if
    their dialogue is lost, they are told to open the same link again, not to ask for one."""

    __tablename__ = "invite_openings"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    invite_id: Mapped[int] = mapped_column(ForeignKey("invites.id", ondelete="CASCADE"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())

    invite: Mapped[Invite] = relationship(lazy="joined")
