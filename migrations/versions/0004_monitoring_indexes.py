"""monitoring indexes: a pair's meetings by status and time

Revision ID: 7b1c2d3e4f50
Revises: 4000c52ea5f5
Create Date: 2026-11-23 12:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "7b1c2d3e4f50"
down_revision: str | None = "4000c52ea5f5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_meetings_pair_status_start",
        "meetings",
        ["pair_id", "status", "starts_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_meetings_pair_status_start", table_name="meetings")
