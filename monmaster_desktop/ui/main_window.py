"""The main window: worklists on the left, the candidate table, search, menus and status bar.

The window is built in two steps: the frame (title, size, menu titles, status bar) paints
first; ``build()`` adds the rest just after. Qt's namespace and the widgets are imported in
``build()`` and where used, not at the top: each Qt class Python first touches costs its enums,
and the first paint should not wait for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

from monmaster_desktop.ui.main_window_files import FilesPart
from monmaster_desktop.ui.main_window_list import SEARCH_DELAY_MS, ListPart, fr_date
from monmaster_desktop.ui.main_window_output import PREVIEW_CONFIRM, OutputPart, error_text
from monmaster_desktop.ui.main_window_tools import ToolsPart
from monmaster_desktop.ui.preferences import Preferences

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
    from PySide6.QtWidgets import QDialog, QWidget

    from monmaster_desktop.ui.live import LiveDesk
    from monmaster_desktop.ui.services import Services

__all__ = ["PREVIEW_CONFIRM", "SEARCH_DELAY_MS", "MainWindow", "error_text", "fr_date"]


class MainWindow(ListPart, FilesPart, OutputPart, ToolsPart, QMainWindow):
    """The clerk's desk. Built without a database; ``attach(services)`` fills it.

    Nothing here reads the database directly: counts, ids and rows come from the
    worklist controller, files from the candidate file dialog, sheets and exports
    from their controllers (imported when first used).

    ``MainWindow(preferences)`` is whole at once; with ``frame_only=True`` (the start of the
    program) only the frame is, and ``build()`` adds the rest once it has painted.
    """

    first_painted = Signal()
    #: Emitted after every reload of the list (ids of its first page loaded, rows shown).
    refreshed = Signal()
    #: Emitted when the whole list is known (right after ``refreshed`` for a short list).
    listed = Signal()
    #: Emitted when the worklist counts and totals are shown (they are counted off-thread).
    counted = Signal()

    def __init__(self, preferences: Preferences, *, demo: bool = False, frame_only: bool = False):
        super().__init__()
        self.preferences = preferences
        self.demo = demo
        self.services: Services | None = None
        #: The live side on a server base (changes from other desks); None on a file.
        self.live: LiveDesk | None = None
        self.database_name = ""
        self.built = False
        self._painted = False
        self._counts_request = 0
        self._open_files: list[QDialog] = []
        #: A candidate file's window kept ready, hidden and empty: (window, services, live).
        self._spare_file: tuple[Any, Any, Any] | None = None
        #: Recent lists by (worklist, campaign, search, sort, order, date): typing then erasing
        #: shows a list already read. Emptied by refresh(), which every write leads to.
        self._lists: dict[tuple, list[int]] = {}
        self._keep_current: int | None = None
        self._last_search_at = 0.0
        self._search_pending = False
        self.dashboard: Any = None
        self._dashboard_services: Services | None = None
        self.setObjectName("main_window")
        from monmaster_desktop.ui.screen import fit_to_screen

        fit_to_screen(self, 1280, 760)
        if geometry := preferences.layout("main_window/geometry"):
            self.restoreGeometry(geometry)
        self._update_title()
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Fichier"))
        self.candidate_menu = bar.addMenu(self.tr("&Candidat"))
        self.view_menu = bar.addMenu(self.tr("&Affichage"))
        self.tools_menu = bar.addMenu(self.tr("&Outils"))
        self.help_menu = bar.addMenu(self.tr("&Aide"))
        self.statusBar().showMessage(self.tr("Ouverture de la base…"))
        if not frame_only:
            self.build()

    def build(self) -> None:
        """Everything but the frame: search, worklists, table, actions, status bar, layout."""
        if self.built:
            return
        self.built = True
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtWidgets import (
            QLabel,
            QLineEdit,
            QPushButton,
            QSplitter,
            QVBoxLayout,
            QWidget,
        )

        from monmaster_desktop.ui.accessibility import complete_names
        from monmaster_desktop.ui.candidate_table import CandidateTable
        from monmaster_desktop.ui.screen import keep_on_screen
        from monmaster_desktop.ui.worklist_pane import WorklistPane

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Rechercher par nom, INE ou n° de candidat (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Recherche"))
        self.search.installEventFilter(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._search_pause)
        self.search.textChanged.connect(lambda _text: self._search_edited())

        self.list_title = QLabel()
        self.list_title.setObjectName("list_title")
        # Plain text in bold: the typed search is shown as typed (« <i> » too), and a
        # keystroke does not lay out rich text.
        self.list_title.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.list_title.font()
        title_font.setBold(True)
        self.list_title.setFont(title_font)
        self.worklists = WorklistPane()
        self.table = CandidateTable()
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.candidates.completed.connect(self._list_completed)
        self.listed.connect(self.prepare_file_window)
        self.worklists.chosen.connect(lambda _code, _campaign: self.reload_list())

        # The dashboard's entry stands above the worklists (Ctrl+D).
        self.dashboard_button = QPushButton(self.tr("Tableau de bord"))
        self.dashboard_button.setObjectName("dashboard_button")
        self.dashboard_button.setToolTip(self.tr("Les chiffres de la campagne (Ctrl+D)"))
        self.dashboard_button.clicked.connect(lambda _checked=False: self.open_dashboard())
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

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._set_enabled(False)
        self._restore_layout()
        keep_on_screen(self)  # a layout saved on a larger screen is brought back inside
        complete_names(self)

    def _build_status_bar(self) -> None:
        """Base, totals and reference date on the right. The base's name and the totals are cut
        first when the window is narrow (whole in their tooltips; the counts are in the pane
        too), so that the server's state, inserted before them, stays readable at 800 pixels."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel

        from monmaster_desktop.ui.widgets import ElidedLabel

        self.database_label = ElidedLabel(keep=self.tr("Base : x…"))
        self.database_label.setObjectName("database_label")
        self.totals = ElidedLabel(keep=self.tr("50 000 cand…"), elide=Qt.TextElideMode.ElideRight)
        self.totals.setObjectName("totals")
        self.reference = QLabel()
        self.reference.setObjectName("reference_date")
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.totals)
        self.statusBar().addPermanentWidget(self.reference)

    # -- actions and menus -----------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = (),
        tip: str = "",
    ) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence

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
        file_menu = self.file_menu
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
        candidate_menu = self.candidate_menu
        for action in (self.act_new, self.act_open, self.act_previous, self.act_next):
            candidate_menu.addAction(action)
        view_menu = self.view_menu
        view_menu.addAction(self.act_dashboard)
        view_menu.addAction(self.act_search)
        view_menu.addAction(self.act_refresh)
        view_menu.addAction(self.act_reference)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Langue"))
        language_menu.addActions(self.languages.actions())
        tools_menu = self.tools_menu
        tools_menu.addAction(self.act_campaigns)
        tools_menu.addAction(self.act_catalogue)
        tools_menu.addAction(self.act_settings)
        tools_menu.addAction(self.act_clerk)
        tools_menu.addSeparator()
        tools_menu.addAction(self.act_backups)
        tools_menu.addAction(self.act_purge)
        help_menu = self.help_menu
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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def attach(self, services: Services, database_name: str) -> None:
        """Show this database: campaigns, counts and the list of the current worklist."""
        from monmaster_desktop.ui.live import start_live

        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
        self.services = services
        self.database_name = database_name
        self._update_title()
        self.database_label.setText(self.tr("Base : %1").replace("%1", database_name))
        self.database_label.setToolTip(str(services.db.target))
        self.live = start_live(self)
        self._set_enabled(True)
        # What a first screen held back (ListPart.show_first_screen): sorting, other bases.
        self.table.horizontalHeader().setSectionsClickable(True)
        self.act_open_file.setEnabled(True)
        self.act_connect.setEnabled(True)
        self.worklists.set_campaigns(services.worklists.campaign_years())
        self.statusBar().clearMessage()
        self.refresh()
        self.prepare_searches()
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
            from PySide6.QtWidgets import QMessageBox

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """In the search field: Enter or Down goes to the table, Escape clears."""
        return self._search_key(watched, event) or super().eventFilter(watched, event)

    def choose_reference_date(self) -> None:
        if self.services is None:
            return
        from PySide6.QtWidgets import QDialog

        from monmaster_desktop.ui.reference_date import ReferenceDateDialog

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

    # -- layout memory ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        prefs = self.preferences  # the geometry: with the frame, before the first paint
        if state := prefs.layout("main_window/state"):
            self.restoreState(state)
        if splitter := prefs.layout("main_window/splitter"):
            self.splitter.restoreState(splitter)
        if header := prefs.layout("main_window/table_header"):
            self.table.horizontalHeader().restoreState(header)
        self.table.restore_sort()

    def save_layout(self) -> None:
        prefs = self.preferences
        if not self.built:  # closed before its body was built: only the frame to remember
            prefs.set_layout("main_window/geometry", self.saveGeometry())
            prefs.sync()
            return
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
