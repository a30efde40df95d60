"""The list's first screen read before SQLAlchemy: the same ids and rows as the worklists'
controller, from statements compiled from the controller's own; no first look at a base that
must be opened first (new, foreign, older, unseeded, a server)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from monmaster_desktop.controllers import first_screen
from monmaster_desktop.controllers.demo import DEMO_AS_OF, build_demo_database
from monmaster_desktop.controllers.first_screen import FirstScreen
from monmaster_desktop.controllers.worklists import (
    SortKey,
    WorklistController,
    first_screen_statements,
)
from monmaster_desktop.db import Database, sqlite_statements
from monmaster_desktop.db.sqlite_first_look import compile_statements, first_look
from monmaster_desktop.migrations import HEAD

PAGE = 50


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo over the whole campaign: on its summer dates some candidates have events after
    the reference date (the rules assess those)."""
    return build_demo_database(tmp_path_factory.mktemp("first") / "demo.sqlite", 300, as_of=None)


def test_the_compiled_statements_are_the_controllers() -> None:
    """db/sqlite_statements.py holds what the controller's statements compile to today (when
    this fails: python scripts/compile_first_screen.py)."""
    assert compile_statements(first_screen_statements()) == sqlite_statements.STATEMENTS, (
        "the worklist's statements changed: python scripts/compile_first_screen.py"
    )
    assert set(sqlite_statements.STATEMENTS) == set(first_screen.statement_names())
    assert sqlite_statements.HEAD == HEAD  # a new migration: compiled again for its schema
    assert set(first_screen.SORTS) == {str(key) for key in SortKey}


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", first_screen.SORTS)
def test_the_first_screen_is_the_controllers_first_page(
    demo: Path, sort: str, descending: bool
) -> None:
    """In every order, on a date after every event: the first look's first page is the
    controller's, row for row (flags, caps, dates, registration)."""
    as_of = date(2026, 12, 1)
    look = first_look(demo)
    assert look is not None
    try:
        read = FirstScreen(look, as_of).read(sort, descending, PAGE)
    finally:
        look.close()
    with Database(demo) as db:
        worklists = WorklistController(db)
        ids = worklists.candidate_ids(
            as_of=as_of, sort=SortKey(sort), descending=descending, limit=PAGE
        )
        rows = worklists.rows(ids, as_of=as_of)
    assert read == (ids, rows)
    assert len(ids) == PAGE
    assert any(row.flags for row in rows) or sort not in ("name", "candidate_number")


def test_a_page_the_rules_must_assess_is_left_to_the_base(demo: Path) -> None:
    """On the demo's day, a first page holding a candidate with a later event is not read by
    the first look (None); on a day where none has, it is the controller's."""
    with Database(demo) as db:
        worklists = WorklistController(db)
        shown = {}
        for as_of in (date(2024, 6, 20), DEMO_AS_OF, date(2024, 9, 2)):
            look = first_look(demo)
            assert look is not None
            try:
                shown[as_of] = FirstScreen(look, as_of).read("deadline", True, PAGE)
            finally:
                look.close()
            ids = worklists.candidate_ids(
                as_of=as_of, sort=SortKey.DEADLINE, descending=True, limit=PAGE
            )
            if shown[as_of] is not None:
                assert shown[as_of] == (ids, worklists.rows(ids, as_of=as_of))
    assert shown[DEMO_AS_OF] is None  # the demo's whole campaign goes on after 20/07


def test_no_first_look_at_a_base_to_open_first(tmp_path: Path, demo: Path) -> None:
    """A server, a missing or empty file, another program's file, an older schema and an
    unseeded base all wait for the base opened as usual (which migrates, seeds or refuses)."""
    assert first_look("postgresql://desk@localhost/monmaster") is None
    assert first_look(tmp_path / "missing.sqlite") is None
    (tmp_path / "empty.sqlite").touch()
    assert first_look(tmp_path / "empty.sqlite") is None
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER)")
    assert first_look(foreign) is None
    older = tmp_path / "older.sqlite"
    older.write_bytes(demo.read_bytes())
    with sqlite3.connect(older) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
    assert first_look(older) is None
    unseeded = tmp_path / "unseeded.sqlite"
    unseeded.write_bytes(demo.read_bytes())
    with sqlite3.connect(unseeded) as conn:
        conn.execute("DELETE FROM setting WHERE key = 'home_institution_code'")
    assert first_look(unseeded) is None
    look = first_look(demo)
    assert look is not None
    look.close()


def test_the_first_look_never_writes(tmp_path: Path, demo: Path) -> None:
    """The look's connection is read-only: the file is left as it was."""
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(demo.read_bytes())
    look = first_look(copy)
    assert look is not None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        look._connection.execute("DELETE FROM setting")
    look.close()


def test_the_first_screen_loads_no_sqlalchemy(demo: Path) -> None:
    """Reading the first screen imports neither SQLAlchemy nor the models nor Alembic."""
    code = f"""
import sys
from datetime import date
from pathlib import Path
from monmaster_desktop.controllers.first_screen import FirstScreen
from monmaster_desktop.db import first_look
look = first_look(Path({str(demo)!r}))
ids, rows = FirstScreen(look, date(2026, 12, 1)).read("name", False, 50)
print(len(ids), len(rows), sorted(m for m in sys.modules if m.startswith(
    ("sqlalchemy", "alembic", "monmaster_desktop.models", "monmaster_desktop.controllers.worklists"))))
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.split() == ["50", "50", "[]"]


def test_the_layers_first_look_is_the_function_whatever_was_imported_before() -> None:
    """``from monmaster_desktop.db import first_look`` names the function, also once its
    module has been imported by name (a module of the same name would shadow it)."""
    import monmaster_desktop.db
    import monmaster_desktop.db.sqlite_first_look  # noqa: F401

    assert monmaster_desktop.db.first_look is first_look
