"""Disk and file faults: a French message, exit code 1, no crash and an unchanged database.

A database locked by another program is covered in test_safety_concurrency.py.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from platform_helpers import posix_modes_only
from sqlalchemy import event

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.candidates import CandidateController
from monmaster_desktop.db import Database, DatabaseUnavailable
from monmaster_desktop.db import base as db_base
from monmaster_desktop.db import sqlite as db_module
from monmaster_desktop.demo import generate, write_csv_files
from tests.safety_helpers import REPO, content_digest, sample_candidate, table_counts


@pytest.fixture
def demo_files(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    return write_csv_files(generate(300, seed=5), folder)


def run_cli_without_root_privileges(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The command as a clerk runs it: as root, the file-permission override is dropped first."""
    command = [sys.executable, "-m", "monmaster_desktop", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        # root keeps its uid but loses CAP_DAC_OVERRIDE: the kernel then honours mode 0400
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    return subprocess.run(
        command, capture_output=True, text=True, env=os.environ | env | {"PYTHONPATH": str(REPO)},
        cwd=REPO, timeout=120,
    )  # fmt: skip


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_file_refuses_import_in_french_but_still_reads(
    tmp_path: Path, demo_files: tuple[Path, Path]
) -> None:
    """chmod 0400: the import says « lecture seule » and exits 1; the check still reads the file."""
    path = tmp_path / "ro.sqlite"
    with Database(path) as db:
        CandidateController(db).save(sample_candidate())
    before = content_digest(path)
    os.chmod(path, 0o400)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    env = {"MONMASTER_DESKTOP_HOME": str(tmp_path / "home")}
    refused = run_cli_without_root_privileges(
        "import", *map(str, demo_files), "--database", str(path), env=env
    )
    consulted = run_cli_without_root_privileges("check", "--database", str(path), env=env)
    os.chmod(path, 0o600)
    assert refused.returncode == 1, refused.stderr
    assert "est en lecture seule : rien ne peut y être enregistré" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert consulted.returncode == 0, consulted.stderr
    assert "M24-900001" in consulted.stdout
    assert content_digest(path) == before


def test_database_path_under_a_file_is_refused_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """--database whose folder cannot be created (a file is in the way): French reason, exit 1."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("un fichier, pas un dossier")
    candidates = tmp_path / "candidats.csv"
    candidates.write_text("candidate_number;last_name\n", encoding="utf-8")
    target = blocker / "sous-dossier" / "base.sqlite"
    code = main(["import", str(candidates), "--database", str(target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Impossible de créer le dossier de la base" in err
    assert "un élément du chemin est un fichier, pas un dossier" in err
    assert "Traceback" not in err and "Not a directory" not in err
    assert blocker.read_text() == "un fichier, pas un dossier"


def full_disk_engine(original):  # noqa: ANN001, ANN201
    """Engines whose file may grow by two pages only: a nearly full disk, simulated."""

    def limited(path: Path, *, wal: bool):  # noqa: ANN202
        engine = original(path, wal=wal)

        @event.listens_for(engine, "connect")
        def _limit(dbapi_conn, _record):  # noqa: ANN001, ANN202
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

        return engine

    return limited


def test_full_disk_import_refused_by_cli_and_nothing_written(
    tmp_path: Path,
    demo_files: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    """An import that cannot fit: « Le disque est plein », exit 1, the database as it was."""
    path = tmp_path / "full.sqlite"
    Database(path).close()
    before = content_digest(path)
    monkeypatch.setattr(db_module, "_make_engine", full_disk_engine(db_module._make_engine))
    code = main(["import", *map(str, demo_files), "--database", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Le disque est plein : l'enregistrement a été annulé et rien n'a été écrit" in err
    assert "Traceback" not in err
    assert content_digest(path) == before
    assert table_counts(path)["candidate"] == 0


def test_full_disk_edit_refused_then_saved_once_space_is_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save on a full disk: DatabaseUnavailable in French, unchanged file; saved after freeing."""
    path = tmp_path / "full.sqlite"
    with Database(path) as db:
        cid = CandidateController(db).save(sample_candidate()).file.candidate_id
    before = content_digest(path)
    original = db_module._make_engine
    monkeypatch.setattr(db_module, "_make_engine", full_disk_engine(original))
    with Database(path) as db:
        candidates = CandidateController(db)
        opened = candidates.get_file(cid)
        edit = replace(opened.candidate, notes="x" * 200_000)  # needs far more than two pages
        with pytest.raises(DatabaseUnavailable) as full:
            candidates.save(edit, candidate_id=cid, expected_version=opened.version)
    assert "Le disque est plein" in full.value.message
    assert content_digest(path) == before
    monkeypatch.setattr(db_module, "_make_engine", original)  # space freed
    with Database(path) as db:
        saved = CandidateController(db).save(
            edit, candidate_id=cid, expected_version=opened.version
        )
    assert saved.file.candidate.notes == "x" * 200_000


def test_candidate_window_save_on_busy_database_shows_message_and_keeps_typing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # noqa: ANN001
) -> None:
    """Saving the candidate window while another program holds the lock: French notice, form kept."""
    import sqlite3

    from monmaster_desktop.ui.candidate_file import CandidateFileDialog
    from monmaster_desktop.ui.services import Services

    monkeypatch.setattr(db_base, "BUSY_TIMEOUT_MS", 200)
    with Database(tmp_path / "busy.sqlite") as db:
        cid = CandidateController(db).save(sample_candidate()).file.candidate_id
        dialog = CandidateFileDialog(Services(db), cid)
        qtbot.addWidget(dialog)
        dialog.phone.setText("04 91 11 22 33")
        blocker = sqlite3.connect(db.path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            saved = dialog.save()
        finally:
            blocker.rollback()
            blocker.close()
        assert saved is False
        assert "La base est occupée" in dialog.notice.text()
        assert dialog.phone.text() == "04 91 11 22 33"


@posix_modes_only
def test_new_database_files_are_owner_only_even_with_a_lax_umask(tmp_path: Path) -> None:
    """With umask 000 the database, its WAL and shared-memory files are still 0600."""
    previous = os.umask(0)
    try:
        with Database(tmp_path / "lax.sqlite") as db:
            CandidateController(db).save(sample_candidate())
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.glob("lax.sqlite*")}
    finally:
        os.umask(previous)
    assert set(modes) >= {"lax.sqlite", "lax.sqlite-wal", "lax.sqlite-shm"}
    assert set(modes.values()) == {0o600}, modes
