"""Reading import files (.csv, .xlsx) into rows of stripped strings keyed by canonical column."""

from __future__ import annotations

import codecs
import csv
import gc
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Literal, NamedTuple

from monmaster_desktop.io.columns import FileSpec


class TableError(Exception):
    """The file cannot be read as a table at all; ``message`` is the French sentence for the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Row(NamedTuple):
    """One record: where it starts in the file, and its values by canonical column."""

    line: int  # physical line (sheet row for .xlsx) where the record starts; header = 1
    values: dict[str, str]  # every column of the spec; stripped; "" when empty or absent
    extra: tuple[str, ...] = ()  # non-empty cells beyond the last header: a shifted row


@dataclass(frozen=True)
class Table:
    """A file read against a :class:`FileSpec`, with what the header told about its columns."""

    path: Path
    kind: Literal["csv", "xlsx"]
    encoding: str | None  # "utf-8-sig", "utf-8" or "cp1252" for .csv; None for .xlsx
    delimiter: str | None  # ";" or "," for .csv; None for .xlsx
    headers: list[str]  # as written in the file
    mapping: dict[str, str]  # canonical name -> header as written in the file
    unknown_columns: list[str]  # headers matching no column (empty headers are ignored)
    missing_required: list[str]  # canonical names required by the spec but absent
    rows: list[Row] = field(default_factory=list)
    #: Headers the clerk chose to leave out (the window's mapping step): not refused.
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def present(self) -> frozenset[str]:
        """The canonical columns the file has: an absent one means "leave as stored"."""
        return frozenset(self.mapping)


#: Assignments of file headers to canonical columns made by the clerk (header as written ->
#: canonical name, or None to leave that column out of the import).
Assigned = Mapping[str, str | None]


def read_table(path: Path | str, spec: FileSpec, assigned: Assigned | None = None) -> Table:
    """Read a .csv or .xlsx import file; raise :class:`TableError` if it is no table at all.

    ``assigned`` maps headers the spec does not know to a column (or None: left out).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, spec, assigned or {})
    if suffix == ".xlsx":
        return _read_xlsx(path, spec, assigned or {})
    raise TableError(
        f"{path.name} : format non pris en charge ({suffix or 'sans extension'}) ; "
        "enregistrez le fichier en CSV ou en classeur Excel .xlsx"
    )


# -- CSV ----------------------------------------------------------------------------------------


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read with: UTF-8 (BOM or not), else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TableError(
            f"{path.name} : fichier en UTF-16, non pris en charge ; "
            "enregistrez-le en « CSV UTF-8 (délimité par des points-virgules) »"
        )
    if b"\x00" in data:
        raise TableError(f"{path.name} : ce n'est pas un fichier texte CSV")
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise TableError(f"{path.name} : encodage non reconnu (attendu UTF-8 ou Windows-1252)")


def _detect_delimiter(text: str) -> str:
    """``;`` or ``,``: whichever appears more often outside quotes on the header line."""
    counts = {";": 0, ",": 0}
    quoted = False
    blank = True
    for char in text:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in counts:
            counts[char] += 1
        elif char in "\r\n":
            if not blank:
                break
            continue
        blank = False
    return ";" if counts[";"] >= counts[","] else ","


def _read_csv(path: Path, spec: FileSpec, assigned: Assigned) -> Table:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TableError(f"{path.name} : lecture impossible ({error.strerror})") from error
    text, encoding = _decode(path, data)
    delimiter = _detect_delimiter(text)
    neutralised = _NEUTRALISED.search(text) is not None
    unified = text.replace("\r\n", "\n")
    records: Iterable[tuple[int, list[str]]]
    if '"' not in unified and "\r" not in unified:
        # Without quotes a record is one line and its fields are split at the separator: exactly
        # what the csv module would return, several times faster on a 400,000-line file. The
        # writers' apostrophes are dropped here in one pass over the text, not cell by cell.
        if neutralised:
            unified = _neutralised_field_starts(delimiter).sub("", unified)
            neutralised = False
        records = enumerate(map(methodcaller("split", delimiter), unified.split("\n")), start=1)
    else:
        records = _quoted_csv_records(path, text, delimiter)
    with _gc_paused():
        return _build_table(path, "csv", encoding, delimiter, records, spec, neutralised, assigned)


def _neutralised_field_starts(delimiter: str) -> re.Pattern[str]:
    """In unquoted CSV text: the apostrophe opening a neutralised field (see ``_NEUTRALISED``)."""
    return re.compile(rf"(?<=[{re.escape(delimiter)}\n])'(?='?[=+\-@\t])")


def _quoted_csv_records(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each record of a CSV text with quotes, and the physical line it starts on (header = 1)."""
    # strict: an unclosed quote is refused instead of swallowing the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for fields in reader:
            yield start, fields
            start = reader.line_num + 1
    except csv.Error as error:
        raise TableError(
            f"{path.name}:{start} : ligne CSV mal formée (guillemet non refermé ou mal placé)"
        ) from error


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while building rows: they hold no cycles, and the collector
    would otherwise walk the growing list again and again (a third of the reading time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- XLSX ---------------------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    """A cell as the clerk sees it: dates ISO, whole numbers without ``.0``, empty as ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path, spec: FileSpec, assigned: Assigned) -> Table:
    # openpyxl is imported here: reading a CSV file must not pay for loading it.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise TableError(f"{path.name} : lecture impossible ({error.strerror})") from error
    except Exception as error:  # openpyxl raises many kinds on a damaged or foreign file
        raise TableError(f"{path.name} : ce n'est pas un classeur Excel .xlsx lisible") from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # trust the cells, not the size the writing program declared
        records = (
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        with _gc_paused():
            return _build_table(path, "xlsx", None, None, records, spec, True, assigned)
    except TableError:
        raise
    except Exception as error:  # same: a sheet damaged past its first rows
        raise TableError(f"{path.name} : classeur Excel illisible ({error})") from error
    finally:
        workbook.close()


# -- Common -------------------------------------------------------------------------------------

#: A cell our writers neutralised against formula injection: an apostrophe before = + - @ tab CR
#: (an .xlsx file stores that CR as LF: XML normalises line ends), or before a text that itself
#: looked neutralised. The import drops that one apostrophe.
_NEUTRALISED = re.compile(r"''?[=+\-@\t\r\n]")


def _build_table(
    path: Path,
    kind: Literal["csv", "xlsx"],
    encoding: str | None,
    delimiter: str | None,
    records: Iterable[tuple[int, list[str]]],
    spec: FileSpec,
    may_hold_neutralised: bool,
    assigned: Assigned,
) -> Table:
    """Header matching and row building, shared by both formats; the hot loop of an import.

    ``may_hold_neutralised`` False skips looking for cells our writers neutralised (CSV files
    where the pattern appears nowhere), keeping the loop free of per-cell checks.
    """
    records = iter(records)
    first = next((record for record in records if any(cell.strip() for cell in record[1])), None)
    if first is None:
        raise TableError(f"{path.name} : fichier vide, sans ligne d'en-tête")
    header_line, header_fields = first
    headers = [cell.strip() for cell in header_fields]

    mapping: dict[str, str] = {}
    column_index: dict[str, int] = {}
    unknown: list[str] = []
    ignored: list[str] = []
    for index, header in enumerate(headers):
        if not header:
            continue
        name = assigned[header] if header in assigned else spec.match(header)
        if name is None:
            known = header in assigned or spec.is_derived(header)
            (ignored if known else unknown).append(header)
        elif name in mapping:
            raise TableError(
                f"{path.name}:{header_line} : les colonnes « {mapping[name]} » et « {header} » "
                f"désignent toutes deux {name}"
            )
        else:
            mapping[name] = header
            column_index[name] = index
    missing = [name for name in spec.required if name not in mapping]

    width = len(headers)
    names = spec.names
    indexes = [column_index.get(name, -1) for name in names]
    # An absent column reads the "" appended to the record: index -1.
    pad = -1 in indexes
    pick = _getter(indexes)
    strip = str.strip
    neutralised = _NEUTRALISED.match if may_hold_neutralised else None
    rows: list[Row] = []
    append = rows.append
    for line, fields in records:
        extra: tuple[str, ...] = ()
        if len(fields) != width:
            if len(fields) > width:
                extra = tuple(cell.strip() for cell in fields[width:] if cell.strip())
                del fields[width:]
            else:
                fields.extend([""] * (width - len(fields)))
        if pad:
            fields.append("")
        values = dict(zip(names, map(strip, pick(fields))))
        if not any(values.values()) and not extra and not any(map(strip, fields)):
            continue  # an entirely empty line
        if neutralised is not None and any(map(neutralised, values.values())):
            values = {name: _unneutralise(value) for name, value in values.items()}
        append(Row(line, values, extra))
    return Table(path, kind, encoding, delimiter, headers, mapping, unknown, missing, rows, ignored)


def _getter(indexes: list[int]) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """``operator.itemgetter`` that always returns a tuple, even for a single index."""
    if len(indexes) == 1:
        (index,) = indexes
        return lambda fields: (fields[index],)
    return itemgetter(*indexes)


def _unneutralise(value: str) -> str:
    """Drop the apostrophe our writers put before a formula-like cell, so exports import back."""
    return value[1:].strip() if _NEUTRALISED.match(value) else value
