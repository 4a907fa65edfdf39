"""the school's documents: orders fixing pairs (and their changes) with the pairs they name,
the adopted regulation, the school's roadmap events; who approved a programme, and the order
that fixed a pair; programmes never approved become drafts

Revision ID: 0006
Revises: 8c2d3e4f5a61
Create Date: 2026-12-02 01:05:12
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "8c2d3e4f5a61"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "fixing",
                "changes",
                name="orderkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("dated_on", sa.Date(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["people.id"],
            name=op.f("fk_orders_created_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_orders_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("organization_id", "number", "dated_on", name="uq_orders_number"),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_orders_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "regulations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=False),
        sa.Column("file_id", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_regulations_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["people.id"],
            name=op.f("fk_regulations_uploaded_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regulations")),
    )
    with op.batch_alter_table("regulations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_regulations_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "roadmap_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "mentor_training",
                "seminar",
                "open_lesson",
                "contest",
                "council",
                "other",
                name="roadmapeventkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("responsible_id", sa.Integer(), nullable=True),
        sa.Column(
            "audience",
            sa.Enum(
                "mentors",
                "mentees",
                "everyone",
                "nobody",
                name="roadmapaudience",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "done",
                "cancelled",
                name="roadmapstatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["people.id"],
            name=op.f("fk_roadmap_events_created_by_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_roadmap_events_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"],
            ["people.id"],
            name=op.f("fk_roadmap_events_responsible_id_people"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_events")),
    )
    with op.batch_alter_table("roadmap_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_roadmap_events_org_day", ["organization_id", "on_date"], unique=False
        )

    op.create_table(
        "order_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "fixed",
                "mentor_changed",
                "ended",
                name="orderaction",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column("mentee_names", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["people.id"],
            name=op.f("fk_order_items_mentor_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_items_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pair_id"], ["pairs.id"], name=op.f("fk_order_items_pair_id_pairs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_items")),
    )
    with op.batch_alter_table("order_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_items_order_id"), ["order_id"], unique=False)
        batch_op.create_index("ix_order_items_pair_action", ["pair_id", "action"], unique=False)

    with op.batch_alter_table("pairs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fixed_by_order_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_pairs_fixed_by_order_id_orders"),
            "orders",
            ["fixed_by_order_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_programmes_approved_by_id_people"),
            "people",
            ["approved_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # Programmes were active from their first aim; one the curator never approved is a draft.
    op.execute(
        "UPDATE programmes SET status = 'draft' WHERE status = 'active' AND approved_at IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("programmes", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_programmes_approved_by_id_people"), type_="foreignkey"
        )
        batch_op.drop_column("approved_by_id")

    with op.batch_alter_table("pairs", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_pairs_fixed_by_order_id_orders"), type_="foreignkey"
        )
        batch_op.drop_column("fixed_by_order_id")

    with op.batch_alter_table("order_items", schema=None) as batch_op:
        batch_op.drop_index("ix_order_items_pair_action")
        batch_op.drop_index(batch_op.f("ix_order_items_order_id"))

    op.drop_table("order_items")
    with op.batch_alter_table("roadmap_events", schema=None) as batch_op:
        batch_op.drop_index("ix_roadmap_events_org_day")

    op.drop_table("roadmap_events")
    with op.batch_alter_table("regulations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regulations_organization_id"))

    op.drop_table("regulations")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_organization_id"))

    op.drop_table("orders")
