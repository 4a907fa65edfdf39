"""Typed SQLAlchemy models of the whole mentorship domain; importing this package registers
every table on `Base.metadata` (Alembic and the tests rely on that)."""

from models.base import Base, utcnow
from models.documents import Order, OrderItem, Regulation, RoadmapEvent
from models.effect import (
    Achievement,
    PulseCheck,
    Recognition,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySetting,
)
from models.mentorship import (
    Difficulty,
    Goal,
    GoalProgress,
    Meeting,
    MeetingParticipant,
    Pair,
    PairAnswer,
    PairMember,
    PairMentor,
    PairNote,
    PairPause,
    Programme,
    ProgrammeActivity,
    SelfAssessment,
    meeting_activities,
    meeting_difficulties,
)
from models.outbox import AuditEntry, Notification, NotificationPreference
from models.people import (
    Invite,
    MentorArea,
    Organization,
    Person,
    PersonMenteeType,
    PersonRole,
)
from models.runtime import DialogueState, ReceivedUpdate
from models.support import Feedback, HelpMessage, HelpRequest

__all__ = [
    "Achievement",
    "AuditEntry",
    "Base",
    "DialogueState",
    "Difficulty",
    "Feedback",
    "Goal",
    "GoalProgress",
    "HelpMessage",
    "HelpRequest",
    "Invite",
    "Meeting",
    "MeetingParticipant",
    "MentorArea",
    "Notification",
    "NotificationPreference",
    "Order",
    "OrderItem",
    "Organization",
    "Pair",
    "PairAnswer",
    "PairMember",
    "PairMentor",
    "PairNote",
    "PairPause",
    "Person",
    "PersonMenteeType",
    "PersonRole",
    "Programme",
    "ProgrammeActivity",
    "PulseCheck",
    "ReceivedUpdate",
    "Recognition",
    "Regulation",
    "RoadmapEvent",
    "SelfAssessment",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveySetting",
    "meeting_activities",
    "meeting_difficulties",
    "utcnow",
]
