"""Import window: choose the files, preview their columns, check every row, then import all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.imports import (
    FilePreview,
    ImportCancelled,
    ImportController,
    ImportProblem,
    ImportResult,
    write_report,
)
from monmaster_desktop.ui.tasks import IsCancelled, Progress, run_task

if TYPE_CHECKING:
    from monmaster_desktop.ui.services import Services

KINDS = ("candidates", "applications")
RED = QColor("#b00020")
#: Words in a file name that say it holds applications rather than candidates (drag and drop).
APPLICATION_WORDS = ("candidature", "application", "voeu", "vœu")

Index = QModelIndex | QPersistentModelIndex


class ProblemsModel(QAbstractTableModel):
    """Every refused row of a check (file, line, column, message); cheap for any number of rows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.problems: list[ImportProblem] = []
        self.headers = [
            self.tr("Fichier"),
            self.tr("Ligne"),
            self.tr("Colonne"),
            self.tr("Message"),
        ]

    def set_problems(self, problems: list[ImportProblem]) -> None:
        self.beginResetModel()
        self.problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (problem.file, problem.line, problem.column, problem.message)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class FilePreviewPane(QWidget):
    """One file's shape: encoding, separator, column mapping (gaps in red) and first rows."""

    def __init__(self, preview: FilePreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.shape = QLabel(self._shape_text())
        self.shape.setWordWrap(True)
        self.warning = QLabel(self._warning_text())
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {RED.name()}; font-weight: bold;")
        self.warning.setVisible(bool(self.warning.text()))

        self.mapping = QTableWidget(len(preview.columns), 2)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Colonne attendue"), self.tr("En-tête du fichier")]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.setAlternatingRowColors(True)
        for row, column in enumerate(preview.columns):
            title = column.title_fr + (" *" if column.required else "")
            expected = QTableWidgetItem(title)
            expected.setToolTip(column.name)
            if column.header is None:
                found = QTableWidgetItem(
                    self.tr("absente (obligatoire)") if column.required else self.tr("absente")
                )
                if column.required:
                    found.setForeground(QBrush(RED))
                    expected.setForeground(QBrush(RED))
                else:
                    found.setForeground(QBrush(QColor("#777777")))
            else:
                found = QTableWidgetItem(column.header)
            self.mapping.setItem(row, 0, expected)
            self.mapping.setItem(row, 1, found)
        for header in preview.unknown_columns:
            row = self.mapping.rowCount()
            self.mapping.insertRow(row)
            unknown = QTableWidgetItem(self.tr("inconnue, ignorée"))
            unknown.setForeground(QBrush(RED))
            found = QTableWidgetItem(header)
            found.setForeground(QBrush(RED))
            self.mapping.setItem(row, 0, unknown)
            self.mapping.setItem(row, 1, found)
        self.mapping.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping.horizontalHeader().setStretchLastSection(True)

        mapped = [c.header for c in preview.columns if c.header is not None]
        self.rows = QTableWidget(len(preview.first_rows), len(mapped))
        self.rows.setHorizontalHeaderLabels(mapped)
        self.rows.setVerticalHeaderLabels([str(line) for line, _ in preview.first_rows])
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (_line, values) in enumerate(preview.first_rows):
            for column, value in enumerate(values):
                self.rows.setItem(row, column, QTableWidgetItem(value))
        self.rows.resizeColumnsToContents()
        row_height = self.fontMetrics().height() + 8
        for table in (self.mapping, self.rows):
            table.verticalHeader().setDefaultSectionSize(row_height)

        mapping_box = QWidget()
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_label = QLabel(self.tr("Corre&spondance des colonnes (* obligatoire) :"))
        mapping_label.setBuddy(self.mapping)
        mapping_layout.addWidget(mapping_label)
        mapping_layout.addWidget(self.mapping)
        rows_box = QWidget()
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_label = QLabel(
            self.tr("Premières li&gnes (%1 sur %2) :")
            .replace("%1", str(len(preview.first_rows)))
            .replace("%2", str(preview.row_count))
        )
        rows_label.setBuddy(self.rows)
        rows_layout.addWidget(rows_label)
        rows_layout.addWidget(self.rows)
        splitter = QSplitter()
        splitter.addWidget(mapping_box)
        splitter.addWidget(rows_box)
        splitter.setSizes([360, 640])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.shape)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)

    def encoding_text(self) -> str:
        names = {
            "utf-8-sig": self.tr("UTF-8 avec BOM"),
            "utf-8": self.tr("UTF-8"),
            "cp1252": self.tr("Windows-1252 (Europe occidentale)"),
        }
        return names.get(self.preview.encoding or "", self.preview.encoding or "")

    def separator_text(self) -> str:
        names = {";": self.tr("point-virgule (;)"), ",": self.tr("virgule (,)")}
        return names.get(self.preview.delimiter or "", self.preview.delimiter or "")

    def _shape_text(self) -> str:
        p = self.preview
        if p.format == "xlsx":
            shape = self.tr("Classeur Excel (.xlsx), première feuille")
        else:
            shape = (
                self.tr("Fichier CSV — encodage : %1 — séparateur : %2")
                .replace("%1", self.encoding_text())
                .replace("%2", self.separator_text())
            )
        return shape + self.tr(" — %1 ligne(s) de données").replace("%1", str(p.row_count))

    def _warning_text(self) -> str:
        parts = []
        if self.preview.missing_required:
            parts.append(
                self.tr("Colonnes obligatoires absentes : %1.").replace(
                    "%1", ", ".join(self.preview.missing_required)
                )
            )
        if self.preview.unknown_columns:
            parts.append(
                self.tr("Colonnes inconnues, ignorées : %1.").replace(
                    "%1", ", ".join(self.preview.unknown_columns)
                )
            )
        return " ".join(parts)


class ImportDialog(QDialog):
    """Import candidates and/or applications (CSV or XLSX) with a preview, a check and a report.

    Reading, checking and importing run off the GUI thread; the import writes everything or
    nothing. ``imported`` is emitted once an import has been committed.
    """

    imported = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.controller = ImportController(services.db)
        self.paths: dict[str, Path | None] = dict.fromkeys(KINDS)
        self.previews: dict[str, FilePreview | None] = dict.fromkeys(KINDS)
        self.result: ImportResult | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Importer des candidats et des candidatures"))
        self.setAcceptDrops(True)
        self.resize(1100, 760)

        files = QGridLayout()
        self.path_edits: dict[str, QLineEdit] = {}
        labels = {
            "candidates": self.tr("Fichier des &candidats :"),
            "applications": self.tr("Fichier des c&andidatures :"),
        }
        browse_texts = {
            "candidates": self.tr("&Parcourir…"),
            "applications": self.tr("Parc&ourir…"),
        }
        for row, kind in enumerate(KINDS):
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("Aucun fichier (CSV ou Excel .xlsx) — glissez-le ici"))
            edit.editingFinished.connect(lambda kind=kind: self._path_typed(kind))
            label = QLabel(labels[kind])
            label.setBuddy(edit)
            browse = QPushButton(browse_texts[kind])
            browse.setAutoDefault(False)
            browse.clicked.connect(lambda _checked=False, kind=kind: self.browse(kind))
            files.addWidget(label, row, 0)
            files.addWidget(edit, row, 1)
            files.addWidget(browse, row, 2)
            self.path_edits[kind] = edit

        self.tabs = QTabWidget()
        self.placeholder = QLabel(
            self.tr(
                "Choisissez le fichier des candidats, celui des candidatures, ou les deux : "
                "leur encodage, leur séparateur et leurs colonnes s'afficheront ici."
            )
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.placeholder, self.tr("Aperçu"))

        self.report_model = ProblemsModel(self)
        self.report = QTableView()
        self.report.setModel(self.report_model)
        self.report.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report.setAlternatingRowColors(True)
        self.report.verticalHeader().hide()
        header = self.report.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.report.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.report_label = QLabel(self.tr("Rapport de vérificatio&n :"))
        self.report_label.setBuddy(self.report)
        report_box = QWidget()
        report_layout = QVBoxLayout(report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.report_label)
        report_layout.addWidget(self.report)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(report_box)
        splitter.setSizes([430, 220])
        splitter.setChildrenCollapsible(False)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.check_button = QPushButton(self.tr("&Vérifier"))
        self.check_button.setToolTip(self.tr("Contrôler toutes les lignes sans rien enregistrer"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("&Importer"))
        self.import_button.setToolTip(self.tr("Tout enregistrer, ou rien si une ligne est refusée"))
        self.import_button.clicked.connect(self.commit)
        self.save_button = QPushButton(self.tr("Enregistrer le &rapport…"))
        self.save_button.clicked.connect(self.save_report)
        self.close_button = QPushButton(self.tr("&Fermer"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.check_button, self.import_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(files)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- choosing files ---------------------------------------------------------------------

    def browse(self, kind: str) -> None:
        title = (
            self.tr("Fichier des candidats")
            if kind == "candidates"
            else self.tr("Fichier des candidatures")
        )
        current = self.paths[kind]
        path, _filter = QFileDialog.getOpenFileName(
            self,
            title,
            str(current.parent if current else Path.home()),
            self.tr("Fichiers CSV ou Excel (*.csv *.xlsx);;Tous les fichiers (*)"),
        )
        if path:
            self.set_file(kind, Path(path))

    def _path_typed(self, kind: str) -> None:
        text = self.path_edits[kind].text().strip()
        path = Path(text) if text else None
        if path != self.paths[kind]:
            self.set_file(kind, path)

    def set_file(self, kind: str, path: Path | None) -> None:
        """Use ``path`` as the ``kind`` file (None: none) and read its preview in the background."""
        self.paths[kind] = path
        self.previews[kind] = None
        self.path_edits[kind].setText(str(path) if path else "")
        self._forget_result()
        if path is None:
            self._show_previews()
            return
        self.summary.setText(self.tr("Lecture de « %1 »…").replace("%1", path.name))
        self.busy = True
        self._update_buttons()

        def work(_progress: Progress, _is_cancelled: IsCancelled) -> FilePreview:
            return ImportController.preview(path, kind)

        def done(preview: FilePreview) -> None:
            self.busy = False
            if self.paths[kind] == path:
                self.previews[kind] = preview
                self.summary.clear()
            self._show_previews()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.summary.setText(_message(exc))
            self._show_previews()

        run_task(self, work, on_done=done, on_error=failed)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        for path in files[:2]:
            self.set_file(self._kind_for_drop(path, len(files)), path)
        event.acceptProposedAction()

    def _kind_for_drop(self, path: Path, count: int) -> str:
        """Applications if the name says so; else candidates, unless that slot is already taken."""
        name = path.name.lower()
        if any(word in name for word in APPLICATION_WORDS):
            return "applications"
        if count == 1 and self.paths["candidates"] is not None:
            return "applications"
        return "candidates"

    def _show_previews(self) -> None:
        self.tabs.clear()
        titles = {"candidates": self.tr("Candidats"), "applications": self.tr("Candidatures")}
        shown = False
        for kind in KINDS:
            preview = self.previews[kind]
            if preview is None:
                continue
            pane = FilePreviewPane(preview)
            index = self.tabs.addTab(pane, f"{titles[kind]} — {preview.file_name}")
            if preview.missing_required or preview.unknown_columns:
                self.tabs.tabBar().setTabTextColor(index, RED)
            shown = True
        if not shown:
            self.tabs.addTab(self.placeholder, self.tr("Aperçu"))
        self._update_buttons()

    # -- check and import -------------------------------------------------------------------

    def _files(self) -> tuple[Path | None, Path | None]:
        return self.paths["candidates"], self.paths["applications"]

    def _forget_result(self) -> None:
        self.result = None
        self.report_model.set_problems([])
        self.report_label.setText(self.tr("Rapport de vérificatio&n :"))

    def _update_buttons(self) -> None:
        ready = not self.busy and any(self.previews[kind] is not None for kind in KINDS)
        blocked = any(
            preview is not None and preview.missing_required for preview in self.previews.values()
        )
        self.check_button.setEnabled(ready and not blocked)
        self.import_button.setEnabled(ready and not blocked)
        self.save_button.setEnabled(not self.busy and self.report_model.rowCount() > 0)
        for edit in self.path_edits.values():
            edit.setEnabled(not self.busy)

    def check(self) -> None:
        """Validate the whole import without writing; every refused row goes to the report."""
        self._start(dry_run=True)

    def commit(self) -> None:
        """Import everything in one transaction, or nothing if any row is refused."""
        self._start(dry_run=False)

    def _start(self, *, dry_run: bool) -> None:
        candidates, applications = self._files()
        if candidates is None and applications is None:
            return
        self._forget_result()
        self.busy = True
        self._update_buttons()
        controller = self.controller
        finished: list[ImportResult] = []

        def work(progress: Progress, is_cancelled: IsCancelled) -> ImportResult:
            result = controller.run(
                candidates,
                applications,
                dry_run=dry_run,
                progress=lambda fraction, text: progress(int(fraction * 100), text),
                is_cancelled=is_cancelled,
            )
            finished.append(result)
            return result

        def cancelled() -> None:
            # A cancel that arrives once the transaction is committed comes too late.
            if finished and finished[0].written:
                self._finished(finished[0])
            else:
                self._cancelled()

        label = (
            self.tr("Vérification de toutes les lignes…")
            if dry_run
            else self.tr("Import en cours : tout ou rien…")
        )
        self.summary.setText(label)
        run_task(
            self,
            work,
            on_done=self._finished,
            on_error=self._failed,
            on_cancelled=cancelled,
            label=label,
            maximum=100,
        )

    def _finished(self, result: ImportResult) -> None:
        self.busy = False
        self.result = result
        self.report_model.set_problems(result.problems)
        if result.problems:
            self.report_label.setText(
                self.tr(
                    "Rapport de vérificatio&n : %1 problème(s), rien n'a été enregistré"
                ).replace("%1", str(len(result.problems)))
            )
            self.summary.setText(
                self.tr(
                    "<b>Import refusé</b> : %1 problème(s) ci-dessous (fichier, ligne, colonne). "
                    "Corrigez les fichiers puis recommencez ; rien n'a été enregistré."
                ).replace("%1", str(len(result.problems)))
            )
            self.summary.setStyleSheet(f"color: {RED.name()};")
        else:
            self.summary.setStyleSheet("")
            self.summary.setText(self._summary_text(result))
            if result.written:
                self.imported.emit()
                refresh = getattr(self.parent(), "refresh", None)
                if callable(refresh):
                    refresh()
        self._update_buttons()

    def _summary_text(self, result: ImportResult) -> str:
        head = (
            self.tr("<b>Import terminé.</b>")
            if result.written
            else self.tr(
                "<b>Vérification réussie</b> : aucune ligne refusée ; l'import donnerait :"
            )
        )
        candidates = (
            self.tr("Candidats : %1 créé(s), %2 mis à jour, %3 inchangé(s).")
            .replace("%1", str(result.candidates_created))
            .replace("%2", str(result.candidates_updated))
            .replace("%3", str(result.candidates_unchanged))
        )
        applications = (
            self.tr("Candidatures : %1 créée(s), %2 mise(s) à jour, %3 inchangée(s).")
            .replace("%1", str(result.applications_created))
            .replace("%2", str(result.applications_updated))
            .replace("%3", str(result.applications_unchanged))
        )
        return f"{head}<br>{candidates}<br>{applications}"

    def _cancelled(self) -> None:
        self.busy = False
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Import annulé : rien n'a été enregistré."))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportCancelled):
            self._cancelled()
            return
        self.busy = False
        self.summary.setStyleSheet(f"color: {RED.name()};")
        self.summary.setText(
            self.tr("L'import a échoué, rien n'a été enregistré : %1").replace("%1", _message(exc))
        )
        self._update_buttons()

    # -- report -----------------------------------------------------------------------------

    def save_report(self) -> None:
        """Write every refused row to a CSV file the clerk chooses (opens in Excel)."""
        problems = self.report_model.problems
        if not problems:
            return
        folder = next((p.parent for p in self._files() if p is not None), Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer le rapport"),
            str(folder / self.tr("rapport-import.csv")),
            self.tr("Fichier CSV (*.csv)"),
        )
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            write_report(Path(path), problems)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Enregistrer le rapport"),
                self.tr("Le rapport n'a pas pu être écrit : %1").replace(
                    "%1", exc.strerror or str(exc)
                ),
            )
            return
        self.report_label.setText(
            self.tr("Rapport de vérificatio&n : %1 problème(s), enregistré dans %2")
            .replace("%1", str(len(problems)))
            .replace("%2", path)
        )

    def reject(self) -> None:
        """Esc and « Fermer » wait for the running work: an import is never left half-way."""
        if not self.busy:
            super().reject()


def _message(exc: BaseException) -> str:
    return str(getattr(exc, "message", None) or exc)
