"""Import window: choose the files, preview their columns, check every row, then import all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.imports import (
    FilePreview,
    ImportCancelled,
    ImportController,
    ImportResult,
    write_report,
)
from monmaster_desktop.io.columns import FRENCH_HEADERS
from monmaster_desktop.ui.accessibility import complete_names
from monmaster_desktop.ui.import_preview import RED, ChangesPane, FilePreviewPane, ProblemsModel
from monmaster_desktop.ui.tasks import IsCancelled, Progress, run_task

if TYPE_CHECKING:
    from monmaster_desktop.ui.services import Services

KINDS = ("candidates", "applications")
#: How many identity changes the confirmation lists before pointing at the « Changements » tab.
ASKED_CHANGES = 8
#: Words in a file name that say it holds applications rather than candidates (drag and drop).
APPLICATION_WORDS = ("candidature", "application", "voeu", "vœu")


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
        self.panes: dict[str, FilePreviewPane] = {}
        #: The clerk's mapping step, by kind: unknown header -> column (None: left out).
        self.assigned: dict[str, dict[str, str | None]] = {kind: {} for kind in KINDS}
        #: The clerk accepted the identity changes the last check or import listed.
        self.identity_accepted = False
        self.result: ImportResult | None = None
        self.changes: ChangesPane | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Importer des candidats et des candidatures"))
        self.setAcceptDrops(True)
        # 1100 × 760, or less on a small screen (1366 × 768 with a title bar and a taskbar).
        screen = (parent.screen() if parent is not None else None) or self.screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None and room.height() > 0:
            self.resize(min(1100, room.width() - 40), min(760, room.height() - 60))
        else:
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
        self.tabs.setAccessibleName(self.tr("Aperçu des fichiers et rapport"))
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
        splitter.setSizes([480, 150])
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # At most seven lines tall (then it scrolls): the buttons stay on a 768-pixel screen.
        summary_box = QScrollArea()
        summary_box.setAccessibleName(self.tr("Résumé de l'import"))
        self.summary.setAccessibleName(self.tr("Résumé de l'import"))
        summary_box.setWidget(self.summary)
        summary_box.setWidgetResizable(True)
        summary_box.setFrameShape(QFrame.Shape.NoFrame)
        summary_box.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        summary_box.setMaximumHeight(self.fontMetrics().lineSpacing() * 7 + 8)
        summary_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

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
        layout.addWidget(summary_box)
        layout.addLayout(buttons)
        complete_names(self)
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
        self.assigned[kind] = {}
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
        self._show_changes(None)
        self.tabs.clear()
        for pane in self.panes.values():
            pane.deleteLater()
        self.panes.clear()
        titles = {"candidates": self.tr("Candidats"), "applications": self.tr("Candidatures")}
        for kind in KINDS:
            preview = self.previews[kind]
            if preview is None:
                continue
            pane = FilePreviewPane(preview, self.assigned[kind])
            pane.assigned_changed.connect(lambda kind=kind: self._assigned(kind))
            self.panes[kind] = pane
            self.tabs.addTab(pane, f"{titles[kind]} — {preview.file_name}")
        if not self.panes:
            self.tabs.addTab(self.placeholder, self.tr("Aperçu"))
        self._colour_tabs()
        self._update_buttons()

    def _colour_tabs(self) -> None:
        for index in range(self.tabs.count()):
            pane = self.tabs.widget(index)
            if isinstance(pane, FilePreviewPane):
                colour = RED if pane.blocked() else self.palette().windowText().color()
                self.tabs.tabBar().setTabTextColor(index, colour)

    def _assigned(self, kind: str) -> None:
        """The clerk chose what an unknown header holds: a new check is needed."""
        self.assigned[kind] = dict(self.panes[kind].assigned)
        self._forget_result()
        self._colour_tabs()
        self._update_buttons()

    # -- check and import -------------------------------------------------------------------

    def _files(self) -> tuple[Path | None, Path | None]:
        return self.paths["candidates"], self.paths["applications"]

    def _forget_result(self) -> None:
        self.result = None
        self.identity_accepted = False
        self.report_model.set_problems([])
        self.report_label.setText(self.tr("Rapport de vérificatio&n :"))
        self._show_changes(None)

    def _show_changes(self, result: ImportResult | None) -> None:
        """The « Changements » tab: identity changes and closed applications, when any."""
        if self.changes is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.changes))
            self.changes.deleteLater()
            self.changes = None
        if result is None or not (result.identity_changes or result.closed):
            return
        self.changes = ChangesPane(result.identity_changes, result.closed)
        count = len(result.identity_changes) + len(result.closed)
        index = self.tabs.addTab(
            self.changes, self.tr("Changements (%1)").replace("%1", str(count))
        )
        self.tabs.setCurrentIndex(index)

    def _update_buttons(self) -> None:
        ready = not self.busy and any(self.previews[kind] is not None for kind in KINDS)
        blocked = any(pane.blocked() for pane in self.panes.values())
        self.check_button.setEnabled(ready and not blocked)
        self.import_button.setEnabled(ready and not blocked)
        self.save_button.setEnabled(not self.busy and self.report_model.rowCount() > 0)
        for edit in self.path_edits.values():
            edit.setEnabled(not self.busy)

    def check(self) -> None:
        """Validate the whole import without writing; every refused row goes to the report."""
        self._start(dry_run=True)

    def commit(self) -> None:
        """Import everything in one transaction, or nothing if any row is refused.

        Identity changes a check listed are asked about first; an import refused only for
        identity changes lists them and asks, then runs again once they are accepted.
        """
        checked = self.result
        if (
            checked is not None
            and not checked.written
            and checked.identity_changes
            and not self.identity_accepted
        ):
            if not self._accept_identity_changes(checked):
                return
        self._start(dry_run=False)

    def _accept_identity_changes(self, result: ImportResult) -> bool:
        changes = result.identity_changes
        listed = "\n".join(f"• {change.text_fr()}" for change in changes[:ASKED_CHANGES])
        if len(changes) > ASKED_CHANGES:
            listed += "\n" + self.tr(
                "… et %1 autre(s), listés dans l'onglet « Changements »."
            ).replace("%1", str(len(changes) - ASKED_CHANGES))
        answer = QMessageBox.question(
            self,
            self.tr("Changements d'identité"),
            self.tr(
                "Le fichier change l'identité de candidats déjà enregistrés (ancien → nouveau) :"
                "\n\n%1\n\nAccepter ces changements et importer ?"
            ).replace("%1", listed),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        self.identity_accepted = answer == QMessageBox.StandardButton.Yes
        return self.identity_accepted

    def _start(self, *, dry_run: bool) -> None:
        candidates, applications = self._files()
        if candidates is None and applications is None:
            return
        accepted = self.identity_accepted
        self._forget_result()
        # A check lists identity changes rather than refusing them; an import needs the
        # clerk's yes.
        accept_identity = dry_run or accepted
        self.identity_accepted = accepted
        assigned = {kind: dict(choices) for kind, choices in self.assigned.items()}
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
                assigned=assigned,
                accept_identity_changes=accept_identity,
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
        self._show_changes(result)
        if result.refused_only_for_identity() and not self.identity_accepted:
            self._update_buttons()
            if self._accept_identity_changes(result):
                self._start(dry_run=False)
                return
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
        # How each file was read is in its preview tab; the summary says what the import does.
        lines = [head, candidates, applications]
        changed = [
            f"{FRENCH_HEADERS.get(name, name)} ×{count}"
            for name, count in (result.candidate_changes + result.application_changes).most_common()
        ]
        if changed:
            lines.append(self.tr("Champs modifiés : %1.").replace("%1", ", ".join(changed)))
        changes = []
        if result.identity_changes:
            count = str(len(result.identity_changes))
            changes.append(
                self.tr("%1 changement(s) d'identité acceptés").replace("%1", count)
                if result.written
                else self.tr("%1 changement(s) d'identité, à accepter à l'import").replace(
                    "%1", count
                )
            )
        if result.closed:
            changes.append(
                self.tr("%1 candidature(s) close(s) par une acceptation définitive").replace(
                    "%1", str(len(result.closed))
                )
            )
        if changes:
            lines.append(
                self.tr("Changements : %1 (onglet « Changements »).").replace(
                    "%1", " ; ".join(changes)
                )
            )
        return "<br>".join(lines)

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
