"""the school's base of teachers and a pair's whole life: who left, mentee types and requests,
mentors' profiles; a pair's kind apart from its form (the role situation), role models of the
seeds, proposals accepted by every participant, pauses, the mentors a pair had, private notes,
and each meeting's mentor

Existing pairs keep everything: the old `form` (traditional, group, …) becomes the `kind`; the
role models «руководитель – учитель» and «учитель – учитель» become the forms «руководитель ОО –
педагог» and «педагог – педагог»; each pair's mentor so far is its first entry in
`pair_mentors`, and each meeting counts for the pair's mentor.

Revision ID: 8c2d3e4f5a61
Revises: 7b1c2d3e4f50
Create Date: 2026-12-02 00:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8c2d3e4f5a61"
down_revision: str | None = "7b1c2d3e4f50"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _values(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


KINDS = ("traditional", "group", "short_term", "reverse", "situational", "speed", "virtual")
FORMS = ("teacher_teacher", "head_teacher", "employer_student", "other")
MODELS_OLD = (
    "experienced_young",
    "head_teacher",
    "teacher_teacher",
    "innovator_conservative",
    "subject_expert_novice",
    "other",
)
MODELS_NEW = (
    "experienced_young",
    "leader_struggling",
    "innovator_conservative",
    "subject_expert_novice",
    "peer",
    "other",
)
STATUSES_OLD = ("active", "completed", "stopped")
STATUSES_NEW = ("proposed", "active", "paused", "completed", "stopped", "declined")
MENTEE_TYPES = ("young_specialist", "new_to_school", "new_role", "no_pedagogical_education")
CATEGORIES = (
    "theoretical",
    "regulatory",
    "subject",
    "psychological",
    "methodological",
    "digital",
    "extracurricular",
    "health",
    "other",
)


def _enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _check(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({_values(values)})"


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.add_column(
            sa.Column("stalled_days", sa.SmallInteger(), nullable=False, server_default="30")
        )

    with op.batch_alter_table("people") as batch_op:
        batch_op.add_column(sa.Column("left_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("mentee_request", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("mentor_capacity", sa.SmallInteger(), nullable=True))
        batch_op.add_column(sa.Column("mentor_willing", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("mentor_willing_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("help_subjects", sa.String(length=300), nullable=True))

    # pairs, in two passes: the old checks go and the values change, then the new checks come
    with op.batch_alter_table("pairs") as batch_op:
        batch_op.drop_constraint(op.f("ck_pairs_mentorshipform"), type_="check")
        batch_op.drop_constraint(op.f("ck_pairs_rolemodel"), type_="check")
        batch_op.drop_constraint(op.f("ck_pairs_pairstatus"), type_="check")
        batch_op.add_column(sa.Column("kind", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("stalled_flagged_at", sa.DateTime(timezone=True)))
        batch_op.alter_column("ends_on", existing_type=sa.Date(), nullable=True)
    op.execute("UPDATE pairs SET kind = form")
    op.execute(
        "UPDATE pairs SET form = CASE role_model WHEN 'head_teacher' THEN 'head_teacher' "
        "ELSE 'teacher_teacher' END"
    )
    op.execute(
        "UPDATE pairs SET role_model = 'other' "
        "WHERE role_model IN ('head_teacher', 'teacher_teacher')"
    )
    with op.batch_alter_table("pairs") as batch_op:
        batch_op.alter_column("kind", existing_type=sa.String(length=32), nullable=False)
        batch_op.create_check_constraint(op.f("ck_pairs_mentorshipkind"), _check("kind", KINDS))
        batch_op.create_check_constraint(op.f("ck_pairs_mentorshipform"), _check("form", FORMS))
        batch_op.create_check_constraint(
            op.f("ck_pairs_rolemodel"), _check("role_model", MODELS_NEW)
        )
        batch_op.create_check_constraint(
            op.f("ck_pairs_pairstatus"), _check("status", STATUSES_NEW)
        )

    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("mentor_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE meetings SET mentor_id = (SELECT pairs.mentor_id FROM pairs "
        "WHERE pairs.id = meetings.pair_id)"
    )
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.alter_column("mentor_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f("ix_meetings_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_meetings_mentor_id_people"), "people", ["mentor_id"], ["id"]
        )

    op.create_table(
        "person_mentee_types",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("type", _enum("menteetype", MENTEE_TYPES), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_mentee_types_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "type", name=op.f("pk_person_mentee_types")),
    )
    op.execute(
        "INSERT INTO person_mentee_types (person_id, type) "
        "SELECT people.id, 'young_specialist' FROM people "
        "JOIN person_roles ON person_roles.person_id = people.id AND person_roles.role = 'mentee' "
        "WHERE people.experience_years <= 3"  # a young specialist: up to three years
    )
    op.create_table(
        "mentor_areas",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "category",
            _enum("difficultycategory", CATEGORIES),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_mentor_areas_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "category", name=op.f("pk_mentor_areas")),
    )

    op.create_table(
        "pair_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["pair_id"],
            ["pairs.id"],
            name=op.f("fk_pair_answers_pair_id_pairs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_pair_answers_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pair_answers")),
        sa.UniqueConstraint("pair_id", "person_id", name="uq_pair_answers_entry"),
    )
    op.create_index(op.f("ix_pair_answers_pair_id"), "pair_answers", ["pair_id"], unique=False)
    op.create_index(op.f("ix_pair_answers_person_id"), "pair_answers", ["person_id"], unique=False)

    op.create_table(
        "pair_mentors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["mentor_id"], ["people.id"], name=op.f("fk_pair_mentors_mentor_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["pair_id"],
            ["pairs.id"],
            name=op.f("fk_pair_mentors_pair_id_pairs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pair_mentors")),
    )
    op.create_index(op.f("ix_pair_mentors_mentor_id"), "pair_mentors", ["mentor_id"], unique=False)
    op.create_index(op.f("ix_pair_mentors_pair_id"), "pair_mentors", ["pair_id"], unique=False)
    op.execute(
        "INSERT INTO pair_mentors (pair_id, mentor_id, since) "
        "SELECT id, mentor_id, created_at FROM pairs"
    )

    op.create_table(
        "pair_pauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("paused_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resumed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["pair_id"], ["pairs.id"], name=op.f("fk_pair_pauses_pair_id_pairs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["paused_by_id"],
            ["people.id"],
            name=op.f("fk_pair_pauses_paused_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pair_pauses")),
    )
    op.create_index(op.f("ix_pair_pauses_pair_id"), "pair_pauses", ["pair_id"], unique=False)

    op.create_table(
        "pair_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("visibility", _enum("notevisibility", ("private", "curator")), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["people.id"],
            name=op.f("fk_pair_notes_author_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pair_id"], ["pairs.id"], name=op.f("fk_pair_notes_pair_id_pairs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pair_notes")),
    )
    op.create_index(op.f("ix_pair_notes_author_id"), "pair_notes", ["author_id"], unique=False)
    op.create_index("ix_pair_notes_pair_author", "pair_notes", ["pair_id", "author_id"])


def downgrade() -> None:
    op.drop_index("ix_pair_notes_pair_author", table_name="pair_notes")
    op.drop_index(op.f("ix_pair_notes_author_id"), table_name="pair_notes")
    op.drop_table("pair_notes")
    op.drop_index(op.f("ix_pair_pauses_pair_id"), table_name="pair_pauses")
    op.drop_table("pair_pauses")
    op.drop_index(op.f("ix_pair_mentors_pair_id"), table_name="pair_mentors")
    op.drop_index(op.f("ix_pair_mentors_mentor_id"), table_name="pair_mentors")
    op.drop_table("pair_mentors")
    op.drop_index(op.f("ix_pair_answers_person_id"), table_name="pair_answers")
    op.drop_index(op.f("ix_pair_answers_pair_id"), table_name="pair_answers")
    op.drop_table("pair_answers")
    op.drop_table("mentor_areas")
    op.drop_table("person_mentee_types")

    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_meetings_mentor_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_meetings_mentor_id"))
        batch_op.drop_column("mentor_id")

    # proposals and declined ones did not exist before; paused pairs were active
    op.execute("DELETE FROM pairs WHERE status IN ('proposed', 'declined')")
    op.execute("UPDATE pairs SET status = 'active' WHERE status = 'paused'")
    with op.batch_alter_table("pairs") as batch_op:
        for name in ("mentorshipkind", "mentorshipform", "rolemodel", "pairstatus"):
            batch_op.drop_constraint(op.f(f"ck_pairs_{name}"), type_="check")
    op.execute(
        "UPDATE pairs SET role_model = CASE form WHEN 'head_teacher' THEN 'head_teacher' "
        "ELSE 'teacher_teacher' END WHERE role_model IN ('other', 'leader_struggling', 'peer')"
    )
    op.execute("UPDATE pairs SET form = kind")
    op.execute("UPDATE pairs SET ends_on = starts_on WHERE ends_on IS NULL")
    with op.batch_alter_table("pairs") as batch_op:
        batch_op.drop_column("stalled_flagged_at")
        batch_op.drop_column("kind")
        batch_op.alter_column("ends_on", existing_type=sa.Date(), nullable=False)
        batch_op.create_check_constraint(op.f("ck_pairs_mentorshipform"), _check("form", KINDS))
        batch_op.create_check_constraint(
            op.f("ck_pairs_rolemodel"), _check("role_model", MODELS_OLD)
        )
        batch_op.create_check_constraint(
            op.f("ck_pairs_pairstatus"), _check("status", STATUSES_OLD)
        )

    with op.batch_alter_table("people") as batch_op:
        for column in (
            "help_subjects",
            "mentor_willing_on",
            "mentor_willing",
            "mentor_capacity",
            "mentee_request",
            "left_on",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("organizations") as batch_op:
        batch_op.drop_column("stalled_days")
