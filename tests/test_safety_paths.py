"""Files and paths: odd folder names, files that are not ours, lax permissions adopted."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.backups import BackupController, verify_backup
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.db import Database, DatabaseError, quick_check
from tests.safety_helpers import sample_candidate


@pytest.mark.parametrize("folder", ["dossier#2", "dossier?v=1", "dossier%41", "été 2024 #1?%20"])
def test_odd_folder_names_open_back_up_and_restore_the_right_file(
    tmp_path: Path, folder: str
) -> None:
    """A folder named with « # », « ? » or « %xx » holds the base, its backups and its restore."""
    path = tmp_path / folder / "monmaster.sqlite"
    with Database(path) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
        backup = BackupController(db).backup_now()
        verify_backup(backup)  # a good backup is not refused
        assert quick_check(path) == "ok"
        CandidateController(db).save(sample_candidate("M24-000002"))
        BackupController(db).restore(backup)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == [folder]  # no other file opened (or created) beside the folder
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT candidate_number FROM candidate").fetchall() == [
            ("M24-000001",)
        ]
    finally:
        conn.close()


def test_odd_folder_name_works_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """`check` and `backup` on a base in « dossier#2?x » exit 0 and work on that file."""
    path = tmp_path / "dossier#2?x" / "base.sqlite"
    with Database(path) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
    assert main(["check", "--database", str(path)]) == 0
    assert "M24-000001" in capsys.readouterr().out
    copy = tmp_path / "dossier#2?x" / "copie%41.sqlite"
    assert main(["backup", str(copy), "--database", str(path)]) == 0
    verify_backup(copy)


def foreign_database(path: Path) -> None:
    """A SQLite file of another program: its own tables and rows."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, texte TEXT)")
    conn.execute("INSERT INTO notes (texte) VALUES ('courses du samedi')")
    conn.commit()
    conn.close()


def test_database_of_another_program_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """--database naming another program's SQLite file: French refusal, exit 1, same bytes."""
    path = tmp_path / "agenda.sqlite"
    foreign_database(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as refused:
        Database(path)
    assert "autre programme" in refused.value.message
    assert "notes" in refused.value.message
    code = main(["check", "--database", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "autre programme" in err and "Traceback" not in err
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_adopted_empty_file_becomes_owner_only_with_its_journal(tmp_path: Path) -> None:
    """An existing empty file readable by all (0644) is adopted as the base and made 0600."""
    path = tmp_path / "vide.sqlite"
    path.touch()
    os.chmod(path, 0o644)
    with Database(path) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert stat.S_IMODE(name.stat().st_mode) == 0o600, name


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_adopted_empty_sqlite_file_with_lax_journal_files_is_made_owner_only(
    tmp_path: Path,
) -> None:
    """An empty SQLite base (no table) left 0644 with 0644 journal files: all three made 0600."""
    path = tmp_path / "vide.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA user_version=0")
    keeper = sqlite3.connect(path)
    keeper.execute("SELECT 1").fetchall()
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists():
            os.chmod(name, 0o644)
    with Database(path) as db:
        CandidateController(db).save(sample_candidate("M24-000001"))
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert stat.S_IMODE(name.stat().st_mode) == 0o600, name
    keeper.close()
    conn.close()
