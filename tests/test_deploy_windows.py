"""Care for the office PCs (Windows, macOS) that this Linux machine can only simulate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from monmaster_desktop.cli import needs_offscreen
from monmaster_desktop.controllers.views import CandidateData
from monmaster_desktop.db import files as db_module
from monmaster_desktop.domain import Diploma, EnrolmentHistory
from monmaster_desktop.ui.preferences import Preferences


@pytest.mark.parametrize(
    ("environ", "platform", "offscreen"),
    [
        ({}, "linux", True),  # a server, SSH, cron: no display
        ({"DISPLAY": ":0"}, "linux", False),  # a desktop session: the real platform, real fonts
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({}, "win32", False),  # offscreen on Windows finds no fonts: PDFs without text
        ({}, "darwin", False),
    ],
)
def test_sheets_forces_offscreen_only_without_a_display(environ, platform, offscreen) -> None:  # noqa: ANN001
    """`sheets` picks Qt's offscreen platform only where there is no screen to use."""
    assert needs_offscreen(environ, platform) is offscreen


def test_save_dialogs_open_in_documents_then_in_the_last_folder_used(
    qtbot, services, tmp_path: Path, monkeypatch  # noqa: ANN001
) -> None:
    """First « Exporter en PDF » opens in Documents; the next one where the clerk saved last."""
    from PySide6.QtWidgets import QFileDialog

    from monmaster_desktop.ui import candidate_file
    from monmaster_desktop.ui.candidate_file import CandidateFileDialog

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(documents))
    monkeypatch.setattr(candidate_file, "ask", lambda *a, **k: "discard")
    chosen = tmp_path / "Bureau" / "fiches"
    chosen.mkdir(parents=True)
    suggestions: list[str] = []

    def save_dialog(parent, title, suggested, filters):  # noqa: ANN001, ANN202
        suggestions.append(suggested)
        return str(chosen / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    candidate_id = services.candidates.save(
        CandidateData(
            candidate_number="C001", last_name="Martin", first_name="Léa",
            birth_date=date(2001, 5, 4), nationality="FR", residence_country="FR",
            diploma=Diploma.LICENCE, enrolment_history=EnrolmentHistory.NEVER,
        )
    ).file.candidate_id  # fmt: skip
    for _ in range(2):
        dialog = CandidateFileDialog(services, candidate_id)
        qtbot.addWidget(dialog)
        dialog.export_pdf()
        dialog.close()
    assert Path(suggestions[0]).parent == documents
    assert Path(suggestions[1]).parent == chosen
    assert (chosen / Path(suggestions[0]).name).read_bytes().startswith(b"%PDF")
    assert Preferences().save_folder() == chosen


def test_missing_last_folder_falls_back_to_documents(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A remembered folder that is gone (USB key, old share) is not offered."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(documents))
    preferences = Preferences()
    preferences.remember_folder(tmp_path / "clé-usb" / "x.pdf")
    assert preferences.save_folder() == documents
    assert preferences.suggest("fiches.pdf") == str(documents / "fiches.pdf")


def test_windows_mapped_drive_is_a_network_share(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """On Windows a drive letter mapped to a share (DRIVE_REMOTE) counts, not only UNC paths."""
    monkeypatch.setattr(db_module.sys, "platform", "win32")
    monkeypatch.setattr(db_module, "windows_drive_type", lambda path: db_module.DRIVE_REMOTE)
    assert db_module.on_network_share(tmp_path / "base.sqlite")
    monkeypatch.setattr(db_module, "windows_drive_type", lambda path: 3)  # DRIVE_FIXED
    assert not db_module.on_network_share(tmp_path / "base.sqlite")


@pytest.mark.parametrize(("name", "network"), [("smbfs", True), ("nfs", True), ("afpfs", True),
                                               ("webdav", True), ("apfs", False), (None, False)])  # fmt: skip
def test_macos_network_filesystems_are_recognised(monkeypatch, tmp_path: Path, name, network) -> None:  # noqa: ANN001
    """On macOS statfs's f_fstypename names the share kinds (SMB, NFS, AFP, WebDAV)."""
    monkeypatch.setattr(db_module.sys, "platform", "darwin")
    monkeypatch.setattr(db_module, "macos_filesystem_name", lambda path: name)
    assert db_module.on_network_share(tmp_path / "base.sqlite") is network


def test_windows_drive_type_answers_none_off_windows() -> None:
    """The Windows call is never attempted where it does not exist."""
    assert db_module.windows_drive_type("C:\\base.sqlite") is None
