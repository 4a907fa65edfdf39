"""The work of the programme: difficulties, self-diagnosis, pairs and groups, personalised
programmes with their activities, short-term goals and meetings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, TimestampMixin, UTCDateTime, enum_column
from models.enums import (
    ActivityStatus,
    AssessmentStage,
    Attendance,
    DifficultyCategory,
    DifficultyStatus,
    GoalStatus,
    MeetingFormat,
    MeetingStatus,
    MentorshipForm,
    MentorshipKind,
    NoteVisibility,
    PairStatus,
    ProgrammeStage,
    ProgrammeStatus,
    RoleModel,
    Urgency,
)


class Difficulty(TimestampMixin, Base):
    """A professional difficulty (профессиональное затруднение) registered by a mentee."""

    __tablename__ = "difficulties"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    category: Mapped[DifficultyCategory] = mapped_column(enum_column(DifficultyCategory))
    description: Mapped[str] = mapped_column(Text)
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency))
    status: Mapped[DifficultyStatus] = mapped_column(
        enum_column(DifficultyStatus), default=DifficultyStatus.OPEN
    )
    reflection: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    overcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SelfAssessment(TimestampMixin, Base):
    """A mentee's self-rating (1–5) of one category at the start or end of a programme."""

    __tablename__ = "self_assessments"
    __table_args__ = (
        UniqueConstraint(
            "person_id", "programme_id", "stage", "category", name="uq_self_assessments_entry"
        ),
        # NULLs never collide in a unique constraint: one entry outside any programme too.
        Index(
            "uq_self_assessments_entry_without_programme",
            "person_id",
            "stage",
            "category",
            unique=True,
            sqlite_where=text("programme_id IS NULL"),
            postgresql_where=text("programme_id IS NULL"),
        ),
        CheckConstraint("score BETWEEN 1 AND 5", name="score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE")
    )
    stage: Mapped[AssessmentStage] = mapped_column(enum_column(AssessmentStage))
    category: Mapped[DifficultyCategory] = mapped_column(enum_column(DifficultyCategory))
    score: Mapped[int] = mapped_column(SmallInteger)


class Pair(TimestampMixin, Base):
    """A mentorship pair or group: one mentor, one or more mentees (`PairMember`).

    Proposed by the curator, it becomes active when the mentor and every mentee accept. A
    speed pair has no end date (it is one meeting), nor has a situational one (it lives with
    the help request it was formed for, `HelpRequest.pair_id`)."""

    __tablename__ = "pairs"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[MentorshipKind] = mapped_column(enum_column(MentorshipKind))
    form: Mapped[MentorshipForm] = mapped_column(enum_column(MentorshipForm))
    role_model: Mapped[RoleModel] = mapped_column(enum_column(RoleModel))
    status: Mapped[PairStatus] = mapped_column(enum_column(PairStatus), default=PairStatus.ACTIVE)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    stop_reason: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # when the curator was last told the pair has stalled
    stalled_flagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # the order that fixed the pair (приказ о закреплении); None until there is one
    fixed_by_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))

    members: Mapped[list[PairMember]] = relationship(
        back_populates="pair", lazy="selectin", cascade="all, delete-orphan"
    )


class PairAnswer(Base):
    """A participant's answer to a proposed pair: accepted, or declined with a reason; waiting
    while `accepted` is None."""

    __tablename__ = "pair_answers"
    __table_args__ = (UniqueConstraint("pair_id", "person_id", name="uq_pair_answers_entry"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    accepted: Mapped[bool | None] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PairMentor(Base):
    """Who mentored the pair when: a row per mentor, the current one without `until`."""

    __tablename__ = "pair_mentors"

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    since: Mapped[datetime] = mapped_column(UTCDateTime())
    until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PairPause(Base):
    """A pause of a pair with its reason; open while `resumed_at` is None."""

    __tablename__ = "pair_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    paused_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    paused_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class PairNote(TimestampMixin, Base):
    """A participant's own note on a pair: for the author only, or (a mentor's) also for the
    curator. Nobody else ever sees it."""

    __tablename__ = "pair_notes"
    __table_args__ = (Index("ix_pair_notes_pair_author", "pair_id", "author_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    visibility: Mapped[NoteVisibility] = mapped_column(enum_column(NoteVisibility))
    text: Mapped[str] = mapped_column(Text)


class PairMember(TimestampMixin, Base):
    __tablename__ = "pair_members"
    __table_args__ = (UniqueConstraint("pair_id", "mentee_id", name="uq_pair_members_pair_mentee"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"))
    mentee_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    pair: Mapped[Pair] = relationship(back_populates="members")


class Programme(TimestampMixin, Base):
    """A personalised mentorship programme (3–12 months) of a pair, with its roadmap."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    aim: Mapped[str] = mapped_column(Text)
    stage: Mapped[ProgrammeStage] = mapped_column(
        enum_column(ProgrammeStage), default=ProgrammeStage.WORK
    )
    status: Mapped[ProgrammeStatus] = mapped_column(
        enum_column(ProgrammeStatus), default=ProgrammeStatus.DRAFT
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class ProgrammeActivity(TimestampMixin, Base):
    """One step of a programme's roadmap, aimed at a difficulty, with its expected result."""

    __tablename__ = "programme_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    difficulty_id: Mapped[int | None] = mapped_column(
        ForeignKey("difficulties.id", ondelete="SET NULL")
    )
    due_on: Mapped[date] = mapped_column(Date, index=True)
    expected_result: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ActivityStatus] = mapped_column(
        enum_column(ActivityStatus), default=ActivityStatus.PLANNED
    )
    result: Mapped[str | None] = mapped_column(Text)
    # A mentee's reflection on the activity is a `Feedback` row (one per mentee of a group).
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Goal(TimestampMixin, Base):
    """A short-term goal of a mentee: what, by when, and how we will know it is reached."""

    __tablename__ = "goals"
    __table_args__ = (CheckConstraint("progress_percent BETWEEN 0 AND 100", name="progress"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    success_criteria: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    difficulty_id: Mapped[int | None] = mapped_column(
        ForeignKey("difficulties.id", ondelete="SET NULL")
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_activities.id", ondelete="SET NULL")
    )
    status: Mapped[GoalStatus] = mapped_column(enum_column(GoalStatus), default=GoalStatus.OPEN)
    progress_percent: Mapped[int] = mapped_column(SmallInteger, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    reached_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class GoalProgress(TimestampMixin, Base):
    """A progress note on a goal, or the mentor's confirmation or return with a comment."""

    __tablename__ = "goal_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    percent: Mapped[int | None] = mapped_column(SmallInteger)


meeting_difficulties = Table(
    "meeting_difficulties",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("difficulty_id", ForeignKey("difficulties.id", ondelete="CASCADE"), primary_key=True),
)

meeting_activities = Table(
    "meeting_activities",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "activity_id", ForeignKey("programme_activities.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Meeting(TimestampMixin, Base):
    """A meeting of a pair or group, scheduled ahead or logged after the fact."""

    __tablename__ = "meetings"
    # the monitoring counts a pair's meetings of a status in a period from this index alone
    __table_args__ = (Index("ix_meetings_pair_status_start", "pair_id", "status", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    duration_minutes: Mapped[int | None] = mapped_column(SmallInteger)
    format: Mapped[MeetingFormat] = mapped_column(enum_column(MeetingFormat))
    link: Mapped[str | None] = mapped_column(String(500))
    topic: Mapped[str] = mapped_column(Text)
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), default=MeetingStatus.SCHEDULED
    )
    summary: Mapped[str | None] = mapped_column(Text)
    agreements: Mapped[str | None] = mapped_column(Text)
    logged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    # the pair's mentor at the time: meetings count for who led them, after a change too
    mentor_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)

    participants: Mapped[list[MeetingParticipant]] = relationship(
        back_populates="meeting", lazy="selectin", cascade="all, delete-orphan"
    )


class MeetingParticipant(Base):
    """A mentee's answer to a meeting invitation and their rating of it (satisfaction)."""

    __tablename__ = "meeting_participants"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", name="uq_meeting_participants_entry"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    attendance: Mapped[Attendance] = mapped_column(
        enum_column(Attendance), default=Attendance.PENDING
    )
    rating: Mapped[int | None] = mapped_column(Integer)
    rating_comment: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
