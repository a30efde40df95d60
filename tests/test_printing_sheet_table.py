"""The applications table of the sheets, drawn row by row from lines laid out once per batch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from monmaster_desktop.domain import ApplicationStatus, Phase, RejectionReason, TrainingType
from monmaster_desktop.printing import render_pdf, sheet_cells, sheet_html, sheets
from monmaster_desktop.printing.sheet_html import SheetTemplate
from monmaster_desktop.printing.sheet_table import ApplicationsTable

from printing_helpers import (  # isort: skip
    CLERK,
    OTHER,
    PRINTED_ON,
    accepted_at_home,
    application,
    candidate_file,
    flat,
    pdf_pages_text,
    person,
)

HEADER = "Établissement Mention et parcours Situation Dates"


def varied_file(number: str = "MM24-000001", count: int = 5):
    """A candidate whose rows hold every kind of cell: tags, later events, reasons, ranks."""
    apps = [
        accepted_at_home(date(2024, 7, 2)),
        application(
            "Physique",
            code=OTHER,
            training=TrainingType.ALTERNANCE,
            phase=Phase.COMPLEMENTARY,
            submitted_on=date(2024, 6, 20),
        ),
        application(
            "Chimie",
            code=OTHER,
            status=ApplicationStatus.REJECTED,
            rejection_reason=RejectionReason.INCOMPLETE,
            notified_on=date(2024, 6, 4),
        ),
        application(
            "Histoire",
            code=OTHER,
            status=ApplicationStatus.ACCEPTED_DEFINITIVELY,
            notified_on=date(2024, 7, 20),
            accepted_on=date(2024, 7, 22),
        ),
    ] + [
        application(
            f"Mention {index:02d}",
            code=OTHER,
            parcours="Parcours recherche et innovation en sciences",
            status=ApplicationStatus.WAITLISTED,
            waitlist_rank=index,
            notified_on=date(2024, 6, 4),
        )
        for index in range(count)
    ]
    return candidate_file(person(number=number), apps)


def render(path: Path, files) -> list[str]:
    render_pdf(list(files), path, printed_on=PRINTED_ON, clerk=CLERK)
    return [flat(text) for text in pdf_pages_text(path)]


def with_qt_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """Print as before: Qt's HTML table (what a template the rows cannot follow gets)."""
    monkeypatch.setattr(ApplicationsTable, "for_device", classmethod(lambda cls, *a: None))


def use_template(monkeypatch: pytest.MonkeyPatch, edit) -> None:
    """Print with the shipped template edited by ``edit`` (an office's own sheet.html)."""
    shipped = sheet_html.load_template()
    edited = SheetTemplate(
        layout=type(shipped.layout)(edit(shipped.layout.template)), wording=shipped.wording
    )
    monkeypatch.setattr(sheet_html, "load_template", lambda folder=None: edited)
    monkeypatch.setattr(sheets, "load_template", lambda folder=None: edited)


def page_pixels(path: Path) -> list[tuple[bytes, int]]:
    """Each page of a PDF as grey pixels at 100 dpi (pdfium), with the width of a row."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            bitmap = page.render(scale=100 / 72, grayscale=True)
            pages.append((bytes(bitmap.buffer), bitmap.stride))
            page.close()
        return pages
    finally:
        pdf.close()


def test_rows_print_the_text_qts_table_printed(qapp, tmp_path):
    """Every word of the applications table comes back from the PDF as with Qt's table."""
    files = [varied_file(), varied_file("MM24-000002", count=25)]
    drawn = render(tmp_path / "rows.pdf", files)
    with pytest.MonkeyPatch.context() as patch:
        with_qt_table(patch)
        qt = render(tmp_path / "qt.pdf", files)
    assert drawn == qt
    assert "alternance, phase complémentaire" in drawn[0]
    assert "motif : dossier incomplet" in drawn[0] and "rang 4" in drawn[0]


def unmatched(one: bytes, other: bytes, stride: int) -> int:
    """Pixels of ``one`` that no pixel of ``other`` at most one pixel away matches."""
    count = 0
    for index, (a, b) in enumerate(zip(one, other, strict=True)):
        if abs(a - b) <= 60:
            continue
        near = (index + dy * stride + dx for dy in (-1, 0, 1) for dx in (-1, 0, 1))
        if not any(0 <= n < len(other) and abs(a - other[n]) <= 60 for n in near):
            count += 1
    return count


def test_rows_look_like_qts_table(qapp, tmp_path, monkeypatch):
    """The pages printed with the rows drawn by the program and with Qt's table are the same
    to the eye: at 100 dpi, no mark differs by more than a pixel's shift (rounding)."""
    drawn_rows: list[int] = []
    draw = ApplicationsTable.drawObject
    monkeypatch.setattr(
        ApplicationsTable,
        "drawObject",
        lambda self, *args: drawn_rows.append(1) or draw(self, *args),
    )
    render(tmp_path / "rows.pdf", [varied_file()])
    assert len(drawn_rows) == 1 + 9  # the header and each row
    with pytest.MonkeyPatch.context() as patch:
        with_qt_table(patch)
        render(tmp_path / "qt.pdf", [varied_file()])
    ((drawn, stride),) = page_pixels(tmp_path / "rows.pdf")
    ((qt, _),) = page_pixels(tmp_path / "qt.pdf")
    assert len(drawn) == len(qt)
    assert unmatched(drawn, qt, stride) < 20
    assert unmatched(qt, drawn, stride) < 20


def test_a_batch_lays_out_each_distinct_line_once(qapp, tmp_path, monkeypatch):
    """Forty sheets whose rows repeat lay out each distinct line of a cell once, not per row."""
    laid_out: list[int] = []
    original = sheet_cells.Line.__init__

    def counting(self, doc):  # noqa: ANN001
        laid_out.append(1)
        original(self, doc)

    monkeypatch.setattr(sheet_cells.Line, "__init__", counting)
    files = [varied_file(f"MM24-{index:06d}") for index in range(40)]
    pages = render(tmp_path / "batch.pdf", files)
    assert len(pages) == 40 and all("Mention 04" in page for page in pages)
    lines_printed = 40 * sum(
        len(cell) for row in sheet_html.application_cells(files[0], sheet_html.load_template())
        for cell in row
    )
    assert 0 < len(laid_out) < lines_printed / 30


def test_rows_are_never_cut_and_every_page_of_rows_opens_with_the_header(qapp, tmp_path):
    """Sixty applications: each row whole on one page, the header atop every page of rows."""
    pages = render(tmp_path / "long.pdf", [varied_file(count=60)])
    assert len(pages) >= 3
    for index in range(60):
        (page,) = [page for page in pages if f"Mention {index:02d}" in page]
        assert f"Mention {index:02d} Parcours recherche et innovation en sciences" in page
        assert f"rang {index}" in page
    for number, page in enumerate(pages, start=1):
        if "Mention" in page:
            assert HEADER in page
        assert f"page {number}/{len(pages)}" in page
    assert "Cachet et signature" in pages[-1]


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(
            lambda html: html.replace(
                "$applications", "<table><tr><td>$applications</td></tr></table>"
            ),
            id="applications-inside-a-table",
        ),
        pytest.param(
            lambda html: html.replace(
                "table.apps { border-collapse: collapse;", "table.apps { border-collapse: separate;"
            ),
            id="separate-borders",
        ),
    ],
)
def test_a_template_the_rows_cannot_follow_keeps_qts_table(qapp, tmp_path, monkeypatch, edit):
    """An office's template that puts the table where rows cannot go, or draws it in a way
    the rows cannot copy, still prints every application under its header (Qt's table)."""
    use_template(monkeypatch, edit)
    drawn: list[int] = []
    monkeypatch.setattr(
        ApplicationsTable, "drawObject", lambda self, *args: drawn.append(1)
    )
    page = " ".join(render(tmp_path / "office.pdf", [varied_file(count=2)]))
    assert drawn == []
    assert HEADER in page
    assert all(f"Mention {index:02d}" in page for index in range(2))
    assert "Chimie" in page and "Cachet et signature" in page


def test_a_header_never_stays_alone_at_the_foot_of_a_page(qapp, tmp_path):
    """Whatever stands above the table, its header goes with its first row to the next page
    when only the header would fit at the foot of this one."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from monmaster_desktop.printing.sheet_table import ANCHOR_HTML, _objects, _page

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageLayout(sheets.sheet_page_layout())
    template = sheet_html.load_template()
    width, page = float(writer.width()), 6000.0
    table = ApplicationsTable.for_device(writer, width, template)
    assert table is not None
    rows = sheet_html.application_cells(varied_file(), template)
    orphans = 0
    for filler in range(60):  # paragraphs above: the header ends up at every height of a page
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDocumentMargin(0)
        doc.setPageSize(QSizeF(width, page))
        doc.setHtml("<p>ligne</p>" * filler + ANCHOR_HTML)
        assert table.insert(doc, rows)
        doc.pageCount()
        (header, _), (first, _) = list(_objects(doc))[:2]
        orphans += _page(header, page) != _page(first, page)
        for _ in range(20):
            if not table.repeat_headers(doc, page):
                break
        objects = [block for block, _ in _objects(doc)]
        assert _page(objects[0], page) == _page(objects[1], page)
    assert orphans > 0  # the case did come up
