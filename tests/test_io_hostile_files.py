"""Hostile import files: zip bombs, huge cells, stray bytes, misplaced quotes; refused fast and clearly."""

from __future__ import annotations

import struct
import time
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.io.columns import CANDIDATES
from monmaster_desktop.io.tabular import MAX_CELL, TableError, read_table

HEADER = ["candidate_number", "last_name", "first_name"]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the sizes the archive declares for ``member`` (central directory and local
    header), as a zip bomb does: the bytes stay small, the stated XML is huge."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    central = data.find(b"PK\x01\x02" + b"\x00" * 0)  # first central directory entry
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, size)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    else:
        raise AssertionError(f"{member} not in {path}")
    path.write_bytes(bytes(data))


def zip_with(path: Path, template: Path, replaced: dict[str, bytes]) -> Path:
    """A copy of the workbook ``template`` with some parts replaced (deflated)."""
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, replaced.get(info.filename, source.read(info)))
        for name, content in replaced.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return path


def refused_quickly(path: Path, pattern: str) -> str:
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(TableError, match=pattern) as refusal:
        read_table(path, CANDIDATES)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 5, f"refused after {elapsed:.1f} s"
    assert peak < 50 * 1024 * 1024, f"{peak / 1e6:.0f} MB used before refusing"
    return refusal.value.message


def test_declared_huge_sheet_is_refused_before_parsing(tmp_path: Path) -> None:
    """A sheet declared at 1.7 GB of XML (the 10 MB → 1.7 GB bomb) is refused in seconds."""
    path = workbook(tmp_path / "bombe.xlsx", [["M1", "Martin", "Léa"]])
    declare_size(path, "xl/worksheets/sheet1.xml", 1_700_000_000)
    message = refused_quickly(path, "classeur refusé sans être lu")
    assert "xl/worksheets/sheet1.xml" in message and "1,6 Go" in message


def test_declared_huge_shared_strings_are_refused(tmp_path: Path) -> None:
    """A 3 GB shared string table is refused from the archive's directory, not by reading it."""
    path = workbook(tmp_path / "chaines.xlsx", [["M1", "Martin", "Léa"]])
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>'
    )
    bomb = zip_with(tmp_path / "bombe.xlsx", path, {"xl/sharedStrings.xml": strings})
    declare_size(bomb, "xl/sharedStrings.xml", 3_000_000_000)
    refused_quickly(bomb, "sharedStrings.xml")


def test_one_huge_shared_string_is_refused_while_streaming(tmp_path: Path) -> None:
    """A 2 MB string inside a small archive is found by the streamed scan, never parsed."""
    path = workbook(tmp_path / "chaines.xlsx", [["M1", "Martin", "Léa"]])
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        + b"A" * 2_000_000
        + b"</t></si></sst>"
    )
    bomb = zip_with(tmp_path / "longue.xlsx", path, {"xl/sharedStrings.xml": strings})
    assert bomb.stat().st_size < 100_000
    refused_quickly(bomb, "cellule de plus de 32")


def test_a_sheet_past_excels_rows_is_refused_while_streaming(tmp_path: Path) -> None:
    """1,100,000 empty rows in 100 KB of zip: refused for its rows, in seconds."""
    path = workbook(tmp_path / "lignes.xlsx", [["M1", "Martin", "Léa"]])
    with zipfile.ZipFile(path) as source:
        sheet = source.read("xl/worksheets/sheet1.xml")
    head, tail = sheet.split(b"</sheetData>")
    rows = b"".join(b'<row r="%d"/>' % n for n in range(3, 1_100_003))
    bomb = zip_with(
        tmp_path / "bombe.xlsx",
        path,
        {"xl/worksheets/sheet1.xml": head + rows + b"</sheetData>" + tail},
    )
    refused_quickly(bomb, "plus de 1\u202f048\u202f576 lignes")


def test_a_cell_over_excels_limit_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    """A 40,000-character cell (Excel itself cannot write one; openpyxl cuts it) names its row."""
    path = workbook(tmp_path / "cellule.xlsx", [["M1", "Martin", "Léa"], ["M2", "Durand", "Jo"]])
    with zipfile.ZipFile(path) as source:
        sheet = source.read("xl/worksheets/sheet1.xml")
    long_cell = b'<c r="B3" t="inlineStr"><is><t>' + b"D" * 40_000 + b"</t></is></c>"
    start = sheet.index(b'<c r="B3"')
    end = sheet.index(b"</c>", start) + len(b"</c>")
    edited = zip_with(
        tmp_path / "longue.xlsx",
        path,
        {"xl/worksheets/sheet1.xml": sheet[:start] + long_cell + sheet[end:]},
    )
    message = refused_quickly(edited, "cellule de 40")
    assert message.startswith("longue.xlsx:3 : ") and "(colonne 2)" in message


# -- CSV ---------------------------------------------------------------------------------------


def test_quoted_field_over_the_limit_is_not_called_an_unclosed_quote(tmp_path: Path) -> None:
    """A well-formed quoted 200,000-character field: « cellule trop longue », at its line."""
    path = tmp_path / "c.csv"
    path.write_text('candidate_number;last_name\nM1;"Dupont"\nM2;"' + "x" * 200_000 + '"\n')
    with pytest.raises(TableError) as refusal:
        read_table(path, CANDIDATES)
    message = refusal.value.message
    assert message.startswith("c.csv:3 : cellule trop longue")
    assert "guillemet" not in message


def test_huge_field_and_control_characters_are_not_echoed_raw(db: Database, tmp_path: Path) -> None:
    """A 50 MB birth date and control characters: each report line stays short and printable."""
    path = tmp_path / "c.csv"
    header = "candidate_number;last_name;first_name;birth_date;nationality;residence_country;"
    header += "diploma;enrolment_history\n"
    path.write_text(
        header
        + "M1;Martin;Léa;"
        + "9" * 30_000
        + ";FR;FR;licence;never\n"
        + "M2;Dur\x1b[31mand;Léa;2001-01-01;F\x07R;FR;licence;never\n",
        encoding="utf-8",
    )
    result = ImportController(db).run(path, None)
    assert not result.written and result.problems
    for line in result.problem_lines():
        assert len(line) < 700, line
        assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in line), line
    assert any("30\u202f000 caractères" in p.message for p in result.problems)
    assert any("<U+001B>" in p.message for p in result.problems)
    # The limit itself: the same file with a cell over Excel's limit is refused as such.
    path.write_text(header + "M1;Martin;Léa;" + "9" * (MAX_CELL + 1) + ";FR;FR;licence;never\n")
    result = ImportController(db).run(path, None)
    assert "au-delà de la limite de 32\u202f767 caractères" in result.problems[0].message


def test_unclosed_quote_is_reported_at_the_line_it_opens(tmp_path: Path) -> None:
    """An unclosed quote that swallows the next line up to its quotes is reported where it opens."""
    path = tmp_path / "c.csv"
    path.write_text(
        'candidate_number;last_name\nM1;"Dupont\nM2;"Durand";x\nM3;"Petit"\n', encoding="utf-8"
    )
    with pytest.raises(TableError) as refusal:
        read_table(path, CANDIDATES)
    assert refusal.value.message.startswith("c.csv:2 : guillemet ouvert sur cette ligne")


def test_utf8_file_with_one_stray_byte_is_refused_naming_line_and_byte(tmp_path: Path) -> None:
    """« Université » in UTF-8 and one Windows-1252 « é »: refused, not read as Windows-1252."""
    path = tmp_path / "c.csv"
    path.write_bytes(
        b"candidate_number;last_name\nM1;Universit\xc3\xa9\nM2;Lef\xc3\xa8vre\nM3;Caf\xe9\n"
    )
    with pytest.raises(TableError) as refusal:
        read_table(path, CANDIDATES)
    message = refusal.value.message
    assert message.startswith("c.csv:4 : octet 0xE9 invalide en UTF-8 après « M3;Caf »")


def test_genuine_windows_1252_file_is_read_and_the_report_says_so(
    db: Database, tmp_path: Path
) -> None:
    """A file entirely in Windows-1252 is still read, and the report names the encoding."""
    path = tmp_path / "c.csv"
    text = (
        "candidate_number;last_name;first_name;birth_date;nationality;residence_country;"
        "diploma;enrolment_history\nM1;Lefèvre;Élodie;2001-01-01;FR;FR;licence;never\n"
    )
    path.write_bytes(text.encode("cp1252"))
    result = ImportController(db).run(path, None)
    assert result.problems == []
    assert result.files_fr() == [
        "c.csv : CSV lu en Windows-1252, séparateur point-virgule, 1 ligne(s)."
    ]
