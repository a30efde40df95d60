"""Tools of the main window: damaged base at start-up, restore and reopen, retention purge."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from test_controllers import person

from monmaster_desktop.controllers.applications import ApplicationController
from monmaster_desktop.controllers.backups import BackupController
from monmaster_desktop.controllers.candidates import CandidateController, count_candidates
from monmaster_desktop.controllers.views import ApplicationData
from monmaster_desktop.db import Database
from monmaster_desktop.domain import ApplicationStatus, TrainingType
from monmaster_desktop.ui.app import open_database
from monmaster_desktop.ui.main_window import MainWindow
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.services import Services


def corrupt(path: Path) -> None:
    """Overwrite bytes in the middle of the file, where the tables' pages are."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))


@pytest.fixture
def answers(monkeypatch):  # noqa: ANN001, ANN201
    """Message boxes answer Yes and record what they said."""
    said: list[str] = []

    def box(kind):  # noqa: ANN001, ANN202
        def show(_parent, _title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            said.append(f"{kind}: {text}")
            return QMessageBox.StandardButton.Yes

        return staticmethod(show)

    for kind in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return said


def test_window_offers_latest_backup_for_a_damaged_base(qtbot, tmp_path: Path, answers) -> None:  # noqa: ANN001
    """Opening a damaged base from the window restores the latest good backup and shows it."""
    path = tmp_path / "office.sqlite"
    with Database(path) as db:
        for i in range(40):
            CandidateController(db).save(person(f"M24-{i:06d}", last_name=f"Nom{'a' * (i % 7)}x"))
        BackupController(db).backup_now()
    corrupt(path)
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    assert open_database(window, path, demo=False) is True
    # the check runs with the start-up backup, in the background, once the list is shown
    qtbot.waitUntil(lambda: any("endommagée" in text for text in answers), timeout=10000)
    qtbot.waitUntil(lambda: bool(list(tmp_path.glob("office-endommagee-*.sqlite"))), timeout=10000)
    qtbot.waitUntil(lambda: window.services.db.path == path, timeout=10000)
    assert count_candidates(window.services.db) == 40
    from monmaster_desktop.db import quick_check

    assert quick_check(path) == "ok"
    window.services.db.close()


def test_purge_dialog_previews_then_purges(qtbot, db, answers) -> None:  # noqa: ANN001
    """The purge window lists who did not register once the period is over, then deletes them."""
    from monmaster_desktop.ui.purge_dialog import PurgeDialog

    candidates, applications = CandidateController(db), ApplicationController(db)
    kept = candidates.save(person("KEEP")).file.candidate_id
    gone = candidates.save(person("GONE", last_name="Zébulon")).file.candidate_id
    base = ApplicationData(
        campaign_year=2024,
        institution_code="0134009M",
        mention="Informatique",
        training_type=TrainingType.INITIAL,
        submitted_on=date(2024, 3, 1),
        status=ApplicationStatus.SUBMITTED,
    )
    applications.save(gone, base)
    applications.save(
        kept,
        replace(
            base,
            status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
            notified_on=date(2024, 6, 4),
            accepted_on=date(2024, 6, 5),
            registered_on=date(2024, 7, 1),
        ),
    )
    dialog = PurgeDialog(Services(db, as_of_override=date(2026, 3, 1)))
    qtbot.addWidget(dialog)
    listed = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert listed == ["GONE"]
    with qtbot.waitSignal(dialog.purged, timeout=10000):
        dialog.purge_button.click()
    assert candidates.id_for_number("GONE") is None
    assert candidates.id_for_number("KEEP") == kept
    assert dialog.table.rowCount() == 0


def test_reopen_after_restore_shows_restored_rows(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """After a restore the window reopens the file and lists what the backup held."""
    from monmaster_desktop.controllers.backups import restore_database

    path = tmp_path / "office.sqlite"
    db = Database(path)
    CandidateController(db).save(person("BEFORE"))
    backup = BackupController(db).backup_now()
    CandidateController(db).save(person("AFTER", last_name="Martin"))
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.attach(Services(db), path.name)
    db.close()
    restore_database(path, backup)
    window.reopen_database()
    assert count_candidates(window.services.db) == 1
    window.services.db.close()


def test_list_read_again_after_a_write(qtbot, db) -> None:  # noqa: ANN001
    """A search already typed is listed afresh once a save refreshes the window."""
    window = MainWindow(Preferences())
    qtbot.addWidget(window)
    window.attach(Services(db), "t.sqlite")
    qtbot.keyClicks(window.search, "mart")
    window.apply_search()
    assert window.table.candidates.rowCount() == 0
    saved = CandidateController(db).save(person("M24-000077", last_name="Martin")).file
    window._file_saved(saved.candidate_id)
    assert window.table.candidates.rowCount() == 1
