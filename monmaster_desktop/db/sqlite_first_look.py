"""A first look at a database file before SQLAlchemy is loaded: a few named statements, run
with sqlite3 directly, for the window's first screen.

SQLAlchemy and the models take about as long to load as the whole window takes to build. A
base that is already current needs neither to be read: :func:`first_look` opens the file
read-only, checks it is ours, at the schema this program writes (``alembic_version`` read
with sqlite3, no Alembic) and seeded, and answers the statements of
:mod:`monmaster_desktop.controllers.first_screen` in the SQL SQLAlchemy compiles them to for
SQLite (:mod:`.sqlite_statements`, written by ``scripts/compile_first_screen.py``; a test
holds them equal to the controller's statements). Anything else — a server, a new, foreign,
older or unseeded file, a network share, any SQLite error — gets no first look (None): the
window then waits for the base opened as usual, which migrates, seeds and says what is wrong.

The look never writes and never replaces opening the base: it only reads ahead of it.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monmaster_desktop.db.targets import is_server_url

if TYPE_CHECKING:
    from sqlalchemy.sql import Select

log = logging.getLogger("monmaster_desktop.db")

#: How an expanding parameter's place reads in SQLAlchemy's compiled SQL.
_EXPANDING = "__[POSTCOMPILE_{}]"


class FirstLook:
    """A read-only connection to a current base and the statements compiled for it."""

    def __init__(self, connection: sqlite3.Connection, statements: dict[str, tuple]):
        self._connection = connection
        self._statements = statements

    def run(self, name: str, values: dict[str, object]) -> list[tuple]:
        """The rows of statement ``name`` with these parameter values (a date as SQLAlchemy
        stores it, a list for an expanding parameter), dates and booleans as Python's."""
        sql, parameters, kinds = self._statements[name]
        arguments: list[object] = []
        for parameter in parameters:
            if isinstance(parameter, tuple):  # a constant of the statement, stored as bound
                arguments.append(parameter[0])
                continue
            value = values[parameter]
            if isinstance(value, list | tuple):
                if not value:
                    raise ValueError(f"{name}: « {parameter} » is empty")
                sql = sql.replace(_EXPANDING.format(parameter), ", ".join("?" * len(value)), 1)
                arguments.extend(value)
            else:
                arguments.append(_bound(value))
        rows = self._connection.execute(sql, arguments).fetchall()
        if not any(kinds):
            return rows
        return [
            tuple(
                _KINDS[k](v) if k and v is not None else v for k, v in zip(kinds, row, strict=True)
            )
            for row in rows
        ]

    def close(self) -> None:
        self._connection.close()


def _bound(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()  # SQLAlchemy's SQLite DATE: YYYY-MM-DD
    return value


_KINDS = {"date": date.fromisoformat, "bool": bool}


def first_look(target: Path | str | None) -> FirstLook | None:
    """A first look at the base ``target`` names, or None when it has to be opened first."""
    if target is None or is_server_url(target):
        return None
    from monmaster_desktop.db import sqlite_statements
    from monmaster_desktop.db.files import connect_read_only, on_network_share
    from monmaster_desktop.migrations import HEAD

    if sqlite_statements.HEAD != HEAD:
        log.warning(
            "first-screen statements compiled for schema %s, not %s", sqlite_statements.HEAD, HEAD
        )
        return None
    try:
        path = Path(target).expanduser().resolve()
        if path.stat().st_size == 0 or on_network_share(path):
            return None
        connection = connect_read_only(path)
    except (OSError, sqlite3.Error):
        return None
    try:
        tables = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name IN ('alembic_version', 'setting')"
            )
        }
        current = tables == {"alembic_version", "setting"} and {
            row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
        } == {HEAD}
        seeded = (
            current
            and connection.execute(
                "SELECT 1 FROM setting WHERE key = 'home_institution_code'"
            ).fetchone()
            is not None
        )
    except sqlite3.Error:
        seeded = False
    if not seeded:
        connection.close()
        return None
    return FirstLook(connection, sqlite_statements.STATEMENTS)


def compile_statements(statements: dict[str, Select]) -> dict[str, tuple]:
    """``{name: (sql, parameters, result kinds)}``: each statement as SQLAlchemy runs it on
    SQLite. A parameter is the name of a value given at run time, or a one-tuple holding a
    constant of the statement as bound; a result kind is ``date``, ``bool`` or empty."""
    from sqlalchemy import Boolean, Date, DateTime
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    compiled_all = {}
    for name, statement in statements.items():
        compiled = statement.compile(dialect=dialect)
        defaults = compiled.construct_params(_check=False)
        processors = compiled._bind_processors
        parameters: list[Any] = []
        for key in compiled.positiontup or ():
            if not compiled.binds[key].unique:  # bindparam("as_of"): given at run time
                parameters.append(key)
                continue
            processor = processors.get(key)  # a literal of the statement, bound as SQLAlchemy does
            parameters.append((processor(defaults[key]) if processor else defaults[key],))
        kinds = tuple(
            "date"
            if isinstance(column.type, Date) and not isinstance(column.type, DateTime)
            else "bool"
            if isinstance(column.type, Boolean)
            else ""
            for column in statement.selected_columns
        )
        compiled_all[name] = (compiled.string, tuple(parameters), kinds)
    return compiled_all
