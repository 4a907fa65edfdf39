"""Closed vocabularies of the domain, stored as their lowercase English codes.

Russian labels for each value live in `bot.texts`, so the database never depends on wording.
"""

from enum import StrEnum


class Role(StrEnum):
    CURATOR = "curator"
    MENTOR = "mentor"
    MENTEE = "mentee"


class DifficultyCategory(StrEnum):
    """Categories of professional difficulties (federal recommendations, ИОМ algorithm)."""

    THEORETICAL = "theoretical"
    REGULATORY = "regulatory"
    SUBJECT = "subject"
    PSYCHOLOGICAL = "psychological"
    METHODOLOGICAL = "methodological"
    DIGITAL = "digital"
    EXTRACURRICULAR = "extracurricular"
    HEALTH = "health"
    OTHER = "other"


class Urgency(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class DifficultyStatus(StrEnum):
    OPEN = "open"
    IN_WORK = "in_work"
    OVERCOME = "overcome"


class AssessmentStage(StrEnum):
    START = "start"
    END = "end"


class MentorshipForm(StrEnum):
    TRADITIONAL = "traditional"
    GROUP = "group"
    SHORT_TERM = "short_term"
    REVERSE = "reverse"
    SITUATIONAL = "situational"
    SPEED = "speed"
    VIRTUAL = "virtual"


class RoleModel(StrEnum):
    EXPERIENCED_YOUNG = "experienced_young"
    HEAD_TEACHER = "head_teacher"
    TEACHER_TEACHER = "teacher_teacher"
    INNOVATOR_CONSERVATIVE = "innovator_conservative"
    SUBJECT_EXPERT_NOVICE = "subject_expert_novice"
    OTHER = "other"


class PairStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    STOPPED = "stopped"


class ProgrammeStage(StrEnum):
    """The seven stages of a mentorship programme (national target model)."""

    PREPARATION = "preparation"
    MENTEE_BASE = "mentee_base"
    MENTOR_BASE = "mentor_base"
    MENTOR_TRAINING = "mentor_training"
    PAIRING = "pairing"
    WORK = "work"
    COMPLETION = "completion"


class ProgrammeStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class GoalStatus(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    REACHED = "reached"
    CANCELLED = "cancelled"


class MeetingFormat(StrEnum):
    OFFLINE = "offline"
    ONLINE = "online"
    CHAT = "chat"


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    NOT_HELD = "not_held"
    CANCELLED = "cancelled"


class Attendance(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    MOVE_REQUESTED = "move_requested"
    DECLINED = "declined"


class HelpStatus(StrEnum):
    OPEN = "open"
    TAKEN = "taken"
    CLOSED = "closed"


class FeedbackKind(StrEnum):
    COMPLETION_REFLECTION = "completion_reflection"
    SATISFACTION = "satisfaction"
    PROGRAMME_PROPOSAL = "programme_proposal"
    ACTIVITY_REFLECTION = "activity_reflection"


class NotificationStatus(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    CANCELLED = "cancelled"
    FAILED = "failed"
