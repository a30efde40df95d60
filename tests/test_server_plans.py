"""How the server plans a keystroke's list: with fresh statistics (after ``transfer``, a
restore, or once autovacuum has passed), a rare name's first page must not walk the whole name
index. Against a real PostgreSQL (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event, func, select

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.demo import DEMO_AS_OF
from monmaster_desktop.controllers.worklists import COMMON_START, WorklistController
from monmaster_desktop.db import Database
from monmaster_desktop.models import Application
from tests.test_server import fill, new_base

CANDIDATES = 50_000
#: One candidate in forty bears the word « rarissime »: fewer than ``COMMON_START`` in all,
#: spread along the name order (the planner expects its first fifty after 2,000 names).
EVERY = 40


def _statistics(url: str, table: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = %s",
            (table,),
        ).fetchone()[0]


def test_a_base_fresh_from_transfer_has_the_planners_statistics(
    pg_server,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    """Without them the first desks on a transferred base are planned blind, and the plans
    change under the clerks when autovacuum passes."""
    source = tmp_path / "bureau.sqlite"
    with Database(source) as db:
        fill(db, tmp_path)
    target = new_base(pg_server, "planned")
    assert main(["server", "init", target]) == 0
    assert main(["transfer", str(source), target]) == 0
    for table in ("candidate", "candidate_search_token", "application", "candidate_status"):
        assert _statistics(target, table) > 0, table


@pytest.mark.engine_only("postgresql")
@pytest.mark.parametrize("login", ["owner", "clerk"])
def test_a_large_import_leaves_the_planners_statistics_where_the_login_may(
    login: str,
    db_target: str,
    as_login,  # noqa: ANN001
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large import ends with ANALYZE of the tables it filled (the next desk's reads are
    planned from the rows just loaded); a clerk's login, which owns no table, imports just
    the same and leaves that to autovacuum."""
    monkeypatch.setattr("monmaster_desktop.db.bulk.INDEXES_AFTER_FROM", 10)
    url = db_target if login == "owner" else as_login("i.clerc")[0]
    with Database(url) as db:
        fill(db, tmp_path)
    with Database(db_target) as db, db.read() as session:
        assert session.scalar(select(func.count()).select_from(Application)) > 60
    if login == "owner":
        for table in ("candidate", "candidate_search_token", "application", "candidate_status"):
            assert _statistics(db_target, table) > 0, table


def _fill_names(url: str) -> list[int]:
    """50,000 candidates straight into the tables; those with the rare word, in name order."""
    with psycopg.connect(url) as conn:
        conn.execute(
            """
            INSERT INTO candidate (id, candidate_number, last_name, first_name, name_key,
                birth_date, nationality, residence_country, diploma, diploma_status,
                repeating_m1, ves_vap, automatic_admission, enrolment_history, version)
            SELECT i, 'P-' || lpad(i::text, 6, '0'), 'Nom' || (i * 7919 %% %(n)s),
                'Prénom', 'nom' || lpad((i * 7919 %% %(n)s)::text, 6, '0') || ' prenom',
                DATE '2000-01-01', 'FR', 'FR', 'licence', 'obtained', false, false, false,
                'never', 1
            FROM generate_series(1, %(n)s) AS i
            """,
            {"n": CANDIDATES},
        )
        conn.execute(
            """
            INSERT INTO candidate_search_token (candidate_id, token)
            SELECT id, 'nom' || lpad((id * 7919 %% %(n)s)::text, 6, '0') FROM candidate
            UNION ALL SELECT id, 'prenom' FROM candidate
            UNION ALL SELECT id, 'rarissime' FROM candidate WHERE id %% %(every)s = 0
            """,
            {"n": CANDIDATES, "every": EVERY},
        )
        conn.execute("ANALYZE candidate, candidate_search_token, candidate_status")
        return [
            row[0]
            for row in conn.execute(
                "SELECT id FROM candidate WHERE id %% %(every)s = 0 "
                "ORDER BY name_key, candidate_number",
                {"every": EVERY},
            )
        ]


@pytest.mark.engine_only("postgresql")
def test_a_rare_words_first_page_is_gathered_then_sorted_not_read_along_the_name_index(
    db: Database, db_target: str
) -> None:
    """« rarissime » starts 1,250 names out of 50,000: the first page finds them by the
    search words' index, looks them up, then sorts them. Walking the name index and testing each name
    (the planner's choice with fresh statistics, before) read 2,000 names for 50 here and all
    50,000 for a word the statistics overrate."""
    in_order = _fill_names(db_target)
    assert len(in_order) < COMMON_START
    sent: list[tuple[str, object]] = []

    def spy(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if "ORDER BY" in statement:
            sent.append((statement, parameters))

    event.listen(db.list_engine, "before_cursor_execute", spy)
    ids = WorklistController(db).candidate_ids(as_of=DEMO_AS_OF, search="raris", limit=50)
    event.remove(db.list_engine, "before_cursor_execute", spy)
    assert ids == in_order[:50]
    assert len(sent) == 1
    statement, parameters = sent[0]
    with db.quick_read() as session:  # the list's own session, with its planner settings
        plan = "\n".join(
            row[0]
            for row in session.connection().exec_driver_sql("EXPLAIN " + statement, parameters)
        )
    assert "ix_candidate_name_sort" not in plan, plan
    assert "ix_candidate_search_token_token" in plan, plan
    # the 1,250 candidates looked up one by one, not all 50,000 read to find them
    assert "Seq Scan on candidate" not in plan, plan


def test_the_planner_settings_keep_the_server_options_of_the_address() -> None:
    from monmaster_desktop.db.postgresql import PLANNER_SETTINGS, with_planner_settings

    assert with_planner_settings({"host": "h"})["options"] == PLANNER_SETTINGS
    assert with_planner_settings({"options": "-c search_path=scol"})["options"] == (
        f"-c search_path=scol {PLANNER_SETTINGS}"
    )


@pytest.mark.engine_only("postgresql")
def test_only_the_lists_sessions_plan_for_a_base_held_in_memory(db: Database) -> None:
    """Whole-base reads (check, exports) keep the server's costs: with fresh statistics the
    list's setting would turn their scans into index walks."""
    with db.quick_read() as session:
        assert session.connection().exec_driver_sql("SHOW random_page_cost").scalar() == "1.1"
    with db.read() as session:
        assert session.connection().exec_driver_sql("SHOW random_page_cost").scalar() == "4"
