"""The dashboard's charts, drawn with QPainter on a widget or on a PDF page alike.

Meaning never rests on colour alone: every series has a pattern (solid, hatched, dotted) and a
line style, values are written beside the bars, and the legend shows the same patterns, so a
black-and-white print reads as the screen does. The painters return the rectangles they drew
with the key of each, for the window's clicks and keyboard.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

Number = Callable[[int], str]
Day = Callable[[date], str]


@dataclass(frozen=True, slots=True)
class Style:
    """How one series looks: fill colour, Qt brush pattern, outline colour."""

    fill: str
    pattern: Qt.BrushStyle
    outline: str


#: Registered (solid), overdue (hatched), accepted not registered yet (dotted), a plain count.
REGISTERED = Style("#1f4e79", Qt.BrushStyle.SolidPattern, "#1f4e79")
OVERDUE = Style("#b03a2e", Qt.BrushStyle.BDiagPattern, "#b03a2e")
PENDING = Style("#7f8c8d", Qt.BrushStyle.Dense6Pattern, "#5d6d7e")
PLAIN = Style("#2e86c1", Qt.BrushStyle.SolidPattern, "#1b4f72")
TEXT = QColor("#1c2833")
GRID = QColor("#d5d8dc")


@dataclass(frozen=True, slots=True)
class Segment:
    value: int
    style: Style
    key: object = None


@dataclass(frozen=True, slots=True)
class BarRow:
    """One horizontal bar: a label, stacked segments, the text written after the bar."""

    label: str
    segments: tuple[Segment, ...]
    note: str
    key: object = None

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


@dataclass(frozen=True, slots=True)
class Hit:
    """A drawn rectangle and the key it stands for (a row or one of its segments)."""

    rect: QRectF
    key: object
    row: int


def fill_box(painter: QPainter, rect: QRectF, style: Style) -> None:
    """A bar or legend box: white under the pattern (hatches stay readable), outlined."""
    painter.save()
    painter.setPen(QPen(QColor(style.outline), 1.0))
    if style.pattern is not Qt.BrushStyle.SolidPattern:
        painter.fillRect(rect, QColor("white"))
    painter.setBrush(QBrush(QColor(style.fill), style.pattern))
    painter.drawRect(rect)
    painter.restore()


def paint_legend(
    painter: QPainter, origin: QPointF, entries: Sequence[tuple[Style | QPen, str]]
) -> float:
    """A one-line legend starting at ``origin``; returns its height. A QPen draws a line."""
    metrics = QFontMetricsF(painter.font())
    x, h = origin.x(), metrics.height()
    box = h * 0.7
    painter.save()
    for style, text in entries:
        mid = origin.y() + h / 2
        if isinstance(style, QPen):
            painter.setPen(style)
            painter.drawLine(QLineF(x, mid, x + box * 1.8, mid))
            x += box * 1.8 + 4
        else:
            fill_box(painter, QRectF(x, mid - box / 2, box, box), style)
            x += box + 4
        painter.setPen(TEXT)
        painter.drawText(QPointF(x, origin.y() + metrics.ascent()), text)
        x += metrics.horizontalAdvance(text) + 14
    painter.restore()
    return h


def paint_hbars(
    painter: QPainter,
    rect: QRectF,
    rows: Sequence[BarRow],
    *,
    highlight: int = -1,
    label_share: float = 0.42,
    row_height: float | None = None,
) -> list[Hit]:
    """Horizontal bars, one per row, segments stacked left to right, the note after each bar.

    Labels too long for their share of the width are elided (the tooltip or the table gives
    them whole). Returns the hits: each segment, and the whole row (label included)."""
    hits: list[Hit] = []
    if not rows:
        return hits
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    step = row_height or max(line * 1.35, min(line * 2.2, rect.height() / len(rows)))
    label_width = rect.width() * label_share
    note_width = max(metrics.horizontalAdvance(r.note) for r in rows) + 8
    bar_left = rect.left() + label_width + 6
    bar_width = max(10.0, rect.right() - note_width - bar_left)
    biggest = max((r.total for r in rows), default=0) or 1
    painter.save()
    for index, row in enumerate(rows):
        top = rect.top() + index * step
        if top + step > rect.bottom() + 0.5:
            break
        row_rect = QRectF(rect.left(), top, rect.width(), step)
        if index == highlight:
            painter.fillRect(row_rect, QColor("#fcf3cf"))
            painter.setPen(QPen(TEXT, 1.0, Qt.PenStyle.DotLine))
            painter.drawRect(row_rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setPen(TEXT)
        label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width)
        painter.drawText(
            QRectF(rect.left(), top, label_width, step),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            label,
        )
        bar_h = step * 0.62
        y = top + (step - bar_h) / 2
        x = bar_left
        for segment in row.segments:
            width = bar_width * segment.value / biggest
            if width <= 0:
                continue
            seg_rect = QRectF(x, y, width, bar_h)
            fill_box(painter, seg_rect, segment.style)
            hits.append(Hit(seg_rect, segment.key, index))
            x += width
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(x + 5, top, note_width + 40, step),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            row.note,
        )
        hits.append(Hit(row_rect, row.key, index))
    painter.restore()
    return hits


def nice_step(biggest: int, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10^n) giving about ``ticks`` gridlines up to ``biggest``."""
    if biggest <= ticks:
        return 1
    raw = biggest / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)


@dataclass(frozen=True, slots=True)
class Series:
    """A cumulative series: a label, its pen, and (day, running total) points."""

    label: str
    pen: QPen
    points: tuple[tuple[date, int], ...]
    fill: Style | None = None


@dataclass(frozen=True, slots=True)
class Marker:
    day: date
    label: str
    pen: QPen


def cumulative(per_day: Sequence[tuple[date, int]]) -> tuple[tuple[date, int], ...]:
    total, points = 0, []
    for day, n in sorted(per_day):
        total += n
        points.append((day, total))
    return tuple(points)


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    *,
    start: date,
    end: date,
    series: Sequence[Series],
    markers: Sequence[Marker],
    number: Number,
    day_text: Day,
    until: date | None = None,
) -> None:
    """Running totals per day as steps from ``start`` to ``until`` (what is known: the
    reference date; default ``end``), on an axis to ``end``, with dated markers."""
    until = min(until or end, end)
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    biggest = max((p[-1][1] for s in series if (p := s.points)), default=0)
    step = nice_step(biggest)
    top_value = max(step, math.ceil(max(biggest * 1.1, 1) / step) * step)
    axis_width = metrics.horizontalAdvance(number(top_value)) + 8
    plot = QRectF(
        rect.left() + axis_width,
        rect.top() + line * 1.6,
        rect.width() - axis_width - 8,
        rect.height() - line * 4.4,  # marker labels above, month names and legend below
    )
    span = max((end - start).days, 1)

    def x_of(day: date) -> float:
        return plot.left() + plot.width() * min(max((day - start).days, 0), span) / span

    def y_of(value: float) -> float:
        return plot.bottom() - plot.height() * value / top_value

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    # Horizontal grid and values.
    for value in range(0, top_value + 1, step):
        y = y_of(value)
        painter.setPen(QPen(GRID, 1.0))
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(rect.left(), y - line / 2, axis_width - 6, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            number(value),
        )
    # Month ticks under the axis.
    painter.setPen(QPen(TEXT, 1.0))
    painter.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            x = x_of(month)
            painter.drawLine(QLineF(x, plot.bottom(), x, plot.bottom() + 4))
            painter.drawText(QPointF(x + 2, plot.bottom() + metrics.ascent() + 3), day_text(month))
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    # Series: steps, optionally filled with their pattern.
    for s in series:
        if not s.points:
            continue
        path = QPainterPath(QPointF(x_of(start), y_of(0)))
        previous = 0
        for day, total in s.points:
            if day > until:
                break
            x = x_of(day)
            path.lineTo(x, y_of(previous))
            path.lineTo(x, y_of(total))
            previous = total
        path.lineTo(x_of(until), y_of(previous))
        if s.fill is not None:
            area = QPainterPath(path)
            area.lineTo(x_of(until), y_of(0))
            area.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(s.fill.fill), s.fill.pattern))
            painter.drawPath(area)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(s.pen)
        painter.drawPath(path)
        # The total written at the end of the line: no need to read it off the axis.
        painter.setPen(TEXT)
        text = number(previous)
        width = metrics.horizontalAdvance(text)
        x = x_of(until) + 5
        if x + width > plot.right():
            x = x_of(until) - width - 5
        painter.drawText(QPointF(x, y_of(previous) - 4), text)
    # Markers: vertical lines with their label at the top.
    taken: list[QRectF] = []
    for marker in markers:
        if not start <= marker.day <= end:
            continue
        x = x_of(marker.day)
        painter.setPen(marker.pen)
        painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
        width = metrics.horizontalAdvance(marker.label) + 4
        left = min(max(x - width / 2, rect.left()), rect.right() - width)
        label_rect = QRectF(left, rect.top() + line * 0.3, width, line)
        while any(label_rect.intersects(other) for other in taken):
            label_rect.translate(0, line * 0.9)
        taken.append(label_rect)
        painter.fillRect(label_rect, QColor("white"))
        painter.setPen(TEXT)
        painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignCenter), marker.label)
    painter.restore()
    paint_legend(
        painter,
        QPointF(plot.left(), rect.bottom() - line * 1.1),
        [(s.pen, s.label) for s in series],
    )


def bold(font: QFont, scale: float = 1.0) -> QFont:
    big = QFont(font)
    big.setBold(True)
    if scale != 1.0:
        size = font.pointSizeF()
        if size > 0:
            big.setPointSizeF(size * scale)
        else:
            big.setPixelSize(max(1, round(font.pixelSize() * scale)))
    return big
