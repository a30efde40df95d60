"""What leaves the desk from the main window: sheets printed, previewed or in one PDF, list
exports and backups. A part of MainWindow; widgets are imported where used (this module loads
before the window's first paint)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from monmaster_desktop.ui.tasks import IsCancelled, Progress

#: Beyond this many sheets a print preview asks first (it lays out every page in memory).
PREVIEW_CONFIRM = 200



def error_text(exc: BaseException) -> str:
    """The clerk's sentence of an error: a controller's French message, else its text."""
    return str(getattr(exc, "message", None) or exc)


class OutputPart:
    """Printing, PDF, exports and backups of the main window (mixed into MainWindow); its
    strings are translated in the window's context (« MainWindow »), as ``tr()`` would."""

    # -- sheets: print, preview, PDF -------------------------------------------------------

    def _printing_ids(self, whole_list: bool) -> list[int]:
        if not whole_list:
            selected = self.table.selected_candidate_ids()
            if len(selected) > 0:
                return selected
        return self.table.candidates.ids()

    def _sheet_controller(self) -> Any:
        from PySide6.QtWidgets import QMessageBox

        try:
            from monmaster_desktop.controllers.sheets import SheetController
        except ImportError:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Bientôt disponible"),
                QCoreApplication.translate("MainWindow", "Bientôt disponible : l'impression des fiches arrive bientôt."),
            )
            return None
        assert self.services is not None
        return SheetController(self.services.db)

    def print_selection(self) -> None:
        self._print(self._printing_ids(whole_list=False))

    def print_list(self) -> None:
        self._print(self._printing_ids(whole_list=True))

    def _print(self, ids: list[int]) -> None:
        """One print job with every sheet; files loaded and pages drawn off the GUI thread."""
        from PySide6.QtWidgets import QDialog

        from monmaster_desktop.ui.tasks import run_task

        if not ids or self.services is None:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Aucun candidat à imprimer."), 5000)
            return
        controller = self._sheet_controller()
        if controller is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from monmaster_desktop.printing import configure_printer

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self._sheets_title(len(ids)))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        as_of = self.services.as_of

        def work(progress: Progress, is_cancelled: IsCancelled) -> int:
            files = controller.files(candidate_ids=ids, as_of=as_of)
            return controller.paint(
                printer, files, progress=progress, is_cancelled=is_cancelled
            )

        self._keep_printer = printer  # the worker draws on it: it must outlive the dialog
        run_task(
            self,
            work,
            label=QCoreApplication.translate("MainWindow", "Impression de %1 fiche(s)…").replace("%1", str(len(ids))),
            maximum=len(ids),
            on_done=lambda pages: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "%1 page(s) envoyée(s) à l'imprimante.").replace("%1", str(pages)), 8000
            ),
            on_error=lambda exc: self.show_error(QCoreApplication.translate("MainWindow", "L'impression a échoué."), exc),
            on_cancelled=lambda: self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Impression annulée."), 5000),
        )

    def preview_selection(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        ids = self._printing_ids(whole_list=False)
        if not ids or self.services is None:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Aucun candidat à prévisualiser."), 5000)
            return
        if len(ids) > PREVIEW_CONFIRM:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("MainWindow", "Aperçu avant impression"),
                QCoreApplication.translate("MainWindow",
                    "L'aperçu de %1 fiches peut être long. Continuer ? "
                    "(Pour toute la liste, « Exporter la liste en PDF » est plus rapide.)"
                ).replace("%1", str(len(ids))),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        controller = self._sheet_controller()
        if controller is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from monmaster_desktop.printing import configure_printer

        as_of = self.services.as_of
        files = controller.files(candidate_ids=ids, as_of=as_of)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer)
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self._sheets_title(len(ids)))

        def paint(target: QPrinter) -> None:
            controller.paint(target, files)

        preview.paintRequested.connect(paint)
        from monmaster_desktop.ui.screen import fit_to_screen, keep_on_screen

        fit_to_screen(preview, 900, 700)
        keep_on_screen(preview, "print_preview")
        preview.exec()

    def export_pdf(self) -> None:
        """All sheets of the list shown into one PDF, with progress and cancel."""
        from PySide6.QtWidgets import QFileDialog

        from monmaster_desktop.ui.tasks import run_task

        ids = self._printing_ids(whole_list=True)
        if not ids or self.services is None:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "La liste est vide : rien à exporter."), 5000)
            return
        controller = self._sheet_controller()
        if controller is None:
            return
        suggested = self.preferences.suggest(
            QCoreApplication.translate("MainWindow", "fiches-%1.pdf").replace("%1", date.today().strftime("%Y%m%d"))
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, self._sheets_title(len(ids)), suggested, QCoreApplication.translate("MainWindow", "Document PDF (*.pdf)")
        )
        if not path:
            return
        self.preferences.remember_folder(path)
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        as_of = self.services.as_of

        def work(progress: Progress, is_cancelled: IsCancelled) -> int:
            files = controller.files(candidate_ids=ids, as_of=as_of)
            if is_cancelled():
                return 0
            return controller.render_pdf(
                files, path, progress=progress, is_cancelled=is_cancelled
            )

        run_task(
            self,
            work,
            label=QCoreApplication.translate("MainWindow", "Export de %1 fiche(s) en PDF…").replace("%1", str(len(ids))),
            maximum=len(ids),
            on_done=lambda pages: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "PDF écrit : %1 (%2 page(s)).")
                .replace("%1", path)
                .replace("%2", str(pages)),
                10000,
            ),
            on_error=lambda exc: self.show_error(QCoreApplication.translate("MainWindow", "L'export PDF a échoué."), exc),
            on_cancelled=lambda: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Export PDF annulé : aucun fichier écrit."), 5000
            ),
        )

    def _sheets_title(self, count: int) -> str:
        if count > 1:
            return QCoreApplication.translate("MainWindow", "Fiches de situation (%1 candidats)").replace("%1", str(count))
        return QCoreApplication.translate("MainWindow", "Fiche de situation")

    # -- exports and backups ---------------------------------------------------------------

    def export_list(self, what: str) -> None:
        """The list shown (worklist, campaign, search) as XLSX or CSV, written off the GUI thread."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from monmaster_desktop.ui.tasks import run_task

        if self.services is None:
            return
        try:
            from monmaster_desktop.controllers.exports import ExportController
        except ImportError:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Bientôt disponible"),
                QCoreApplication.translate("MainWindow", "Bientôt disponible : l'export arrive bientôt."),
            )
            return
        stem = QCoreApplication.translate("MainWindow", "candidats") if what == "candidates" else QCoreApplication.translate("MainWindow", "candidatures")
        suggested = self.preferences.suggest(f"{stem}-{date.today():%Y%m%d}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.act_export.text().replace("&", "")
            if what == "candidates"
            else self.act_export_applications.text(),
            suggested,
            QCoreApplication.translate("MainWindow", "Classeur Excel (*.xlsx);;Fichier CSV (*.csv)"),
        )
        if not path:
            return
        self.preferences.remember_folder(path)
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".csv" if "csv" in _filter.lower() else ".xlsx"
        entry = self.worklists.current_entry()
        controller = ExportController(self.services.db)
        as_of, search = self.services.as_of, self.search.text()

        written = QCoreApplication.translate("MainWindow", "%1 lignes écrites…")

        def work(progress: Progress, is_cancelled: IsCancelled) -> int:
            return controller.export(
                what,
                Path(path),
                worklist=entry.code,
                as_of=as_of,
                campaign=entry.campaign,
                search=search,
                progress=lambda rows: progress(0, written.replace("%1", f"{rows:,}")),
                is_cancelled=is_cancelled,
            )

        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Export en cours…"))
        run_task(
            self,
            work,
            label=QCoreApplication.translate("MainWindow", "Export en cours…"),
            on_cancelled=lambda: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Export annulé : aucun fichier n'a été écrit."), 10000
            ),
            on_done=lambda rows: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "%1 ligne(s) exportée(s) dans %2.")
                .replace("%1", str(rows))
                .replace("%2", path),
                10000,
            ),
            on_error=self._export_failed,
        )

    def _export_failed(self, exc: BaseException) -> None:
        from monmaster_desktop.controllers.exports import ExportCancelled

        if isinstance(exc, ExportCancelled):
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Export annulé : aucun fichier n'a été écrit."), 10000
            )
            return
        self.show_error(QCoreApplication.translate("MainWindow", "L'export a échoué."), exc)

    def backup_now(self) -> None:
        from monmaster_desktop.ui.tasks import run_task

        if self.services is None:
            return
        backups = self.services.backups
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Sauvegarde en cours…"))
        run_task(
            self,
            lambda _p, _c: backups.backup_now(),
            on_done=lambda path: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Sauvegarde écrite : %1").replace("%1", str(path)), 10000
            ),
            on_error=lambda exc: self.show_error(QCoreApplication.translate("MainWindow", "La sauvegarde a échoué."), exc),
        )

    def automatic_backup(self) -> None:
        """The start-up backup, in the background; a failure is said, never fatal."""
        from monmaster_desktop.ui.tasks import run_task

        if self.services is None:
            return
        backups = self.services.backups
        run_task(
            self,
            lambda _p, _c: backups.automatic_backup(),
            on_done=lambda _path: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Sauvegarde automatique faite."), 5000
            ),
            on_error=self._automatic_backup_failed,
        )

    def _automatic_backup_failed(self, exc: BaseException) -> None:
        from monmaster_desktop.controllers.errors import DatabaseCorrupt

        if isinstance(exc, DatabaseCorrupt):
            self.database_damaged()
            return
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Sauvegarde automatique impossible : %1").replace("%1", error_text(exc))
        )

    def database_damaged(self) -> None:
        """The start-up check found damage: offer the latest good backup, then reopen it."""
        if self.services is None:
            return
        from monmaster_desktop.ui.startup_check import check_database_at_startup

        path = self.services.db.path
        self.services.db.close()
        if check_database_at_startup(path, self) is None:
            self._set_enabled(False)
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Base endommagée : rien n'est affiché."))
            return
        self.reopen_database()

