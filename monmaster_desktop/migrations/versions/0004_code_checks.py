"""code checks as OR chains

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

The CHECK constraints on coded columns (status, phase, diploma...) were written ``IN (...)``,
which SQLite 3.40 evaluates by building a small table for every inserted row; the same guard
written as an OR chain costs nothing. SQLite cannot alter a CHECK: its tables are rebuilt;
PostgreSQL drops and adds the constraint in place (a rebuild there would drop the triggers and
grants that hang on the table).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The codes as they stood in this revision (frozen: later code changes need a new revision).
CODES = {
    "candidate": {
        "diploma": (["licence", "licence_pro", "but", "other_bac3", "none"], False),
        "diploma_status": (["obtained", "in_progress"], False),
        "enrolment_history": (["never", "enrolled_last_year", "interrupted"], False),
    },
    "course": {"training_type": (["initial", "alternance"], False)},
    "application": {
        "phase": (["main", "complementary"], False),
        "status": (
            [
                "submitted",
                "waitlisted",
                "contract_search",
                "offer",
                "accepted_provisionally",
                "accepted_definitively",
                "declined",
                "expired",
                "rejected",
                "withdrawn",
            ],
            False,
        ),
        "rejection_reason": (["incomplete", "invalid", "requirements_not_met", "other"], True),
    },
    "candidate_status": {"route": (["iaweb_primo", "ent", "registrar_office"], True)},
}


def _condition(column: str, codes: list[str], nullable: bool, *, chain: bool) -> str:
    if not chain:
        listed = ", ".join(f"'{code}'" for code in codes)
        return f"{column} IN ({listed})"
    tests = [f"{column} = '{code}'" for code in codes]
    if nullable:
        tests.insert(0, f"{column} IS NULL")
    return " OR ".join(tests)


def _rewrite(chain: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table, columns in CODES.items():
            for column, (codes, nullable) in columns.items():
                name = op.f(f"ck_{table}_{column}")
                op.execute(f'ALTER TABLE {table} DROP CONSTRAINT IF EXISTS "{name}"')
                op.create_check_constraint(
                    name, table, _condition(column, codes, nullable, chain=chain)
                )
        return
    for table, columns in CODES.items():
        with op.batch_alter_table(table, recreate="always") as batch_op:
            for column, (codes, nullable) in columns.items():
                name = op.f(f"ck_{table}_{column}")
                batch_op.drop_constraint(name, type_="check")
                batch_op.create_check_constraint(
                    name, _condition(column, codes, nullable, chain=chain)
                )


def upgrade() -> None:
    _rewrite(chain=True)


def downgrade() -> None:
    _rewrite(chain=False)
