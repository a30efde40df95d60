"""The backups window and the start-up check, driven like a clerk with message boxes answered."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from monmaster_desktop.controllers.backups import BackupController, database_verdict
from monmaster_desktop.controllers.candidates import CandidateController, count_candidates
from monmaster_desktop.controllers.demo import build_demo_database
from monmaster_desktop.db import Database
from monmaster_desktop.ui.backups_dialog import BackupsDialog
from monmaster_desktop.ui.services import Services
from monmaster_desktop.ui.startup_check import check_database_at_startup

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


class Answers:
    """QMessageBox's static functions replaced: they record what was said and answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: str, answer=Yes):  # noqa: ANN001
        self.said: list[tuple[str, str]] = []
        for kind in ("question", "information", "warning", "critical"):
            monkeypatch.setattr(
                f"{module}.QMessageBox.{kind}",
                lambda _parent, title, text, *args, kind=kind: self._say(kind, text, answer),
            )

    def _say(self, kind: str, text: str, answer):  # noqa: ANN001, ANN202
        self.said.append((kind, text))
        return answer if kind == "question" else QMessageBox.StandardButton.Ok

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.said]


def corrupt(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 8192)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A demo base of 30 candidates with one automatic backup beside it."""
    path = build_demo_database(tmp_path / "base" / "monmaster.sqlite", candidates=30)
    with Database(path) as db:
        BackupController(db).automatic_backup()
    return path


def test_backup_now_adds_a_manual_backup_to_the_list(qtbot, services, monkeypatch) -> None:  # noqa: ANN001
    """« Sauvegarder maintenant » writes a copy in the background and lists it as manual."""
    dialog = BackupsDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 2).text() == "manuelle"
    assert dialog.table.item(0, 0).text()[2] == "/"  # DD/MM/YYYY HH:MM
    assert "Sauvegarde écrite" in dialog.message.text()


def test_rotation_settings_are_saved(qtbot, services) -> None:  # noqa: ANN001
    """Days and weeks typed in the window become the rotation the controller applies."""
    dialog = BackupsDialog(services)
    qtbot.addWidget(dialog)
    dialog.daily.setValue(14)
    dialog.weekly.setValue(8)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert services.backups.rotation() == (14, 8)


def test_restore_from_the_list_brings_back_the_rows(qtbot, demo: Path, monkeypatch) -> None:  # noqa: ANN001
    """Restoring the chosen backup after a deletion gives the candidate back; the parent reopens."""
    db = Database(demo)
    services = Services(db)
    candidates = CandidateController(db)
    before = count_candidates(db)
    candidates.delete(candidates.id_for_number(_first(demo)))
    answers = Answers(monkeypatch, "monmaster_desktop.ui.backups_dialog")
    reopened: list[bool] = []

    class Window(QWidget):
        def reopen_database(self) -> None:
            reopened.append(True)

    window = Window()
    qtbot.addWidget(window)
    dialog = BackupsDialog(services, window)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(reopened), timeout=10000)
    assert answers.kinds() == ["question", "information"]
    assert count_candidates(db) == before
    kinds = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert kinds == {"automatique", "avant restauration"}
    db.close()


def _first(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT candidate_number FROM candidate ORDER BY id").fetchone()[0]
    finally:
        conn.close()


def test_sound_database_opens_without_a_question(qtbot, demo: Path, monkeypatch) -> None:  # noqa: ANN001
    """A sound base is opened as is: no message at all."""
    answers = Answers(monkeypatch, "monmaster_desktop.ui.startup_check")
    assert check_database_at_startup(demo) == demo
    assert answers.said == []


def test_damaged_database_at_startup_offers_the_latest_backup(
    qtbot, demo: Path, monkeypatch
) -> None:  # noqa: ANN001
    """A corrupted base is said in French; once the clerk agrees the backup replaces it."""
    corrupt(demo)
    answers = Answers(monkeypatch, "monmaster_desktop.ui.startup_check", Yes)
    assert check_database_at_startup(demo) == demo
    assert answers.kinds() == ["question", "information"]
    assert "endommagée" in answers.said[0][1]
    assert "dernière sauvegarde en bon état" in answers.said[0][1]
    assert database_verdict(demo) == "ok"
    with Database(demo) as db:
        assert count_candidates(db) == 30
    assert list(demo.parent.glob("monmaster-endommagee-*.sqlite"))  # the damaged file kept aside


def test_damaged_database_declined_is_left_alone(qtbot, demo: Path, monkeypatch) -> None:  # noqa: ANN001
    """If the clerk declines the restore, nothing is opened and the damaged file is untouched."""
    corrupt(demo)
    damaged = demo.read_bytes()
    answers = Answers(monkeypatch, "monmaster_desktop.ui.startup_check", No)
    assert check_database_at_startup(demo) is None
    assert answers.kinds() == ["question"]
    assert demo.read_bytes() == damaged


def test_damaged_database_without_backup_is_refused(qtbot, demo: Path, monkeypatch) -> None:  # noqa: ANN001
    """No good backup: the clerk is told to call IT, and None is returned."""
    for backup in (demo.parent / "backups").glob("*.sqlite"):
        backup.unlink()
    corrupt(demo)
    answers = Answers(monkeypatch, "monmaster_desktop.ui.startup_check")
    assert check_database_at_startup(demo) is None
    assert answers.kinds() == ["critical"]
    assert "Aucune sauvegarde" in answers.said[0][1]
