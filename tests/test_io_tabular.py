"""Reading import files: encodings, separators, quoting, French headers, .xlsx, refusals."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from monmaster_desktop.io.columns import APPLICATIONS, CANDIDATES, FRENCH_HEADERS
from monmaster_desktop.io.tabular import TableError, read_table

HEADER = "candidate_number;last_name;first_name;birth_date;nationality"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_utf8(tmp_path: Path) -> None:
    """A UTF-8 file with ; is read with its accents, values stripped, header counted as line 1."""
    path = write(tmp_path, "c.csv", f"{HEADER}\nM1; Dupont ;Hélène;2001-02-03;MA\n")
    table = read_table(path, CANDIDATES)
    assert (table.kind, table.encoding, table.delimiter) == ("csv", "utf-8", ";")
    [row] = table.rows
    assert row.line == 2
    assert row.values["last_name"] == "Dupont"
    assert row.values["first_name"] == "Hélène"
    assert row.values["email"] == ""  # absent columns read as empty


def test_utf8_with_bom_and_commas(tmp_path: Path) -> None:
    """A BOM is not part of the first header, and a ,-file is recognised as such."""
    path = write(tmp_path, "c.csv", "\ufeff" + HEADER.replace(";", ",") + "\r\nM1,Zoé,Léa,,FR\r\n")
    table = read_table(path, CANDIDATES)
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert table.mapping["candidate_number"] == "candidate_number"
    assert table.rows[0].values["last_name"] == "Zoé"


def test_windows_1252_accents(tmp_path: Path) -> None:
    """A file saved by Excel in Windows-1252 keeps é, è, ç, œ and the French headers."""
    text = "Numéro candidat;Nom;Prénom\r\nM1;Cœur-Lefèvre;François\r\n"
    table = read_table(write(tmp_path, "c.csv", text, "cp1252"), CANDIDATES)
    assert table.encoding == "cp1252"
    assert table.rows[0].values["last_name"] == "Cœur-Lefèvre"
    assert table.rows[0].values["first_name"] == "François"


def test_quoted_separators_and_newlines_keep_line_numbers(tmp_path: Path) -> None:
    """Quoted fields may hold separators and line breaks; later records keep their true line."""
    text = (
        'candidate_number,last_name,"first_name"\n'
        'M1,"Martin, dit ""Le Grand""",Paul\n'
        'M2,"Durand\nsur deux lignes",Anne\n'
        "\n"
        "M3,Petit,Luc\n"
    )
    table = read_table(write(tmp_path, "c.csv", text), CANDIDATES)
    assert table.delimiter == ","
    assert [row.line for row in table.rows] == [2, 3, 6]
    assert table.rows[0].values["last_name"] == 'Martin, dit "Le Grand"'
    assert table.rows[1].values["last_name"] == "Durand\nsur deux lignes"


def test_separator_detection_ignores_quoted_header_commas(tmp_path: Path) -> None:
    """A ;-file whose header has a comma inside quotes is still read as ;-separated."""
    text = '"Nom, usage";candidate_number;prénom\nDupont;M1;Jean\n'
    table = read_table(write(tmp_path, "c.csv", text), CANDIDATES)
    assert table.delimiter == ";"
    assert table.unknown_columns == ["Nom, usage"]


def test_french_headers_any_case_and_accents(tmp_path: Path) -> None:
    """French header names match whatever their case, accents, underscores or spacing."""
    text = "NUMERO_CANDIDAT; date de  naissance ;Nationalite;Pays de résidence;N° candidat2\nM1;01/02/2001;MA;FR;x\n"
    table = read_table(write(tmp_path, "c.csv", text), CANDIDATES)
    assert table.mapping == {
        "candidate_number": "NUMERO_CANDIDAT",
        "birth_date": "date de  naissance",
        "nationality": "Nationalite",
        "residence_country": "Pays de résidence",
    }
    assert table.unknown_columns == ["N° candidat2"]
    assert table.rows[0].values["birth_date"] == "01/02/2001"


def test_unknown_and_missing_columns_are_reported(tmp_path: Path) -> None:
    """Columns matching nothing and required columns absent are both listed."""
    text = "candidate_number;campagne;UAI;couleur\nM1;2024;0134009M;bleu\n"
    table = read_table(write(tmp_path, "a.csv", text), APPLICATIONS)
    assert table.unknown_columns == ["couleur"]
    assert table.missing_required == ["mention", "training_type", "submitted_on", "status"]
    assert table.rows[0].values["institution_code"] == "0134009M"


def test_every_export_title_reads_back() -> None:
    """Each French title an export writes is recognised as its own column on import."""
    for spec in (CANDIDATES, APPLICATIONS):
        for name in spec.names:
            assert spec.match(FRENCH_HEADERS[name]) == name


def test_empty_lines_skipped_short_rows_padded_long_rows_flagged(tmp_path: Path) -> None:
    """Blank and separator-only lines vanish; short rows pad with ""; extra cells are kept aside."""
    text = "candidate_number;last_name;first_name\n\nM1;Dupont\n;;\nM2;Durand;Anne;surplus;\n"
    table = read_table(write(tmp_path, "c.csv", text), CANDIDATES)
    assert [(row.line, row.values["first_name"], row.extra) for row in table.rows] == [
        (3, "", ()),
        (5, "Anne", ("surplus",)),
    ]


def test_duplicate_column_is_refused(tmp_path: Path) -> None:
    """Two headers naming the same column make the file unreadable, with both names given."""
    path = write(tmp_path, "c.csv", "nom;last_name\nA;B\n")
    with pytest.raises(TableError, match="« nom » et « last_name »"):
        read_table(path, CANDIDATES)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.csv", b"", "vide"),
        ("blanc.csv", b"\r\n  \r\n", "vide"),
        ("binaire.csv", bytes(range(256)) * 4, "pas un fichier texte"),
        ("utf16.csv", "nom;prénom\n".encode("utf-16"), "UTF-16"),
        ("faux.xlsx", b"PK\x03\x04 ceci n'est pas un classeur", "classeur Excel"),
        ("ancien.xls", b"\xd0\xcf\x11\xe0", "format non pris en charge"),
    ],
)
def test_unreadable_files_are_refused(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    """Empty, binary, UTF-16, damaged or old-format files are refused with a French reason."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableError, match=message):
        read_table(path, CANDIDATES)


def test_unclosed_quote_is_refused_at_its_line(tmp_path: Path) -> None:
    """An unclosed quote is refused, naming the line it opens on, rather than eating the file."""
    path = write(tmp_path, "c.csv", 'candidate_number;last_name\nM1;Dupont\nM2;"Durand\nM3;Petit\n')
    with pytest.raises(
        TableError, match=r"c\.csv:3 : guillemet ouvert sur cette ligne et jamais refermé"
    ):
        read_table(path, CANDIDATES)


@pytest.mark.parametrize("quote", ["", '"'])
def test_writer_apostrophes_are_dropped_with_or_without_quotes(tmp_path: Path, quote: str) -> None:
    """The apostrophe our exports put before = + - @ is dropped once, only at a cell's start."""
    text = f"candidate_number;last_name;phone\nM1;{quote}''=x{quote};'+33 6\nM2;D'Arc;'-1'\n"
    table = read_table(write(tmp_path, "c.csv", text), CANDIDATES)
    values = [(row.values["last_name"], row.values["phone"]) for row in table.rows]
    assert values == [("'=x", "+33 6"), ("D'Arc", "-1'")]


def test_missing_file_is_refused(tmp_path: Path) -> None:
    """A file that does not exist is a TableError, not an OSError."""
    with pytest.raises(TableError, match="lecture impossible"):
        read_table(tmp_path / "absent.csv", CANDIDATES)


def test_xlsx_cells_become_faithful_strings(tmp_path: Path) -> None:
    """An Excel sheet reads with dates as ISO, whole numbers without .0 and sheet row numbers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Numéro candidat", "Nom", "Date de naissance", "INE", "Redoublement M1", None])
    sheet.append(["M1", "Dupont ", datetime(2001, 2, 3, 0, 0), 1234567890.0, True, None])
    sheet.append([])
    sheet.append(["M2", "Durand", date(2000, 12, 31), 42, None, None])
    sheet.append(["M3", "Petit", None, 2.5, "non", None])
    path = tmp_path / "c.xlsx"
    workbook.save(path)

    table = read_table(path, CANDIDATES)
    assert (table.kind, table.encoding, table.delimiter) == ("xlsx", None, None)
    assert table.unknown_columns == []
    assert [row.line for row in table.rows] == [2, 4, 5]
    first, second, third = (row.values for row in table.rows)
    assert (first["last_name"], first["birth_date"], first["ine"]) == (
        "Dupont",
        "2001-02-03",
        "1234567890",
    )
    assert first["repeating_m1"] == "true"
    assert (second["birth_date"], second["ine"]) == ("2000-12-31", "42")
    assert (third["birth_date"], third["ine"]) == ("", "2.5")
