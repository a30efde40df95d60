"""Damaged data pages and database errors: a French message and exit 1 on every command,
never a traceback; the same typed errors reach the windows."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from monmaster_desktop.cli import main
from monmaster_desktop.controllers.exports import ExportController
from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.controllers.sheets import SheetController
from monmaster_desktop.db import Database, DatabaseCorrupt, DatabaseError
from monmaster_desktop.demo import generate, write_csv_files


def damage_data_pages(path: Path) -> None:
    """Overwrite the pages holding the candidates' rows (not the schema): a failing disk."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [
        row[0]
        for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name IN ('candidate', 'application') "
            "AND pagetype = 'leaf'"
        )
    ]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        for page in pages[len(pages) // 4 :]:
            handle.seek((page - 1) * page_size + 8)
            handle.write(b"\xde\xad\xbe\xef" * 64)


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A base of 200 candidates whose data pages are damaged, and two good import files."""
    cands, apps = write_csv_files(generate(200, seed=23), tmp_path / "in")
    path = tmp_path / "abimee.sqlite"
    with Database(path) as db:
        assert not ImportController(db).run(cands, apps).problems
    damage_data_pages(path)
    return path, cands, apps


COMMANDS = {
    "check": lambda p, out, c, a: ["check", "--today", "2024-07-20", "--database", str(p)],
    "check --json": lambda p, out, c, a: ["check", "--json", "--database", str(p)],
    "export csv": lambda p, out, c, a: ["export", "candidates", str(out / "l.csv"),
                                        "--today", "2024-07-20", "--database", str(p)],
    "export xlsx": lambda p, out, c, a: ["export", "applications", str(out / "l.xlsx"),
                                         "--today", "2024-07-20", "--database", str(p)],
    "sheets": lambda p, out, c, a: ["sheets", str(out / "f.pdf"), "--today", "2024-07-20",
                                    "--database", str(p)],
    "backup": lambda p, out, c, a: ["backup", str(out / "copie.sqlite"), "--database", str(p)],
    "import": lambda p, out, c, a: ["import", str(c), str(a), "--database", str(p)],
}  # fmt: skip


@pytest.mark.parametrize("command", list(COMMANDS))
def test_damaged_data_pages_give_a_french_message_on_every_command(
    damaged: tuple[Path, Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    command: str,
) -> None:
    """Each command on a base with damaged pages: exit 1, « endommagée » and what to do."""
    path, cands, apps = damaged
    out = tmp_path / "sorties"
    out.mkdir()
    code = main(COMMANDS[command](path, out, cands, apps))
    err = capsys.readouterr().err
    assert code == 1, err
    assert "endommagée" in err
    assert "Traceback" not in err and "sqlite3" not in err and "malformed" not in err.lower()
    assert sorted(p.name for p in out.iterdir()) == []


def test_reads_on_a_damaged_base_raise_the_typed_french_error(
    damaged: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """What the windows call (lists, exports) raises DatabaseCorrupt with a French message."""
    path, _, _ = damaged
    with Database(path) as db:
        with pytest.raises(DatabaseCorrupt) as listed:
            SheetController(db).files(as_of=date(2024, 7, 20))
        with pytest.raises(DatabaseError) as exported:
            ExportController(db).export(
                "candidates", tmp_path / "l.csv", as_of=date(2024, 7, 20)
            )
    for refused in (listed.value, exported.value):
        assert "endommagée" in refused.message
        assert "Sauvegardes" in refused.message  # what the clerk can do


def test_window_backup_of_a_damaged_base_says_so_in_french(
    qtbot, damaged: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    """« Sauvegarder maintenant » on damaged pages: « endommagée » and what to do, never
    SQLite's own report (« *** in database main *** On tree page … »)."""
    from PySide6.QtWidgets import QMessageBox

    from monmaster_desktop.ui.backups_dialog import BackupsDialog
    from monmaster_desktop.ui.services import Services

    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: said.append(text))
    )
    path, _, _ = damaged
    with Database(path) as db:
        dialog = BackupsDialog(Services(db))
        qtbot.addWidget(dialog)
        dialog.backup_button.click()
        qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert "endommagée" in said[0] and "Sauvegardes" in said[0]
    assert "***" not in said[0] and "tree page" not in said[0]
