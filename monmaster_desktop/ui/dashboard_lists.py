"""The dashboard's table by mention and the list of candidates behind a figure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from monmaster_desktop.controllers.stats import MENTION, MentionFigures, Selection
from monmaster_desktop.printing import dashboard as sheet
from monmaster_desktop.ui.candidate_table import CandidateTable
from monmaster_desktop.ui.services import Services

Index = QModelIndex | QPersistentModelIndex
MENTION_COLUMNS = ("mention", "accepted_definitively", "registered", "overdue", "share")


def fr_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


class MentionModel(QAbstractTableModel):
    """The figures by mention: name, accepted, registered, overdue, share registered.

    ``SORT_ROLE`` gives raw values so that the proxy sorts numbers as numbers."""

    SORT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[MentionFigures] = []

    def set_entries(self, entries: list[MentionFigures]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(MENTION_COLUMNS)

    def _raw(self, m: MentionFigures, column: int) -> object:
        if column == 0:
            return m.mention
        if column == 4:
            return m.registered / m.accepted_definitively if m.accepted_definitively else 0.0
        return getattr(m, MENTION_COLUMNS[column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        m, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return m.mention
            if column == 4:
                return sheet.percent(m.registered, m.accepted_definitively)
            return sheet.number(self._raw(m, column))
        if role == self.SORT_ROLE:
            raw = self._raw(m, column)
            return raw.casefold() if isinstance(raw, str) else raw
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{m.mention}\n{sheet.mention_note(m)}"
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Mention"),
                self.tr("Acceptés"),
                self.tr("Inscrits"),
                self.tr("En retard"),
                self.tr("% inscrits"),
            )[section]
        return None

    def selection_at(self, row: int, column: int) -> Selection | None:
        if not 0 <= row < len(self.entries):
            return None
        code = {2: "registered", 3: "overdue"}.get(column, "accepted_definitively")
        return Selection(MENTION, code, self.entries[row].key)


class CandidateListDialog(QDialog):
    """The candidates behind one figure, in the desk's table; Entrée opens a file."""

    def __init__(
        self,
        services: Services,
        title: str,
        ids: list[int],
        as_of: date,
        campaign: int | None,
        open_candidate: Callable[[int], object] | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("dashboard_list")
        self.open_candidate = open_candidate
        self.ids = list(ids)
        wanted = set(ids)
        self.setWindowTitle(title)
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        count = sheet.number(len(ids))
        summary = QLabel(
            self.tr("%1 — %2 candidat(s), situation au %3")
            .replace("%1", title)
            .replace("%2", count)
            .replace("%3", fr_date(as_of))
        )
        summary.setObjectName("list_summary")
        layout.addWidget(summary)
        self.table = CandidateTable(self)
        self.table.setAccessibleName(title)
        self.table.horizontalHeader().setAccessibleName(self.tr("Colonnes de la liste"))
        layout.addWidget(self.table)

        def query(sort: str, descending: bool, _limit: int | None = None) -> list[int]:
            from monmaster_desktop.controllers.worklists import SortKey

            ordered = services.worklists.candidate_ids(
                "all", as_of=as_of, sort=SortKey(sort), descending=descending, campaign=campaign
            )
            return [cid for cid in ordered if cid in wanted]

        self.table.candidates.set_source(
            query, lambda page: services.worklists.rows(page, as_of=as_of)
        )
        if self.table.candidates.rowCount():
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("Ouvrir le dossier"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self.open_current)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_current)
        self.table.setFocus()

    def open_current(self) -> None:
        candidate_id = self.table.current_candidate_id()
        if candidate_id is not None and self.open_candidate is not None:
            self.open_candidate(candidate_id)
