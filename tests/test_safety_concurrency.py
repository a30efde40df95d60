"""Two instances on one database: no silent overwrite, no "database is locked", busy said in French."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.errors import StaleRecord
from monmaster_desktop.db import Database, DatabaseBusy
from monmaster_desktop.db import base as db_base
from monmaster_desktop.domain import ApplicationStatus, TrainingType
from monmaster_desktop.models import AuditEntry, Candidate, Setting
from tests.safety_helpers import REPO, content_digest, sample_candidate, table_counts

CHILD_ENV = os.environ | {"PYTHONPATH": str(REPO)}


def run_child(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Another instance of the program: a separate process, optionally another clerk's."""
    env = CHILD_ENV | (env or {})
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def application(**changes: object):  # noqa: ANN201
    from monmaster_desktop.controllers.views import ApplicationData

    data = ApplicationData(
        campaign_year=2024,
        institution_code="0134009M",
        mention="Informatique",
        training_type=TrainingType.INITIAL,
        submitted_on=date(2024, 3, 1),
        status=ApplicationStatus.SUBMITTED,
    )
    return replace(data, **changes)


def test_other_process_edit_makes_our_save_stale(db_target, as_login) -> None:  # noqa: ANN001
    """Another process (clerk c.durand) saves first: our save is refused naming who and when."""
    path = db_target
    theirs, their_env = as_login("c.durand")
    with Database(path) as ours:
        candidates = CandidateController(ours)
        cid = candidates.save(sample_candidate()).file.candidate_id
        opened = candidates.get_file(cid)  # the clerk opens the file in our window
        other = run_child(
            """
            import sys
            from dataclasses import replace
            from monmaster_desktop.db import Database
            from monmaster_desktop.controllers.candidates import CandidateController
            with Database(sys.argv[1]) as db:
                c = CandidateController(db)
                f = c.get_file(int(sys.argv[2]))
                c.save(replace(f.candidate, email="claire@autre-poste.fr"),
                       candidate_id=f.candidate_id, expected_version=f.version)
            """,
            str(theirs),
            str(cid),
            env=their_env,
        )
        assert other.returncode == 0, other.stderr
        with pytest.raises(StaleRecord) as stale:
            candidates.save(
                replace(opened.candidate, email="claire@notre-poste.fr"),
                candidate_id=cid,
                expected_version=opened.version,
            )
        stored = candidates.get_file(cid)
    assert stored.candidate.email == "claire@autre-poste.fr"
    assert "par c.durand" in stale.value.message
    assert stored.updated_at is not None
    assert stored.updated_at.strftime("le %d/%m/%Y à %H:%M") in stale.value.message
    assert "Rechargez" in stale.value.message


def test_second_window_application_save_is_stale(
    monkeypatch: pytest.MonkeyPatch,
    as_login,  # noqa: ANN001
) -> None:
    """Two Database objects: the later save of one application is refused, nothing overwritten."""
    (first_target, first_env), (second_target, second_env) = (
        as_login("a.petit"),
        as_login("b.morel"),
    )
    with Database(first_target) as first, Database(second_target) as second:
        cid = CandidateController(first).save(sample_candidate()).file.candidate_id
        view = ApplicationController(first).save(cid, application()).file.applications[0]
        # both windows show the application at the same version
        for name, value in second_env.items():
            monkeypatch.setenv(name, value)
        ApplicationController(second).save(
            cid,
            replace(view.data, status=ApplicationStatus.WAITLISTED, waitlist_rank=4),
            application_id=view.id,
            expected_version=view.version,
        )
        for name, value in first_env.items():
            monkeypatch.setenv(name, value)
        with pytest.raises(StaleRecord) as stale:
            ApplicationController(first).save(
                cid,
                replace(view.data, status=ApplicationStatus.WITHDRAWN),
                application_id=view.id,
                expected_version=view.version,
            )
        with pytest.raises(StaleRecord):
            ApplicationController(first).delete(view.id, expected_version=view.version)
        stored = CandidateController(first).get_file(cid).applications[0]
    assert stored.data.status is ApplicationStatus.WAITLISTED
    assert stored.data.waitlist_rank == 4
    assert "candidature" in stale.value.message and "par b.morel" in stale.value.message
    assert re.search(r"le \d\d/\d\d/\d{4} à \d\d:\d\d", stale.value.message)


WRITER = """
import sys
from dataclasses import replace
from sqlalchemy import select
from monmaster_desktop.db import Database
from monmaster_desktop.models import Setting
from monmaster_desktop.controllers.candidates import CandidateController

path, number, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Database(path) as db:
    candidates = CandidateController(db)
    cid = candidates.id_for_number(number)
    for n in range(rounds):
        with db.write() as session:  # read, then write: the upgrade plain BEGIN fails on
            counter = session.get(Setting, "counter")
            counter.value = str(int(counter.value) + 1)
        if n % 20 == 0:
            f = candidates.get_file(cid)
            candidates.save(replace(f.candidate, notes=f"{number} {n}"), candidate_id=cid,
                            expected_version=f.version)
print("done", rounds)
"""


def test_two_processes_hammering_all_commit(db_target) -> None:  # noqa: ANN001
    """Two processes, 300 read-then-write transactions each: all commit, no update lost."""
    path = db_target
    with Database(path) as db:
        with db.write() as session:
            session.add(Setting(key="counter", value="0"))
        for number in ("A-1", "B-1"):
            CandidateController(db).save(sample_candidate(number))
    code = textwrap.dedent(WRITER)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(path), number, "300"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=CHILD_ENV,
            cwd=REPO,
        )
        for number in ("A-1", "B-1")
    ]
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
        assert "locked" not in err and "occupée" not in err
        assert out.strip() == "done 300"
    with Database(path) as db, db.read() as session:
        assert session.get(Setting, "counter").value == "600"
        saves = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.field == "notes")
        )
    assert saves == 2 * 15


def hold_write_lock(target: Path | str):  # noqa: ANN201
    """Another program takes the write lock and keeps it: a raw connection, BEGIN EXCLUSIVE on
    a file; on the server, a desk's write transaction that does not end."""
    if isinstance(target, str):
        import psycopg

        from monmaster_desktop.db.postgresql import WRITE_LOCK_KEY

        conn = psycopg.connect(target)
        conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        return conn
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_lock_held_too_long_gives_busy_then_retry_succeeds(
    db_target,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A lock held past the busy timeout: DatabaseBusy in French, nothing written; retry works."""
    monkeypatch.setattr(db_base, "BUSY_TIMEOUT_MS", 300)
    path = db_target
    with Database(path) as db:
        candidates = CandidateController(db)
        cid = candidates.save(sample_candidate()).file.candidate_id
        opened = candidates.get_file(cid)
        before = content_digest(path)
        blocker = hold_write_lock(path)
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as busy:
            candidates.save(
                replace(opened.candidate, phone="04 91 00 00 00"),
                candidate_id=cid,
                expected_version=opened.version,
            )
        waited = time.monotonic() - started
        assert candidates.get_file(cid).candidate.phone is None  # readers still read (WAL)
        blocker.rollback()
        blocker.close()
        assert content_digest(path) == before
        saved = candidates.save(
            replace(opened.candidate, phone="04 91 00 00 00"),
            candidate_id=cid,
            expected_version=opened.version,
        )
    assert 0.25 <= waited < 5
    assert "occupée par un autre poste ou programme" in busy.value.message
    assert "rien n'a été enregistré" in busy.value.message
    assert saved.file.candidate.phone == "04 91 00 00 00"


def test_cli_import_while_locked_says_busy_and_exits_1(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    db_target,  # noqa: ANN001
) -> None:
    """The import command facing a held lock prints the French message, exits 1, writes nothing."""
    from monmaster_desktop.demo import generate, write_csv_files

    monkeypatch.setattr(db_base, "BUSY_TIMEOUT_MS", 200)
    path = db_target
    Database(path).close()
    cands, apps = write_csv_files(generate(20, seed=3), tmp_path)
    before = content_digest(path)
    blocker = hold_write_lock(path)
    try:
        code = main(["import", str(cands), str(apps), "--database", str(path)])
    finally:
        blocker.rollback()
        blocker.close()
    err = capsys.readouterr().err
    assert code == 1
    assert "La base est occupée" in err and "Traceback" not in err
    assert content_digest(path) == before
    assert table_counts(path)["candidate"] == 0
    assert main(["import", str(cands), str(apps), "--database", str(path)]) == 0
    with Database(path) as db, db.read() as session:
        assert session.scalar(select(func.count(Candidate.id))) == 20
