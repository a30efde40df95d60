"""Alembic environment: runs on the connection the application hands over (see db.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from monmaster_desktop.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Command-line use (alembic revision --autogenerate): a scratch database given by URL.
        url = config.get_main_option("sqlalchemy.url") or "sqlite://"
        with create_engine(url).connect() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite alters tables by copy; PostgreSQL alters them in place (a copy would drop the
        # triggers and grants the server hangs on them).
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
