"""The sheet's applications table, drawn row by row from cell layouts made once per batch.

Qt lays out and draws an HTML table cell by cell on every sheet (collapsed borders and cell
formats looked up again and again): on 1,000 sheets the applications table took four fifths of
the time, although its cells repeat from sheet to sheet (a few dozen institutions, a few hundred
courses and statuses). So the sheet's document keeps everything else, and where the template
says ``$applications`` it holds one inline object per row: Qt still places and paginates the
rows with the rest of the page, and asks this module their height and to draw them. A row is its
grid and its cells' lines of text, each laid out once per batch and drawn as glyphs
(sheet_cells).

The office's template still decides the look: the header row is Qt's own drawing of the
template's ``th``, and the column widths, padding, lines and their colour are measured on a
table that Qt laid out from the template's CSS (``TableGeometry.measure``). A template whose
table this module cannot reproduce (separate borders, say) gets Qt's whole table as before.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPagedPaintDevice,
    QPainter,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from monmaster_desktop.printing.sheet_cells import CellLayouts, Line
from monmaster_desktop.printing.sheet_html import (
    APPLICATION_COLUMNS,
    SheetTemplate,
    applications_table,
)

log = logging.getLogger(__name__)

#: Where the template's ``$applications`` goes; the rows replace this paragraph.
ANCHOR = "\ue000"
ANCHOR_HTML = f"<p>{ANCHOR}</p>"
#: The inline object of a row, and its properties.
ROW_OBJECT = QTextFormat.ObjectTypes.UserObject.value + 71
_KIND = QTextFormat.Property.UserProperty.value + 71
_HEIGHT = _KIND + 1
_KEY = _KIND + 2
_HEADER, _ROW, _HEADER_ROW = 1, 2, 3
_OBJECT_CHAR = "\ufffc"
#: Tolerance of the geometry checks, in device pixels (Qt rounds to 1/64).
_EPSILON = 1.0

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"^(.*?<body[^>]*>)", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _document(device: QPagedPaintDevice, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(device)
    doc.setTextWidth(width)
    return doc


def _first_block_rect(doc: QTextDocument, table: QTextTable, row: int, column: int) -> QRectF:
    block = table.cellAt(row, column).firstCursorPosition().block()
    return doc.documentLayout().blockBoundingRect(block)


@dataclass(frozen=True, slots=True)
class TableGeometry:
    """Where Qt puts the applications table's lines and cells, in device pixels.

    A table's top is where the block before it ends; the header (with the space above it) takes
    ``header_height``; a row is its top line, padding, content, padding; the last row adds
    ``tail`` (its bottom line and the space below the table).
    """

    lefts: tuple[float, ...]
    widths: tuple[float, ...]
    border: float
    padding: float
    header_height: float
    tail: float
    line_color: QColor
    cell_background: QBrush | None
    valign: QTextCharFormat.VerticalAlignment

    @property
    def right(self) -> float:
        """The right edge of the last vertical line."""
        return self.lefts[-1] + self.widths[-1] + self.padding + self.border

    @classmethod
    def measure(cls, doc: QTextDocument) -> TableGeometry | None:
        """Read the geometry off a laid-out probe: a paragraph, then the table with a header
        row and two one-line rows, then a paragraph without top margin (see _probe_html)."""
        layout = doc.documentLayout()
        tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
        if len(tables) != 1 or tables[0].rows() != 3:
            return None
        table = tables[0]
        fmt = table.format()
        if not fmt.borderCollapse() or fmt.cellSpacing() != 0:
            return None  # separate borders: Qt draws them in ways a grid does not copy
        columns = table.columns()
        before, after = doc.firstBlock(), doc.lastBlock()
        top = layout.blockBoundingRect(before).bottom()
        header = _first_block_rect(doc, table, 0, 0).top()
        first, second = (_first_block_rect(doc, table, r, 0) for r in (1, 2))
        line = first.height()
        scale = doc.documentLayout().paintDevice().logicalDpiY() / 96.0
        border = fmt.border() * scale
        padding = (second.top() - first.top() - line - border) / 2
        cells = [table.cellAt(1, c).firstCursorPosition().block() for c in range(columns)]
        lefts = tuple(layout.blockBoundingRect(b).left() for b in cells)
        widths = tuple(b.layout().lineAt(0).width() for b in cells)
        gaps = [lefts[c + 1] - lefts[c] - widths[c] for c in range(columns - 1)]
        outer = header - top - border - padding
        tail = layout.blockBoundingRect(after).top() - (second.top() + line + padding)
        consistent = (
            abs(padding - fmt.cellPadding() * scale) <= _EPSILON
            and all(abs(gap - 2 * padding - border) <= _EPSILON for gap in gaps)
            and outer >= -_EPSILON
            and abs(tail - border - outer) <= _EPSILON
        )
        if not consistent:
            return None
        cell = table.cellAt(1, 0).format()
        background = cell.background()
        return cls(
            lefts=lefts,
            widths=widths,
            border=border,
            padding=padding,
            header_height=first.top() - padding - border - top,
            tail=tail,
            line_color=fmt.borderBrush().color(),
            cell_background=background if background.style() != Qt.BrushStyle.NoBrush else None,
            valign=cell.verticalAlignment(),
        )


#: A probe cell: two lines with what the rows' cells hold (bold, small and label text).
_PROBE_CELL = (
    'Wx <b>Wx</b> <span class="small">Wx</span> <span class="label">Wx</span>',
    '<span class="small">Wx</span> Wx',
)


def _probe_html(head: str, t: SheetTemplate) -> str:
    rows = [(_PROBE_CELL,) * len(APPLICATION_COLUMNS)] * 2
    return (
        f'{head}<p>x</p>{applications_table(t, rows)}<p style="margin-top: 0px">x</p>'
        "</body></html>"
    )


Cell = tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class _Row:
    """A row's cells, their heights and the tallest one's (the row's content height)."""

    cells: tuple[Cell, ...]
    heights: tuple[float, ...]
    content: float


class ApplicationsTable(QPyTextObject):
    """Lays out and draws the applications rows of the sheets of one batch on one device.

    Holds the cell layouts of the batch (by column and HTML); ``insert`` puts a sheet's rows in
    its document, ``repeat_headers`` restarts the header on every page the rows run onto.
    """

    def __init__(
        self,
        width: float,
        geometry: TableGeometry,
        header: QTextDocument,
        cells: CellLayouts,
    ):
        super().__init__()
        self._width = width
        self._geometry = geometry
        self._header = header
        self._cells = cells
        self._rows: dict[int, _Row] = {}
        (table,) = [f for f in header.rootFrame().childFrames() if isinstance(f, QTextTable)]
        g = geometry
        # where the header's table starts in its own document (above a header's text: the
        # space around the table, its top line and the padding, as much as below the last row)
        self._header_top = _first_block_rect(header, table, 0, 0).top() - (g.tail + g.padding)

    @classmethod
    def for_device(
        cls, device: QPagedPaintDevice, width: float, t: SheetTemplate
    ) -> ApplicationsTable | None:
        """The table for ``device``, or None when the template's table is not one it can draw
        like Qt (the sheet then holds Qt's HTML table)."""
        template = _COMMENT.sub("", t.layout.template)
        found = _BODY.match(template)
        if found is None:
            return None
        head = found.group(1)
        probe = _document(device, width)
        probe.setHtml(_probe_html(head, t))
        geometry = TableGeometry.measure(probe)
        if geometry is None:
            log.info("sheet template: applications table drawn by Qt (geometry not reproducible)")
            return None
        header = _document(device, width)
        header.setHtml(f"{head}{applications_table(t, [])}</body></html>")
        tables = [f for f in header.rootFrame().childFrames() if isinstance(f, QTextTable)]
        if len(tables) != 1 or tables[0].rows() != 1:
            log.info("sheet template: applications table drawn by Qt (header not alone)")
            return None
        cells = CellLayouts(device, geometry.widths, "\n".join(_STYLE.findall(template)))
        (probe_table,) = [f for f in probe.rootFrame().childFrames() if isinstance(f, QTextTable)]
        for column in range(len(geometry.widths)):
            in_table = probe_table.cellAt(1, column).firstCursorPosition().block()
            if not cells.fit(column, in_table, _PROBE_CELL):
                log.info("sheet template: applications table drawn by Qt (cells differ alone)")
                return None
        return cls(width, geometry, header, cells)

    # -- cells ---------------------------------------------------------------------------------

    def _row_height(self, row: _Row) -> float:
        g = self._geometry
        return g.border + 2 * g.padding + row.content

    # -- the document --------------------------------------------------------------------------

    def insert(self, doc: QTextDocument, rows: list[tuple[tuple[str, ...], ...]]) -> bool:
        """Put the header and ``rows`` (each cell: its lines' HTML) where ``doc`` holds the
        anchor.

        False, and ``doc`` untouched, when the anchor is not a paragraph of its own at the top
        level of the page (a template that put ``$applications`` in a table, say).
        """
        anchor = _anchor_block(doc)
        if anchor is None or not rows:
            return False
        self._rows.clear()
        doc.documentLayout().registerHandler(ROW_OBJECT, self)
        cursor = QTextCursor(anchor)
        cursor.beginEditBlock()
        # Qt gives a table no space from the paragraphs around it: neither do the rows.
        previous, following = anchor.previous(), anchor.next()
        if previous.isValid() and _in_root(doc, previous):
            _set_margin(previous, bottom=0.0)
        if following.isValid() and _in_root(doc, following):
            _set_margin(following, top=0.0)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        block = QTextBlockFormat()
        cursor.setBlockFormat(block)
        cursor.insertText(_OBJECT_CHAR, self._object(_HEADER, self._geometry.header_height))
        for index, row in enumerate(rows):
            cells = tuple(self._cells.cell(column, lines) for column, lines in enumerate(row))
            heights = tuple(_height(cell) for cell in cells)
            self._rows[index] = laid_out = _Row(cells, heights, max(heights))
            height = self._row_height(laid_out)
            if index == len(rows) - 1:
                height += self._geometry.tail
            cursor.insertBlock(block, QTextCharFormat())
            cursor.insertText(_OBJECT_CHAR, self._object(_ROW, height, index))
        cursor.endEditBlock()
        return True

    def _object(self, kind: int, height: float, key: int = -1) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setObjectType(ROW_OBJECT)
        fmt.setProperty(_KIND, kind)
        fmt.setProperty(_HEIGHT, height)
        fmt.setProperty(_KEY, key)
        return fmt

    def repeat_headers(self, doc: QTextDocument, page_height: float) -> bool:
        """Give every page the rows run onto a header, and never leave a header alone at the
        foot of a page. True when the document changed (then lay out and ask again)."""
        doc.pageCount()  # lays out what an edit left to lay out, before lines are read
        objects = list(_objects(doc))
        for index, (block, fmt) in enumerate(objects[:-1]):
            next_block, next_fmt = objects[index + 1]
            if _page(block, page_height) == _page(next_block, page_height):
                continue
            if fmt.intProperty(_KIND) == _HEADER:  # header at the foot, rows on the next page
                _break_before(block)
                return True
            if next_fmt.intProperty(_KIND) == _ROW:
                self._open_page(next_block, next_fmt)
                return True
        return False

    def keep_last_row_with_what_follows(self, doc: QTextDocument, page_height: float) -> bool:
        """Never leave what follows the rows (the stamp box) alone on a page: the last row goes
        with it to the next page, under a header (the whole table when it has one row). True
        when the document changed (then lay out and ask again)."""
        doc.pageCount()
        objects = list(_objects(doc))
        if len(objects) < 2:
            return False
        block, fmt = objects[-1]
        following = content_after(doc, block)
        if following is None:
            return False
        bottom, chosen_break = following
        if (bottom - _EPSILON) // page_height <= _page(block, page_height) or chosen_break:
            return False
        if fmt.intProperty(_KIND) != _ROW:  # already opens its page: nothing better to do
            return False
        previous, previous_fmt = objects[-2]
        if previous_fmt.intProperty(_KIND) == _HEADER:
            if _breaks_before(previous):
                return False
            _break_before(previous)
        else:
            self._open_page(block, fmt)
        return True

    def _open_page(self, block: QTextBlock, fmt: QTextCharFormat) -> None:
        """Make the row of ``block`` open the next page, under its own header."""
        height = fmt.doubleProperty(_HEIGHT) + self._geometry.header_height
        cursor = QTextCursor(block)
        cursor.beginEditBlock()
        cursor.movePosition(
            QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
        )
        cursor.setCharFormat(self._object(_HEADER_ROW, height, fmt.intProperty(_KEY)))
        _break_before(block)
        cursor.endEditBlock()

    # -- QTextObjectInterface ------------------------------------------------------------------

    def intrinsicSize(self, doc, pos, fmt) -> QSizeF:  # noqa: ANN001, N802 - Qt's override
        return QSizeF(self._width, fmt.doubleProperty(_HEIGHT))

    def drawObject(self, painter, rect, doc, pos, fmt) -> None:  # noqa: ANN001, N802 - Qt's
        if painter.hasClipping():
            clip = painter.clipBoundingRect()
            if rect.top() < clip.top() - _EPSILON or rect.top() >= clip.bottom() - _EPSILON:
                return  # this row's page is drawn another time
        kind = fmt.intProperty(_KIND)
        top = rect.top()
        if kind in (_HEADER, _HEADER_ROW):
            painter.save()
            painter.translate(rect.left(), top - self._header_top)
            self._header.drawContents(painter)
            painter.restore()
            top += self._geometry.header_height
        if kind in (_ROW, _HEADER_ROW):
            self._draw_row(painter, rect.left(), top, self._rows[fmt.intProperty(_KEY)])

    def _draw_row(self, painter: QPainter, left: float, top: float, row: _Row) -> None:
        """A row: its lines (top, bottom, one left of each column and the right one), the
        cells' background if the template gives them one, and the cells' text."""
        g = self._geometry
        bottom = top + self._row_height(row)
        starts = [left + x - g.padding - g.border for x in g.lefts]
        end = left + g.right
        if g.cell_background is not None:
            for column, x in enumerate(starts):
                width = g.widths[column] + 2 * g.padding
                painter.fillRect(
                    QRectF(x + g.border, top + g.border, width, bottom - top - g.border),
                    g.cell_background,
                )
        for y in (top, bottom):
            painter.fillRect(QRectF(starts[0], y, end - starts[0], g.border), g.line_color)
        for x in (*starts, end - g.border):
            painter.fillRect(QRectF(x, top, g.border, bottom - top + g.border), g.line_color)
        content = row.content
        for column, (cell, height) in enumerate(zip(row.cells, row.heights, strict=True)):
            y = top + g.border + g.padding
            if g.valign == QTextCharFormat.VerticalAlignment.AlignMiddle:
                y += (content - height) / 2
            elif g.valign == QTextCharFormat.VerticalAlignment.AlignBottom:
                y += content - height
            for line in cell:
                line.draw(painter, left + g.lefts[column], y)
                y += line.height


# ----------------------------------------------------------------------------- blocks


def _height(cell: Cell) -> float:
    return sum(line.height for line in cell)


def _in_root(doc: QTextDocument, block: QTextBlock) -> bool:
    frame: QTextFrame | None = QTextCursor(block).currentFrame()
    return frame == doc.rootFrame() and QTextCursor(block).currentTable() is None


def _anchor_block(doc: QTextDocument) -> QTextBlock | None:
    found = doc.find(ANCHOR)
    if found.isNull():
        return None
    block = found.block()
    if block.text().strip() != ANCHOR or not _in_root(doc, block) or block.textList() is not None:
        return None
    return block


def _set_margin(block: QTextBlock, *, top: float | None = None, bottom: float | None = None):
    fmt = block.blockFormat()
    if top is not None:
        fmt.setTopMargin(top)
    if bottom is not None:
        fmt.setBottomMargin(bottom)
    QTextCursor(block).setBlockFormat(fmt)


def _breaks_before(block: QTextBlock) -> bool:
    policy = block.blockFormat().pageBreakPolicy()
    return bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def content_after(doc: QTextDocument, block: QTextBlock) -> tuple[float, bool] | None:
    """What is printed first after ``block`` (a paragraph, or a box): where it ends, and
    whether it asks for a page of its own; None when nothing follows."""
    layout = doc.documentLayout()
    root = doc.rootFrame()
    block = block.next()
    while block.isValid():
        frame = QTextCursor(block).currentFrame()
        if frame is not None and frame != root:
            while frame.parentFrame() != root:
                frame = frame.parentFrame()
            policy = frame.frameFormat().pageBreakPolicy()
            return (
                layout.frameBoundingRect(frame).bottom(),
                bool(policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore),
            )
        if block.text().strip():
            return layout.blockBoundingRect(block).bottom(), _breaks_before(block)
        block = block.next()
    return None


def _break_before(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def _objects(doc: QTextDocument):
    """The row objects' blocks in order, with the object's format."""
    block = doc.begin()
    while block.isValid():
        if block.text() == _OBJECT_CHAR:
            fragment = block.begin().fragment()
            fmt = fragment.charFormat()
            if fmt.objectType() == ROW_OBJECT:
                yield block, fmt
        block = block.next()


def _page(block: QTextBlock, page_height: float) -> int:
    """The page of the block's (single) line; a line moved to the next page moves its top to
    where Qt, rounding to 1/64 pixel, puts the page's top."""
    layout = block.layout()
    return int((layout.position().y() + layout.lineAt(0).y() + _EPSILON) // page_height)
