"""The candidate table: ids ordered and filtered in SQL, rows fetched a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

if TYPE_CHECKING:
    from monmaster_desktop.controllers.views import CandidateRow

Index = QModelIndex | QPersistentModelIndex
#: The ordered ids of the current list, for a sort key and direction, at most ``limit`` of
#: them (None: all) — more when the whole list is known already (runs the SQL).
IdQuery = Callable[[str, bool, int | None], list[int]]
#: The table rows of some ids, in their order (runs the SQL).
RowFetch = Callable[[Sequence[int]], "list[CandidateRow]"]
#: Runs ``read`` off the GUI thread, then ``done(result)`` back on it.
Later = Callable[[Callable[[], list[int]], Callable[[list[int]], None]], None]

NUMBER, NAME, INE, ELIGIBLE, COUNTED, ACCEPTED, DEADLINE, FLAGS = range(8)
#: Column -> controllers.worklists.SortKey value; the flags column does not sort.
SORT_KEYS = {
    NUMBER: "candidate_number",
    NAME: "name",
    INE: "ine",
    ELIGIBLE: "eligible",
    COUNTED: "counted",
    ACCEPTED: "accepted",
    DEADLINE: "deadline",
}

#: Badge order: what sends the candidate to the registrar first, the window of reasons last.
FLAG_ORDER = (
    "interrupted_enrolment",
    "registration_overdue",
    "deadline_set_by_head",
    "not_eligible",
    "explanation_window_open",
)
#: Badge colours per flag: (text, background), readable in black and white print too.
FLAG_COLOURS = {
    "interrupted_enrolment": ("#7a1f1f", "#f8d7d7"),
    "deadline_set_by_head": ("#7a4a00", "#fde9c4"),
    "registration_overdue": ("#8b0000", "#ffd0cc"),
    "not_eligible": ("#4b3b73", "#e6e0f5"),
    "explanation_window_open": ("#0b4f71", "#d6ecf7"),
}


def flag_labels() -> dict[str, tuple[str, str]]:
    """Each flag's badge texts in the interface's language: (full, short). The short one is
    for a column where the full ones leave no room for the others (the tooltip says it whole).
    """
    tr = QCoreApplication.translate
    return {
        "interrupted_enrolment": (
            tr("Flags", "Interrompu"),
            tr("Flags", "Interr.", "short badge"),
        ),
        "deadline_set_by_head": (
            tr("Flags", "Date à fixer"),
            tr("Flags", "Date", "short badge"),
        ),
        "registration_overdue": (
            tr("Flags", "Retard inscription"),
            tr("Flags", "Retard", "short badge"),
        ),
        "not_eligible": (
            tr("Flags", "Non éligible"),
            tr("Flags", "Inéligible", "short badge"),
        ),
        "explanation_window_open": (
            tr("Flags", "Motifs demandables"),
            tr("Flags", "Motifs", "short badge"),
        ),
    }


def flag_explanation(code: str) -> str:
    """What a flag means for the candidate (tooltip)."""
    return {
        "interrupted_enrolment": QCoreApplication.translate(
            "Flags", "Inscription interrompue : doit contacter le service de scolarité"
        ),
        "deadline_set_by_head": QCoreApplication.translate(
            "Flags", "Date limite d'inscription à fixer par le chef d'établissement"
        ),
        "registration_overdue": QCoreApplication.translate(
            "Flags", "Date limite d'inscription dépassée, non inscrit"
        ),
        "not_eligible": QCoreApplication.translate(
            "Flags", "Non éligible à Mon Master : candidature / pré-inscription"
        ),
        "explanation_window_open": QCoreApplication.translate(
            "Flags", "Refus : délai de demande des motifs en cours"
        ),
    }.get(code, code)


def ordered_flags(flags: Sequence[str]) -> tuple[str, ...]:
    """Flags in badge order (unknown codes last)."""
    return tuple(sorted(flags, key=lambda c: FLAG_ORDER.index(c) if c in FLAG_ORDER else 99))


def counted_text(row: CandidateRow) -> str:
    """Counted applications against the caps: « 7/15 · alt. 2/15 » (initial, then alternance)."""
    return (
        QCoreApplication.translate("CandidateTable", "%1/%2 · alt. %3/%4")
        .replace("%1", str(row.counted_initial))
        .replace("%2", str(row.cap_initial))
        .replace("%3", str(row.counted_alternance))
        .replace("%4", str(row.cap_alternance))
    )


def deadline_texts(day: str) -> tuple[str, str]:
    """The registration column's texts for ``day`` (« 26/02/2024 »): registered on that day,
    and to register before it."""
    return (
        QCoreApplication.translate("CandidateTableModel", "Inscription le %1").replace("%1", day),
        QCoreApplication.translate("CandidateTableModel", "avant le %1").replace("%1", day),
    )


def text_margin(widget: QWidget | None) -> int:
    """Qt's margin left and right of an item view's text (QCommonStyle's viewItemDrawText)."""
    from PySide6.QtWidgets import QApplication, QStyle

    style = widget.style() if widget is not None else QApplication.style()
    return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


def display_texts(row: CandidateRow, labels: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """What each column shows for a row, in column order."""
    if row.registered_on:
        deadline = deadline_texts(row.registered_on.strftime("%d/%m/%Y"))[0]
    elif row.registration_deadline:
        deadline = deadline_texts(row.registration_deadline.strftime("%d/%m/%Y"))[1]
    elif "deadline_set_by_head" in row.flags:
        deadline = QCoreApplication.translate("CandidateTableModel", "à fixer")
    else:
        deadline = ""
    return (
        row.candidate_number,
        f"{row.last_name.upper()} {row.first_name}",
        row.ine or "",
        QCoreApplication.translate("CandidateTableModel", "Oui")
        if row.eligible
        else QCoreApplication.translate("CandidateTableModel", "Non"),
        counted_text(row),
        row.accepted_label or "",
        deadline,
        ", ".join(labels.get(code, (code,))[0] for code in ordered_flags(row.flags)),
    )


@dataclass(frozen=True, slots=True)
class ShownRow:
    """A fetched row as the table shows it: texts per column, badges, tooltips."""

    row: CandidateRow
    texts: tuple[str, ...]
    flags: tuple[str, ...]
    tooltips: dict[int, str]

    @classmethod
    def of(cls, row: CandidateRow, labels: dict[str, tuple[str, str]]) -> ShownRow:
        """``labels``: the flags' texts (``flag_labels()``, taken once for many rows)."""
        texts = display_texts(row, labels)
        flags = ordered_flags(row.flags)
        tooltips = {column: texts[column] for column in (NAME, ACCEPTED) if texts[column]}
        if flags:
            tooltips[FLAGS] = "\n".join(flag_explanation(code) for code in flags)
        return cls(row, texts, flags, tooltips)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_NOT_ELIGIBLE = QColor("#a4161a")


class CandidateTableModel(QAbstractTableModel):
    """One row per candidate id of the current list, in the order SQL gave.

    Invariants: ``rowCount() == len(ids)``; row ``r`` shows ``ids[r]``; rows are read a
    screenful at a time (``fetch_size`` rows, as the view says: a keystroke reads no row it
    does not show), those in view before a paint (``read_rows``), and kept by candidate, at
    most ``MAX_ROWS`` of them (least recently used go first); ``reload()`` re-runs the id
    query and drops every kept row. A read row's texts, tooltips and badges are worked out
    once (``ShownRow``): a repaint asks ``data()`` some 1,500 times and each answer is a
    look-up.

    With a ``later`` runner, ``reload()`` reads only the first page's ids (one short query) and
    the whole list off the GUI thread; the rows then grow to it (``rowsInserted``, then
    ``completed``). Until then ``complete`` is False. An answer for an older reload is dropped.
    """

    #: The first page of a new list: the ids read at once, before the whole list.
    PAGE = 50
    #: Rows read together when one of them is first shown, until the view says how many fit.
    FETCH = 25
    MAX_ROWS = 10_000
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    FLAGS_ROLE = Qt.ItemDataRole.UserRole + 2

    reloaded = Signal()
    #: The whole list is known (after ``reloaded``; at once when the first page was all).
    completed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ids: list[int] = []
        self._positions: dict[int, int] | None = None
        self._looked_up = 0
        #: The rows read, by candidate id (None: read, and no longer in the base).
        self._kept: OrderedDict[int, ShownRow | None] = OrderedDict()
        self._query: IdQuery | None = None
        self._fetch: RowFetch | None = None
        self._later: Later | None = None
        self._generation = 0
        self.fetch_size = self.FETCH
        self.complete = True
        self.sort_column = NAME
        self.sort_order = Qt.SortOrder.AscendingOrder

    # -- the clerk's list ------------------------------------------------------------------

    def set_source(self, query: IdQuery, fetch: RowFetch, later: Later | None = None) -> None:
        """Show another list (worklist, search, reference date) and load its ids (with
        ``later``, those of its first page now and the rest off the GUI thread)."""
        self._query, self._fetch, self._later = query, fetch, later
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        ids: list[int] = []
        complete = True
        query, later = self._query, self._later
        if query is not None:
            sort = SORT_KEYS[self.sort_column]
            descending = self.sort_order == Qt.SortOrder.DescendingOrder
            if later is None:
                ids = query(sort, descending, None)
            else:
                ids = query(sort, descending, self.PAGE)
                complete = len(ids) != self.PAGE  # fewer: that was all; more: known already
        self.beginResetModel()
        self._set_ids(ids)
        self._kept.clear()
        self.complete = complete
        self.endResetModel()
        self.reloaded.emit()
        if complete:
            self.completed.emit()
            return
        generation = self._generation
        assert query is not None and later is not None
        later(
            lambda: query(sort, descending, None),
            lambda whole: self._complete(generation, whole),
        )

    def _complete(self, generation: int, whole: list[int]) -> None:
        """The whole list, read after its first page: the rows grow to it."""
        if generation != self._generation:
            return  # another list was asked for meanwhile
        shown = len(self._ids)
        if whole[:shown] == self._ids:
            if len(whole) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(whole) - 1)
                self._set_ids(whole)
                self.endInsertRows()
        else:  # the base changed between the two reads: the whole list as it is now
            self.beginResetModel()
            self._set_ids(whole)
            self._kept.clear()
            self.endResetModel()
        self.complete = True
        self.completed.emit()

    def _set_ids(self, ids: list[int]) -> None:
        """The list's ids change: rows are looked up afresh (``row_of``)."""
        self._ids = ids
        self._positions, self._looked_up = None, 0

    def ids(self) -> list[int]:
        return list(self._ids)

    def candidate_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, candidate_id: int) -> int | None:
        """The candidate's row. The first looks after the list changed search the list (a
        keystroke keeping the current candidate: at most 1 ms on 50,000); the third builds
        the lookup table (9 ms on 50,000) for those that follow (Alt+↓, a live refresh
        reselecting many rows)."""
        if self._positions is None:
            if self._looked_up < 2:
                self._looked_up += 1
                try:
                    return self._ids.index(candidate_id)
                except ValueError:
                    return None
            self._positions = {cid: row for row, cid in enumerate(self._ids)}
        return self._positions.get(candidate_id)

    def cached_rows(self) -> int:
        return len(self._kept)

    def set_fetch_size(self, rows: int) -> None:
        """Read ``rows`` rows at a time (a screenful); the rows kept stay kept."""
        self.fetch_size = max(rows, 8)

    def row(self, row: int) -> CandidateRow | None:
        """The row's values, reading it when needed (None if deleted meanwhile)."""
        shown = self.shown_row(row)
        return shown.row if shown is not None else None

    def read_rows(self, first: int, last: int) -> None:
        """Rows ``first``..``last`` (a screenful about to be painted), those not read yet in
        one query. A new screen (a keystroke's, scrolled to the kept candidate) is read as it
        stands, not as the pages around it; a screen moved by a few rows reads a screenful on
        in the direction it moved (the next arrow keys read nothing)."""
        ids, kept, size = self._ids, self._kept, self.fetch_size
        first, last = max(first, 0), min(last, len(ids) - 1)
        missing = [row for row in range(first, last + 1) if ids[row] not in kept]
        if not missing:
            return
        low, high = missing[0], missing[-1]
        if (low, high) != (first, last):
            if low == first:  # moved up
                low = max(0, high + 1 - size)
            else:
                high = min(len(ids) - 1, low + size - 1)
        self._read([i for i in ids[low : high + 1] if i not in kept])

    def shown_row(self, row: int) -> ShownRow | None:
        """The row as the table shows it, reading it (and the screenful from it) when
        needed."""
        if not 0 <= row < len(self._ids):
            return None
        candidate_id = self._ids[row]
        kept = self._kept
        try:
            shown = kept[candidate_id]
        except KeyError:
            ids = self._ids[row : row + self.fetch_size]
            self._read([i for i in ids if i not in kept])
            return kept.get(candidate_id)
        kept.move_to_end(candidate_id)
        return shown

    def _read(self, ids: list[int]) -> None:
        """Read and keep these candidates' rows (None for one no longer in the base)."""
        fetched = self._fetch(ids) if self._fetch is not None and ids else []
        kept = self._kept
        labels = flag_labels()
        for row in fetched:
            kept[row.id] = ShownRow.of(row, labels)
        for candidate_id in ids:
            if candidate_id not in kept:
                kept[candidate_id] = None
        while len(kept) > self.MAX_ROWS:
            kept.popitem(last=False)

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    # flags(): Qt's own (enabled, selectable, no children), without a call into Python a cell.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt's own check, in one call a cell instead of two (rowCount and columnCount)."""
        if 0 <= row < len(self._ids) and 0 <= column < 8 and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 8:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("N° candidat"),
                self.tr("Nom"),
                self.tr("INE"),
                self.tr("Éligible"),
                self.tr("Candidatures"),
                self.tr("Formation acceptée"),
                self.tr("Inscription"),
                self.tr("Signalements"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COUNTED:
            return self.tr("Candidatures comptées : formation initiale · alternance")
        if role == Qt.ItemDataRole.ToolTipRole and section == DEADLINE:
            return self.tr(
                "Inscription administrative : sa date une fois faite, sinon la date limite"
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called some 1,500 times a repaint: roles are plain ints, texts are worked out once.
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        number = index.row()
        if role == self.ID_ROLE:
            return self._ids[number] if 0 <= number < len(self._ids) else None
        column = index.column()
        if role == _ALIGNMENT:
            return _CENTER if column in (ELIGIBLE, COUNTED, DEADLINE) else _LEFT
        shown = self.shown_row(number)
        if shown is None:
            return None
        if role == _DISPLAY:
            return shown.texts[column]
        if role == self.FLAGS_ROLE:
            return shown.flags
        if role == _FOREGROUND:
            return _NOT_ELIGIBLE if column == ELIGIBLE and not shown.row.eligible else None
        return shown.tooltips.get(column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; the flags column keeps the current order."""
        if column not in SORT_KEYS:
            return
        if (column, order) == (self.sort_column, self.sort_order):
            return
        self.sort_column, self.sort_order = column, order
        self.reload()


_ROLES = frozenset(
    {
        _DISPLAY,
        _TOOLTIP,
        _FOREGROUND,
        _ALIGNMENT,
        int(CandidateTableModel.ID_ROLE),
        int(CandidateTableModel.FLAGS_ROLE),
    }
)


class CandidateTable(QTableView):
    """The table view: whole rows, keyboard-first, sort by header, badges in the last column."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.candidates = CandidateTableModel(self)
        self.setModel(self.candidates)
        self.setObjectName("candidates")
        self.setAccessibleName(self.tr("Candidats"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        from monmaster_desktop.ui.candidate_cells import FlagBadgeDelegate, RowTextDelegate

        self.setItemDelegate(RowTextDelegate(self.candidates, self))
        self.setItemDelegateForColumn(FLAGS, FlagBadgeDelegate(self.candidates, self))
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(QFontMetrics(self.font()).height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        for column, width in (
            (NUMBER, 95),
            (NAME, 180),
            (INE, 100),
            (ELIGIBLE, 60),
            (COUNTED, 122),
            (ACCEPTED, 150),
            (DEADLINE, self.deadline_width()),
        ):
            self.setColumnWidth(column, width)
        header.sortIndicatorChanged.connect(self.candidates.sort)

    def deadline_width(self) -> int:
        """The registration column's width: 160 pixels, or what its longest text needs in the
        interface's language and font (« Registered on 28/09/2024 » is wider than « Inscription
        le 28/09/2024 »)."""
        metrics = QFontMetrics(self.font())
        widest = max(metrics.horizontalAdvance(text) for text in deadline_texts("28/09/2024"))
        return max(160, widest + 2 * text_margin(self) + 8)

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        """Another font, palette, style or language: the delegates take the new looks (and
        the badges' texts) at their next paint."""
        from PySide6.QtCore import QEvent

        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LanguageChange,
        ):
            for delegate in {self.itemDelegate(), self.itemDelegateForColumn(FLAGS)}:
                forget = getattr(delegate, "forget_looks", None)
                if forget is not None:
                    forget()

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        """The rows in view are read in one query before Qt asks for them cell by cell (a
        screenful scrolled to the kept candidate often spans two pages)."""
        top = self.rowAt(0)
        if top >= 0:
            bottom = self.rowAt(self.viewport().height() - 1)
            self.candidates.read_rows(
                top, bottom if bottom >= 0 else top + self.candidates.fetch_size
            )
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        """A screenful of rows is what the model reads at a time."""
        super().resizeEvent(event)
        height = self.verticalHeader().defaultSectionSize()
        self.candidates.set_fetch_size(self.viewport().height() // max(height, 1) + 2)

    def current_candidate_id(self) -> int | None:
        index = self.currentIndex()
        return self.candidates.candidate_id(index.row()) if index.isValid() else None

    def selected_candidate_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [cid for cid in (self.candidates.candidate_id(r) for r in rows) if cid is not None]

    def select_candidate(self, candidate_id: int | None) -> bool:
        """Make this candidate the current row (scrolled into view); False if not listed."""
        row = self.candidates.row_of(candidate_id) if candidate_id is not None else None
        if row is None:
            return False
        index = self.candidates.index(row, max(self.currentIndex().column(), 0))
        self.selectionModel().setCurrentIndex(
            index,
            self.selectionModel().SelectionFlag.ClearAndSelect
            | self.selectionModel().SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True

    def restore_sort(self) -> None:
        """Take the header's (restored) sort indicator as the model's order, without a query."""
        header = self.horizontalHeader()
        section = header.sortIndicatorSection()
        if section in SORT_KEYS:
            self.candidates.sort_column = section
            self.candidates.sort_order = header.sortIndicatorOrder()
        else:
            header.setSortIndicator(self.candidates.sort_column, self.candidates.sort_order)
