"""Export files for Excel (.csv, .xlsx): owner-only, written whole or not at all, formula-safe."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import IO

#: A text cell starting with one of these would be run as a formula by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: Texts the import would read as neutralised: they get an apostrophe too, so they come back whole.
_LOOKS_NEUTRALISED = tuple("'" + start for start in (*FORMULA_STARTS, "\n"))


def neutralise(text: str) -> str:
    """Prefix ``'`` to a text that a spreadsheet would read as a formula (the import drops it)."""
    return "'" + text if text.startswith(FORMULA_STARTS + _LOOKS_NEUTRALISED) else text


def _csv_cell(value: object) -> str:
    """A value as the import reads it back: dates DD/MM/YYYY, yes/no as oui/non."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


@contextmanager
def _owner_only_replacement(path: Path, mode: str, **open_args: str) -> Iterator[IO]:
    """A file opened owner-only (0600) beside ``path``, renamed over it only once fully written."""
    path = Path(path)
    # mkstemp creates the file with os.open(..., O_CREAT | O_EXCL, 0o600): never readable by others.
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, mode, **open_args) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_csv(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A CSV file Excel opens as is: ``;``-separated, UTF-8 with BOM, CRLF line ends."""
    with _owner_only_replacement(Path(path), "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow([neutralise(header) for header in headers])
        writer.writerows([_csv_cell(value) for value in row] for row in rows)


_WIDTH_SAMPLE = 200  # rows looked at to size the columns
_MAX_WIDTH = 60
_DATE_FORMAT = "DD/MM/YYYY"
_DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


def _display_width(value: object) -> int:
    if isinstance(value, datetime):
        return len(_DATETIME_FORMAT)
    if isinstance(value, date):
        return len(_DATE_FORMAT)
    return max((len(part) for part in str(value).splitlines()), default=0)


def write_xlsx(
    path: Path | str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str,
) -> None:
    """An Excel workbook: bold frozen header, sized columns, real dates shown DD/MM/YYYY."""
    # openpyxl is imported here: the window and the CSV export must not pay for loading it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])  # Excel's limit on sheet titles

    rows = iter(rows)
    sample = list(islice(rows, _WIDTH_SAMPLE))
    # Column widths must be set before the first row in write-only mode: size them on a sample.
    for index, header in enumerate(headers):
        widest = max(
            (_display_width(row[index]) for row in sample if index < len(row)),
            default=0,
        )
        width = min(max(widest, len(header)) + 2, _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"

    bold = Font(bold=True)

    def styled(value: object, number_format: str = "General", font: Font | None = None) -> object:
        made = WriteOnlyCell(sheet, value=value)
        made.number_format = number_format
        if font is not None:
            made.font = font
        return made

    def xlsx_cell(value: object) -> object:
        if isinstance(value, str):
            return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
        if isinstance(value, bool):
            return "oui" if value else "non"
        if isinstance(value, datetime):
            return styled(value, _DATETIME_FORMAT)
        if isinstance(value, date):
            return styled(value, _DATE_FORMAT)
        return value

    sheet.append([styled(xlsx_cell(header), font=bold) for header in headers])
    for row in chain(sample, rows):
        sheet.append([xlsx_cell(value) for value in row])

    with _owner_only_replacement(Path(path), "wb") as stream:
        workbook.save(stream)
