"""The worklist pane: the clerk's lists (flags, campaigns), each with a live count."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

#: Worklist codes of the controller (controllers.worklists.Worklist values), in pane order.
WORKLIST_CODES = (
    "all",
    "must_contact_registrar",
    "not_eligible",
    "registration_overdue",
    "deadline_set_by_head",
    "explanation_window_open",
    "interrupted_enrolment",
)
ALL = "all"

Index = QModelIndex | QPersistentModelIndex


def worklist_label(code: str) -> str:
    """The clerk's name of a worklist."""
    return {
        "all": QCoreApplication.translate("Worklists", "Tous les candidats"),
        "must_contact_registrar": QCoreApplication.translate(
            "Worklists", "Doivent contacter la scolarité"
        ),
        "not_eligible": QCoreApplication.translate("Worklists", "Non éligibles"),
        "registration_overdue": QCoreApplication.translate("Worklists", "Inscription en retard"),
        "deadline_set_by_head": QCoreApplication.translate("Worklists", "Date limite à fixer"),
        "explanation_window_open": QCoreApplication.translate(
            "Worklists", "Motifs de refus demandables"
        ),
        "interrupted_enrolment": QCoreApplication.translate("Worklists", "Inscription interrompue"),
    }[code]


def worklist_help(code: str) -> str:
    """One sentence saying who is on a worklist (tooltip)."""
    return {
        "all": QCoreApplication.translate("Worklists", "Tous les candidats de la base."),
        "must_contact_registrar": QCoreApplication.translate(
            "Worklists",
            "Inscription interrompue, date limite à fixer par le chef d'établissement "
            "ou inscription en retard.",
        ),
        "not_eligible": QCoreApplication.translate(
            "Worklists", "Ne relèvent pas de Mon Master : candidature ou pré-inscription."
        ),
        "registration_overdue": QCoreApplication.translate(
            "Worklists", "Date limite d'inscription dépassée à la date de référence, non inscrits."
        ),
        "deadline_set_by_head": QCoreApplication.translate(
            "Worklists",
            "Acceptés en fin de campagne : date limite à fixer par le chef d'établissement.",
        ),
        "explanation_window_open": QCoreApplication.translate(
            "Worklists", "Refusés pouvant encore demander les motifs du refus (un mois)."
        ),
        "interrupted_enrolment": QCoreApplication.translate(
            "Worklists", "Ont interrompu leur inscription : doivent contacter la scolarité."
        ),
    }[code]


@dataclass(frozen=True, slots=True)
class WorklistEntry:
    """One line of the pane: a worklist, the « Par campagne » heading, or one campaign."""

    code: str
    campaign: int | None = None
    heading: bool = False

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.code, self.campaign)


class WorklistModel(QAbstractTableModel):
    """Two columns (name, count); rows are the worklists, then the campaigns under a heading.

    Invariant: ``counts`` is keyed by ``WorklistEntry.key``; a missing count shows blank.
    """

    COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
    ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._entries = [WorklistEntry(code) for code in WORKLIST_CODES]
        self._counts: dict[tuple[str, int | None], int] = {}

    def set_campaigns(self, years: list[int]) -> None:
        self.beginResetModel()
        self._entries = [WorklistEntry(code) for code in WORKLIST_CODES]
        if years:
            self._entries.append(WorklistEntry(ALL, heading=True))
            self._entries += [WorklistEntry(ALL, campaign=year) for year in years]
        self.endResetModel()

    def set_counts(self, counts: dict[tuple[str, int | None], int]) -> None:
        self._counts = dict(counts)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 1),
                self.index(len(self._entries) - 1, 1),
                [Qt.ItemDataRole.DisplayRole],
            )

    def entry(self, row: int) -> WorklistEntry:
        return self._entries[row]

    def row_of(self, code: str, campaign: int | None = None) -> int:
        for row, entry in enumerate(self._entries):
            if not entry.heading and entry.key == (code, campaign):
                return row
        return 0

    def count(self, code: str, campaign: int | None = None) -> int | None:
        return self._counts.get((code, campaign))

    def label(self, entry: WorklistEntry) -> str:
        if entry.heading:
            return self.tr("Par campagne")
        if entry.campaign is not None:
            return self.tr("Campagne %1").replace("%1", str(entry.campaign))
        return worklist_label(entry.code)

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._entries[index.row()].heading:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        count = None if entry.heading else self._counts.get(entry.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.label(entry)
            return QLocale().toString(count) if count is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (entry.heading or entry == WorklistEntry(ALL)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and not entry.heading:
            if entry.campaign is not None:
                return self.tr("Candidats dont la dernière campagne est %1.").replace(
                    "%1", str(entry.campaign)
                )
            return worklist_help(entry.code)
        if role == self.COUNT_ROLE:
            return count
        if role == self.ENTRY_ROLE:
            return entry
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Liste"), self.tr("Nombre"))[section] if 0 <= section < 2 else None
        return None


class WorklistPane(QTreeView):
    """The list of worklists; ``chosen(code, campaign)`` when the clerk moves to another."""

    chosen = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.worklists = WorklistModel(self)
        self.setModel(self.worklists)
        self.setObjectName("worklists")
        self.setAccessibleName(self.tr("Listes de travail"))
        self.setRootIsDecorated(False)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.worklists.modelReset.connect(self._select_first)
        self._select_first()

    def current_entry(self) -> WorklistEntry:
        index = self.currentIndex()
        return self.worklists.entry(index.row() if index.isValid() else 0)

    def set_campaigns(self, years: list[int]) -> None:
        """Rebuild the campaign entries, keeping the clerk's current list."""
        current = self.current_entry()
        self.blockSignals(True)
        try:
            self.worklists.set_campaigns(years)
            self.select(current.code, current.campaign)
        finally:
            self.blockSignals(False)
        if self.current_entry() != current:
            self.chosen.emit(self.current_entry().code, self.current_entry().campaign)

    def select(self, code: str, campaign: int | None = None) -> None:
        self.setCurrentIndex(self.worklists.index(self.worklists.row_of(code, campaign), 0))

    def _select_first(self) -> None:
        if self.worklists.rowCount():
            self.setCurrentIndex(self.worklists.index(0, 0))

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        super().selectionChanged(selected, deselected)
        rows = {index.row() for index in selected.indexes()}
        if rows:
            entry = self.worklists.entry(min(rows))
            self.chosen.emit(entry.code, entry.campaign)
