"""The main window: worklists on the left, the candidate table, search, menus and status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.ui.accessibility import complete_names
from monmaster_desktop.ui.candidate_table import CandidateTable
from monmaster_desktop.ui.main_window_output import OutputPart
from monmaster_desktop.ui.main_window_tools import ToolsPart
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.reference_date import ReferenceDateDialog
from monmaster_desktop.ui.screen import fit_to_screen, keep_on_screen
from monmaster_desktop.ui.tasks import IsCancelled, Progress, run_task
from monmaster_desktop.ui.worklist_pane import ALL, WorklistPane

if TYPE_CHECKING:

    from monmaster_desktop.ui.live import LiveDesk
    from monmaster_desktop.ui.services import Services

SEARCH_DELAY_MS = 150
#: Beyond this many sheets a print preview asks first (it lays out every page in memory).
PREVIEW_CONFIRM = 200


def fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def error_text(exc: BaseException) -> str:
    """The clerk's sentence of an error: a controller's French message, else its text."""
    return str(getattr(exc, "message", None) or exc)


class MainWindow(OutputPart, ToolsPart, QMainWindow):
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
        #: The live side on a server base (changes from other desks); None on a file.
        self.live: LiveDesk | None = None
        self.database_name = ""
        self._painted = False
        self._counts_request = 0
        self._open_files: list[QDialog] = []
        self.setObjectName("main_window")
        fit_to_screen(self, 1280, 760)
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

        # The dashboard's entry stands above the worklists (Ctrl+D).
        self.dashboard_button = QPushButton(self.tr("Tableau de bord"))
        self.dashboard_button.setObjectName("dashboard_button")
        self.dashboard_button.setToolTip(self.tr("Les chiffres de la campagne (Ctrl+D)"))
        self.dashboard_button.clicked.connect(lambda _checked=False: self.open_dashboard())
        self.dashboard: Any = None
        self._dashboard_services: Services | None = None
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.dashboard_button)
        left_layout.addWidget(self.worklists)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.search)
        right_layout.addWidget(self.list_title)
        right_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([258, 1108])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        QWidget.setTabOrder(self.search, self.dashboard_button)
        QWidget.setTabOrder(self.dashboard_button, self.worklists)
        QWidget.setTabOrder(self.worklists, self.table)

        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.reference = QLabel()
        self.reference.setObjectName("reference_date")
        self.database_label = QLabel()
        self.database_label.setObjectName("database_label")
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.totals)
        self.statusBar().addPermanentWidget(self.reference)

        self._build_actions()
        self._build_menus()
        self._set_enabled(False)
        self.statusBar().showMessage(self.tr("Ouverture de la base…"))
        self._restore_layout()
        keep_on_screen(self)  # a layout saved on a larger screen is brought back inside
        complete_names(self)

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
        self.act_connect = self._action(
            self.tr("Se c&onnecter à un serveur…"),
            lambda: importlib.import_module("monmaster_desktop.ui.connect_dialog").connect_to_server(self),
            tip=self.tr("La base partagée du bureau, sur un serveur PostgreSQL"),
        )
        self.act_open_file = self._action(
            self.tr("Ouvrir un &fichier…"),
            lambda: importlib.import_module("monmaster_desktop.ui.connect_dialog").open_file(self),
            tip=self.tr("Une base de ce poste (fichier SQLite)"),
        )
        self.act_quit = self._action(self.tr("&Quitter"), self.close, ("Ctrl+Q",))

        self.act_new = self._action(
            self.tr("&Nouveau candidat"), lambda: self.open_candidate(None), ("Ctrl+N",)
        )
        self.act_open = QAction(self.tr("&Ouvrir le dossier"), self)
        self.act_open.setShortcuts([QKeySequence("Enter"), QKeySequence("Return")])
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
            self.tr("&Date de référence…"), self.choose_reference_date, ("Ctrl+Shift+D",)
        )
        self.act_dashboard = self._action(
            self.tr("&Tableau de bord"),
            self.open_dashboard,
            ("Ctrl+D",),
            self.tr("Les chiffres de la campagne à la date de référence"),
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
        self.act_clerk = self._action(
            self.tr("&Votre nom sur les fiches…"),
            self.choose_clerk_name,
            tip=self.tr("Le nom imprimé après « Édité le … par » sur les fiches de situation"),
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
        file_menu.addAction(self.act_connect)
        file_menu.addAction(self.act_open_file)
        file_menu.addSeparator()
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
        view_menu.addAction(self.act_dashboard)
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
        tools_menu.addAction(self.act_clerk)
        tools_menu.addSeparator()
        tools_menu.addAction(self.act_backups)
        tools_menu.addAction(self.act_purge)
        help_menu = bar.addMenu(self.tr("&Aide"))
        help_menu.addAction(self.act_keys)
        help_menu.addAction(self.act_about)

    def _set_enabled(self, enabled: bool) -> None:
        """Before a database is attached, only quitting and help make sense."""
        keep = {self.act_quit, self.act_keys, self.act_about, self.act_connect, self.act_open_file}
        for action in self.actions():
            if action not in keep:
                action.setEnabled(enabled)
        self.act_open.setEnabled(enabled)
        self.search.setEnabled(enabled)
        self.dashboard_button.setEnabled(enabled)

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
        from monmaster_desktop.ui.live import start_live

        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
        self.services = services
        self.database_name = database_name
        self._update_title()
        self.database_label.setText(self.tr("Base : %1").replace("%1", database_name))
        self.live = start_live(self)
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

        path, as_of = self.services.db.target, self.services.as_of_override
        self.services.db.close()
        try:
            services = Services(Database(path), as_of_override=as_of)
        except DatabaseError as exc:
            self._set_enabled(False)
            QMessageBox.critical(self, self.tr("Base de données"), exc.message)
            return
        self.attach(services, services.db.label)

    def _update_title(self) -> None:
        """« démonstration — Mon Master Desk », « monmaster.sqlite — Mon Master Desk ».

        The name of the program ends the title once: Qt adds the application's display name
        after a title that does not already end with it.
        """
        name = self.tr("Mon Master Desk")
        if self.demo:
            self.setWindowTitle(self.tr("Démonstration") + f" — {name}")
        elif self.database_name:
            self.setWindowTitle(f"{self.database_name} — {name}")
        else:
            self.setWindowTitle(name)

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
            self._unless_unreachable(query, []),
            self._unless_unreachable(lambda ids: services.worklists.rows(ids, as_of=as_of), []),
        )
        if not self.table.select_candidate(current) and self.table.candidates.rowCount():
            self.table.selectRow(0)
        self._update_list_title()
        self.refreshed.emit()

    def _unless_unreachable(self, read: Callable[..., Any], fallback: Any) -> Callable[..., Any]:
        """``read`` for the table model; when the base cannot be reached (a server that just
        went away) it gives ``fallback`` and says so, instead of an error in the middle of a
        paint. The list is read again when the server is back."""
        services = self.services

        def guarded(*args: Any) -> Any:
            try:
                return read(*args)
            except Exception as exc:
                if services is None or not services.db.is_disconnect(exc):
                    raise
                self.statusBar().showMessage(
                    self.tr("Serveur injoignable : la liste sera relue à son retour."), 10000
                )
                return fallback

        return guarded

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
        if self.live is not None:
            self.live.watch(dialog)
        return dialog

    def open_dashboard(self) -> QWidget | None:
        """The campaign's dashboard (ui/dashboard.py): one window, brought forward if open."""
        if self.services is None:
            return None
        if self.dashboard is None or self._dashboard_services is not self.services:
            dashboard_class = self._dialog_class(
                "monmaster_desktop.ui.dashboard", "DashboardWindow"
            )
            if dashboard_class is None:
                return None
            if self.dashboard is not None:
                self.dashboard.close()
                self.dashboard.deleteLater()
            self.dashboard = dashboard_class(
                self.services, self, open_candidate=self.open_candidate
            )
            self._dashboard_services = self.services
            # After a save, an import or another reference date the figures follow.
            self.counted.connect(self.dashboard.refresh_if_shown)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        self.dashboard.refresh()
        return self.dashboard

    def _forget_file(self, dialog: QDialog) -> None:
        if dialog in self._open_files:
            self._open_files.remove(dialog)

    def _file_saved(self, candidate_id: int) -> None:
        self.refresh()
        self.table.select_candidate(candidate_id)

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
        if self.live is not None:
            self.live.stop()
        if self.services is not None:
            try:
                self.services.backups.automatic_backup()
            except Exception as exc:  # noqa: BLE001 - closing must never fail on a backup
                self.statusBar().showMessage(error_text(exc))
        super().closeEvent(event)
