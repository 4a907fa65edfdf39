"""The kinds of what the outbox sends — the bot's reminders, and notices of one person's action
to another — and the categories a person turns on or off in /reminders. Every kind has a category
here (None: not a reminder to switch off), a relevance check in `relevance` and a renderer in
`bot.notices` (tests/scheduler/test_kinds.py checks all three)."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    MEETING_DAY = "meeting_24h"
    MEETING_HOUR = "meeting_1h"
    MEETING_LOG = "meeting_log"
    MEETING_RATE = "meeting_rate"
    GOAL_SOON = "goal_soon"
    GOAL_TODAY = "goal_today"
    GOAL_OVERDUE = "goal_overdue"
    ACTIVITY_SOON = "activity_soon"
    ACTIVITY_TODAY = "activity_today"
    ACTIVITY_OVERDUE = "activity_overdue"
    HELP_ESCALATED = "help_escalated"
    HELP_NUDGE = "help_nudge"
    NO_MEETING = "no_meeting"
    MENTOR_DIGEST = "mentor_digest"
    CURATOR_WEEKLY = "curator_weekly"
    PROGRAMME_ENDING = "programme_ending"
    STAFF_LIST = "staff_list"
    PAIR_STALLED = "pair_stalled"
    PULSE = "pulse"  # «как идёт работа с наставником?»
    SURVEY = "survey"  # a questionnaire at a programme's milestone
    SURVEY_REMINDER = "survey_reminder"  # the same, not filled in three days later
    # what someone did that concerns this person (a new pair, a passed request, a reply):
    # rendered when it happened, sent at once
    NOTICE = "notice"
    # what the other side changed in a programme, gathered for a few minutes into one message
    PROGRAMME_UPDATE = "programme_update"
    # a curator's or a coordinator's word to many (rendered when sent, paced with the rest)
    ANNOUNCEMENT = "announcement"


class Category(StrEnum):
    """What a person turns on or off in /reminders."""

    MEETINGS = "meetings"
    GOALS = "goals"
    ACTIVITIES = "activities"
    HELP = "help"
    NUDGES = "nudges"
    DIGESTS = "digests"
    ANNOUNCEMENTS = "announcements"


CATEGORY: dict[Kind, Category | None] = {
    Kind.MEETING_DAY: Category.MEETINGS,
    Kind.MEETING_HOUR: Category.MEETINGS,
    Kind.MEETING_LOG: Category.MEETINGS,
    Kind.MEETING_RATE: Category.MEETINGS,
    Kind.GOAL_SOON: Category.GOALS,
    Kind.GOAL_TODAY: Category.GOALS,
    Kind.GOAL_OVERDUE: Category.GOALS,
    Kind.ACTIVITY_SOON: Category.ACTIVITIES,
    Kind.ACTIVITY_TODAY: Category.ACTIVITIES,
    Kind.ACTIVITY_OVERDUE: Category.ACTIVITIES,
    Kind.HELP_ESCALATED: Category.HELP,
    Kind.HELP_NUDGE: Category.HELP,
    Kind.NO_MEETING: Category.NUDGES,
    Kind.MENTOR_DIGEST: Category.DIGESTS,
    Kind.CURATOR_WEEKLY: Category.DIGESTS,
    Kind.PROGRAMME_ENDING: Category.NUDGES,
    Kind.STAFF_LIST: Category.NUDGES,
    Kind.PAIR_STALLED: Category.NUDGES,
    Kind.PULSE: Category.NUDGES,
    Kind.SURVEY: Category.NUDGES,
    Kind.SURVEY_REMINDER: Category.NUDGES,
    Kind.NOTICE: None,
    Kind.PROGRAMME_UPDATE: Category.ACTIVITIES,
    Kind.ANNOUNCEMENT: Category.ANNOUNCEMENTS,
}

# Some cannot be turned off: an escalated help request is part of the curator's duty, and a
# notice is a colleague's word.
ALWAYS_ON = frozenset({Kind.HELP_ESCALATED, Kind.NOTICE})
# What a person does that reaches another arrives at once, like any message in a messenger; the
# bot's own reminders wait for the end of the quiet hours.
IGNORES_QUIET_HOURS = frozenset({Kind.NOTICE})
