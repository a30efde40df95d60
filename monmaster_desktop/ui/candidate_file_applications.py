"""The candidate file's applications tab and its printing: a part of CandidateFileDialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.errors import DatabaseError, Invalid, NotFound, StaleRecord
from monmaster_desktop.controllers.views import (
    ApplicationView,
)
from monmaster_desktop.domain import (
    STATUS_FR,
    ApplicationStatus,
)
from monmaster_desktop.ui.accessibility import name_table
from monmaster_desktop.ui.application_editor import ApplicationEditor
from monmaster_desktop.ui.candidate_file_models import (
    ApplicationTableModel,
)
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.shortcuts import keys_text
from monmaster_desktop.ui.widgets import (
    ask,
    domain_tr,
    fr_date,
)

# -- the dialog --------------------------------------------------------------------------------



class ApplicationsPart:
    """The applications tab (add, edit, withdraw) and the sheet (preview, PDF) of the file.

    Mixed into CandidateFileDialog, whose services, file, notices and saves it uses. Its
    strings are translated in the dialog's context (« CandidateFileDialog »), as ``tr()`` would.
    """

    def _applications_tab(self) -> QWidget:
        self.applications = ApplicationTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.applications)
        name_table(self.table, QCoreApplication.translate("CandidateFileDialog", "Candidatures"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * self.table.fontMetrics().lineSpacing() + 10)
        # Two lines a row, five columns: everything that matters fits 1366 pixels; the extra
        # width goes to the institution and the course, which are the texts that get cut.
        header = self.table.horizontalHeader()
        model = ApplicationTableModel
        for column, mode in (
            (model.CAMPAIGN, QHeaderView.ResizeMode.ResizeToContents),
            (model.INSTITUTION, QHeaderView.ResizeMode.Stretch),
            (model.COURSE, QHeaderView.ResizeMode.Stretch),
            (model.STATUS, QHeaderView.ResizeMode.ResizeToContents),
            (model.DATES, QHeaderView.ResizeMode.ResizeToContents),
        ):
            header.setSectionResizeMode(column, mode)
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(self.edit_application)
        self.act_edit_application = self._table_action(
            QCoreApplication.translate("CandidateFileDialog", "Modifier la candidature"), ["Enter", "Return"], self.edit_application
        )
        self.act_withdraw_application = self._table_action(
            QCoreApplication.translate("CandidateFileDialog", "Retirer la candidature"), ["Del"], self.withdraw_application
        )
        self.table.installEventFilter(self)  # the same keys when the window is not active

        self.add_button = QPushButton(QCoreApplication.translate("CandidateFileDialog", "A&jouter"))
        self.add_button.setToolTip(keys_text([QKeySequence("Ins"), QKeySequence("Ctrl+Shift+N")]))
        self.edit_button = QPushButton(QCoreApplication.translate("CandidateFileDialog", "&Modifier"))
        self.edit_button.setToolTip(keys_text(self.act_edit_application.shortcuts()))
        self.withdraw_button = QPushButton(QCoreApplication.translate("CandidateFileDialog", "&Retirer"))
        self.withdraw_button.setToolTip(keys_text(self.act_withdraw_application.shortcuts()))
        for button in (self.add_button, self.edit_button, self.withdraw_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_application)
        self.edit_button.clicked.connect(self.edit_application)
        self.withdraw_button.clicked.connect(self.withdraw_application)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        self.first_save_hint = QLabel(
            QCoreApplication.translate("CandidateFileDialog", "Enregistrez d'abord la fiche (Ctrl+S) pour saisir ses candidatures.")
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.first_save_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        return page


    # -- applications ------------------------------------------------------------------------

    def _current_application(self) -> ApplicationView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex()]
        return self.applications.application(rows[0].row()) if rows else None

    def _open_editor(self, view: ApplicationView | None) -> None:
        if self.file is None:
            self.tabs.setCurrentIndex(1)
            return
        self.tabs.setCurrentIndex(1)
        self.editor = ApplicationEditor(
            self.services,
            self.file.candidate_id,
            view,
            self,
            default_year=self.file.campaign_year,
            candidate_label=f"{self.file.full_name} ({self.file.candidate.candidate_number})",
        )
        self.editor.accepted.connect(self._application_saved)
        self.editor.open()

    def add_application(self) -> None:
        self._open_editor(None)

    def edit_application(self) -> None:
        view = self._current_application()
        if view is not None:
            self._open_editor(view)

    def _application_saved(self) -> None:
        outcome = self.editor.outcome
        self.file = self._as_of(outcome.file)
        self._show_outcome()
        if outcome.closed:
            self._set_notice(
                QCoreApplication.translate("CandidateFileDialog", "Acceptation définitive : les autres candidatures en cours sont closes :")
                + "\n"
                + "\n".join(f"• {line}" for line in outcome.closed)
            )
        else:
            self._set_notice("")
        self.saved.emit(self.file.candidate_id)
        self.activateWindow()
        self.select_application(outcome.application_id)
        self.table.setFocus()

    def select_application(self, application_id: int | None) -> None:
        """Put the cursor on this application's row (the one just saved)."""
        row = self.applications.row_of(application_id) if application_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.applications.index(row, 0))

    def withdraw_application(self) -> None:
        view = self._current_application()
        if view is None or view.data.status is ApplicationStatus.WITHDRAWN:
            return
        if ApplicationStatus.WITHDRAWN not in self.services.applications.allowed_statuses(
            view.data.status
        ):
            self._set_notice(
                QCoreApplication.translate("CandidateFileDialog", "Cette candidature ne peut plus être retirée (%1).").replace(
                    "%1", domain_tr(STATUS_FR[view.data.status])
                )
            )
            return
        choice = ask(
            self,
            QCoreApplication.translate("CandidateFileDialog", "Retirer la candidature"),
            QCoreApplication.translate("CandidateFileDialog", "Retirer la candidature « %1 » (%2) ? Elle ne comptera plus dans les plafonds.")
            .replace("%1", view.data.mention)
            .replace("%2", view.data.institution_code),
            [
                ("withdraw", QCoreApplication.translate("CandidateFileDialog", "&Retirer"), QMessageBox.ButtonRole.AcceptRole),
                ("cancel", QCoreApplication.translate("CandidateFileDialog", "Annuler"), QMessageBox.ButtonRole.RejectRole),
            ],
            default="cancel",
        )
        if choice != "withdraw":
            return
        try:
            self.file = self._as_of(
                self.services.applications.withdraw(view.id, expected_version=view.version)
            )
        except (StaleRecord, NotFound, DatabaseError) as refused:
            self._set_notice(refused.message)
            return
        except Invalid as refused:
            self._set_notice(refused.message)
            return
        self._show_outcome()
        self.saved.emit(self.file.candidate_id)
        self.select_application(view.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter and Del reach the table as keys when its shortcuts could not fire."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_application()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.withdraw_application()
                return True
        return super().eventFilter(watched, event)

    def _table_action(self, text: str, keys: list[str], slot) -> QAction:  # noqa: ANN001
        """A key of the applications table (F1 lists it): Enter edits, Del withdraws."""
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.table.addAction(action)
        return action

    # -- printing ----------------------------------------------------------------------------

    def _sheet_files(self) -> tuple | None:
        """The stored file ready to print (saving pending changes first), or None."""
        if self.file is None or (self.is_dirty() and not self.save()):
            return None
        from monmaster_desktop.controllers.sheets import SheetController

        controller = SheetController(self.services.db)
        return controller, controller.files(
            candidate_ids=[self.file.candidate_id], as_of=self.services.as_of
        )

    def print_preview(self) -> None:
        """Ctrl+P: the candidate's status sheet in Qt's print preview."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        prepared = self._sheet_files()
        if prepared is None:
            return
        controller, files = prepared
        preview = QPrintPreviewDialog(self)
        preview.setWindowTitle(QCoreApplication.translate("CandidateFileDialog", "Aperçu de la fiche de situation"))
        preview.paintRequested.connect(
            lambda printer: controller.paint(printer, files)
        )
        from monmaster_desktop.ui.screen import fit_to_screen, keep_on_screen

        fit_to_screen(preview, 1000, 700)
        keep_on_screen(preview, "print_preview")
        preview.exec()

    def export_pdf(self) -> None:
        """« Exporter en PDF… »: the candidate's status sheet written to a file."""
        if self.file is None:
            return
        preferences = Preferences()
        suggested = preferences.suggest(f"fiche_{self.file.candidate.candidate_number}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("CandidateFileDialog", "Exporter la fiche en PDF"), suggested, QCoreApplication.translate("CandidateFileDialog", "PDF (*.pdf)")
        )
        preferences.remember_folder(path)
        prepared = self._sheet_files() if path else None
        if prepared is None:
            return
        controller, files = prepared
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = controller.render_pdf(files, Path(path))
        except OSError as exc:
            self._set_notice(QCoreApplication.translate("CandidateFileDialog", "PDF non enregistré : %1").replace("%1", str(exc)))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._set_notice(
            QCoreApplication.translate("CandidateFileDialog", "PDF enregistré : %1 (%2 page(s)).")
            .replace("%1", path)
            .replace("%2", str(pages))
        )

    # -- leaving -----------------------------------------------------------------------------

    def confirm_definitive(self) -> None:
        """Record the definitive acceptance the platform made at the end of the complementary
        phase (RULES.md §5)."""
        if self.file is None or not self.file.to_confirm:
            return
        view = self.file.to_confirm[0]
        try:
            outcome = self.services.applications.confirm_definitive(
                view.id, expected_version=view.version
            )
        except (StaleRecord, NotFound, DatabaseError, Invalid) as refused:
            self._set_notice(refused.message)
            return
        self.file = self._as_of(outcome.file)
        self._show_outcome()
        self._set_notice(
            QCoreApplication.translate("CandidateFileDialog", "Acceptation définitive du %1 enregistrée.").replace(
                "%1", fr_date(view.definitive_on)
            )
            + ("\n" + "\n".join(f"• {line}" for line in outcome.closed) if outcome.closed else "")
        )
        self.saved.emit(self.file.candidate_id)
