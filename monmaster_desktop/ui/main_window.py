"""The main window: worklists on the left, the candidate table, search, menus and status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.ui.candidate_table import CandidateTable
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.tasks import IsCancelled, Progress, run_task
from monmaster_desktop.ui.worklist_pane import ALL, WorklistPane

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from monmaster_desktop.ui.services import Services

SEARCH_DELAY_MS = 150
#: Beyond this many sheets a print preview asks first (it lays out every page in memory).
PREVIEW_CONFIRM = 200


def fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def error_text(exc: BaseException) -> str:
    """The clerk's sentence of an error: a controller's French message, else its text."""
    return str(getattr(exc, "message", None) or exc)


class ReferenceDateDialog(QDialog):
    """Choose the reference date of flags and worklists (« aujourd'hui » or a fixed day)."""

    def __init__(self, current: date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Date de référence"))
        self.today = QCheckBox(self.tr("&Aujourd'hui (date du système)"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(QDate(current or date.today()))
        self.today.setChecked(current is None)
        self.day.setEnabled(current is not None)
        self.today.toggled.connect(lambda on: self.day.setEnabled(not on))
        explanation = QLabel(
            self.tr(
                "Les signalements et les listes (retards, motifs demandables) sont calculés "
                "à cette date."
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.today)
        form.addRow(self.tr("&Date :"), self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> date | None:
        return None if self.today.isChecked() else self.day.date().toPython()


class MainWindow(QMainWindow):
    """The clerk's desk. Built without a database; ``attach(services)`` fills it.

    Nothing here reads the database directly: counts, ids and rows come from the
    worklist controller, files from the candidate file dialog, sheets and exports
    from their controllers (imported when first used).
    """

    first_painted = Signal()
    #: Emitted after every reload of the list (ids loaded, first rows shown).
    refreshed = Signal()
    #: Emitted when the worklist counts and totals are shown (they are counted off-thread).
    counted = Signal()

    def __init__(self, preferences: Preferences, *, demo: bool = False):
        super().__init__()
        self.preferences = preferences
        self.demo = demo
        self.services: Services | None = None
        self.database_name = ""
        self._painted = False
        self._counts_request = 0
        self._open_files: list[QDialog] = []
        self.setObjectName("main_window")
        self.resize(1280, 760)
        self._update_title()

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Rechercher par nom, INE ou n° de candidat (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Recherche"))
        self.search.installEventFilter(self)
        #: Recent lists by (worklist, campaign, search, sort, order, date): typing then erasing
        #: shows a list already read. Emptied by refresh(), which every write leads to.
        self._lists: dict[tuple, list[int]] = {}
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())

        self.list_title = QLabel()
        self.list_title.setObjectName("list_title")
        self.worklists = WorklistPane()
        self.table = CandidateTable()
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.worklists.chosen.connect(lambda _code, _campaign: self.reload_list())

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.search)
        right_layout.addWidget(self.list_title)
        right_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.worklists)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([258, 1108])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        QWidget.setTabOrder(self.search, self.worklists)
        QWidget.setTabOrder(self.worklists, self.table)

        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.reference = QLabel()
        self.reference.setObjectName("reference_date")
        self.statusBar().addPermanentWidget(self.totals)
        self.statusBar().addPermanentWidget(self.reference)

        self._build_actions()
        self._build_menus()
        self._set_enabled(False)
        self.statusBar().showMessage(self.tr("Ouverture de la base…"))
        self._restore_layout()

    # -- actions and menus -----------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = (),
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_import = self._action(self.tr("&Importer…"), self.open_import, ("Ctrl+I",))
        self.act_export = self._action(
            self.tr("Exporter la liste (CSV/XLSX)…"),
            lambda: self.export_list("candidates"),
            ("Ctrl+E",),
            self.tr("Les candidats de la liste affichée, dans un classeur ou un fichier CSV"),
        )
        self.act_export_applications = self._action(
            self.tr("Exporter les candidatures de la liste…"),
            lambda: self.export_list("applications"),
        )
        self.act_pdf = self._action(
            self.tr("Exporter la liste en &PDF…"),
            self.export_pdf,
            tip=self.tr("Les fiches de situation de toute la liste affichée, dans un seul PDF"),
        )
        self.act_print = self._action(
            self.tr("&Imprimer les fiches…"),
            self.print_selection,
            (QKeySequence.StandardKey.Print,),
            self.tr("Les fiches des candidats sélectionnés (ou de toute la liste)"),
        )
        self.act_print_list = self._action(
            self.tr("Imprimer la &liste…"), self.print_list, ("Ctrl+Alt+P",)
        )
        self.act_preview = self._action(
            self.tr("&Aperçu avant impression…"), self.preview_selection, ("Ctrl+Shift+P",)
        )
        self.act_backup = self._action(self.tr("&Sauvegarder maintenant"), self.backup_now)
        self.act_quit = self._action(self.tr("&Quitter"), self.close, ("Ctrl+Q",))

        self.act_new = self._action(
            self.tr("&Nouveau candidat"), lambda: self.open_candidate(None), ("Ctrl+N",)
        )
        self.act_open = QAction(self.tr("&Ouvrir le dossier"), self)
        self.act_open.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.act_open.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_open.triggered.connect(lambda _checked=False: self.open_current())
        self.table.addAction(self.act_open)
        self.act_previous = self._action(
            self.tr("Candidat &précédent"), lambda: self.move_current(-1), ("Alt+Up", "Ctrl+PgUp")
        )
        self.act_next = self._action(
            self.tr("Candidat &suivant"), lambda: self.move_current(+1), ("Alt+Down", "Ctrl+PgDown")
        )

        self.act_search = self._action(self.tr("&Rechercher"), self.focus_search, ("Ctrl+F",))
        self.act_refresh = self._action(self.tr("A&ctualiser"), self.refresh, ("F5",))
        self.act_reference = self._action(
            self.tr("&Date de référence…"), self.choose_reference_date, ("Ctrl+D",)
        )
        self.act_campaigns = self._action(
            self.tr("&Campagnes et calendriers…"),
            lambda: self.open_dialog("monmaster_desktop.ui.campaigns", "CampaignsDialog"),
        )
        self.act_catalogue = self._action(
            self.tr("Catalogue des &formations…"),
            lambda: self.open_dialog("monmaster_desktop.ui.catalogue", "CatalogueDialog"),
        )
        self.act_settings = self._action(
            self.tr("&Établissement et Études en France…"),
            lambda: self.open_dialog("monmaster_desktop.ui.settings_dialog", "SettingsDialog"),
        )
        self.act_backups = self._action(
            self.tr("Sauvegardes et &restauration…"),
            lambda: self.open_dialog("monmaster_desktop.ui.backups_dialog", "BackupsDialog"),
        )
        self.act_purge = self._action(
            self.tr("&Purge des données personnelles…"),
            lambda: self.open_dialog("monmaster_desktop.ui.purge_dialog", "PurgeDialog"),
        )
        self.act_keys = self._action(self.tr("&Raccourcis clavier"), self.show_shortcuts, ("F1",))
        self.act_about = self._action(self.tr("À &propos de Mon Master Desk"), self.show_about)

        self.languages = QActionGroup(self)
        current = self.preferences.language()
        for code, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self.languages)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
        self.languages.triggered.connect(self.choose_language)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fichier"))
        file_menu.addAction(self.act_import)
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        file_menu.addAction(self.act_export_applications)
        file_menu.addAction(self.act_pdf)
        file_menu.addSeparator()
        file_menu.addAction(self.act_print)
        file_menu.addAction(self.act_print_list)
        file_menu.addAction(self.act_preview)
        file_menu.addSeparator()
        file_menu.addAction(self.act_backup)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        candidate_menu = bar.addMenu(self.tr("&Candidat"))
        for action in (self.act_new, self.act_open, self.act_previous, self.act_next):
            candidate_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&Affichage"))
        view_menu.addAction(self.act_search)
        view_menu.addAction(self.act_refresh)
        view_menu.addAction(self.act_reference)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Langue"))
        language_menu.addActions(self.languages.actions())
        tools_menu = bar.addMenu(self.tr("&Outils"))
        tools_menu.addAction(self.act_campaigns)
        tools_menu.addAction(self.act_catalogue)
        tools_menu.addAction(self.act_settings)
        tools_menu.addSeparator()
        tools_menu.addAction(self.act_backups)
        tools_menu.addAction(self.act_purge)
        help_menu = bar.addMenu(self.tr("&Aide"))
        help_menu.addAction(self.act_keys)
        help_menu.addAction(self.act_about)

    def _set_enabled(self, enabled: bool) -> None:
        """Before a database is attached, only quitting and help make sense."""
        keep = {self.act_quit, self.act_keys, self.act_about}
        for action in self.actions():
            if action not in keep:
                action.setEnabled(enabled)
        self.act_open.setEnabled(enabled)
        self.search.setEnabled(enabled)

    # -- start-up --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return handled

    def attach(self, services: Services, database_name: str) -> None:
        """Show this database: campaigns, counts and the list of the current worklist."""
        from monmaster_desktop.controllers.applications import campaign_years

        self.services = services
        self.database_name = database_name
        self._update_title()
        self._set_enabled(True)
        self.worklists.set_campaigns(campaign_years(services.db))
        self.statusBar().clearMessage()
        self.refresh()
        self.table.setFocus()

    def reopen_database(self) -> None:
        """After a restore: close the database, open the restored file, show it again."""
        if self.services is None:
            return
        from monmaster_desktop.db import Database, DatabaseError
        from monmaster_desktop.ui.services import Services

        path, as_of = self.services.db.path, self.services.as_of_override
        self.services.db.close()
        try:
            services = Services(Database(path), as_of_override=as_of)
        except DatabaseError as exc:
            self._set_enabled(False)
            QMessageBox.critical(self, self.tr("Base de données"), exc.message)
            return
        self.attach(services, path.name)

    def _update_title(self) -> None:
        title = self.tr("Mon Master Desk")
        if self.demo:
            title += " " + self.tr("(démonstration)")
        elif self.database_name:
            title += f" — {self.database_name}"
        self.setWindowTitle(title)

    # -- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        """List and counts again (after a save, an import, another reference date)."""
        if self.services is None:
            return
        self._lists.clear()
        self.reload_list()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Count every worklist off the GUI thread; the pane and status bar update after.

        Only the newest request's answer is shown (a slower, older one is dropped).
        """
        services = self.services
        if services is None:
            return
        as_of = services.as_of
        campaigns = [
            entry.campaign
            for entry in map(
                self.worklists.worklists.entry, range(self.worklists.worklists.rowCount())
            )
            if entry.campaign is not None
        ]
        self._counts_request += 1
        request = self._counts_request
        if services.as_of_override is None:
            reference = self.tr("Date de référence : %1 (aujourd'hui)")
        else:
            reference = self.tr("Date de référence : %1 (fixée)")
        self.reference.setText(reference.replace("%1", fr_date(as_of)))

        def work(_progress: Progress, _is_cancelled: IsCancelled) -> dict:
            counts = {(str(code), None): n for code, n in services.worklists.counts(as_of).items()}
            for year in campaigns:
                counts[(ALL, year)] = services.worklists.counts(as_of, campaign=year)[ALL]  # type: ignore[index]
            return counts

        def show(counts: dict[tuple[str, int | None], int]) -> None:
            if request == self._counts_request:
                self._show_counts(counts)

        run_task(
            self,
            work,
            on_done=show,
            on_error=lambda exc: self.statusBar().showMessage(
                self.tr("Comptage des listes impossible : %1").replace("%1", error_text(exc))
            ),
        )

    def _show_counts(self, counts: dict[tuple[str, int | None], int]) -> None:
        self.worklists.worklists.set_counts(counts)
        total = counts.get((ALL, None), 0)
        contact = counts.get(("must_contact_registrar", None), 0)
        self.totals.setText(
            self.tr("%1 · %2 doivent contacter la scolarité")
            .replace("%1", self._candidates_text(total))
            .replace("%2", QLocale().toString(contact))
        )
        self.counted.emit()

    def _candidates_text(self, count: int) -> str:
        number = QLocale().toString(count)
        if count > 1:
            return self.tr("%1 candidats").replace("%1", number)
        return self.tr("%1 candidat").replace("%1", number)

    def reload_list(self) -> None:
        """Re-run the current worklist's query (search, sort, date); keep the current row."""
        services = self.services
        if services is None:
            return
        current = self.table.current_candidate_id()
        entry = self.worklists.current_entry()
        search = self.search.text()
        as_of = services.as_of

        lists = self._lists

        def query(sort: str, descending: bool) -> list[int]:
            from monmaster_desktop.controllers.worklists import SortKey

            key = (entry.code, entry.campaign, search.strip(), sort, descending, as_of)
            if key not in lists:
                if len(lists) >= 16:
                    lists.pop(next(iter(lists)))
                lists[key] = services.worklists.candidate_ids(
                    entry.code,
                    as_of=as_of,
                    search=search,
                    campaign=entry.campaign,
                    sort=SortKey(sort),
                    descending=descending,
                )
            return lists[key]

        self.table.candidates.set_source(
            query, lambda ids: services.worklists.rows(ids, as_of=as_of)
        )
        if not self.table.select_candidate(current) and self.table.candidates.rowCount():
            self.table.selectRow(0)
        self._update_list_title()
        self.refreshed.emit()

    def _update_list_title(self) -> None:
        entry = self.worklists.current_entry()
        name = self.worklists.worklists.label(entry)
        shown = self.table.candidates.rowCount()
        text = self.tr("%1 — %2 affiché(s)").replace("%1", name)
        text = text.replace("%2", QLocale().toString(shown))
        if self.search.text().strip():
            text += " " + self.tr("pour « %1 »").replace("%1", self.search.text().strip())
        self.list_title.setText(f"<b>{text}</b>")

    def apply_search(self) -> None:
        self.search_timer.stop()
        self.reload_list()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search field: Enter or Down goes to the table, Escape clears."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                if self.search_timer.isActive():
                    self.apply_search()
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid() and self.table.candidates.rowCount():
                    self.table.selectRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_search()
                return True
        return super().eventFilter(watched, event)

    def choose_reference_date(self) -> None:
        if self.services is None:
            return
        dialog = ReferenceDateDialog(self.services.as_of_override, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_reference_date(dialog.chosen())

    def set_reference_date(self, day: date | None) -> None:
        """Flags and worklists on ``day`` (None: the system date)."""
        if self.services is None:
            return
        self.services.as_of_override = day
        self.refresh()

    # -- candidates ------------------------------------------------------------------------

    def next_candidate_id(self, current: int, step: int) -> int | None:
        """The candidate ``step`` rows after ``current`` in the list shown (None at the ends)."""
        row = self.table.candidates.row_of(current)
        if row is None:
            return None
        return self.table.candidates.candidate_id(row + step) if row + step >= 0 else None

    def move_current(self, step: int) -> None:
        current = self.table.current_candidate_id()
        if current is None:
            if self.table.candidates.rowCount():
                self.table.selectRow(0)
            return
        following = self.next_candidate_id(current, step)
        if following is not None:
            self.table.select_candidate(following)

    def open_current(self) -> None:
        candidate_id = self.table.current_candidate_id()
        if candidate_id is not None:
            self.open_candidate(candidate_id)

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
        try:
            dialog = dialog_class(self.services, candidate_id, self)
        except Exception as exc:  # noqa: BLE001 - a file that cannot load must not end the day
            self.show_error(self.tr("Impossible d'ouvrir le dossier."), exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_files.append(dialog)
        dialog.saved.connect(self._file_saved)
        dialog.finished.connect(lambda _result: self._forget_file(dialog))
        dialog.show()
        return dialog

    def _forget_file(self, dialog: QDialog) -> None:
        if dialog in self._open_files:
            self._open_files.remove(dialog)

    def _file_saved(self, candidate_id: int) -> None:
        self.refresh()
        self.table.select_candidate(candidate_id)

    # -- other windows (opened lazily: they may not be installed yet) -----------------------

    def _dialog_class(self, module: str, name: str) -> type | None:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            QMessageBox.information(
                self,
                self.tr("Bientôt disponible"),
                self.tr("Bientôt disponible : cette fenêtre arrive dans une prochaine version."),
            )
            return None

    def open_dialog(self, module: str, name: str) -> None:
        """A modal tool dialog (campaigns, catalogue, settings); the lists refresh after."""
        dialog_class = self._dialog_class(module, name)
        if dialog_class is None or self.services is None:
            return
        dialog = dialog_class(self.services, self)
        dialog.exec()
        self.worklists.set_campaigns(self._campaign_years())
        self.refresh()

    def _campaign_years(self) -> list[int]:
        from monmaster_desktop.controllers.applications import campaign_years

        return campaign_years(self.services.db) if self.services else []

    def open_import(self) -> None:
        self.open_dialog("monmaster_desktop.ui.import_dialog", "ImportDialog")

    # -- sheets: print, preview, PDF -------------------------------------------------------

    def _printing_ids(self, whole_list: bool) -> list[int]:
        if not whole_list:
            selected = self.table.selected_candidate_ids()
            if len(selected) > 0:
                return selected
        return self.table.candidates.ids()

    def _sheet_controller(self) -> Any:
        try:
            from monmaster_desktop.controllers.sheets import SheetController
        except ImportError:
            QMessageBox.information(
                self,
                self.tr("Bientôt disponible"),
                self.tr("Bientôt disponible : l'impression des fiches arrive bientôt."),
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
        if not ids or self.services is None:
            self.statusBar().showMessage(self.tr("Aucun candidat à imprimer."), 5000)
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
                printer, files, printed_on=as_of, progress=progress, is_cancelled=is_cancelled
            )

        self._keep_printer = printer  # the worker draws on it: it must outlive the dialog
        run_task(
            self,
            work,
            label=self.tr("Impression de %1 fiche(s)…").replace("%1", str(len(ids))),
            maximum=len(ids),
            on_done=lambda pages: self.statusBar().showMessage(
                self.tr("%1 page(s) envoyée(s) à l'imprimante.").replace("%1", str(pages)), 8000
            ),
            on_error=lambda exc: self.show_error(self.tr("L'impression a échoué."), exc),
            on_cancelled=lambda: self.statusBar().showMessage(self.tr("Impression annulée."), 5000),
        )

    def preview_selection(self) -> None:
        ids = self._printing_ids(whole_list=False)
        if not ids or self.services is None:
            self.statusBar().showMessage(self.tr("Aucun candidat à prévisualiser."), 5000)
            return
        if len(ids) > PREVIEW_CONFIRM:
            answer = QMessageBox.question(
                self,
                self.tr("Aperçu avant impression"),
                self.tr(
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
            controller.paint(target, files, printed_on=as_of)

        preview.paintRequested.connect(paint)
        preview.resize(900, 700)
        preview.exec()

    def export_pdf(self) -> None:
        """All sheets of the list shown into one PDF, with progress and cancel."""
        ids = self._printing_ids(whole_list=True)
        if not ids or self.services is None:
            self.statusBar().showMessage(self.tr("La liste est vide : rien à exporter."), 5000)
            return
        controller = self._sheet_controller()
        if controller is None:
            return
        suggested = self.preferences.suggest(
            self.tr("fiches-%1.pdf").replace("%1", date.today().strftime("%Y%m%d"))
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, self._sheets_title(len(ids)), suggested, self.tr("Document PDF (*.pdf)")
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
                files, path, printed_on=as_of, progress=progress, is_cancelled=is_cancelled
            )

        run_task(
            self,
            work,
            label=self.tr("Export de %1 fiche(s) en PDF…").replace("%1", str(len(ids))),
            maximum=len(ids),
            on_done=lambda pages: self.statusBar().showMessage(
                self.tr("PDF écrit : %1 (%2 page(s)).")
                .replace("%1", path)
                .replace("%2", str(pages)),
                10000,
            ),
            on_error=lambda exc: self.show_error(self.tr("L'export PDF a échoué."), exc),
            on_cancelled=lambda: self.statusBar().showMessage(
                self.tr("Export PDF annulé : aucun fichier écrit."), 5000
            ),
        )

    def _sheets_title(self, count: int) -> str:
        if count > 1:
            return self.tr("Fiches de situation (%1 candidats)").replace("%1", str(count))
        return self.tr("Fiche de situation")

    # -- exports and backups ---------------------------------------------------------------

    def export_list(self, what: str) -> None:
        """The list shown (worklist, campaign, search) as XLSX or CSV, written off the GUI thread."""
        if self.services is None:
            return
        try:
            from monmaster_desktop.controllers.exports import ExportController
        except ImportError:
            QMessageBox.information(
                self,
                self.tr("Bientôt disponible"),
                self.tr("Bientôt disponible : l'export arrive bientôt."),
            )
            return
        stem = self.tr("candidats") if what == "candidates" else self.tr("candidatures")
        suggested = self.preferences.suggest(f"{stem}-{date.today():%Y%m%d}.xlsx")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.act_export.text().replace("&", "")
            if what == "candidates"
            else self.act_export_applications.text(),
            suggested,
            self.tr("Classeur Excel (*.xlsx);;Fichier CSV (*.csv)"),
        )
        if not path:
            return
        self.preferences.remember_folder(path)
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".csv" if "csv" in _filter.lower() else ".xlsx"
        entry = self.worklists.current_entry()
        controller = ExportController(self.services.db)
        as_of, search = self.services.as_of, self.search.text()

        written = self.tr("%1 lignes écrites…")

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

        self.statusBar().showMessage(self.tr("Export en cours…"))
        run_task(
            self,
            work,
            label=self.tr("Export en cours…"),
            on_cancelled=lambda: self.statusBar().showMessage(
                self.tr("Export annulé : aucun fichier n'a été écrit."), 10000
            ),
            on_done=lambda rows: self.statusBar().showMessage(
                self.tr("%1 ligne(s) exportée(s) dans %2.")
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
                self.tr("Export annulé : aucun fichier n'a été écrit."), 10000
            )
            return
        self.show_error(self.tr("L'export a échoué."), exc)

    def backup_now(self) -> None:
        if self.services is None:
            return
        backups = self.services.backups
        self.statusBar().showMessage(self.tr("Sauvegarde en cours…"))
        run_task(
            self,
            lambda _p, _c: backups.backup_now(),
            on_done=lambda path: self.statusBar().showMessage(
                self.tr("Sauvegarde écrite : %1").replace("%1", str(path)), 10000
            ),
            on_error=lambda exc: self.show_error(self.tr("La sauvegarde a échoué."), exc),
        )

    def automatic_backup(self) -> None:
        """The start-up backup, in the background; a failure is said, never fatal."""
        if self.services is None:
            return
        backups = self.services.backups
        run_task(
            self,
            lambda _p, _c: backups.automatic_backup(),
            on_done=lambda _path: self.statusBar().showMessage(
                self.tr("Sauvegarde automatique faite."), 5000
            ),
            on_error=self._automatic_backup_failed,
        )

    def _automatic_backup_failed(self, exc: BaseException) -> None:
        from monmaster_desktop.controllers.errors import DatabaseCorrupt

        if isinstance(exc, DatabaseCorrupt):
            self.database_damaged()
            return
        self.statusBar().showMessage(
            self.tr("Sauvegarde automatique impossible : %1").replace("%1", error_text(exc))
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
            self.statusBar().showMessage(self.tr("Base endommagée : rien n'est affiché."))
            return
        self.reopen_database()

    # -- messages, language, help ----------------------------------------------------------

    def show_error(self, summary: str, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Mon Master Desk"), f"{summary}\n\n{error_text(exc)}")

    def choose_language(self, action: QAction) -> None:
        code = action.data()
        if code == self.preferences.language():
            return
        self.preferences.set_language(code)
        QMessageBox.information(
            self,
            self.tr("Langue"),
            self.tr(
                "La langue sera appliquée au prochain démarrage de Mon Master Desk.\n"
                "The language will change the next time Mon Master Desk starts."
            ),
        )

    def show_shortcuts(self) -> None:
        rows = [
            (self.tr("Rechercher un candidat"), "Ctrl+F"),
            (self.tr("Nouveau candidat"), "Ctrl+N"),
            (self.tr("Ouvrir le dossier sélectionné"), self.tr("Entrée ou double-clic")),
            (self.tr("Candidat précédent / suivant"), "Alt+↑ / Alt+↓, Ctrl+PgUp / Ctrl+PgDown"),
            (self.tr("Imprimer les fiches"), "Ctrl+P"),
            (self.tr("Aperçu avant impression"), "Ctrl+Maj+P"),
            (self.tr("Imprimer toute la liste"), "Ctrl+Alt+P"),
            (self.tr("Exporter la liste"), "Ctrl+E"),
            (self.tr("Importer"), "Ctrl+I"),
            (self.tr("Date de référence"), "Ctrl+D"),
            (self.tr("Actualiser"), "F5"),
            (self.tr("Quitter"), "Ctrl+Q"),
        ]
        table = "".join(f"<tr><td>{what}</td><td><b>{keys}</b></td></tr>" for what, keys in rows)
        QMessageBox.information(
            self, self.tr("Raccourcis clavier"), f"<table cellspacing='6'>{table}</table>"
        )

    def show_about(self) -> None:
        """Aide › À propos: version, database in use, log folder, licence."""
        from monmaster_desktop.ui.about_dialog import AboutDialog

        database = str(self.services.db.path) if self.services is not None else None
        AboutDialog(database, self).exec()

    # -- layout memory ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        prefs = self.preferences
        if geometry := prefs.layout("main_window/geometry"):
            self.restoreGeometry(geometry)
        if state := prefs.layout("main_window/state"):
            self.restoreState(state)
        if splitter := prefs.layout("main_window/splitter"):
            self.splitter.restoreState(splitter)
        if header := prefs.layout("main_window/table_header"):
            self.table.horizontalHeader().restoreState(header)
        self.table.restore_sort()

    def save_layout(self) -> None:
        prefs = self.preferences
        prefs.set_layout("main_window/geometry", self.saveGeometry())
        prefs.set_layout("main_window/state", self.saveState())
        prefs.set_layout("main_window/splitter", self.splitter.saveState())
        prefs.set_layout("main_window/table_header", self.table.horizontalHeader().saveState())
        prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for dialog in list(self._open_files):
            if not dialog.close():  # the file asked to keep unsaved changes
                event.ignore()
                return
        self.save_layout()
        if self.services is not None:
            try:
                self.services.backups.automatic_backup()
            except Exception as exc:  # noqa: BLE001 - closing must never fail on a backup
                self.statusBar().showMessage(error_text(exc))
        super().closeEvent(event)
