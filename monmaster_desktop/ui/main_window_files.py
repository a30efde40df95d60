"""The main window's candidate files: opened, brought forward, and their window kept ready.
A part of MainWindow; its strings are translated in the window's context (« MainWindow »).

Building a file's window (three tabs, some fifty widgets) costs several times what reading
the file does. The window keeps one file window ready, built while nothing else happens (after
the list is filled) and, later, the last one closed, emptied: opening a file then fills it.
A kept window belongs to the base and the live desk it was built for; on another it is
dropped, never reused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from monmaster_desktop.ui.services import Services


class FilesPart:
    """Candidate files of the main window (mixed into MainWindow)."""

    services: Services | None
    live: Any
    _open_files: list[QDialog]
    _spare_file: tuple[Any, Any, Any] | None

    def open_candidate(self, candidate_id: int | None) -> QWidget | None:
        """Open a candidate's file (None: a new candidate); an open one is brought forward."""
        if self.services is None:
            return None
        if candidate_id is not None:
            self.table.select_candidate(candidate_id)
        for existing in self._open_files:
            if candidate_id is not None and getattr(existing, "candidate_id", None) == candidate_id:
                existing.raise_()
                existing.activateWindow()
                return existing
        dialog_class = self._dialog_class(
            "monmaster_desktop.ui.candidate_file", "CandidateFileDialog"
        )
        if dialog_class is None:
            return None
        dialog = self._take_spare_file(dialog_class)
        try:
            if dialog is not None:
                dialog.open_file(candidate_id)
            else:
                dialog = self._new_file_window(dialog_class, candidate_id)
        except Exception as exc:  # noqa: BLE001 - a file that cannot load must not end the day
            if dialog is not None:
                dialog.deleteLater()  # half filled: never shown, never kept
            self.show_error(
                QCoreApplication.translate("MainWindow", "Impossible d'ouvrir le dossier."), exc
            )
            return None
        self._open_files.append(dialog)
        dialog.show()
        if self.live is not None:
            self.live.watch(dialog)
        return dialog

    def _new_file_window(self, dialog_class: type, candidate_id: int | None) -> Any:
        dialog = dialog_class(self.services, candidate_id, self)
        dialog.saved.connect(self._file_saved)
        dialog.finished.connect(lambda _result: self._file_closed(dialog))
        return dialog

    def prepare_file_window(self) -> None:
        """Build a file window ahead, if none is ready and no file is open, once the list is
        filled: the next file opened only fills it."""
        from PySide6.QtCore import QTimer

        if self._spare_file is None and self.services is not None and not self._open_files:
            QTimer.singleShot(0, self._build_spare_file)

    def _build_spare_file(self) -> None:
        if self._spare_file is not None or self.services is None or self._open_files:
            return
        from monmaster_desktop.ui.candidate_file import CandidateFileDialog

        try:
            dialog = self._new_file_window(CandidateFileDialog, None)
        except Exception:  # noqa: BLE001 - only a head start: opening a file builds its own
            return
        self._spare_file = (dialog, self.services, self.live)

    def _take_spare_file(self, dialog_class: type) -> Any:
        """The window kept ready, if it is one this base and this live desk would build."""
        spare, self._spare_file = self._spare_file, None
        if spare is None:
            return None
        dialog, services, live = spare
        if services is self.services and live is self.live and type(dialog) is dialog_class:
            return dialog
        dialog.deleteLater()
        return None

    def _file_closed(self, dialog: Any) -> None:
        """A file window closed: emptied and kept for the next file, or let go."""
        self._forget_file(dialog)
        if self._spare_file is not None or getattr(dialog, "services", None) is not self.services:
            dialog.deleteLater()
            return
        try:
            dialog.open_file(None)  # nothing of the closed file stays in it
        except Exception:  # noqa: BLE001 - the next file builds its own window
            dialog.deleteLater()
            return
        self._spare_file = (dialog, self.services, self.live)

    def _forget_file(self, dialog: QDialog) -> None:
        if dialog in self._open_files:
            self._open_files.remove(dialog)

    def _file_saved(self, candidate_id: int) -> None:
        self.refresh()
        self.table.select_candidate(candidate_id)
