"""Lines of the applications table's cells, laid out once per batch and drawn as glyphs.

The program puts ``<br>`` between a cell's lines; the same lines come back from sheet to sheet
(« Dépôt 01/03/2024 », « En liste d'attente », an institution's name). Each distinct line is
laid out once, alone, in a one-cell table of the template's ``td.app`` at its column's width,
and what Qt would draw of it is kept as glyph runs. A line that is
more than plain coloured text (a background, an underline, a link, an image) is drawn by Qt.
``CellLayouts.fit`` checks, on the template's own table, that a column's lines laid out alone
are the very glyphs at the very places Qt gives them in the table.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QGlyphRun,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

#: A line alone: in a ``td.app`` (the template's style) of a table that Qt makes a whole number
#: of pixels wide; a right padding of whole CSS pixels brings the line to its column's width.
_LINE_HTML = (
    '<html><body><table width="100%" cellspacing="0" cellpadding="0"><tr>'
    '<td class="app" style="padding: 0px {padding}px 0px 0px">{html}</td>'
    "</tr></table></body></html>"
)
_OBJECT_CHAR = "\ufffc"
_EXACT = 1 / 128  # Qt lays out in 1/64 of a pixel

Runs = list[tuple[QColor, QGlyphRun]]


class Line:
    """One line of a cell laid out at its column's width: its height and how to draw it."""

    __slots__ = ("doc", "height", "runs")

    def __init__(self, doc: QTextDocument):
        self.doc = doc
        self.height = doc.size().height()
        self.runs = _document_runs(doc)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        if self.runs is None:  # more than plain coloured text: Qt draws it
            painter.save()
            painter.translate(x, y)
            self.doc.drawContents(painter)
            painter.restore()
            return
        origin = QPointF(x, y)
        for color, run in self.runs:
            painter.setPen(color)
            painter.drawGlyphRun(origin, run)


class CellLayouts:
    """The lines met in a batch, per column, laid out on the batch's paint device."""

    def __init__(self, device: QPagedPaintDevice, widths: tuple[float, ...], style_sheet: str):
        self._device = device
        self._widths = widths
        self._prototype = QTextDocument()
        self._prototype.setDefaultStyleSheet(style_sheet)  # parsed once, copied by clone()
        # per column: the text width and right padding (CSS pixels) of a line laid out alone
        self._columns = [(width, 0) for width in widths]
        self._lines: dict[tuple[int, str], Line] = {}

    def cell(self, column: int, lines: tuple[str, ...]) -> tuple[Line, ...]:
        """A cell's lines laid out (an empty cell: one empty line, as in Qt's table)."""
        return tuple(self.line(column, html) for html in (lines or ("",)))

    def line(self, column: int, html: str) -> Line:
        key = (column, html)
        line = self._lines.get(key)
        if line is None:
            doc = self._prototype.clone()
            doc.setUndoRedoEnabled(False)
            doc.setDocumentMargin(0)
            doc.documentLayout().setPaintDevice(self._device)
            width, padding = self._columns[column]
            doc.setTextWidth(width)
            doc.setHtml(_LINE_HTML.format(padding=padding, html=html))
            line = self._lines[key] = Line(doc)
        return line

    def fit(self, column: int, in_table: QTextBlock, lines: tuple[str, ...]) -> bool:
        """Find how to lay out the column's lines alone so that they are what Qt draws of
        ``lines`` in its table (``in_table``: that cell's block): same width, same height, the
        same glyphs at the same places. Qt makes the one-cell table a whole number of pixels
        wide and paddings are whole CSS pixels: some right padding gives the exact width."""
        wanted = self._widths[column]
        scale = self._device.logicalDpiX() / 96.0
        for padding in range(16):
            width = wanted + padding * scale
            if abs(width - round(width)) < _EXACT:
                break
        else:
            return False
        self._columns[column] = (round(width), padding)
        self._lines = {key: line for key, line in self._lines.items() if key[0] != column}
        stacked: Runs = []
        top = 0.0
        for html in lines:
            line = self.line(column, html)
            first = _first_text_block(line.doc)
            if (
                line.runs is None
                or first is None
                or abs(first.layout().lineAt(0).width() - wanted) >= _EXACT
                or line.doc.documentLayout().blockBoundingRect(first).topLeft() != QPointF(0, 0)
            ):
                return False
            stacked += [(color, _moved(run, 0.0, top)) for color, run in line.runs]
            top += line.height
        table = _block_runs(in_table, QPointF(0, 0))
        return (
            table is not None
            and abs(top - in_table.layout().boundingRect().height()) < _EXACT
            and _signature(stacked) == _signature(table)
        )


def _first_text_block(doc: QTextDocument) -> QTextBlock | None:
    block = doc.begin()
    while block.isValid() and not block.text():
        block = block.next()
    return block if block.isValid() else None


def _plain(fmt: QTextCharFormat) -> bool:
    """Text that its glyphs and one colour draw whole (no background, line, link or object)."""
    return (
        fmt.background().style() == Qt.BrushStyle.NoBrush
        and fmt.foreground().style() in (Qt.BrushStyle.NoBrush, Qt.BrushStyle.SolidPattern)
        and not (fmt.fontUnderline() or fmt.fontOverline() or fmt.fontStrikeOut())
        and fmt.textOutline().style() == Qt.PenStyle.NoPen
        and not fmt.isAnchor()
        and fmt.objectType() == 0
    )


def _block_runs(block: QTextBlock, origin: QPointF) -> Runs | None:
    """The glyphs of a block of plain text, placed from ``origin``, with their colour."""
    if block.blockFormat().background().style() != Qt.BrushStyle.NoBrush or block.textList():
        return None
    default = QPalette().color(QPalette.ColorRole.Text)  # what drawContents paints text with
    runs: Runs = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fmt = fragment.charFormat()
        if not _plain(fmt) or _OBJECT_CHAR in fragment.text():
            return None
        brush = fmt.foreground()
        color = brush.color() if brush.style() == Qt.BrushStyle.SolidPattern else default
        runs += [(color, _moved(run, origin.x(), origin.y())) for run in fragment.glyphRuns()]
        fragments += 1
    return runs


def _document_runs(doc: QTextDocument) -> Runs | None:
    """The glyphs of a document of plain text, in the order Qt draws them (line by line: the
    order a PDF reader reads them back), or None."""
    layout = doc.documentLayout()
    runs: Runs = []
    block = doc.begin()
    while block.isValid():
        found = _block_runs(block, layout.blockBoundingRect(block).topLeft())
        if found is None:
            return None
        runs += found
        block = block.next()
    return runs


def _moved(run: QGlyphRun, dx: float, dy: float) -> QGlyphRun:
    if dx == 0 and dy == 0:
        return run
    moved = QGlyphRun(run)
    moved.setPositions([QPointF(p.x() + dx, p.y() + dy) for p in run.positions()])
    return moved


def _font_key(run: QGlyphRun) -> tuple:
    font = run.rawFont()
    return (font.familyName(), font.styleName(), font.pixelSize(), font.weight(), run.flags().value)


def _signature(runs: Runs) -> list[tuple]:
    """What a reader of the page sees of runs: each glyph, its font, colour and place."""
    return sorted(
        (*_font_key(run), color.rgba(), glyph, round(point.x(), 3), round(point.y(), 3))
        for color, run in runs
        for glyph, point in zip(run.glyphIndexes(), run.positions(), strict=True)
    )
