"""territories (regions, municipalities), their coordinators, each organisation's territory,
mentors who agree to mentor beyond their school, and announcements

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "territories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "region",
                "municipality",
                name="territorykind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(kind = 'region' AND parent_id IS NULL) OR (kind = 'municipality' AND parent_id IS "
            "NOT NULL)",
            name=op.f("ck_territories_region_has_no_parent"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["territories.id"],
            name=op.f("fk_territories_parent_id_territories"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_territories")),
        sa.UniqueConstraint("parent_id", "name", name="uq_territories_parent_name"),
    )
    op.create_index(op.f("ix_territories_parent_id"), "territories", ["parent_id"])
    op.create_index(
        "uq_territories_region_name",
        "territories",
        ["name"],
        unique=True,
        sqlite_where=sa.text("parent_id IS NULL"),
        postgresql_where=sa.text("parent_id IS NULL"),
    )
    op.create_table(
        "coordinators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("territory_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("telegram_id", sa.BigInteger(), nullable=True),
        sa.Column("full_name", sa.String(length=150), nullable=True),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["territory_id"],
            ["territories.id"],
            name=op.f("fk_coordinators_territory_id_territories"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coordinators")),
        sa.UniqueConstraint("code", name=op.f("uq_coordinators_code")),
    )
    op.create_index("ix_coordinators_telegram_id", "coordinators", ["telegram_id"])
    op.create_index(op.f("ix_coordinators_territory_id"), "coordinators", ["territory_id"])
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("territory_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_organizations_territory_id"), ["territory_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_organizations_territory_id_territories"),
            "territories",
            ["territory_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "mentor_beyond_school", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )

    op.create_table(
        "announcements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("author_name", sa.String(length=150), nullable=False),
        sa.Column("scope_name", sa.String(length=200), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("territory_id", sa.Integer(), nullable=True),
        sa.Column(
            "audience",
            sa.Enum(
                "everyone",
                "mentors",
                "mentees",
                "curators",
                name="announcementaudience",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("file_id", sa.String(length=200), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_announcements_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["territory_id"],
            ["territories.id"],
            name=op.f("fk_announcements_territory_id_territories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcements")),
    )
    op.create_index(
        op.f("ix_announcements_author_telegram_id"), "announcements", ["author_telegram_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_announcements_author_telegram_id"), table_name="announcements")
    op.drop_table("announcements")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("mentor_beyond_school")
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_organizations_territory_id_territories"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_organizations_territory_id"))
        batch_op.drop_column("territory_id")
    op.drop_index(op.f("ix_coordinators_territory_id"), table_name="coordinators")
    op.drop_index("ix_coordinators_telegram_id", table_name="coordinators")
    op.drop_table("coordinators")
    op.drop_index("uq_territories_region_name", table_name="territories")
    op.drop_index(op.f("ix_territories_parent_id"), table_name="territories")
    op.drop_table("territories")
