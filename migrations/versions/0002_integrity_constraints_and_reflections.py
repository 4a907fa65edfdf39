"""integrity constraints and reflections as feedback: CHECKs on counts and scores, indexes for
erasure, one self-assessment outside a programme, mentees' activity reflections as feedback rows

Revision ID: 5e3fbf526711
Revises: 69026f81ca2e
Create Date: 2026-11-23 09:21:25.926088
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5e3fbf526711"
down_revision: str | None = "69026f81ca2e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS_OLD = "'completion_reflection', 'satisfaction', 'programme_proposal'"
KINDS_NEW = KINDS_OLD + ", 'activity_reflection'"


def upgrade() -> None:
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_feedback_feedbackkind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_feedback_feedbackkind"), f"kind IN ({KINDS_NEW})")
        batch_op.create_check_constraint(
            op.f("ck_feedback_score"), "score IS NULL OR score BETWEEN 1 AND 5"
        )
        batch_op.add_column(sa.Column("activity_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_feedback_activity_id"), ["activity_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_feedback_activity_id_programme_activities"),
            "programme_activities",
            ["activity_id"],
            ["id"],
            ondelete="CASCADE",
        )

    with op.batch_alter_table("goal_progress", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_progress_author_id"), ["author_id"], unique=False)

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_goals_progress"), "progress_percent BETWEEN 0 AND 100"
        )

    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_meeting_participants_rating"), "rating IS NULL OR rating BETWEEN 1 AND 5"
        )

    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_organizations_quiet_hours"),
            "quiet_hours_start BETWEEN 0 AND 23 AND quiet_hours_end BETWEEN 0 AND 23",
        )

    with op.batch_alter_table("help_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_help_messages_author_id"), ["author_id"], unique=False)

    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_invites_uses"), "max_uses > 0 AND uses BETWEEN 0 AND max_uses"
        )
        batch_op.create_index(
            batch_op.f("ix_invites_created_by_person_id"), ["created_by_person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_invites_person_id"), ["person_id"], unique=False)

    with op.batch_alter_table("programme_activities", schema=None) as batch_op:
        batch_op.drop_column("mentee_reflection")

    with op.batch_alter_table("self_assessments", schema=None) as batch_op:
        batch_op.create_check_constraint(op.f("ck_self_assessments_score"), "score BETWEEN 1 AND 5")
        batch_op.create_index(
            "uq_self_assessments_entry_without_programme",
            ["person_id", "stage", "category"],
            unique=True,
            sqlite_where=sa.text("programme_id IS NULL"),
            postgresql_where=sa.text("programme_id IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("self_assessments", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_self_assessments_score"), type_="check")
        batch_op.drop_index(
            "uq_self_assessments_entry_without_programme",
            sqlite_where=sa.text("programme_id IS NULL"),
            postgresql_where=sa.text("programme_id IS NULL"),
        )

    with op.batch_alter_table("programme_activities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mentee_reflection", sa.TEXT(), nullable=True))

    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_organizations_quiet_hours"), type_="check")

    with op.batch_alter_table("meeting_participants", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_meeting_participants_rating"), type_="check")

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_goals_progress"), type_="check")

    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_invites_uses"), type_="check")
        batch_op.drop_index(batch_op.f("ix_invites_person_id"))
        batch_op.drop_index(batch_op.f("ix_invites_created_by_person_id"))

    with op.batch_alter_table("help_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_help_messages_author_id"))

    with op.batch_alter_table("goal_progress", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_progress_author_id"))

    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_feedback_activity_id_programme_activities"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_feedback_activity_id"))
        batch_op.drop_column("activity_id")
        batch_op.drop_constraint(op.f("ck_feedback_score"), type_="check")
        batch_op.drop_constraint(op.f("ck_feedback_feedbackkind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_feedback_feedbackkind"), f"kind IN ({KINDS_OLD})")
