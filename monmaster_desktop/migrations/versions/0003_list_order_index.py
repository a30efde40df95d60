"""list order index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

A covering index for the desk's default order (name, then candidate number), replacing the
index on the name alone; drops the index on application.candidate_id, redundant with the
unique constraint that starts with that column.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_application_candidate_id")
    op.execute("DROP INDEX IF EXISTS ix_candidate_name_key")
    op.create_index("ix_candidate_name_sort", "candidate", ["name_key", "candidate_number"])


def downgrade() -> None:
    op.drop_index("ix_candidate_name_sort", table_name="candidate")
    op.create_index("ix_candidate_name_key", "candidate", ["name_key"])
    op.create_index("ix_application_candidate_id", "application", ["candidate_id"])
