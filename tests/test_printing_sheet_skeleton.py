"""Sheets made from skeletons parsed once per batch print what their own HTML prints; the
stamp box never stands alone on a page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor, QImage, QTextDocument

from monmaster_desktop.domain import ApplicationStatus, EnrolmentHistory
from monmaster_desktop.printing import sheet_html, sheet_skeleton, sheets
from monmaster_desktop.printing.sheet_html import SheetTemplate
from monmaster_desktop.printing.sheet_skeleton import Skeletons

from printing_helpers import (  # isort: skip
    OTHER,
    accepted_at_home,
    application,
    candidate_file,
    person,
)
from test_printing_sheet_table import (  # isort: skip
    HEADER,
    page_pixels,
    render,
    varied_file,
    with_qt_table,
)

STAMP = "Cachet et signature"


def parsed_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every sheet's document from its own HTML, as before skeletons."""

    def document(self, make_html):  # noqa: ANN001, ANN202
        doc = self._new()
        doc.setHtml(make_html())
        return doc

    monkeypatch.setattr(Skeletons, "document", document)


def situations():
    """Sheets in many situations, with values HTML reads in its own way."""
    return [
        varied_file("MM24-000001", count=3),
        candidate_file(
            person("Lefèvre", "Zoé  Marie", number="MM24-000002", ine=None),
            [accepted_at_home(date(2024, 7, 2), registered_on=date(2024, 7, 5))],
        ),
        candidate_file(
            person("O'Brien <b>&amp;</b>", " Ann ", number="MM24-000003"),
            [accepted_at_home(date(2024, 6, 1))],  # overdue by the reference date
        ),
        candidate_file(
            person(
                "Martin", "Léo", number="MM24-000004",
                enrolment_history=EnrolmentHistory.INTERRUPTED,
            ),
            [
                accepted_at_home(date(2024, 7, 8)),
                application(
                    "Chimie",
                    code=OTHER,
                    status=ApplicationStatus.REJECTED,
                    notified_on=date(2024, 7, 1),
                ),
            ],
        ),
        candidate_file(person("Sans", "Candidature", number="MM24-000005"), []),
        varied_file("MM24-000006", count=14),
    ]


def test_sheets_from_skeletons_print_the_very_pages_of_their_own_html(qapp, tmp_path, monkeypatch):
    """Values typed into a skeleton give the same text and the same pixels, page for page, as
    the sheet's own HTML (double spaces, markup in a name, missing INE, long tables)."""
    skeleton_pages = render(tmp_path / "skeleton.pdf", situations())
    with pytest.MonkeyPatch.context() as patch:
        parsed_each_time(patch)
        own_pages = render(tmp_path / "own.pdf", situations())
    assert skeleton_pages == own_pages
    assert "O'BRIEN <B>&AMP;</B> Ann" in " ".join(skeleton_pages)
    assert page_pixels(tmp_path / "skeleton.pdf") == page_pixels(tmp_path / "own.pdf")


def test_a_batch_parses_the_html_of_each_situation_once(qapp, tmp_path, monkeypatch):
    """Twelve candidates in the same situation: their sheets' HTML is read once, and each
    sheet still prints its own name, number and birth date."""
    parsed: list[str] = []
    set_html = QTextDocument.setHtml
    monkeypatch.setattr(
        QTextDocument,
        "setHtml",
        lambda self, text: parsed.append(text) or set_html(self, text),
    )
    files = [
        candidate_file(
            person(
                f"Nom{index}",
                "Prénom",
                number=f"MM24-{index:06d}",
                birth_date=date(2001, 1, index + 1),
            ),
            [accepted_at_home(date(2024, 7, 2))],
        )
        for index in range(12)
    ]
    pages = render(tmp_path / "same.pdf", files)
    assert len([text for text in parsed if "<hr" in text]) == 1
    for index, page in enumerate(pages):
        assert f"NOM{index} Prénom" in page and f"MM24-{index:06d}" in page
        assert f"{index + 1:02d}/01/2001" in page


def office_template(wording: dict[str, str], edit=lambda html: html):  # noqa: ANN001
    """The shipped template with the office's sentences and HTML edits."""
    shipped = sheet_html.load_template()
    return SheetTemplate(
        layout=type(shipped.layout)(edit(shipped.layout.template)),
        wording={**shipped.wording, **wording},
    )


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda html: html, id="shipped-layout"),
        pytest.param(
            lambda html: html.replace('width="52"', 'alt="$institution_name" width="52"'),
            id="a-value-in-an-attribute",
        ),
    ],
)
def test_the_offices_wording_and_logo_print_on_every_sheet_of_a_batch(
    qapp, tmp_path, monkeypatch, edit
):
    """An office's sentences (placeholders with a format too) and logo are on every sheet of a
    batch, including where its template puts a value inside an attribute."""
    wording = {
        "title": "Relevé de situation du bureau des masters",
        "as_of": "Arrêté au {as_of} par le bureau",
        "waitlist_rank": "rang n° {rank:>3}",
        "registered": "faite le {date}",
    }
    edited = office_template(wording, edit)
    monkeypatch.setattr(sheet_html, "load_template", lambda folder=None: edited)
    monkeypatch.setattr(sheets, "load_template", lambda folder=None: edited)
    files = [varied_file(f"MM24-{index:06d}", count=2) for index in range(3)] + [
        candidate_file(
            person(number="MM24-000009"),
            [accepted_at_home(date(2024, 7, 2), registered_on=date(2024, 7, 5))],
        )
    ]
    pages = render(tmp_path / "office.pdf", files)
    assert len(pages) == 4
    for page in pages:
        assert "Relevé de situation du bureau des masters" in page
        assert "Arrêté au 10/07/2024 par le bureau" in page
    assert all("rang n°   1" in page or "rang n° 1" in page for page in pages[:3])
    assert "faite le 05/07/2024" in pages[3]
    red = QImage(52, 52, QImage.Format.Format_RGB32)
    red.fill(QColor("#c00000"))
    monkeypatch.setattr(sheets, "load_logo", lambda path=None: red)
    assert render(tmp_path / "red.pdf", files) == pages
    shipped_logo, red_logo = page_pixels(tmp_path / "office.pdf"), page_pixels(tmp_path / "red.pdf")
    assert all(a != b for a, b in zip(shipped_logo, red_logo, strict=True))


def test_a_value_html_would_read_otherwise_gets_no_slot(qapp):
    """Only values HTML reads back as they are stand for a slot in a skeleton."""
    with sheet_skeleton.collecting() as values:
        kept = [sheet_skeleton.escaped(v) for v in ("Zoé", "a  b", " x", "<b>", "", "\ue000")]
    assert values == ["Zoé", "<b>"]
    assert kept[1:3] == ["a  b", " x"] and kept[4] == ""
    assert sheet_skeleton.escaped("<b>") == "&lt;b&gt;"  # outside a skeleton: escaped


@pytest.mark.parametrize("qt_table", [False, True], ids=["rows", "qt-table"])
def test_the_stamp_box_never_stands_alone_on_a_page(qapp, tmp_path, monkeypatch, qt_table):
    """Whatever the number of applications, the page with « Cachet et signature » also holds
    the last application rows under their header."""
    if qt_table:
        with_qt_table(monkeypatch)
    alone = []
    for count in range(4, 12):  # the table fills page 1 at about 7 applications
        pages = render(tmp_path / f"sheet-{count}.pdf", [varied_file(count=count)])
        (page,) = [page for page in pages if STAMP in page]
        if HEADER not in page or "UAI" not in page:  # a row names its institution's UAI
            alone.append(count)
    assert alone == []


def test_a_placeholder_named_in_a_template_comment_keeps_one_parse_per_situation(
    qapp, tmp_path, monkeypatch
):
    """An office's sheet.html whose comment names a placeholder still has its sheets' HTML
    read once per situation (comments are dropped on reading), and prints as before."""
    from monmaster_desktop.paths import resource

    folder = tmp_path / "office"
    folder.mkdir()
    shipped = resource("sheet")
    (folder / "wording.json").write_bytes((shipped / "wording.json").read_bytes())
    layout = (shipped / "sheet.html").read_text(encoding="utf-8")
    (folder / "sheet.html").write_text(
        layout.replace("<body>", "<body>\n<!-- $institution_name, $identity -->"),
        encoding="utf-8",
    )
    office = sheet_html.load_template(folder)
    monkeypatch.setattr(sheet_html, "load_template", lambda folder=None: office)
    monkeypatch.setattr(sheets, "load_template", lambda folder=None: office)
    parsed: list[str] = []
    set_html = QTextDocument.setHtml
    monkeypatch.setattr(
        QTextDocument, "setHtml", lambda self, text: parsed.append(text) or set_html(self, text)
    )
    files = [
        candidate_file(
            person(f"Nom{index}", number=f"MM24-{index:06d}"),
            [accepted_at_home(date(2024, 7, 2))],
        )
        for index in range(4)
    ]
    pages = render(tmp_path / "office.pdf", files)
    assert len([text for text in parsed if "<hr" in text]) == 1
    assert all(f"NOM{index}" in page for index, page in enumerate(pages))
