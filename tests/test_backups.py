"""Backups on real files: round trip, restore safety, damaged copies refused, rotation, settings."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from platform_helpers import assert_owner_only

from monmaster_desktop import paths
from monmaster_desktop.controllers.backups import (
    BackupController,
    database_verdict,
    latest_good_backup,
    list_backups,
    verify_backup,
)
from monmaster_desktop.controllers.candidates import CandidateController, count_candidates
from monmaster_desktop.controllers.errors import Invalid
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database, DatabaseCorrupt
from monmaster_desktop.demo import generate, write_csv_files

TABLES = ("candidate", "application", "course", "institution", "audit_entry", "setting")


def rows_of(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def corrupt(path: Path) -> None:
    """Overwrite a run of pages in the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 8192)
    assert database_verdict(path) != "ok"


@pytest.fixture
def filled(db: Database, tmp_path: Path) -> Database:
    """The fresh database holding 25 generated candidates and their applications."""
    cands, apps = write_csv_files(generate(25, seed=3), tmp_path / "in")
    assert not ImportController(db).run(cands, apps).problems
    return db


def test_backup_restore_round_trip_gives_identical_rows(filled: Database) -> None:
    """A backup restored after changes gives back exactly the rows it held; the changed base is kept."""
    controller = BackupController(filled)
    before = rows_of(filled.path)
    backup = controller.backup_now()
    assert_owner_only(backup)
    candidates = CandidateController(filled)
    candidates.delete(candidates.id_for_number(before["candidate"][0][1]))
    assert count_candidates(filled) == 24

    safety = controller.restore(backup)

    assert rows_of(filled.path) == before
    assert count_candidates(filled) == 25  # the same Database object reads the restored file
    assert len(rows_of(safety)["candidate"]) == 24
    assert {b.kind for b in list_backups(filled.path)} == {"manual", "before_restore"}


def test_damaged_backup_is_refused_and_nothing_replaced(filled: Database) -> None:
    """Restoring from a damaged copy raises a French refusal and leaves the base untouched."""
    controller = BackupController(filled)
    backup = controller.backup_now()
    corrupt(backup)
    before = rows_of(filled.path)
    with pytest.raises(DatabaseCorrupt, match="endommagée"):
        controller.restore(backup)
    assert rows_of(filled.path) == before


def test_latest_good_backup_skips_damaged_newer_copies(filled: Database) -> None:
    """The newest backup that passes the check is offered, a damaged newer one is skipped."""
    controller = BackupController(filled)
    folder = paths.backup_dir_for(filled.path)
    good = controller.backup_to(folder / "monmaster-20240101-080000.sqlite")
    bad = controller.backup_to(folder / "monmaster-20240102-080000.sqlite")
    os.utime(good, (datetime(2024, 1, 1, 8).timestamp(),) * 2)
    os.utime(bad, (datetime(2024, 1, 2, 8).timestamp(),) * 2)
    corrupt(bad)
    found = latest_good_backup(filled.path)
    assert found is not None and found.path == good
    verify_backup(good)


def test_backups_rotate_as_configured(filled: Database) -> None:
    """With 3 days and 2 weeks kept, only the newest of the last 3 days and 2 ISO weeks stay."""
    controller = BackupController(filled)
    controller.set_rotation(3, 2)
    folder = paths.backup_dir_for(filled.path)
    manual = controller.backup_to(folder / "monmaster-20240501-120000.sqlite")
    start = datetime(2024, 5, 1)
    for day in range(40):  # 1 May .. 9 June 2024 (a Sunday), twice a day
        for hour in (8, 18):
            stamp = start + timedelta(days=day, hours=hour)
            path = folder / f"auto-{stamp:%Y%m%d-%H%M%S}.sqlite"
            path.write_bytes(b"")
            os.utime(path, (stamp.timestamp(),) * 2)

    controller.rotate()

    kept = sorted(p.name for p in folder.glob("auto-*.sqlite"))
    assert kept == [
        "auto-20240602-180000.sqlite",  # newest of ISO week 22
        "auto-20240607-180000.sqlite",
        "auto-20240608-180000.sqlite",
        "auto-20240609-180000.sqlite",  # newest of the last day and of ISO week 23
    ]
    assert manual.exists()


def test_rotation_setting_is_checked_and_audited(db: Database) -> None:
    """set_rotation stores days and weeks, refuses nonsense, and audits old → new."""
    controller = BackupController(db)
    assert controller.rotation() == (7, 4)
    controller.set_rotation(10, 6)
    assert controller.rotation() == (10, 6)
    with pytest.raises(Invalid, match="Jours conservés"):
        controller.set_rotation(0, 6)
    conn = sqlite3.connect(db.path)
    audit = conn.execute(
        "SELECT field, old_value, new_value FROM audit_entry WHERE entity = 'setting' ORDER BY id"
    ).fetchall()
    conn.close()
    assert ("backup_daily", None, "10") in audit
    assert ("backup_weekly", None, "6") in audit


def test_damaged_database_fails_the_verdict(filled: Database) -> None:
    """A database with bytes overwritten in the middle is reported damaged; a missing one is not."""
    assert database_verdict(filled.path) == "ok"
    assert database_verdict(filled.path.with_name("absent.sqlite")) == "ok"
    filled.close()
    corrupt(filled.path)


def test_copy_taken_before_a_purge_leaves_with_the_rotation(db) -> None:  # noqa: ANN001
    """The pre-purge copy (it holds the purged people) is deleted once past the rotation."""
    import os
    from datetime import datetime, timedelta

    from monmaster_desktop.controllers.backups import PURGE_PREFIX, STAMP, BackupController
    from monmaster_desktop.paths import backup_dir_for

    folder = backup_dir_for(db.path)
    old = folder / f"{PURGE_PREFIX}{(datetime.now() - timedelta(days=40)).strftime(STAMP)}.sqlite"
    recent = folder / f"{PURGE_PREFIX}{(datetime.now() - timedelta(days=3)).strftime(STAMP)}.sqlite"
    for path in (old, recent):
        path.write_bytes(b"")
        os.chmod(path, 0o600)
    removed = BackupController(db).rotate()
    assert old in removed and not old.exists()
    assert recent.exists()


def test_rotation_read_earlier_cannot_silently_undo_another_desk(tmp_path: Path) -> None:
    """Desk B changed the rotation after desk A read it: A's change is refused, B's stays."""
    from monmaster_desktop.controllers.errors import StaleRecord

    path = tmp_path / "office.sqlite"
    with Database(path) as desk_a, Database(path) as desk_b:
        read_on_a = BackupController(desk_a).rotation()
        BackupController(desk_b).set_rotation(30, 12, expected=BackupController(desk_b).rotation())
        with pytest.raises(StaleRecord) as stale:
            BackupController(desk_a).set_rotation(3, 1, expected=read_on_a)
        assert BackupController(desk_a).rotation() == (30, 12)
        assert "conservation des sauvegardes" in stale.value.message
        BackupController(desk_a).set_rotation(3, 1, expected=(30, 12))  # read again: saved
        assert BackupController(desk_b).rotation() == (3, 1)
