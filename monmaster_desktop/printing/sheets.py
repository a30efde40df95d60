"""Enrolment status sheets: CandidateFile -> HTML -> QTextDocument -> one PDF or a printer."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QFile, QFileDevice, QIODevice, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFrameFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter

from monmaster_desktop.controllers.views import CandidateFile
from monmaster_desktop.io.writers import (
    pdf_is_whole,
    private_temporary,
    sync_file,
    write_failure,
)
from monmaster_desktop.printing.sheet_headings import (
    break_before_headings,
    keep_headings_with_next,
)
from monmaster_desktop.printing.sheet_html import (  # noqa: F401 - re-exported
    LOGO_URL,
    SheetTemplate,
    _sheet_html,
    application_cells,
    build_sheet_html,
    configure_printer,
    ensure_app,
    footer_text,
    fr_date,
    load_logo,
    load_template,
    sheet_page_layout,
)
from monmaster_desktop.printing.sheet_skeleton import Skeletons
from monmaster_desktop.printing.sheet_table import ANCHOR_HTML, ApplicationsTable, content_after

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

#: Height kept free at the bottom of every page for the footer, in millimetres.
FOOTER_MM = 9.0
FOOTER_FAMILIES = ["Segoe UI", "DejaVu Sans", "Arial", "Helvetica"]
FOOTER_POINT_SIZE = 7.0
#: Taken off the foot of each page's body when drawing it, in device pixels (1/20 of one).
_HAIR = 0.05



class SheetsCancelled(Exception):
    """The clerk cancelled a batch of sheets."""


# ----------------------------------------------------------------------------- painting


@dataclass(frozen=True, slots=True)
class _PageGeometry:
    """The paint device's page, in device pixels: document body above, footer below."""

    width: float
    body_height: float
    footer_top: float
    footer_height: float
    footer_font: QFont

    @classmethod
    def of(cls, device: QPagedPaintDevice) -> _PageGeometry:
        width, height = float(device.width()), float(device.height())
        footer = FOOTER_MM / 25.4 * device.logicalDpiY()
        font = QFont()
        font.setFamilies(FOOTER_FAMILIES)
        font.setPointSizeF(FOOTER_POINT_SIZE)
        return cls(width, height - footer, height - footer, footer, font)


def _straddles(top: float, bottom: float, page_height: float) -> bool:
    return int(top // page_height) != int((bottom - 1) // page_height)


def _first_cut_row(doc: QTextDocument, page_height: float) -> int | None:
    """The index (among all applications) of the first table row cut by a page break."""
    layout = doc.documentLayout()
    index = 0
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.format().headerRowCount() == 0:
            continue
        for row in range(frame.format().headerRowCount(), frame.rows()):
            cells = [frame.cellAt(row, column) for column in range(frame.columns())]
            top = min(
                layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells
            )
            bottom = max(
                layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells
            )
            if bottom - top < page_height / 2 and _straddles(top, bottom, page_height):
                return index
            index += 1
    return None


def _next_break(doc: QTextDocument, page_height: float) -> int | None:
    """Before which application the table should restart on the next page, if any."""
    row = _first_cut_row(doc, page_height)
    return row if row is not None else _last_row_left_behind(doc, page_height)


def _last_row_left_behind(doc: QTextDocument, page_height: float) -> int | None:
    """The index (among all applications) of the last row when what follows the table (the
    stamp box) would print on a later page than that row, and the row has rows above it."""
    layout = doc.documentLayout()
    tables = [
        frame
        for frame in doc.rootFrame().childFrames()
        if isinstance(frame, QTextTable) and frame.format().headerRowCount() > 0
    ]
    if not tables:
        return None
    last = tables[-1]
    if last.rows() - last.format().headerRowCount() < 2:
        return None  # its only row already opens the table: nothing better to do
    cell = last.cellAt(last.rows() - 1, 0)
    row_top = layout.blockBoundingRect(cell.firstCursorPosition().block()).top()
    following = content_after(doc, doc.findBlock(last.lastPosition()))
    if following is None or following[1]:
        return None
    if (following[0] - 1) // page_height <= row_top // page_height:
        return None
    return sum(table.rows() - table.format().headerRowCount() for table in tables) - 1


def _keep_boxes_whole(doc: QTextDocument, page_height: float) -> bool:
    """Move a small boxed table (registration, stamp) that straddles two pages to the next.

    True when one moved (the document is then laid out again)."""
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.format().headerRowCount() > 0:
            continue
        box = layout.frameBoundingRect(frame)
        if box.height() >= page_height:
            continue
        fmt = frame.format()
        if _straddles(box.top(), box.bottom(), page_height) and (
            fmt.pageBreakPolicy() != QTextFrameFormat.PageBreakFlag.PageBreak_AlwaysBefore
        ):
            fmt.setPageBreakPolicy(QTextFrameFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            frame.setFormat(fmt)
            return True
    return False


class _SheetLayout:
    """Makes the sheets' documents for one batch on one paint device.

    The applications rows are drawn by an ApplicationsTable that keeps, over the batch, the
    layouts of the cells it has met; a template whose table it cannot reproduce keeps Qt's
    HTML table (``table`` is None), paginated as before.
    """

    def __init__(self, device: QPagedPaintDevice, geometry: _PageGeometry):
        self.device = device
        self.geometry = geometry
        self.logo = load_logo()
        self.template = load_template()
        self.skeletons = Skeletons(self._prepare)
        try:
            self.table = ApplicationsTable.for_device(device, geometry.width, self.template)
        except Exception:  # a template Qt reads in a way not foreseen: print as before
            log.exception("sheet template: applications table drawn by Qt")
            self.table = None

    def _new_document(self) -> QTextDocument:
        doc = QTextDocument()
        self._prepare(doc)
        self._on_device(doc)
        self._page(doc)
        return doc

    def _prepare(self, doc: QTextDocument) -> None:
        """Before the document gets content: no undo, no margin, the logo."""
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(0)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), self.logo)

    def _on_device(self, doc: QTextDocument) -> None:
        doc.documentLayout().setPaintDevice(self.device)

    def _page(self, doc: QTextDocument) -> None:
        doc.setPageSize(QSizeF(self.geometry.width, self.geometry.body_height))

    def document(self, file: CandidateFile) -> QTextDocument:
        """The sheet of ``file``, laid out on pages of the body's height."""
        if self.table is not None and file.applications:
            doc = self.skeletons.document(lambda: _sheet_html(file, applications=ANCHOR_HTML))
            # Without a page size Qt lays nothing out: the sheet is laid out once, rows included.
            self._on_device(doc)
            inserted = self.table.insert(doc, application_cells(file, self.template))
            self._page(doc)
            if inserted:
                page = self.geometry.body_height
                if doc.pageCount() > 1:  # rare: headers on the next pages, boxes kept whole
                    kept: set[int] = set()
                    for _ in range(2 * len(file.applications) + 16):
                        if not (
                            self.table.repeat_headers(doc, page)
                            or self.table.keep_last_row_with_what_follows(doc, page)
                            or _keep_boxes_whole(doc, page)
                            or keep_headings_with_next(doc, page, kept)
                        ):
                            break
                return doc
            self.table = None  # the template puts $applications where rows cannot go
        return self._html_document(file)

    def _html_document(self, file: CandidateFile) -> QTextDocument:
        """The sheet with Qt's HTML table, restarted (with its header) where a page cuts a row."""
        doc = self._new_document()
        doc.setHtml(_sheet_html(file))
        if doc.pageCount() > 1:  # rare: only then pay for the finer page breaking
            breaks: tuple[int, ...] = ()
            kept: set[int] = set()  # headings sent to the next page with what follows them
            page = self.geometry.body_height
            while True:
                moved = keep_headings_with_next(doc, page, kept)
                row = _next_break(doc, page)
                if row is not None and row not in breaks:
                    breaks = (*breaks, row)  # restart the table (and its header) on the next page
                    doc = self._new_document()
                    doc.setHtml(_sheet_html(file, breaks))
                    break_before_headings(doc, kept)
                elif not moved:
                    break
            while _keep_boxes_whole(doc, page):
                pass
        return doc


def _draw_footer(painter: QPainter, geometry: _PageGeometry, left: str, right: str) -> None:
    painter.save()
    painter.setFont(geometry.footer_font)
    pen = QPen(QColor("#9aa5b1"))
    pen.setWidthF(geometry.footer_height / 120)
    painter.setPen(pen)
    top = geometry.footer_top + geometry.footer_height * 0.35
    painter.drawLine(0, round(top), round(geometry.width), round(top))
    painter.setPen(QColor("#55606e"))
    text_box = QRectF(0, top, geometry.width, geometry.footer_height - (top - geometry.footer_top))
    middle = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | middle, left)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | middle, right)
    painter.restore()


def paint_sheets(
    painter: QPainter,
    device: QPagedPaintDevice,
    files: Iterable[CandidateFile],
    *,
    printed_on: date,
    clerk: str,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> int:
    """Draw the sheets with an active ``painter`` on ``device``, each from a new page.

    Returns the pages drawn. Raises SheetsCancelled when ``is_cancelled()`` turns true
    (checked before each sheet); ``progress(n)`` is called after the n-th sheet.
    """
    geometry = _PageGeometry.of(device)
    sheets = _SheetLayout(device, geometry)
    pages = 0
    for done, file in enumerate(files, start=1):
        if is_cancelled is not None and is_cancelled():
            raise SheetsCancelled
        doc = sheets.document(file)
        count = doc.pageCount()
        who = f"{file.full_name} — n° {file.candidate.candidate_number}"
        for page in range(count):
            if pages:
                device.newPage()
            top = page * geometry.body_height
            painter.save()
            painter.translate(0, -top)
            # A line Qt moved to the next page starts 1/64 pixel above it: not on this one.
            body = QRectF(0, top, geometry.width, geometry.body_height - _HAIR)
            doc.drawContents(painter, body)
            painter.restore()
            right = footer_text(printed_on=printed_on, clerk=clerk, page=page + 1, pages=count)
            _draw_footer(painter, geometry, who, right)
            pages += 1
        if progress is not None:
            progress(done)
    return pages


def render_pdf(
    files: Iterable[CandidateFile],
    out_path: str | os.PathLike[str],
    *,
    printed_on: date,
    clerk: str,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> int:
    """Write every candidate's sheet into ONE A4 PDF (owner-only file); returns pages written.

    The file appears only when complete: on cancel (or when there is nothing to print) no file
    is left and 0 is returned; on error the exception propagates and no file is left.
    """
    ensure_app()
    target = Path(out_path)
    temp = private_temporary(target)
    pages = 0
    device = QFile(str(temp))
    try:
        if not device.open(QIODevice.OpenModeFlag.WriteOnly):
            raise write_failure(target, device.errorString())
        writer = QPdfWriter(device)
        writer.setPageLayout(sheet_page_layout())
        writer.setCreator("Mon Master Desk")
        writer.setTitle("Fiches de situation Mon Master")
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"Impossible d'écrire le PDF : {target}")
        try:
            pages = paint_sheets(
                painter,
                writer,
                files,
                printed_on=printed_on,
                clerk=clerk,
                progress=progress,
                is_cancelled=is_cancelled,
            )
        finally:
            ended = painter.end()
            del writer
            flushed = device.flush()
            failure = (
                None if device.error() == QFileDevice.FileError.NoError else device.errorString()
            )
            device.close()
        # The writer does not say when the disk refused its bytes: ask the file, then the PDF.
        if pages and (not ended or not flushed or failure or not pdf_is_whole(temp)):
            raise write_failure(target, failure)
        sync_file(temp)
    except SheetsCancelled:
        temp.unlink(missing_ok=True)
        return 0
    except BaseException:
        if device.isOpen():
            device.close()
        temp.unlink(missing_ok=True)
        raise
    if pages == 0:
        temp.unlink(missing_ok=True)
        return 0
    os.chmod(temp, 0o600)
    os.replace(temp, target)
    return pages


def print_sheets(
    files: Iterable[CandidateFile],
    printer: QPrinter,
    *,
    printed_on: date,
    clerk: str,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> int:
    """Print the sheets on ``printer`` with its current page layout (see configure_printer).

    Also what a QPrintPreviewDialog's ``paintRequested(printer)`` calls. Returns pages printed;
    on cancel the job is aborted and 0 is returned.
    """
    ensure_app()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Impossible de démarrer l'impression.")
    try:
        return paint_sheets(
            painter,
            printer,
            files,
            printed_on=printed_on,
            clerk=clerk,
            progress=progress,
            is_cancelled=is_cancelled,
        )
    except SheetsCancelled:
        printer.abort()
        return 0
    finally:
        painter.end()
