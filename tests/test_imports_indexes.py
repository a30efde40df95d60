"""A large import builds the secondary indexes of the tables it fills once, at its end (SQLite):
the same indexes afterwards, and a failure anywhere leaves the base as it was, indexes included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from monmaster_desktop.controllers.imports import ImportController, writing
from monmaster_desktop.db import Database, bulk
from monmaster_desktop.db import sqlite as sqlite_engine
from monmaster_desktop.demo import generate, write_csv_files
from monmaster_desktop.models import Application, AuditEntry, Candidate


def _indexes(db: Database) -> list[tuple]:
    with db.read() as session:
        return session.execute(
            text("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        ).all()


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as session:
        return tuple(
            session.execute(text(f"SELECT count(*) FROM {table.__tablename__}")).scalar_one()
            for table in (Candidate, Application, AuditEntry)
        )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write_csv_files(generate(40, seed=7), tmp_path / "files")


@pytest.fixture
def rebuilt(monkeypatch) -> list[tuple[list[str], set[str]]]:  # noqa: ANN001
    """Every load counts as large; each rebuild is recorded with the indexes present just
    before it (the dropped ones must be absent then)."""
    monkeypatch.setattr(bulk, "INDEXES_AFTER_FROM", 1)
    seen: list[tuple[list[str], set[str]]] = []
    original = sqlite_engine.rebuild_indexes

    def spy(conn, statements):  # noqa: ANN001, ANN202
        present = {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            )
        }
        seen.append((list(statements), present))
        original(conn, statements)

    monkeypatch.setattr(sqlite_engine, "rebuild_indexes", spy)
    return seen


def test_a_large_import_leaves_the_same_indexes(db: Database, files, rebuilt) -> None:  # noqa: ANN001
    """The load runs without the secondary indexes of the tables it fills and ends with the
    very same indexes (names, tables, definitions), and a sound file."""
    before = _indexes(db)
    result = ImportController(db).run(*files)
    assert result.written and not result.problems
    assert len(rebuilt) == 1
    statements, present = rebuilt[0]
    dropped = {
        "ix_application_course_id",
        "ix_application_explanation",
        "ix_candidate_name_sort",
        "ix_candidate_search_token_token",
    }
    assert dropped <= {sql.split()[2] for sql in statements}
    assert not dropped & present
    assert "sqlite_autoindex_application_1" in present  # the unique ones stay
    assert _indexes(db) == before
    assert db.integrity_check() == "ok"
    with db.read() as session:  # the rebuilt index answers
        plan = session.execute(
            text("EXPLAIN QUERY PLAN SELECT id FROM application WHERE course_id = 1")
        ).all()
    assert "ix_application_course_id" in repr(plan)


def test_an_import_failing_after_its_load_leaves_the_base_unchanged(
    db: Database,
    files,
    rebuilt,
    monkeypatch,  # noqa: ANN001
) -> None:
    """A failure after every row was written, indexes dropped: nothing stays, the indexes are
    all there."""
    before = _indexes(db)

    def failing(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OSError("disque arraché")

    monkeypatch.setattr(writing, "replace_status_rows", failing)
    with pytest.raises(OSError, match="disque arraché"):
        ImportController(db).run(*files)
    assert _counts(db) == (0, 0, 0)
    assert _indexes(db) == before
    assert rebuilt == []  # it failed before the rebuild


def test_an_import_failing_in_the_rebuild_leaves_the_base_unchanged(
    db: Database,
    files,
    monkeypatch,  # noqa: ANN001
) -> None:
    monkeypatch.setattr(bulk, "INDEXES_AFTER_FROM", 1)
    before = _indexes(db)

    def failing(conn, statements):  # noqa: ANN001, ANN202
        conn.exec_driver_sql(statements[0])
        raise OSError("disque plein")

    monkeypatch.setattr(sqlite_engine, "rebuild_indexes", failing)
    with pytest.raises(OSError, match="disque plein"):
        ImportController(db).run(*files)
    assert _counts(db) == (0, 0, 0)
    assert _indexes(db) == before


def test_a_small_import_keeps_its_indexes(db: Database, files, monkeypatch) -> None:  # noqa: ANN001
    """Below the threshold nothing is dropped."""
    calls = []
    original = sqlite_engine.drop_secondary_indexes
    monkeypatch.setattr(
        sqlite_engine,
        "drop_secondary_indexes",
        lambda conn, loads: calls.append(loads) or original(conn, loads),
    )
    assert ImportController(db).run(*files).written
    assert calls == [{}]


def test_only_a_table_the_load_at_least_doubles_loses_its_indexes(tmp_path: Path) -> None:
    """A table holding more rows than the load adds keeps its indexes (building them again
    would cost more than the load); a unique index always stays."""
    engine = create_engine(f"sqlite:///{tmp_path / 'scratch.sqlite'}")
    with engine.begin() as conn:
        for name in ("small", "big"):
            conn.exec_driver_sql(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, a, b)")
            conn.exec_driver_sql(f"CREATE INDEX ix_{name}_a ON {name} (a)")
            conn.exec_driver_sql(f"CREATE UNIQUE INDEX ux_{name}_b ON {name} (b)")
        conn.exec_driver_sql("INSERT INTO small (a, b) VALUES (1, 1), (2, 2)")
        conn.exec_driver_sql("INSERT INTO big (a, b) VALUES (1, 1), (2, 2), (3, 3), (4, 4)")
        statements = sqlite_engine.drop_secondary_indexes(conn, {"small": 2, "big": 3})
        assert statements == ["CREATE INDEX ix_small_a ON small (a)"]
        left = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "ix_small_a" not in left and {"ux_small_b", "ix_big_a", "ux_big_b"} <= left
        sqlite_engine.rebuild_indexes(conn, statements)
        left = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "ix_small_a" in left
    engine.dispose()
