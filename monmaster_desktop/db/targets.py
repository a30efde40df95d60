"""What a ``--database`` value or a site's ``[database] url`` names: a server or a file.

Light on purpose (no SQLAlchemy): the window reads it before its first paint.
"""

from __future__ import annotations

from pathlib import Path

SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(target: object) -> bool:
    """True when ``target`` names a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and target.lower().startswith(SERVER_SCHEMES)


def database_target(text: str) -> Path | str:
    """A ``--database`` value as given: a server URL (kept as text) or a file path."""
    return text if is_server_url(text) else Path(text)


def site_database_target(text: str) -> Path | str:
    """The site configuration's ``[database] url`` for this desk: ``{login}`` becomes the
    clerk's OS login (FORMATS.md §6); a file path is taken as it is."""
    if is_server_url(text) and "{login}" in text:
        from urllib.parse import quote

        from monmaster_desktop.controllers.context import current_user

        text = text.replace("{login}", quote(current_user(), safe=""))
    return database_target(text)
