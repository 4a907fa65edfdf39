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


class MenteeType(StrEnum):
    """Who a mentee is (seed 000 §1.1): the reasons a teacher is given a mentor."""

    YOUNG_SPECIALIST = "young_specialist"
    NEW_TO_SCHOOL = "new_to_school"
    NEW_ROLE = "new_role"  # mastering a new technology or a new position
    NO_PEDAGOGICAL_EDUCATION = "no_pedagogical_education"


class MentorshipForm(StrEnum):
    """The form: the role situation of the pair (seed 001 §4.1.5) — who mentors whom."""

    TEACHER_TEACHER = "teacher_teacher"
    HEAD_TEACHER = "head_teacher"
    EMPLOYER_STUDENT = "employer_student"
    OTHER = "other"


class MentorshipKind(StrEnum):
    """The kind: how the mentoring is done (seed 001 §4.1.5)."""

    TRADITIONAL = "traditional"
    GROUP = "group"
    SHORT_TERM = "short_term"
    REVERSE = "reverse"
    SITUATIONAL = "situational"
    SPEED = "speed"
    VIRTUAL = "virtual"


class RoleModel(StrEnum):
    """Role models of the «учитель – учитель» form (seed 002)."""

    EXPERIENCED_YOUNG = "experienced_young"
    LEADER_STRUGGLING = "leader_struggling"
    INNOVATOR_CONSERVATIVE = "innovator_conservative"
    SUBJECT_EXPERT_NOVICE = "subject_expert_novice"
    PEER = "peer"
    OTHER = "other"


class PairStatus(StrEnum):
    PROPOSED = "proposed"  # waiting for the mentor and every mentee to accept
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    STOPPED = "stopped"
    DECLINED = "declined"  # a proposal someone declined


class NoteVisibility(StrEnum):
    PRIVATE = "private"  # the author only
    CURATOR = "curator"  # the author and the curator


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


class OrderKind(StrEnum):
    FIXING = "fixing"  # pairs fixed (закрепление наставнических пар)
    CHANGES = "changes"  # a new mentor, an early end


class OrderAction(StrEnum):
    FIXED = "fixed"
    MENTOR_CHANGED = "mentor_changed"
    ENDED = "ended"


class RoadmapEventKind(StrEnum):
    """Events of a school's roadmap of the mentorship system (seed 004)."""

    MENTOR_TRAINING = "mentor_training"
    SEMINAR = "seminar"
    OPEN_LESSON = "open_lesson"
    CONTEST = "contest"
    COUNCIL = "council"
    OTHER = "other"


class RoadmapAudience(StrEnum):
    """Who is invited to a roadmap event."""

    MENTORS = "mentors"
    MENTEES = "mentees"
    EVERYONE = "everyone"  # every mentor and mentee
    NOBODY = "nobody"


class RoadmapStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class AchievementKind(StrEnum):
    """What a teacher achieved (seed 004's portfolio of a young specialist)."""

    OPEN_LESSON = "open_lesson"
    CONTEST = "contest"
    PUBLICATION = "publication"
    COURSE = "course"
    CATEGORY = "category"  # a qualification category obtained


class AchievementLevel(StrEnum):
    SCHOOL = "school"
    MUNICIPAL = "municipal"
    REGIONAL = "regional"
    FEDERAL = "federal"
    INTERNATIONAL = "international"


class RecognitionKind(StrEnum):
    """How a mentor's work was recognised (seed 000 §2.4)."""

    THANKS = "thanks"  # благодарность
    DIPLOMA = "diploma"  # грамота
    NOMINATION = "nomination"  # «Почётный наставник» and the like


class SurveyAudience(StrEnum):
    MENTEE = "mentee"
    MENTOR = "mentor"


class SurveyMilestone(StrEnum):
    START = "start"
    MIDDLE = "middle"
    END = "end"


class QuestionKind(StrEnum):
    SCALE = "scale"  # 1–5
    CHOICE = "choice"
    TEXT = "text"


class TerritoryKind(StrEnum):
    """The external contour (seed 000 §3.2): a region, and the municipalities inside it."""

    REGION = "region"
    MUNICIPALITY = "municipality"


class AnnouncementAudience(StrEnum):
    """Whom an announcement goes to: everyone of the scope, or the people of one role."""

    EVERYONE = "everyone"
    MENTORS = "mentors"
    MENTEES = "mentees"
    CURATORS = "curators"
