"""Export files: formula neutralisation, owner-only atomic writing, and export -> import round trip."""

from __future__ import annotations

import csv
import os
import stat
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from monmaster_desktop.io.columns import CANDIDATES, FRENCH_HEADERS
from monmaster_desktop.io.tabular import read_table
from monmaster_desktop.io.values import parse_bool, parse_date
from monmaster_desktop.io.writers import write_csv, write_xlsx

HEADERS = [
    FRENCH_HEADERS[name]
    for name in ("candidate_number", "last_name", "birth_date", "phone", "repeating_m1", "ine")
]
ROWS = [
    ["M1", '=HYPERLINK("http://x")', date(2001, 2, 3), "+33 6 12 34 56 78", True, 17],
    ["M2", "@SUM(A1)", None, "-2", False, -5],
    ["M3", "\tTab", date(1999, 12, 31), "\rCR", None, 2.5],
    ["M4", "'=déjà protégé", None, "'ordinaire", None, None],
]
DANGEROUS = [
    '\'=HYPERLINK("http://x")',
    "'@SUM(A1)",
    "'\tTab",
    "'+33 6 12 34 56 78",
    "'-2",
    "'\rCR",
]


def test_csv_for_excel_neutralises_formulas_only_in_text(tmp_path: Path) -> None:
    """CSV is ;, UTF-8 BOM, CRLF; formula-like text gets a ', numbers and dates are left as they are."""
    path = tmp_path / "export.csv"
    write_csv(path, HEADERS, ROWS)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNum\xc3\xa9ro candidat;Nom;")
    assert b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as stream:
        header, *records = list(csv.reader(stream, delimiter=";"))
    assert header == HEADERS
    cells = [cell for record in records for cell in record]
    assert all(text in cells for text in DANGEROUS)
    assert records[0][2] == "03/02/2001" and records[0][4] == "oui" and records[0][5] == "17"
    assert records[1][5] == "-5" and records[2][5] == "2.5"


def test_xlsx_neutralises_formulas_and_keeps_real_dates(tmp_path: Path) -> None:
    """XLSX has a bold frozen header, text formulas neutralised, numbers and dates real."""
    path = tmp_path / "export.xlsx"
    write_xlsx(path, HEADERS, ROWS, "Candidats")
    workbook = load_workbook(path)
    sheet = workbook["Candidats"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width > len("Nom") + 2
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    cells = [value for row in values for value in row]
    # XML stores a carriage return as a line feed: the cell still starts with the apostrophe.
    assert all(text.replace("\r", "\n") in cells for text in DANGEROUS)
    assert values[0][2] == datetime(2001, 2, 3) and sheet["C2"].number_format == "DD/MM/YYYY"
    assert (values[0][4], values[0][5], values[1][5], values[2][5]) == ("oui", 17, -5, 2.5)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
@pytest.mark.parametrize("writer", ["csv", "xlsx"])
def test_exports_are_owner_only_and_replace_whole(tmp_path: Path, writer: str) -> None:
    """An export is created 0600, replaces an existing file, and leaves no temporary file."""
    path = tmp_path / f"export.{writer}"
    path.write_text("ancien contenu")
    path.chmod(0o644)
    if writer == "csv":
        write_csv(path, HEADERS, ROWS)
    else:
        write_xlsx(path, HEADERS, ROWS, "Candidats")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert os.listdir(tmp_path) == [path.name]


def test_failed_export_leaves_the_previous_file(tmp_path: Path) -> None:
    """If rows fail half-way, the previous file is untouched and nothing half-written remains."""
    path = tmp_path / "export.csv"
    path.write_text("ancien contenu")

    def rows():
        yield ["M1", "Dupont", None, "", False, None]
        raise RuntimeError("base indisponible")

    with pytest.raises(RuntimeError):
        write_csv(path, HEADERS, rows())
    assert path.read_text() == "ancien contenu"
    assert os.listdir(tmp_path) == [path.name]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_imports_back(tmp_path: Path, suffix: str) -> None:
    """An exported file reads back with its French headers, values, dates and yes/no intact."""
    path = tmp_path / f"export.{suffix}"
    if suffix == "csv":
        write_csv(path, HEADERS, ROWS)
    else:
        write_xlsx(path, HEADERS, ROWS, "Candidats")
    table = read_table(path, CANDIDATES)
    assert table.unknown_columns == []
    first, second, third, fourth = (row.values for row in table.rows)
    assert first["last_name"] == '=HYPERLINK("http://x")'
    assert first["phone"] == "+33 6 12 34 56 78"
    assert parse_date(first["birth_date"]) == date(2001, 2, 3)
    assert parse_bool(first["repeating_m1"]) is True
    assert (second["phone"], second["ine"], second["birth_date"]) == ("-2", "-5", "")
    assert third["last_name"] == "Tab"
    assert (fourth["last_name"], fourth["phone"]) == ("'=déjà protégé", "'ordinaire")


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]) | st.sampled_from(";,\"'\n=+-@"),
    max_size=20,
).map(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5))
def test_any_text_survives_a_csv_round_trip(
    tmp_path_factory: pytest.TempPathFactory, cells
) -> None:
    """Names with separators, quotes, line breaks and formula signs come back as written."""
    path = tmp_path_factory.mktemp("rt") / "export.csv"
    rows = [["M", last, first] for last, first in cells]
    write_csv(path, ["Numéro candidat", "Nom", "Prénom"], rows)
    expected = [(last, first) for last, first in cells if (last, first) != ("", "")]
    table = read_table(path, CANDIDATES)
    got = [(row.values["last_name"], row.values["first_name"]) for row in table.rows]
    assert [pair for pair in got if pair != ("", "")] == expected


MIXED = [
    [True, "a & b <c> \"d\"", date(2024, 7, 20), datetime(2024, 7, 20, 14, 30), 2.5, None],
    [1, " deux espaces ", date(1899, 12, 31), None, 0, ""],
    [False, "ligne\nsuite\x07", None, None, -3, "=1+1"],
    [0, "", date(2024, 7, 20), None, 10**15, "fin", "au-delà des titres"],
    ["court"],
]


def test_csv_keeps_yes_no_apart_from_one_and_zero(tmp_path: Path) -> None:
    """True and 1 (False and 0) in one column stay oui / 1 (non / 0), in any order."""
    path = tmp_path / "export.csv"
    write_csv(path, ["A", "B", "C", "D", "E", "F"], MIXED)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        _header, *records = list(csv.reader(stream, delimiter=";"))
    assert [record[0] for record in records] == ["oui", "1", "non", "0", "court"]
    assert records[1][2] == "31/12/1899" and records[0][3] == "20/07/2024 14:30"


def test_xlsx_cells_keep_their_types_and_texts_every_character(tmp_path: Path) -> None:
    """Numbers, dates and date-times are real and formatted; oui/non apart from 1/0; texts come
    back whole (XML-special characters, edge spaces, line breaks), but for the control
    characters XML cannot hold; a date before March 1900 (Excel's false 1900 leap day) as text;
    rows longer or shorter than the header."""
    path = tmp_path / "export.xlsx"
    write_xlsx(path, ["A", "B", "C", "D", "E", "F"], MIXED, "Liste")
    sheet = load_workbook(path)["Liste"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[0] for row in values] == ["oui", 1, "non", 0, "court"]
    assert values[0][1:5] == ['a & b <c> "d"', datetime(2024, 7, 20), datetime(2024, 7, 20, 14, 30), 2.5]
    assert sheet["C2"].number_format == "DD/MM/YYYY"
    assert sheet["D2"].number_format == "DD/MM/YYYY HH:MM"
    assert values[1][1:3] == [" deux espaces ", "31/12/1899"]
    assert values[2][1] == "ligne\nsuite" and values[2][5] == "'=1+1"
    assert values[3][4] == 10**15 and values[3][6] == "au-delà des titres"
    assert values[0][5] is None and values[1][5] in (None, "")
    assert sheet.max_row == 6 and sheet.max_column == 7


def test_xlsx_is_a_well_formed_package(tmp_path: Path) -> None:
    """Every part is well-formed XML, declared in [Content_Types].xml and reached from the
    package's relationships; the sheet's name is one Excel accepts."""
    import zipfile
    from xml.etree import ElementTree

    path = tmp_path / "export.xlsx"
    write_xlsx(path, HEADERS, ROWS, "Tableau : [bord] / 2024 ? * très long titre de feuille")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        parts = {name: ElementTree.fromstring(archive.read(name)) for name in archive.namelist()}
    declared = {
        o.get("PartName").lstrip("/")
        for o in parts["[Content_Types].xml"]
        if o.get("PartName")
    }
    assert declared == {name for name in parts if not name.endswith(".rels")} - {"[Content_Types].xml"}
    targets = {r.get("Target") for r in parts["_rels/.rels"]} | {
        "xl/" + r.get("Target") for r in parts["xl/_rels/workbook.xml.rels"]
    }
    assert declared <= targets
    [name] = load_workbook(path).sheetnames
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
