"""The effect of mentorship on its people: pulse check-ins of mentees, questionnaires at a
programme's milestones (the organisation's settings, its own questions, the responses), the
achievements of teachers and the recognitions of mentors."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TimestampMixin, UTCDateTime, enum_column
from models.enums import (
    AchievementKind,
    AchievementLevel,
    QuestionKind,
    RecognitionKind,
    SurveyAudience,
    SurveyMilestone,
)


class PulseCheck(Base):
    """A mentee's answer to «как идёт работа с наставником?» on a pulse day of their pair."""

    __tablename__ = "pulse_checks"
    __table_args__ = (
        UniqueConstraint("pair_id", "mentee_id", "due_on", name="uq_pulse_checks_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"), index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(SmallInteger)  # 1 очень трудно … 5 отлично
    comment: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SurveySetting(Base):
    """Whether the organisation sends a questionnaire, and whether its results are anonymous;
    a questionnaire without a row is sent and not anonymous."""

    __tablename__ = "survey_settings"
    __table_args__ = (
        UniqueConstraint("organization_id", "audience", "milestone", name="uq_survey_settings"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    audience: Mapped[SurveyAudience] = mapped_column(enum_column(SurveyAudience))
    milestone: Mapped[SurveyMilestone] = mapped_column(enum_column(SurveyMilestone))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)


class SurveyQuestion(TimestampMixin, Base):
    """A question the curator added to one of the organisation's questionnaires."""

    __tablename__ = "survey_questions"
    __table_args__ = (Index("ix_survey_questions_of", "organization_id", "audience", "milestone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    audience: Mapped[SurveyAudience] = mapped_column(enum_column(SurveyAudience))
    milestone: Mapped[SurveyMilestone] = mapped_column(enum_column(SurveyMilestone))
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind))
    text: Mapped[str] = mapped_column(String(300))
    options: Mapped[str | None] = mapped_column(Text)  # a choice's options, a line each


class SurveyResponse(Base):
    """One person's questionnaire of a pair at one milestone: begun, and when completed."""

    __tablename__ = "survey_responses"
    __table_args__ = (
        UniqueConstraint("pair_id", "person_id", "milestone", name="uq_survey_responses_one"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("pairs.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    audience: Mapped[SurveyAudience] = mapped_column(enum_column(SurveyAudience))
    milestone: Mapped[SurveyMilestone] = mapped_column(enum_column(SurveyMilestone))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SurveyAnswer(Base):
    """The answer to one question: a score, a choice's text or free text."""

    __tablename__ = "survey_answers"
    __table_args__ = (UniqueConstraint("response_id", "question_key", name="uq_survey_answers"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="CASCADE"), index=True
    )
    question_key: Mapped[str] = mapped_column(String(40))  # a built-in's key, or "q<id>"
    score: Mapped[int | None] = mapped_column(SmallInteger)
    text: Mapped[str | None] = mapped_column(Text)


class Achievement(TimestampMixin, Base):
    """What a teacher achieved: an open lesson, a contest (level, result), a publication, a
    course, a qualification category; with an optional file (a diploma, a certificate)."""

    __tablename__ = "achievements"
    __table_args__ = (Index("ix_achievements_org_kind_day", "organization_id", "kind", "on_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AchievementKind] = mapped_column(enum_column(AchievementKind))
    title: Mapped[str] = mapped_column(String(300))
    level: Mapped[AchievementLevel | None] = mapped_column(enum_column(AchievementLevel))
    result: Mapped[str | None] = mapped_column(String(200))
    on_date: Mapped[date] = mapped_column(Date)
    file_id: Mapped[str | None] = mapped_column(String(200))
    file_name: Mapped[str | None] = mapped_column(String(200))


class Recognition(TimestampMixin, Base):
    """A recognition of a mentor's work the curator recorded: a thanks, a diploma, a
    nomination, with its day and an optional file."""

    __tablename__ = "recognitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[RecognitionKind] = mapped_column(enum_column(RecognitionKind))
    title: Mapped[str] = mapped_column(String(300))
    on_date: Mapped[date] = mapped_column(Date)
    file_id: Mapped[str | None] = mapped_column(String(200))
    file_name: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
