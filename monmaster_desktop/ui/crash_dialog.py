"""Unexpected errors: logged, then told to the clerk in French, without closing any form.

``install_crash_handler()`` routes ``sys.excepthook`` (errors in slots and event handlers),
``threading.excepthook`` and Qt's critical messages to ``CrashDialog``: « Une erreur inattendue
est survenue… », the details (« Copier les détails ») and the log file's path. The dialog is
window-modal and non-blocking; the window and whatever the clerk typed stay as they were.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop import __version__
from monmaster_desktop.logs import describe_error, log_file

log = logging.getLogger("monmaster_desktop.crash")


def error_details(text: str) -> str:
    """What support needs: version, system, time, then the error itself."""
    header = (
        f"Mon Master Desk {__version__} — Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}\n"
        f"{datetime.now().isoformat(timespec='seconds')}\n\n"
    )
    return header + text


class CrashDialog(QDialog):
    """« Une erreur inattendue est survenue… » with the details and the log file's path."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erreur inattendue"))
        self.setAccessibleName(self.tr("Erreur inattendue"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(640, 420)

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(
            self.tr(
                "<b>Une erreur inattendue est survenue.</b><br>"
                "Ce que vous avez saisi est resté dans la fenêtre : vérifiez-le et enregistrez-le. "
                "Si l'erreur se répète, fermez puis rouvrez le programme, et transmettez les "
                "détails ci-dessous au support informatique."
            )
        )
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)

        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setAccessibleName(self.tr("Détails de l'erreur"))

        where = str(log_path) if log_path else self.tr("aucun (dossier des journaux inaccessible)")
        self.log_label = QLabel(self.tr("Journal : %1").replace("%1", where))
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copier les détails"))
        self.copy_button.setAccessibleName(self.tr("Copier les détails"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        close.setAccessibleName(self.tr("Fermer"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(buttons)
        close.setFocus()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(
            self.details.toPlainText() + "\n\n" + self.log_label.text()
        )
        self.copy_button.setText(self.tr("Détails copiés"))


class _CrashRelay(QObject):
    """Carries an error from any thread to the GUI thread, where the dialog can be shown."""

    report = Signal(str)


class CrashHandler:
    """Installed once: logs every unexpected error and shows one dialog at a time."""

    def __init__(self, app: QApplication):
        self.app = app
        self.dialog: CrashDialog | None = None
        self.relay = _CrashRelay()
        self.relay.report.connect(self.show, Qt.ConnectionType.QueuedConnection)
        self.previous_excepthook = sys.excepthook
        self.previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        qInstallMessageHandler(self.qt_message)

    def uninstall(self) -> None:
        sys.excepthook = self.previous_excepthook
        threading.excepthook = self.previous_thread_hook
        qInstallMessageHandler(None)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous_excepthook(kind, error, tb)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        self.report(describe_error(kind, error, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        log.error(
            "unexpected error in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )
        self.report(describe_error(args.exc_type, args.exc_value, args.exc_traceback))

    def qt_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            log.error("Qt: %s", message)
            # Queued: a dialog built inside Qt's message handler could log again, re-entering it.
            self.relay.report.emit(error_details(f"Qt : {message}"))
        elif kind == QtMsgType.QtWarningMsg:
            log.debug("Qt: %s", message)  # platform chatter; kept when the level is DEBUG

    def report(self, text: str) -> None:
        details = error_details(text)
        if QThread.currentThread() is self.app.thread():
            self.show(details)
        else:
            self.relay.report.emit(details)

    def show(self, details: str) -> None:
        if self.dialog is not None:  # one dialog: later errors are added to it, not stacked
            self.dialog.details.appendPlainText("\n" + "—" * 20 + "\n" + details)
            return
        parent = self.app.activeWindow()
        self.dialog = CrashDialog(details, log_file(), parent)
        self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()

    def _closed(self) -> None:
        self.dialog = None


_installed: CrashHandler | None = None


def install_crash_handler(app: QApplication) -> CrashHandler:
    """Route unexpected errors of this process to the French dialog (once; returns the handler)."""
    global _installed
    if _installed is None:
        _installed = CrashHandler(app)
        _installed.install()
    return _installed


def uninstall_crash_handler() -> None:
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed = None
