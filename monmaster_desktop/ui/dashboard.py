"""« Tableau de bord »: the campaign's figures on the reference date, for the head of the office.

Headline figures, registrations over time, figures by mention (chart and sortable table),
applications by status and reasons of ineligibility; a click on any of them lists the
candidates behind it. Figures are computed off the GUI thread (controllers/stats.py); the
window stays usable meanwhile and shows the last figures until the new ones arrive.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.stats import (
    HEADLINE,
    HOME,
    MENTION,
    CampaignStats,
    Selection,
    StatsController,
)
from monmaster_desktop.printing import dashboard as sheet
from monmaster_desktop.printing.dashboard_tables import write_tables
from monmaster_desktop.ui.dashboard_charts import BarChart, FigureButton, PaintedChart
from monmaster_desktop.ui.dashboard_lists import (
    MENTION_COLUMNS,
    CandidateListDialog,
    MentionModel,
    fr_date,
)
from monmaster_desktop.ui.preferences import Preferences
from monmaster_desktop.ui.services import Services
from monmaster_desktop.ui.tasks import IsCancelled, Progress, run_task


class DashboardWindow(QWidget):
    """The dashboard window (one per main window, brought forward by Ctrl+D)."""

    #: Emitted when figures are shown (tests and the status line wait for it).
    computed = Signal()

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        open_candidate: Callable[[int], object] | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.controller = StatsController(services.db)
        self.open_candidate = open_candidate
        self.stats: CampaignStats | None = None
        self.elapsed = 0.0
        self._request = 0
        self._lists: dict[tuple, CandidateListDialog] = {}
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Tableau de bord — Mon Master Desk"))
        self.setAccessibleName(self.tr("Tableau de bord"))
        self.resize(1280, 720)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        outer.addLayout(self._build_bar())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Chiffres et graphiques"))
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 6, 0)
        self._build_figures()
        self._build_charts()
        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        outer.addWidget(self.status)
        self._shortcuts()

    # -- layout ------------------------------------------------------------------------------

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        title = QLabel(self.tr("Tableau de bord"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.4)
        title.setFont(font)
        bar.addWidget(title)
        bar.addSpacing(16)
        self.campaign = QComboBox()
        self.campaign.setObjectName("dashboard_campaign")
        self.campaign.setAccessibleName(self.tr("Campagne"))
        self.campaign.setToolTip(self.tr("Campagne affichée"))
        self.campaign.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.campaign.setMinimumContentsLength(14)
        self.campaign.activated.connect(lambda _i: self.refresh())
        label = QLabel(self.tr("&Campagne :"))
        label.setBuddy(self.campaign)
        bar.addWidget(label)
        bar.addWidget(self.campaign)
        bar.addSpacing(16)
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("dashboard_as_of")
        bar.addWidget(self.as_of_label)
        bar.addStretch(1)
        self.refresh_button = QPushButton(self.tr("A&ctualiser"))
        self.print_button = QPushButton(self.tr("&Imprimer…"))
        self.pdf_button = QPushButton(self.tr("&PDF…"))
        self.export_button = QPushButton(self.tr("&Exporter les tableaux…"))
        self.export_button.setToolTip(self.tr("Tous les tableaux dans un fichier CSV ou XLSX"))
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.print_dashboard)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.export_button.clicked.connect(self.export_tables)
        for button in (self.refresh_button, self.print_button, self.pdf_button, self.export_button):
            bar.addWidget(button)
        return bar

    def _build_figures(self) -> None:
        grid = QGridLayout()
        grid.setSpacing(6)
        self.figures: dict[Selection, FigureButton] = {}
        for column, selection in enumerate(HEADLINE):
            button = FigureButton(sheet.figure_label(selection), sheet.figure_help(selection))
            button.setObjectName(f"figure_{selection.kind}_{selection.code}")
            button.clicked.connect(lambda _c=False, s=selection: self.open_list(s))
            self.figures[selection] = button
            grid.addWidget(button, 0, column)
        self.body.addLayout(grid)

    def _group(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def _build_charts(self) -> None:
        grid = QGridLayout()
        grid.setSpacing(8)
        self.timeline = PaintedChart(self.tr("Inscriptions dans le temps"))
        self.timeline.setObjectName("timeline")
        self.timeline.setMinimumHeight(270)
        self.timeline.activated.connect(lambda: self.open_list(Selection(HOME, "registered")))
        self.mention_chart = BarChart(self.tr("Par mention"), label_share=0.40)
        self.mention_chart.setObjectName("mention_chart")
        self.mention_chart.activated.connect(self.open_list)
        self.mention_table = QTableView()
        self.mention_table.setObjectName("mention_table")
        self.mention_table.setAccessibleName(self.tr("Tableau par mention"))
        self.mentions = MentionModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.mentions)
        proxy.setSortRole(MentionModel.SORT_ROLE)
        self.mention_proxy = proxy
        self.mention_table.setModel(proxy)
        self.mention_table.setSortingEnabled(True)
        self.mention_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.mention_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mention_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mention_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mention_table.setAlternatingRowColors(True)
        self.mention_table.verticalHeader().hide()
        self.mention_table.setTabKeyNavigation(False)
        self.mention_table.setWordWrap(False)
        self.mention_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.mention_table.horizontalHeader()
        header.setAccessibleName(self.tr("Colonnes du tableau par mention"))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(MENTION_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.mention_table.clicked.connect(self._mention_clicked)
        self.mention_table.activated.connect(self._mention_clicked)
        self.mention_table.setMinimumHeight(260)
        self.status_chart = BarChart(self.tr("Candidatures par statut"), label_share=0.45)
        self.status_chart.setObjectName("status_chart")
        self.status_chart.activated.connect(self.open_list)
        self.reason_chart = BarChart(self.tr("Motifs de non-éligibilité"), label_share=0.45)
        self.reason_chart.setObjectName("reason_chart")
        self.reason_chart.activated.connect(self.open_list)

        grid.addWidget(self._group(self.tr("Inscriptions dans le temps"), self.timeline), 0, 0)
        grid.addWidget(
            self._group(
                self.tr("Candidatures par statut (au jour de la situation)"), self.status_chart
            ),
            0,
            1,
        )
        grid.addWidget(
            self._group(self.tr("Par mention : inscrits, en retard, acceptés"), self.mention_chart),
            1,
            0,
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._group(self.tr("Tableau par mention"), self.mention_table), 1)
        right_layout.addWidget(
            self._group(self.tr("Motifs de non-éligibilité (candidats)"), self.reason_chart)
        )
        grid.addWidget(right, 1, 1)
        grid.setColumnStretch(0, 11)
        grid.setColumnStretch(1, 9)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        self.body.addLayout(grid, 1)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.Refresh, self.refresh),
            (QKeySequence.StandardKey.Print, self.print_dashboard),
            (QKeySequence("Ctrl+E"), self.export_tables),
            (QKeySequence.StandardKey.Close, self.close),
            (QKeySequence("Esc"), self.close),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    # -- figures -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the figures of the chosen campaign on the reference date, off the GUI thread."""
        as_of = self.services.as_of
        campaign = self.campaign.currentData()
        self._request += 1
        request = self._request
        started = time.perf_counter()
        self.status.setText(self.tr("Calcul des chiffres au %1…").replace("%1", fr_date(as_of)))
        self.refresh_button.setEnabled(False)
        controller = self.controller

        def work(_progress: Progress, _is_cancelled: IsCancelled) -> CampaignStats:
            try:
                return controller.compute(as_of, campaign)
            except LookupError:  # the campaign left the base meanwhile: the latest one
                return controller.compute(as_of)

        def done(stats: CampaignStats) -> None:
            if request == self._request:
                self.elapsed = time.perf_counter() - started
                self.show_stats(stats)

        def failed(exc: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.status.setText(
                self.tr("Calcul impossible : %1").replace("%1", getattr(exc, "message", str(exc)))
            )

        run_task(self, work, on_done=done, on_error=failed)

    def refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def show_stats(self, stats: CampaignStats) -> None:
        self.stats = stats
        self.refresh_button.setEnabled(True)
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for year in stats.campaigns:
            self.campaign.addItem(self.tr("Campagne %1").replace("%1", str(year)), year)
        if stats.campaign is not None:
            self.campaign.setCurrentIndex(self.campaign.findData(stats.campaign))
        self.campaign.blockSignals(False)
        if self.services.as_of_override is None:
            when = self.tr("Situation au %1 (aujourd'hui)")
        else:
            when = self.tr("Situation au %1 (date de référence fixée)")
        self.as_of_label.setText(when.replace("%1", fr_date(stats.as_of)))
        for selection, button in self.figures.items():
            button.set_value(sheet.number(stats.figure(selection)))
        self.timeline.set_painter(
            lambda painter, rect: sheet.paint_timeline_of(painter, rect, stats),
            self._timeline_text(stats),
        )
        self.mention_chart.set_rows(sheet.mention_rows(stats), sheet.legend_mentions())
        self.mention_chart.setMinimumHeight(self.mention_chart.sizeHint().height())
        self.mentions.set_entries(list(stats.by_mention))
        self.status_chart.set_rows(sheet.status_rows(stats))
        self.status_chart.setMinimumHeight(self.status_chart.sizeHint().height())
        self.reason_chart.set_rows(sheet.reason_rows(stats))
        self.reason_chart.setMinimumHeight(self.reason_chart.sizeHint().height())
        self.status.setText(
            self.tr(
                "Chiffres calculés en %1 s · un clic sur un chiffre, une barre ou une ligne "
                "liste les candidats"
            ).replace("%1", f"{self.elapsed:.2f}".replace(".", ","))
        )
        self.computed.emit()

    def _timeline_text(self, stats: CampaignStats) -> str:
        text = self.tr("%1 acceptés définitivement ici, %2 inscrits au %3.")
        text = text.replace("%1", sheet.number(stats.home["accepted_definitively"]))
        text = text.replace("%2", sheet.number(stats.home["registered"]))
        text = text.replace("%3", fr_date(stats.as_of))
        if stats.deadlines:
            dates = ", ".join(fr_date(d) for d in stats.deadlines)
            text += " " + self.tr("Dates limites : %1.").replace("%1", dates)
        return text

    def _mention_clicked(self, index: QModelIndex) -> None:
        source = self.mention_proxy.mapToSource(index)
        selection = self.mentions.selection_at(source.row(), source.column())
        if selection is not None:
            self.open_list(selection)

    # -- lists -------------------------------------------------------------------------------

    def list_title(self, selection: Selection) -> str:
        if selection.kind == MENTION and self.stats is not None:
            names = {m.key: m.mention for m in self.stats.by_mention}
            selection = Selection(selection.kind, selection.code, names.get(selection.mention, ""))
        return sheet.figure_label(selection)

    def open_list(self, selection: object) -> None:
        """List the candidates behind a figure (ids computed off the GUI thread)."""
        stats = self.stats
        if stats is None or not isinstance(selection, Selection):
            return
        key = (selection, stats.as_of, stats.campaign)
        existing = self._lists.get(key)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        controller = self.controller
        title = self.list_title(selection)

        def work(_progress: Progress, _is_cancelled: IsCancelled) -> list[int]:
            return controller.candidate_ids(stats, selection)

        def show(ids: list[int]) -> None:
            dialog = CandidateListDialog(
                self.services, title, ids, stats.as_of, stats.campaign, self.open_candidate, self
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda _obj=None, k=key: self._lists.pop(k, None))
            self._lists[key] = dialog
            dialog.show()

        run_task(
            self,
            work,
            on_done=show,
            on_error=lambda exc: self.status.setText(
                self.tr("Liste impossible : %1").replace("%1", str(exc))
            ),
        )

    # -- out ---------------------------------------------------------------------------------

    def heading(self) -> sheet.PageHeading:
        try:
            from monmaster_desktop.office import current_office  # the office's own contact

            office = current_office()
            name, details = (
                office.name,
                " · ".join(part for part in (office.address, office.phone, office.email) if part),
            )
        except (ImportError, AttributeError):
            name = self.tr("Service de scolarité")
            details = self.stats.institution if self.stats else ""
        return sheet.PageHeading(name, details, date.today())

    def _ready(self) -> CampaignStats | None:
        if self.stats is None or self.stats.campaign is None:
            QMessageBox.information(
                self, self.tr("Tableau de bord"), self.tr("Aucun chiffre à sortir pour l'instant.")
            )
            return None
        return self.stats

    def print_dashboard(self) -> None:
        stats = self._ready()
        if stats is None:
            return
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(sheet.page_layout())
        printer.setDocName(self.tr("Tableau de bord"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Impression"), self.tr("Imprimante indisponible."))
            return
        try:
            sheet.paint_pages(painter, printer, stats, self.heading())
        finally:
            painter.end()

    def _save_path(self, title: str, suggested: str, filters: str) -> Path | None:
        preferences = Preferences()  # Documents first, then the last folder used
        path, _ = QFileDialog.getSaveFileName(self, title, preferences.suggest(suggested), filters)
        preferences.remember_folder(path)
        return Path(path) if path else None

    def export_pdf(self) -> None:
        stats = self._ready()
        if stats is None:
            return
        path = self._save_path(
            self.tr("Tableau de bord en PDF"),
            f"tableau-de-bord-{stats.campaign}-{stats.as_of.isoformat()}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            pages = sheet.render_pdf(stats, path, self.heading())
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("PDF"), self.tr("PDF non écrit : %1").replace("%1", str(exc))
            )
            return
        self.status.setText(
            self.tr("PDF écrit : %1 (%2 page(s))")
            .replace("%1", str(path))
            .replace("%2", str(pages))
        )

    def export_tables(self) -> None:
        stats = self._ready()
        if stats is None:
            return
        path = self._save_path(
            self.tr("Exporter les tableaux"),
            f"tableau-de-bord-{stats.campaign}-{stats.as_of.isoformat()}.xlsx",
            self.tr("Classeur Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        try:
            rows = write_tables(stats, path)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Export"), self.tr("Fichier non écrit : %1").replace("%1", str(exc))
            )
            return
        self.status.setText(
            self.tr("%1 ligne(s) exportée(s) dans %2")
            .replace("%1", str(rows))
            .replace("%2", str(path))
        )
