"""A sheet's heading is never left alone at the foot of a page: it goes with what follows."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from monmaster_desktop.printing.sheet_headings import headings

from test_printing_sheet_table import (  # isort: skip
    HEADER,
    render,
    use_template,
    varied_file,
    with_qt_table,
)

HEADING = "Candidatures"
FOOTER = "DUPONT Jeanne — n° MM24-000001"


def padded(lines: int):
    """An office's template with ``lines`` paragraphs of its own above the applications."""

    def edit(html: str) -> str:
        pad = "".join(f"<p>Ligne de l'office {i}</p>" for i in range(lines))
        heading = '<p class="h">$applications_heading</p>'
        assert heading in html
        return html.replace(heading, pad + heading)

    return edit


@pytest.mark.parametrize("qt_table", [False, True], ids=["rows", "qt-table"])
def test_the_applications_heading_goes_to_the_page_of_its_table(
    qapp, tmp_path, monkeypatch, qt_table
):
    """Whatever pushes the table onto page 2, « Candidatures » is printed right above its
    header there, and page 1 does not end with it (not even as hidden text)."""
    if qt_table:
        with_qt_table(monkeypatch)
    left_behind, apart = [], []
    for lines in range(20, 36, 2):  # the table leaves page 1 at about 26 lines
        with monkeypatch.context() as patch:
            use_template(patch, padded(lines))
            pages = render(tmp_path / f"sheet-{lines}.pdf", [varied_file(count=1)])
        if any(f" {HEADING} {FOOTER}" in page for page in pages):  # last line of a page
            left_behind.append(lines)
        first = next(page for page in pages if HEADER in page)
        if f"{HEADING} {HEADER}" not in first:
            apart.append(lines)
    assert left_behind == [] and apart == []


def test_headings_are_the_bold_paragraphs_of_the_body(qapp):
    doc = QTextDocument()
    doc.setHtml(
        "<p style='font-weight:bold'>Titre</p><p>Texte <b>gras</b></p><h2>Autre titre</h2>"
        "<table><tr><td><b>Dans un tableau</b></td></tr></table><p><b> </b></p>"
    )
    assert [block.text() for block in headings(doc)] == ["Titre", "Autre titre"]
