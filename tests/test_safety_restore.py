"""Restores never lose a confirmed save: another desk open, a damaged base, a link, a newer copy."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest

from monmaster_desktop import paths
from monmaster_desktop.controllers.backups import (
    BackupController,
    list_backups,
    restore_database,
    verify_backup,
)
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.controllers.errors import StaleRecord
from monmaster_desktop.db import Database, DatabaseError, DatabaseTooNew
from tests.safety_helpers import REPO, content_digest, sample_candidate

CHILD_ENV = os.environ | {"PYTHONPATH": str(REPO)}


def numbers_in(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT candidate_number FROM candidate")}
    finally:
        conn.close()


def before_restore_copy(database: Path) -> Path:
    [safety] = [b.path for b in list_backups(database) if b.kind == "before_restore"]
    return safety


def test_restore_while_another_desk_is_open_keeps_its_later_saves(tmp_path: Path) -> None:
    """Desk B stays open during desk A's restore: B's next save lands in the restored base."""
    path = tmp_path / "office.sqlite"
    desk_a = Database(path)
    CandidateController(desk_a).save(sample_candidate("M24-000001"))
    backup = BackupController(desk_a).backup_now()
    desk_b = Database(path)
    b_candidates = CandidateController(desk_b)
    b_candidates.save(sample_candidate("M24-000002"))  # confirmed to clerk B before the restore

    BackupController(desk_a).restore(backup)

    b_candidates.save(sample_candidate("M24-000003"))  # confirmed to clerk B after the restore
    desk_a.close()
    desk_b.close()
    with Database(path) as fresh:
        listed = CandidateController(fresh)
        assert listed.id_for_number("M24-000001") is not None
        assert listed.id_for_number("M24-000003") is not None  # today: gone with the old file
        assert listed.id_for_number("M24-000002") is None  # replaced by the restore...
    assert "M24-000002" in numbers_in(before_restore_copy(path))  # ...and kept in its copy


def test_stale_editor_of_the_other_desk_gets_the_conflict_after_a_restore(tmp_path: Path) -> None:
    """A file open on desk B since before the restore cannot overwrite the restored record."""
    path = tmp_path / "office.sqlite"
    with Database(path) as desk_a, Database(path) as desk_b:
        a_candidates, b_candidates = CandidateController(desk_a), CandidateController(desk_b)
        cid = a_candidates.save(sample_candidate("M24-000001")).file.candidate_id
        backup = BackupController(desk_a).backup_now()
        edited = a_candidates.get_file(cid)
        a_candidates.save(
            replace(edited.candidate, notes="après la sauvegarde"),
            candidate_id=cid, expected_version=edited.version,
        )  # fmt: skip
        opened_on_b = b_candidates.get_file(cid)
        BackupController(desk_a).restore(backup)
        with pytest.raises(StaleRecord):
            b_candidates.save(
                replace(opened_on_b.candidate, notes="saisie de B"),
                candidate_id=cid, expected_version=opened_on_b.version,
            )  # fmt: skip
        assert b_candidates.get_file(cid).candidate.notes != "saisie de B"


WRITER = """
import sys, time
from monmaster_desktop.db import Database
from monmaster_desktop.controllers.candidates import CandidateController
from tests.safety_helpers import sample_candidate
with Database(sys.argv[1]) as db:
    candidates = CandidateController(db)
    for n in range(int(sys.argv[2])):
        candidates.save(sample_candidate(f"W-{n:04d}"))
        print("saved", f"W-{n:04d}", flush=True)
        time.sleep(0.01)  # a clerk's pace, however fast: others get the write lock in turn
"""


def test_restore_during_another_process_saves_loses_no_confirmed_save(tmp_path: Path) -> None:
    """A second process saves in a loop while we restore: each confirmed save is in the restored
    base (saved after) or in the copy taken just before the restore (saved before)."""
    path = tmp_path / "office.sqlite"
    with Database(path) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
        backup = BackupController(db).backup_now()
        writer = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WRITER), str(path), "150"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=CHILD_ENV, cwd=REPO,
        )  # fmt: skip
        assert writer.stdout is not None
        confirmed = [writer.stdout.readline().split()[1] for _ in range(20)]
        BackupController(db).restore(backup)
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    confirmed += [line.split()[1] for line in out.splitlines()]
    assert len(confirmed) == 150
    final, safety = numbers_in(path), numbers_in(before_restore_copy(path))
    lost = [n for n in confirmed if n not in final and n not in safety]
    assert lost == []
    assert "W-0149" in final  # the saves made after the restore are in the live base


def test_restore_leaves_a_symlinked_base_a_link(tmp_path: Path) -> None:
    """The base reached through a symbolic link: after a restore the link still points to it."""
    real = tmp_path / "data" / "office.sqlite"
    real.parent.mkdir()
    link = tmp_path / "office.sqlite"
    with Database(real) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
    link.symlink_to(real)
    with Database(link) as db:
        backup = BackupController(db).backup_now()
        CandidateController(db).save(sample_candidate("M24-000002"))
        BackupController(db).restore(backup)
    assert link.is_symlink() and link.resolve() == real
    assert numbers_in(real) == {"M24-000001"}


def test_startup_restore_of_a_damaged_symlinked_base_keeps_the_link(tmp_path: Path) -> None:
    """The start-up restore of a damaged base reached through a link writes through the link."""
    real = tmp_path / "data" / "office.sqlite"
    real.parent.mkdir()
    link = tmp_path / "office.sqlite"
    with Database(real) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
        backup = BackupController(db).backup_now()
    link.symlink_to(real)
    damage(real)
    restore_database(link, backup)
    assert link.is_symlink() and link.resolve() == real
    assert numbers_in(real) == {"M24-000001"}


def damage(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 4096)


def test_startup_restore_keeps_the_write_ahead_log_with_the_damaged_copy(tmp_path: Path) -> None:
    """The damaged base set aside keeps its -wal: the day's saves can still be read from it."""
    path = tmp_path / "office.sqlite"
    with Database(path) as db:
        for n in range(40):
            CandidateController(db).save(sample_candidate(f"M24-{n:06d}", notes="x" * 2000))
        backup = BackupController(db).backup_now()
    # the day's save, still in the write-ahead log when the desk was cut off
    keeper = sqlite3.connect(path)  # keeps the log from being folded back on close
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(
        "UPDATE candidate SET notes='saisie du jour' WHERE candidate_number='M24-000039'"
    )
    writer.commit()
    wal_bytes = Path(f"{path}-wal").read_bytes()
    writer.close()
    keeper.close()
    Path(f"{path}-wal").write_bytes(wal_bytes)  # as a killed desk leaves it
    with path.open("r+b") as handle:  # a damaged page in the main file, not in the log
        handle.seek(8 * 4096)
        handle.write(b"\xde\xad\xbe\xef" * 1024)

    aside = restore_database(path, backup)

    assert aside != path and aside.exists()
    assert Path(f"{aside}-wal").read_bytes() == wal_bytes
    conn = sqlite3.connect(aside)
    try:
        notes = conn.execute(
            "SELECT notes FROM candidate WHERE candidate_number='M24-000039'"
        ).fetchone()
    finally:
        conn.close()
    assert notes == ("saisie du jour",)
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").read_bytes() != wal_bytes
    assert numbers_in(path) == {f"M24-{n:06d}" for n in range(40)}


def stamp_revision(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num=?", (revision,))
    conn.commit()
    conn.close()


def test_backup_written_by_a_newer_version_is_refused_and_the_base_untouched(
    tmp_path: Path,
) -> None:
    """A copy stamped with a schema revision this version does not know is not restored."""
    path = tmp_path / "office.sqlite"
    with Database(path) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
        backup = BackupController(db).backup_now()
        stamp_revision(backup, "9999")
        CandidateController(db).save(sample_candidate("M24-000002"))
        before = content_digest(path)
        with pytest.raises(DatabaseTooNew, match="version plus récente"):
            BackupController(db).restore(backup)
    assert content_digest(path) == before
    with Database(path) as db:  # the live base still opens
        assert CandidateController(db).id_for_number("M24-000002") is not None


def test_older_backup_is_brought_to_the_current_schema_when_restored(tmp_path: Path) -> None:
    """A copy from an older version is restored and upgraded; the desk opens it afterwards."""
    from alembic import command

    from monmaster_desktop.db import alembic_config

    old = tmp_path / "old.sqlite"
    bare = Database(old, migrate=False)
    with bare.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    bare.close()
    conn = sqlite3.connect(old)
    conn.execute(
        "INSERT INTO candidate (candidate_number, last_name, first_name, name_key, birth_date,"
        " nationality, residence_country, diploma, diploma_status, repeating_m1, ves_vap,"
        " automatic_admission, enrolment_history, version) VALUES ('M24-OLD', 'Lefèvre',"
        " 'Hélène', 'lefevre helene', '2001-01-01', 'FR', 'FR', 'licence', 'obtained', 0, 0, 0,"
        " 'never', 1)"
    )
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    path = tmp_path / "office.sqlite"
    with Database(path) as db:
        BackupController(db).restore(old)
        assert CandidateController(db).id_for_number("M24-OLD") is not None
    with Database(path) as db:
        assert CandidateController(db).id_for_number("M24-OLD") is not None


def test_missing_backup_is_called_missing_not_damaged(tmp_path: Path) -> None:
    """A file that does not exist: « introuvable », never « endommagée »."""
    with pytest.raises(DatabaseError) as refused:
        verify_backup(tmp_path / "absente.sqlite")
    assert "introuvable" in refused.value.message
    assert "endommag" not in refused.value.message


def test_restore_waits_for_the_other_desk_and_never_mixes_the_two(tmp_path: Path) -> None:
    """A write transaction of another desk in progress: the restore waits for it, then replaces
    everything; nothing of that transaction is half in the restored base."""
    path = tmp_path / "office.sqlite"
    with Database(path) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
        backup = BackupController(db).backup_now()
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE candidate SET notes='en cours' WHERE candidate_number='M24-000001'")
        started = time.monotonic()
        import threading

        def release() -> None:
            time.sleep(0.5)
            other.execute("COMMIT")

        threading.Thread(target=release).start()
        BackupController(db).restore(backup)
        assert time.monotonic() - started >= 0.4
        other.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT notes FROM candidate").fetchall() == [(None,)]
    conn.close()
    safety = sqlite3.connect(before_restore_copy(path))
    assert safety.execute("SELECT notes FROM candidate").fetchall() == [("en cours",)]
    safety.close()
    assert paths.backup_dir_for(path).is_dir()
