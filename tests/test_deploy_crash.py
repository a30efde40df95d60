"""Unexpected errors: a French dialog with the details and the log path; the form keeps its text."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qCritical
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from monmaster_desktop.logs import log_file, setup_logging
from monmaster_desktop.ui import candidate_file
from monmaster_desktop.ui.candidate_file import CandidateFileDialog
from monmaster_desktop.ui.crash_dialog import (
    CrashDialog,
    install_crash_handler,
    uninstall_crash_handler,
)


@pytest.fixture
def crash_handler(qtbot):  # noqa: ANN001, ANN201
    """The handler the window installs at start, removed after the test."""
    setup_logging()
    handler = install_crash_handler(QApplication.instance())
    yield handler
    if handler.dialog is not None:
        handler.dialog.close()
    uninstall_crash_handler()


def open_crash_dialog(qtbot) -> CrashDialog:  # noqa: ANN001
    qtbot.waitUntil(lambda: any(isinstance(w, CrashDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))  # fmt: skip
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible())


@pytest.mark.qt_no_exception_capture
def test_error_in_a_slot_shows_french_dialog_and_form_keeps_typed_text(
    qtbot, services, crash_handler, monkeypatch  # noqa: ANN001
) -> None:
    """A bug behind « Enregistrer »: French dialog, details, log path; the typed name stays."""
    monkeypatch.setattr(candidate_file, "ask", lambda *a, **k: "discard")
    form = CandidateFileDialog(services, None)
    qtbot.addWidget(form)
    form.show()
    form.last_name.setText("Lefèvre-Ngô")
    form.first_name.setText("Hélène")

    def broken_save(*args: object, **kwargs: object) -> None:
        raise RuntimeError("échec imprévu pour Lefèvre-Ngô hélène.lefevre@example.org")

    monkeypatch.setattr(services.candidates, "save", broken_save)
    monkeypatch.setattr(form, "_input_problems", lambda: {})
    form.save_button.click()  # the exception leaves the slot: sys.excepthook

    dialog = open_crash_dialog(qtbot)
    assert "Une erreur inattendue est survenue" in dialog.message.text()
    assert "RuntimeError" in dialog.details.toPlainText()
    assert str(log_file()) in dialog.log_label.text()
    dialog.copy_button.click()
    assert "RuntimeError" in QGuiApplication.clipboard().text()
    assert str(log_file()) in QGuiApplication.clipboard().text()
    # Nothing the clerk typed is lost, and the form is still open for another try.
    assert form.isVisible()
    assert (form.last_name.text(), form.first_name.text()) == ("Lefèvre-Ngô", "Hélène")
    # The log has the error's type and place, never its message (it may quote the clerk's input).
    logged = log_file().read_text(encoding="utf-8")
    assert "RuntimeError" in logged and "broken_save" in logged
    assert "Lefèvre" not in logged and "example.org" not in logged


@pytest.mark.qt_no_exception_capture
def test_second_error_is_added_to_the_open_dialog_not_stacked(qtbot, crash_handler) -> None:  # noqa: ANN001
    """An error repeating on every repaint does not bury the clerk under dialogs."""
    crash_handler.report("premier")
    crash_handler.report("second")
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert len(dialogs) == 1
    assert "premier" in dialogs[0].details.toPlainText()
    assert "second" in dialogs[0].details.toPlainText()


def test_qt_critical_message_reaches_the_dialog_and_the_log(qtbot, crash_handler) -> None:  # noqa: ANN001
    """Qt's own critical messages are not lost on a console nobody sees."""
    qCritical("QPainter: périphérique perdu")
    dialog = open_crash_dialog(qtbot)
    assert "QPainter: périphérique perdu" in dialog.details.toPlainText()
    assert "QPainter" in log_file().read_text(encoding="utf-8")
    assert QtMsgType.QtCriticalMsg  # the kind the handler routes to the dialog


def test_error_in_a_worker_thread_reaches_the_dialog(qtbot, crash_handler) -> None:  # noqa: ANN001
    """A background task's error is carried to the window's thread and shown there."""

    def fail() -> None:
        raise ValueError("tâche de fond")

    worker = threading.Thread(target=fail, name="export")
    worker.start()
    worker.join()
    dialog = open_crash_dialog(qtbot)
    assert "ValueError" in dialog.details.toPlainText()


def test_crash_dialog_screenshot(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The dialog as the clerk sees it (saved for docs/screenshots when asked)."""
    dialog = CrashDialog(
        "Mon Master Desk 0.1.0 — Python 3.12\n\nTraceback (most recent call last):\n"
        '  File "monmaster_desktop/ui/candidate_file.py", line 933, in _write\n'
        "RuntimeError: échec imprévu",
        Path("/home/scolarite/.local/state/monmaster-desktop/log/monmaster-desktop.log"),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    image = dialog.grab()
    assert image.width() >= 600 and dialog.copy_button.text() == "Copier les détails"
    image.save(str(tmp_path / "crash_dialog.png"))
    logging.getLogger("monmaster_desktop").info("screenshot made")


def test_about_and_crash_dialogs_speak_english_when_chosen(qtbot) -> None:  # noqa: ANN001
    """Affichage › Langue › English: the two dialogs are translated too."""
    from monmaster_desktop.ui.about_dialog import AboutDialog
    from monmaster_desktop.ui.i18n import install_translators, remove_translators

    app = QApplication.instance()
    translators = install_translators(app, "en")
    try:
        about = AboutDialog(None)
        crash = CrashDialog("details", None)
        qtbot.addWidget(about)
        qtbot.addWidget(crash)
        assert about.windowTitle() == "About Mon Master Desk"
        assert crash.copy_button.text() == "Copy details"
        assert "An unexpected error occurred" in crash.message.text()
    finally:
        remove_translators(app, translators)
