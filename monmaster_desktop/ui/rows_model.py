"""The read-only table model the desk's small tables share: plain rows under translated headers."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)


class RowsModel(QAbstractTableModel):
    """A read-only table of ``_rows`` under ``HEADERS``, translated in ``TR_CONTEXT``.

    Subclasses say what a row shows with ``cells(row)`` (a tuple, one text per column) or
    override ``data()`` for richer roles. Rows are plain values, never live database objects.
    """

    HEADERS: tuple[str, ...] = ()
    #: The translation context the headers were marked in (QT_TRANSLATE_NOOP).
    TR_CONTEXT = ""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: list | tuple) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int):  # noqa: ANN201
        return self._rows[number]

    def cells(self, row) -> tuple[str, ...]:  # noqa: ANN001
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201, N802
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.TR_CONTEXT, self.HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: ANN201
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(self._rows[index.row()])[index.column()]
        return None
