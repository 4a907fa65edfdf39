"""person search name: a casefolded copy of the full name for search on any backend

Revision ID: 4000c52ea5f5
Revises: 5e3fbf526711
Create Date: 2026-11-23 09:17:44.131031
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4000c52ea5f5"
down_revision: str | None = "5e3fbf526711"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("search_name", sa.String(length=150), nullable=False, server_default="")
        )
        batch_op.create_index(
            "ix_people_org_search_name", ["organization_id", "search_name"], unique=False
        )
    # Filled in Python: SQLite's lower() leaves Cyrillic as it is.
    connection = op.get_bind()
    people = sa.table("people", sa.column("id"), sa.column("full_name"), sa.column("search_name"))
    for person_id, full_name in connection.execute(sa.select(people.c.id, people.c.full_name)):
        connection.execute(
            people.update().where(people.c.id == person_id).values(search_name=full_name.casefold())
        )


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index("ix_people_org_search_name")
        batch_op.drop_column("search_name")
