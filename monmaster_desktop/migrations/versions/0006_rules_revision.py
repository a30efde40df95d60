"""rules revision

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

A one-row table whose token changes with every change to the tables the rules read
(``setting``, ``campaign``, ``registration_band``, ``etudes_en_france_country``), whoever makes
it: a desk keeps the rules it loaded while the token is the one it loaded them under, instead
of reading the four tables again at every save. The token is random, so that a change rolled
back never gives back a token a later change could take.

On SQLite the triggers are made here; on PostgreSQL they are server objects
(:mod:`monmaster_desktop.db.roles`, installed after every migration).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables the rules read (frozen: a later table needs a new revision).
RULES_TABLES = ("setting", "campaign", "registration_band", "etudes_en_france_country")
EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        "rules_revision",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("token", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_rules_revision_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rules_revision")),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO rules_revision (id, token) VALUES (1, random())")
        for table in RULES_TABLES:
            for event in EVENTS:
                op.execute(
                    f"CREATE TRIGGER rules_revision_{table}_{event} AFTER {event.upper()} "
                    f"ON {table} BEGIN UPDATE rules_revision SET token = random(); END"
                )
    else:
        op.execute(
            "INSERT INTO rules_revision (id, token) "
            "VALUES (1, floor(random() * 9e18)::bigint)"
        )


def downgrade() -> None:
    for table in RULES_TABLES:
        if op.get_bind().dialect.name == "sqlite":
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS rules_revision_{table}_{event}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS monmaster_rules_revision ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS monmaster_rules_revision_truncate ON {table}")
    op.drop_table("rules_revision")
