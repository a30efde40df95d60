"""The import window's panes: one file's preview with its column mapping step, the refused
rows, and what the import would change beyond the counts (identity changes, closed
applications)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.controllers.imports import (
    ClosedApplication,
    FilePreview,
    IdentityChange,
    ImportProblem,
)
from monmaster_desktop.io.values import shown

RED = QColor("#b00020")
GREY = QColor("#666666")
#: The mapping step's choices besides the columns: nothing chosen yet, or leave the column out.
UNASSIGNED = "__unassigned__"
LEFT_OUT = "__left_out__"

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
    """One file's shape: encoding, separator, column mapping (gaps in red) and first rows.

    The mapping is also the step where the clerk says what an unknown header is: one of the
    columns the file lacks, or « Ne pas importer » (until then the import is refused: a
    misspelt header must not pass for an absent column, which keeps stored values).
    """

    assigned_changed = Signal()

    def __init__(
        self,
        preview: FilePreview,
        assigned: dict[str, str | None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.preview = preview
        self.assigned: dict[str, str | None] = {
            header: name
            for header, name in (assigned or {}).items()
            if header in preview.unknown_columns
        }
        self.choosers: dict[str, QComboBox] = {}
        self.shape = QLabel(self._shape_text())
        self.shape.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {RED.name()}; font-weight: bold;")

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
                    self.tr("absente (obligatoire)")
                    if column.required
                    else self.tr("absente (valeur gardée)")
                )
                if column.required:
                    found.setForeground(QBrush(RED))
                    expected.setForeground(QBrush(RED))
                else:
                    found.setForeground(QBrush(GREY))
                    found.setToolTip(
                        self.tr(
                            "Une colonne absente du fichier ne change rien : chaque candidat "
                            "déjà enregistré garde sa valeur."
                        )
                    )
            else:
                found = QTableWidgetItem(column.header)
            self.mapping.setItem(row, 0, expected)
            self.mapping.setItem(row, 1, found)
        free = [c for c in preview.columns if c.header is None]
        # Unknown headers first: the clerk must see them without scrolling.
        for row, header in enumerate(preview.unknown_columns):
            self.mapping.insertRow(row)
            chooser = self._chooser(header, free)
            self.mapping.setCellWidget(row, 0, chooser)
            found = QTableWidgetItem(shown(header))
            found.setForeground(QBrush(RED))
            found.setToolTip(self.tr("En-tête inconnu : choisissez à gauche ce qu'il contient."))
            self.mapping.setItem(row, 1, found)
            self.choosers[header] = chooser
        for header in preview.ignored_columns:
            row = self.mapping.rowCount()
            self.mapping.insertRow(row)
            left_out = QTableWidgetItem(self.tr("calculée par le bureau, non importée"))
            left_out.setForeground(QBrush(GREY))
            self.mapping.setItem(row, 0, left_out)
            self.mapping.setItem(row, 1, QTableWidgetItem(header))
        self.mapping.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self._show_warning()

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
        splitter.setSizes([430, 570])
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

    # -- the mapping step --------------------------------------------------------------------

    def _chooser(self, header: str, free: list) -> QComboBox:  # noqa: ANN001
        """What an unknown header holds: a column the file lacks, or left out."""
        chooser = QComboBox()
        chooser.addItem(self.tr("— à attribuer —"), UNASSIGNED)
        suggested = self.preview.suggestions.get(header)
        for column in sorted(free, key=lambda c: c.name != suggested):
            label = column.title_fr
            if column.name == suggested:
                label = self.tr("%1 (proposée)").replace("%1", label)
            chooser.addItem(label, column.name)
        chooser.addItem(self.tr("Ne pas importer cette colonne"), LEFT_OUT)
        choice = self.assigned.get(header, UNASSIGNED) if header in self.assigned else UNASSIGNED
        index = chooser.findData(LEFT_OUT if choice is None else choice)
        chooser.setCurrentIndex(max(index, 0))
        chooser.setAccessibleName(self.tr("Colonne pour l'en-tête %1").replace("%1", header))
        chooser.currentIndexChanged.connect(lambda _i, header=header: self._chosen(header))
        return chooser

    def _chosen(self, header: str) -> None:
        data = self.choosers[header].currentData()
        if data == UNASSIGNED:
            self.assigned.pop(header, None)
        else:
            self.assigned[header] = None if data == LEFT_OUT else data
        self._show_warning()
        self.assigned_changed.emit()

    def unresolved(self) -> list[str]:
        """Unknown headers the clerk has not yet assigned nor left out."""
        return [h for h in self.preview.unknown_columns if h not in self.assigned]

    def missing_required(self) -> list[str]:
        """French titles of the required columns neither in the file nor assigned."""
        given = set(self.assigned.values())
        return [
            c.title_fr
            for c in self.preview.columns
            if c.required and c.header is None and c.name not in given
        ]

    def blocked(self) -> bool:
        return bool(self.missing_required() or self.unresolved() or self.preview.unnamed_columns)

    def _show_warning(self) -> None:
        self.warning.setText(self._warning_text())
        self.warning.setVisible(bool(self.warning.text()))

    def _warning_text(self) -> str:
        parts = []
        missing = self.missing_required()
        if missing:
            parts.append(
                self.tr("Colonnes obligatoires absentes : %1.").replace("%1", ", ".join(missing))
            )
        if self.preview.unnamed_columns:
            parts.append(
                self.tr(
                    "Valeurs sous un en-tête vide (colonne %1) : elles ne seraient pas importées. "
                    "Donnez un en-tête à cette colonne dans le fichier."
                ).replace("%1", ", ".join(map(str, self.preview.unnamed_columns)))
            )
        unresolved = self.unresolved()
        if unresolved:
            parts.append(
                self.tr(
                    "Colonnes inconnues : %1. Attribuez chacune à une colonne, ou choisissez "
                    "« Ne pas importer cette colonne » : sinon l'import est refusé (une colonne "
                    "mal nommée ne doit pas passer pour absente)."
                ).replace("%1", ", ".join(f"« {shown(h)} »" for h in unresolved))
            )
        return " ".join(parts)


class ChangesPane(QWidget):
    """What a check found beyond the counts: identity changes to accept, and the open
    applications a definitive acceptance closes (old → new, one line each)."""

    def __init__(
        self,
        identity: list[IdentityChange],
        closed: list[ClosedApplication],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        labels = {
            "last_name": self.tr("Nom"),
            "first_name": self.tr("Prénom"),
            "birth_date": self.tr("Date de naissance"),
        }
        self.identity = self._table(
            [
                self.tr("Numéro"),
                self.tr("Ligne"),
                self.tr("Champ"),
                self.tr("Enregistré"),
                self.tr("Dans le fichier"),
            ],
            [(c.candidate_number, str(c.line), labels[c.field], c.old, c.new) for c in identity],
        )
        self.closed = self._table(
            [
                self.tr("Numéro"),
                self.tr("Campagne"),
                self.tr("Mention — parcours"),
                self.tr("UAI"),
                self.tr("Statut enregistré"),
                self.tr("Acceptation définitive de"),
            ],
            [
                (
                    c.candidate_number,
                    str(c.campaign),
                    c.course,
                    c.institution_code,
                    c.old_status,
                    c.accepted_mention,
                )
                for c in closed
            ],
        )
        self.identity_label = QLabel(
            self.tr(
                "<b>Changements d'identité (%1)</b> : nom, prénom ou date de naissance d'un "
                "candidat déjà enregistré. L'import vous demandera de les accepter."
            ).replace("%1", str(len(identity)))
        )
        self.closed_label = QLabel(
            self.tr(
                "<b>Candidatures closes (%1)</b> : une acceptation définitive clôt les autres "
                "candidatures en cours de la campagne ; elles seront retirées."
            ).replace("%1", str(len(closed)))
        )
        for label, table, items in (
            (self.identity_label, self.identity, identity),
            (self.closed_label, self.closed, closed),
        ):
            label.setWordWrap(True)
            label.setBuddy(table)
            label.setVisible(bool(items))
            table.setVisible(bool(items))
            layout.addWidget(label)
            layout.addWidget(table, 1)

    def _table(self, headers: list[str], rows: list[tuple[str, ...]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        return table
