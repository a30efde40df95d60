"""What one save costs in round trips to the base, and which rules it applies: the rules are
read once per change of their tables, and never stale — a head's change on another desk is
applied by the next save, even one that waited for it. On both engines."""

from __future__ import annotations

import csv
import threading
import time
from dataclasses import replace

import pytest
from sqlalchemy import event, select, update

from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.campaigns import CampaignController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.errors import Invalid
from monmaster_desktop.controllers.office_settings import read_settings
from monmaster_desktop.db import Database
from monmaster_desktop.domain import ApplicationStatus, Phase
from monmaster_desktop.models import Campaign
from tests.test_controllers import HOME, OTHER, application, person

#: Statements one save sends, at most (SQLite counts its BEGIN IMMEDIATE and reads the rules'
#: token apart; the server reads the token in the statement that takes the locks, and psycopg
#: sends BEGIN and COMMIT by itself, outside these counts on both engines).
BUDGET = {
    ("sqlite", "candidate"): 6,
    ("postgresql", "candidate"): 5,
    ("sqlite", "application"): 10,
    ("postgresql", "application"): 9,
}


class RoundTrips:
    """The statements sent to the base meanwhile, and the pool's pings (one each if the pool
    pinged connections before use)."""

    def __init__(self, db: Database, monkeypatch: pytest.MonkeyPatch):
        self.db = db
        self.statements: list[str] = []
        dialect = db.engine.dialect
        real_ping = dialect.do_ping

        def ping(dbapi_connection) -> bool:  # noqa: ANN001
            self.statements.append("(ping)")
            return real_ping(dbapi_connection)

        monkeypatch.setattr(dialect, "do_ping", ping)

    def _seen(self, conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, PLR0913
        self.statements.append(" ".join(statement.split())[:100])

    def __enter__(self) -> RoundTrips:
        event.listen(self.db.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.db.engine, "before_cursor_execute", self._seen)


@pytest.fixture
def filed(db: Database):  # noqa: ANN001, ANN201
    """A candidate with two applications, one waitlisted, saved once (the desk warmed up)."""
    candidates, applications = CandidateController(db), ApplicationController(db)
    cid = candidates.save(person()).file.candidate_id
    applications.save(cid, application("Chimie"))
    file = applications.save(
        cid, application("Physique", status=ApplicationStatus.WAITLISTED, waitlist_rank=4)
    ).file
    return candidates, applications, file


def test_a_candidate_save_takes_few_round_trips(db, engine, filed, monkeypatch) -> None:  # noqa: ANN001
    """Saving a candidate's notes: locks, the identity checks and the row in one query, its
    update and audit, the applications for the file — the rules are not read again, the file
    not re-read."""
    candidates, _, file = filed
    with RoundTrips(db, monkeypatch) as trips:
        saved = candidates.save(
            replace(file.candidate, notes="rappelé"),
            candidate_id=file.candidate_id,
            expected_version=file.version,
        ).file
    assert saved.candidate.notes == "rappelé" and saved.version == file.version + 1
    assert len(trips.statements) <= BUDGET[engine, "candidate"], trips.statements
    assert not any("FROM setting" in s or "(ping)" in s for s in trips.statements)


def test_an_application_save_takes_few_round_trips(db, engine, filed, monkeypatch) -> None:  # noqa: ANN001
    """Changing a waitlist rank: locks, candidate, application (with its course), the others
    for the caps, update, audit, the applications once for both the file and the stored
    status, the status rewritten."""
    _, applications, file = filed
    view = next(v for v in file.applications if v.data.waitlist_rank)
    with RoundTrips(db, monkeypatch) as trips:
        outcome = applications.save(
            file.candidate_id,
            replace(view.data, waitlist_rank=2),
            application_id=view.id,
            expected_version=view.version,
        )
    saved = next(v for v in outcome.file.applications if v.id == view.id)
    assert saved.data.waitlist_rank == 2 and saved.version == view.version + 1
    assert len(trips.statements) <= BUDGET[engine, "application"], trips.statements


def test_the_file_a_save_returns_is_the_one_stored(db, filed) -> None:  # noqa: ANN001
    """The file built from what the save wrote equals the file read back from the base:
    versions, login, applications, assessment."""
    candidates, applications, file = filed
    view = next(v for v in file.applications if v.data.waitlist_rank)
    outcome = applications.save(
        file.candidate_id,
        replace(view.data, waitlist_rank=1),
        application_id=view.id,
        expected_version=view.version,
    )
    assert outcome.file == candidates.get_file(file.candidate_id)
    saved = candidates.save(
        replace(file.candidate, email="lea@example.org"),
        candidate_id=file.candidate_id,
        expected_version=file.version,
    )
    assert saved.file == candidates.get_file(file.candidate_id)
    created = candidates.save(person("M24-000777", ine="1234567890V")).file
    assert created == candidates.get_file(created.candidate_id)


def test_a_heads_change_on_one_desk_is_applied_by_the_next_save_on_another(
    db, db_target, filed
) -> None:  # noqa: ANN001
    """Desk B has read the rules; a head on desk A changes the home institution and the main
    phase's cap: B's next saves show the new institution and refuse a second mention."""
    candidates, applications, file = filed
    desk_a = Database(db_target)
    try:
        head = CampaignController(desk_a)
        head.save_settings(
            replace(read_settings(desk_a), home_institution_code=OTHER, home_institution_name="X")
        )
        head.save(replace(head.get(2024), main_cap_initial=1))
    finally:
        desk_a.close()
    saved = candidates.save(
        replace(file.candidate, notes="après"),
        candidate_id=file.candidate_id,
        expected_version=file.version,
    ).file
    assert (saved.home_institution_code, saved.caps[Phase.MAIN].initial) == (OTHER, 1)
    with pytest.raises(Invalid) as refused:
        applications.save(file.candidate_id, application("Mathématiques"))
    assert "1 mentions au plus" in refused.value.message
    assert file.home_institution_code == HOME


def test_a_save_that_waited_for_a_heads_change_applies_it(db, db_target, filed) -> None:  # noqa: ANN001
    """A head's write holds the base while it lowers the cap; a clerk's save started then waits
    for it, and is refused under the new cap (not the rules read before it waited)."""
    _, applications, file = filed
    desk_a = Database(db_target)
    held, release = threading.Event(), threading.Event()

    def head() -> None:
        with desk_a.write() as session:
            session.execute(update(Campaign).where(Campaign.year == 2024).values(main_cap_initial=1))
            held.set()
            release.wait(10)

    outcome: dict[str, object] = {}

    def clerk() -> None:
        try:
            outcome["saved"] = applications.save(file.candidate_id, application("Mathématiques"))
        except Invalid as refused:
            outcome["refused"] = refused.message

    writer = threading.Thread(target=head)
    writer.start()
    try:
        assert held.wait(10)
        saving = threading.Thread(target=clerk)
        saving.start()
        time.sleep(0.5)
        assert saving.is_alive(), "the clerk's save waits for the head's write"
    finally:
        release.set()
        writer.join(10)
    saving.join(10)
    desk_a.close()
    assert "1 mentions au plus" in str(outcome.get("refused")), outcome


def test_a_small_import_reads_only_the_stored_rows_it_names(db, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """Five candidates imported into a base of many: neither the candidates nor the
    applications are read whole (nor the catalogue, for a file without applications)."""
    from monmaster_desktop.controllers.imports import ImportController
    from monmaster_desktop.demo import generate, write_csv_files

    cands, apps = write_csv_files(generate(60, seed=5), tmp_path / "base")
    ImportController(db).run(cands, apps)
    with cands.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:5]
    few = tmp_path / "few.csv"
    with few.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:  # five newcomers: new numbers, no INE
            writer.writerow(row | {"candidate_number": "M25-" + row["candidate_number"][4:], "ine": ""})
    with RoundTrips(db, monkeypatch) as trips:
        result = ImportController(db).run(few)
    assert result.problems == [] and result.candidates_created == 5
    whole = [
        s
        for s in trips.statements
        if any(f"FROM {t}" in s for t in ("candidate", "application", "course", "institution"))
        and "WHERE" not in s
        and not s.startswith("SELECT max(")  # the largest id: one end of the primary key
    ]
    assert whole == []


def test_a_write_is_one_transaction_all_or_nothing(db) -> None:  # noqa: ANN001
    """A write that fails after two statements leaves neither (on the server its transaction
    is opened by the statement that takes its locks, not by the driver)."""
    from monmaster_desktop.models import Setting

    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Setting(key="essai_un", value="1"))
        session.flush()
        session.add(Setting(key="essai_deux", value="2"))
        session.flush()
        raise RuntimeError("refused half-way")
    with db.write(candidates=[1]) as session:
        session.add(Setting(key="essai_trois", value="3"))
        session.flush()
        session.rollback()
    with db.read() as session:
        assert session.scalars(select(Setting.key).where(Setting.key.like("essai_%"))).all() == []


@pytest.mark.engine_only("postgresql")
def test_the_driver_sends_no_begin_of_its_own(db) -> None:  # noqa: ANN001
    """On the server a write's transaction is opened in the round trip of its locks: the
    driver's connection is left in autocommit (psycopg would send BEGIN alone), yet the
    server's transaction is open from the first statement of the write."""
    from psycopg.pq import TransactionStatus

    with db.write(candidates=[1]) as session:
        raw = session.connection().connection.driver_connection
        assert raw.autocommit is True
        assert raw.info.transaction_status is TransactionStatus.INTRANS
    with db.write() as session:
        raw = session.connection().connection.driver_connection
        assert raw.info.transaction_status is TransactionStatus.INTRANS


@pytest.mark.engine_only("postgresql")
def test_a_desk_idle_through_a_server_restart_saves_at_the_first_try(
    db, pg_server, filed
) -> None:  # noqa: ANN001
    """The server restarted while the desk was idle: its pooled connections are dead, yet the
    next save goes through at once (they are replaced, without a ping before every use)."""
    candidates, _, file = filed
    pg_server.admin("CHECKPOINT")  # the test server commits asynchronously: on disk first
    pg_server.restart()
    saved = candidates.save(
        replace(file.candidate, notes="après le redémarrage"),
        candidate_id=file.candidate_id,
        expected_version=file.version,
    ).file
    assert saved.candidate.notes == "après le redémarrage"
    assert candidates.get_file(file.candidate_id).candidate.notes == "après le redémarrage"
