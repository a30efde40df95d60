"""The dashboard's widgets: figure buttons, bar charts and the registrations timeline.

The charts are QPainter drawings (printing/charts.py), the same on screen and on paper: Qt's
chart modules (QtCharts, QtGraphs) would add PySide6-Addons, 160 MB installed for two charts,
and QtGraphs needs OpenGL that office machines over remote desktop often lack. Each chart is a
keyboard stop: ↑/↓ move between bars, Entrée opens the bar's candidates; its accessible
description reads every value aloud.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from monmaster_desktop.printing.charts import BarRow, Hit, paint_hbars, paint_legend


class FigureButton(QPushButton):
    """A headline figure: the number in large type over its name; a click lists the people."""

    def __init__(self, label: str, tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.label_text = label
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.value = QLabel("…")
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.75)
        self.value.setFont(font)
        self.caption = QLabel(label)
        self.caption.setWordWrap(True)
        for child in (self.value, self.caption):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        layout.addStretch(1)
        self.setAccessibleName(label)

    def set_value(self, text: str) -> None:
        self.value.setText(text)
        self.setAccessibleName(f"{self.label_text} : {text}")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(140, 74)


class BarChart(QWidget):
    """Horizontal bars (printing.charts.paint_hbars) that answer clicks and the keyboard.

    ``activated(key)`` carries the key of the clicked segment (or of the row for the keyboard
    and clicks on a label)."""

    activated = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None, *, label_share: float = 0.42):
        super().__init__(parent)
        self.title = title
        self.label_share = label_share
        self.rows: list[BarRow] = []
        self.legend: list = []
        self.current = -1
        self._hits: list[Hit] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_rows(self, rows: Sequence[BarRow], legend: Sequence = ()) -> None:
        self.rows = list(rows)
        self.legend = list(legend)
        self.current = min(self.current, len(self.rows) - 1)
        self.setAccessibleDescription("; ".join(f"{row.label} : {row.note}" for row in self.rows))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.55

    def _top(self) -> float:
        return QFontMetricsF(self.font()).height() * 1.4 if self.legend else 4.0

    def sizeHint(self) -> QSize:
        return QSize(420, int(self._top() + self._row_height() * max(len(self.rows), 2) + 6))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.legend:
            paint_legend(painter, QPointF(6, 2), self.legend)
        area = QRectF(4, self._top(), self.width() - 8, self.height() - self._top())
        self._hits = paint_hbars(
            painter,
            area,
            self.rows,
            highlight=self.current if self.hasFocus() else -1,
            label_share=self.label_share,
            row_height=self._row_height(),
        )
        if not self.rows:
            painter.drawText(
                self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.tr("Aucune donnée")
            )
        painter.end()

    def hit_at(self, point: QPointF) -> Hit | None:
        for hit in self._hits:
            if hit.rect.contains(point):
                return hit
        return None

    def key_rect(self, key: object) -> QRectF | None:
        """Where ``key`` was drawn (tests click there)."""
        for hit in self._hits:
            if hit.key == key:
                return hit.rect
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        if hit is not None and 0 <= hit.row < len(self.rows):
            row = self.rows[hit.row]
            QToolTip.showText(event.globalPosition().toPoint(), f"{row.label}\n{row.note}", self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit_at(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current = hit.row
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.update()
            self.activated.emit(hit.key)
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.rows:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_End):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(key, 0)
            if key == Qt.Key.Key_Home:
                self.current = 0
            elif key == Qt.Key.Key_End:
                self.current = len(self.rows) - 1
            else:
                self.current = min(max(self.current + step, 0), len(self.rows) - 1)
            row = self.rows[self.current]
            self.setAccessibleDescription(f"{row.label} : {row.note}")
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current >= 0:
            self.activated.emit(self.rows[self.current].key)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self.current < 0 and self.rows:
            self.current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)


class PaintedChart(QWidget):
    """A chart drawn by a function ``paint(painter, rect)``; a click or Entrée emits ``activated``."""

    activated = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.painter_function = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_painter(self, function, description: str) -> None:  # noqa: ANN001
        self.painter_function = function
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        if self.painter_function is not None:
            self.painter_function(painter, QRectF(6, 4, self.width() - 12, self.height() - 8))
        if self.hasFocus():
            painter.setPen(Qt.PenStyle.DotLine)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)
