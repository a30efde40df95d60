"""Reading import files (.csv, .xlsx) into rows of stripped strings keyed by canonical column."""

from __future__ import annotations

import codecs
import csv
import gc
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Literal, NamedTuple

from monmaster_desktop.io.columns import FileSpec
from monmaster_desktop.io.values import shown


class TableError(Exception):
    """The file cannot be read as a table at all; ``message`` is the French sentence for the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Row(NamedTuple):
    """One record: where it starts in the file, and its values by canonical column.

    The values are kept as a tuple in the spec's column order (``cells``): a dictionary per
    record was the costliest part of reading 400,000 rows. ``values`` gives them by name.
    """

    line: int  # physical line (sheet row for .xlsx) where the record starts; header = 1
    cells: tuple[str, ...]  # every column of the spec, in ``names`` order; stripped; "" if absent
    extra: tuple[str, ...] = ()  # non-empty cells beyond the last header: a shifted row
    names: tuple[str, ...] = ()  # the spec's canonical names, in the order of ``cells``

    @property
    def values(self) -> dict[str, str]:
        """The values by canonical column (a new dictionary at each call: bind it once)."""
        return dict(zip(self.names, self.cells))


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
    #: Columns with values under an empty header: column number (from 1) -> first such line.
    unnamed_columns: dict[int, int] = field(default_factory=dict)

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


#: Limits that keep a hostile file from eating the machine (each refused in seconds, with a
#: French message, before the file is parsed). A cell holds at most what Excel lets a cell hold,
#: a sheet at most Excel's rows; our own export of 500,000 applications is about 400 MB of XML.
MAX_CELL = 32_767
MAX_ROWS = 1_048_576
MAX_CSV_BYTES = 512 * 1024 * 1024
MAX_XLSX_PART = 1024 * 1024 * 1024
MAX_XLSX_STRINGS = 64 * 1024 * 1024
MAX_XLSX_TOTAL = 1536 * 1024 * 1024
#: Cells kept beyond the last header of a row (to report a shifted row; the rest are counted).
MAX_EXTRA_CELLS = 5


def _size_fr(size: int) -> str:
    if size >= 1024 * 1024 * 1024:
        return f"{size / (1024 * 1024 * 1024):.1f} Go".replace(".", ",")
    return f"{size / (1024 * 1024):.0f} Mo"


#: A well-formed multi-byte UTF-8 sequence: evidence that a file is UTF-8.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read with, decided for the whole file with
    evidence: UTF-8 (BOM or not) when it decodes; Windows-1252 when no byte sequence of it is
    UTF-8; a file that is UTF-8 but for a few bytes is refused, naming the line and the byte,
    rather than read as Windows-1252 (« UniversitÃ© »)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TableError(
            f"{path.name} : fichier en UTF-16, non pris en charge ; "
            "enregistrez-le en « CSV UTF-8 (délimité par des points-virgules) »"
        )
    if b"\x00" in data:
        raise TableError(f"{path.name} : ce n'est pas un fichier texte CSV")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8-sig" if bom else "utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as error:
        if bom or _UTF8_SEQUENCE.search(data):
            raise _stray_bytes(path, data, error) from None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        line, byte, _ = _where(data, error.start)
        raise TableError(
            f"{path.name}:{line} : octet 0x{byte:02X} inconnu en Windows-1252 comme en UTF-8 ; "
            "enregistrez le fichier en « CSV UTF-8 »"
        ) from None


def _where(data: bytes, offset: int) -> tuple[int, int, str]:
    """Line (from 1), byte value and the text just before ``offset`` on its line."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    before = data[max(start, offset - 40) : offset].decode("utf-8", "replace")
    return line, data[offset], before


def _stray_bytes(path: Path, data: bytes, error: UnicodeDecodeError) -> TableError:
    line, byte, before = _where(data, error.start)
    count = data.decode("utf-8", "replace").count("\ufffd") - data.count("\ufffd".encode())
    after = f" après « {shown(before.lstrip(), 30)} »" if before.strip() else ""
    return TableError(
        f"{path.name}:{line} : octet 0x{byte:02X} invalide en UTF-8{after} ({count} octet(s) "
        "invalide(s) en tout) alors que le reste du fichier est en UTF-8 ; le fichier est "
        "refusé plutôt que lu en Windows-1252 : corrigez ce caractère ou ré-enregistrez le "
        "fichier en « CSV UTF-8 »"
    )


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
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise TableError(
                f"{path.name} : fichier de {_size_fr(size)}, au-delà de la limite de "
                f"{_size_fr(MAX_CSV_BYTES)} pour un fichier d'import"
            )
        data = path.read_bytes()
    except OSError as error:
        raise TableError(f"{path.name} : lecture impossible ({error.strerror})") from error
    text, encoding = _decode(path, data)
    del data
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
        lines = unified.split("\n")
        if max(map(len, lines), default=0) > MAX_CELL:
            _refuse_long_cell(path, lines, delimiter)
        records = enumerate(map(methodcaller("split", delimiter), lines), start=1)
    else:
        records = _quoted_csv_records(path, text, delimiter)
    with _gc_paused():
        return _build_table(path, "csv", encoding, delimiter, records, spec, neutralised, assigned)


def _neutralised_field_starts(delimiter: str) -> re.Pattern[str]:
    """In unquoted CSV text: the apostrophe opening a neutralised field (see ``_NEUTRALISED``)."""
    return re.compile(rf"(?<=[{re.escape(delimiter)}\n])'(?='?[=+\-@\t])")


def _refuse_long_cell(path: Path, lines: list[str], delimiter: str) -> None:
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_CELL:
            for column, cell in enumerate(line.split(delimiter), start=1):
                if len(cell) > MAX_CELL:
                    raise _long_cell(path, number, len(cell), column)


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _long_cell(path: Path, line: int, length: int | None, column: int | None = None) -> TableError:
    size = f"de {_thousands(length)} caractères" if length else "trop longue"
    where = f" (colonne {column})" if column else ""
    return TableError(
        f"{path.name}:{line} : cellule {size}{where}, au-delà de la limite de "
        f"{_thousands(MAX_CELL)} caractères (celle d'Excel) ; le fichier est refusé"
    )


def _quoted_csv_records(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each record of a CSV text with quotes, and the physical line it starts on (header = 1)."""
    # strict: an unclosed quote is refused instead of swallowing the rest of the file. The
    # field limit (process-wide in the csv module) is Excel's cell limit while reading.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    previous_limit = csv.field_size_limit(MAX_CELL)
    try:
        for fields in reader:
            yield start, fields
            start = reader.line_num + 1
    except csv.Error as error:
        raise _csv_error(path, str(error), start, reader.line_num) from None
    finally:
        csv.field_size_limit(previous_limit)


def _csv_error(path: Path, reason: str, start: int, end: int) -> TableError:
    """The csv module's complaint as a French sentence at the line where the trouble starts."""
    if "field larger than field limit" in reason:
        return _long_cell(path, start, None)
    if "unexpected end of data" in reason:
        return TableError(
            f"{path.name}:{start} : guillemet ouvert sur cette ligne et jamais refermé : le reste "
            "du fichier serait lu comme une seule cellule"
        )
    if "expected after" in reason and end != start:
        # A quote that spans lines and then closes before other text: almost always a quote
        # left open on the record's first line that swallowed the next ones.
        return TableError(
            f"{path.name}:{start} : guillemet ouvert sur cette ligne et refermé seulement "
            f"ligne {end}, suivi d'autre chose qu'un séparateur (guillemet non refermé ?)"
        )
    if "expected after" in reason:
        return TableError(
            f"{path.name}:{start} : guillemet mal placé : après un guillemet fermant, seul le "
            "séparateur ou la fin de ligne est permis"
        )
    return TableError(
        f"{path.name}:{start} : ligne CSV mal formée (guillemet non refermé ou mal placé)"
    )


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
            # The rows made meanwhile join the oldest generation: in the youngest, the next
            # collection would walk them all at once to find no cycle (controllers.records).
            gc.freeze()
            gc.unfreeze()
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

    _check_xlsx_archive(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise TableError(f"{path.name} : lecture impossible ({error.strerror})") from error
    except Exception as error:  # openpyxl raises many kinds on a damaged or foreign file
        raise TableError(f"{path.name} : ce n'est pas un classeur Excel .xlsx lisible") from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # trust the cells, not the size the writing program declared
        records = _xlsx_records(path, sheet.iter_rows(values_only=True))
        with _gc_paused():
            return _build_table(path, "xlsx", None, None, records, spec, True, assigned)
    except TableError:
        raise
    except Exception as error:  # same: a sheet damaged past its first rows
        raise TableError(f"{path.name} : classeur Excel illisible ({error})") from error
    finally:
        workbook.close()


def _xlsx_records(path: Path, rows: Iterable[tuple]) -> Iterator[tuple[int, list[str]]]:
    for number, values in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise _too_many_rows(path)
        cells = [_cell_text(value) for value in values]
        for column, cell in enumerate(cells, start=1):
            if len(cell) > MAX_CELL:
                raise _long_cell(path, number, len(cell), column)
        yield number, cells


def _too_many_rows(path: Path) -> TableError:
    return TableError(
        f"{path.name} : plus de {_thousands(MAX_ROWS)} lignes (la limite d'Excel) ; "
        "le classeur est refusé"
    )


#: Scanned in windows of this many bytes: a text run (between two XML tags) twice as long
#: surely holds a window without « < »; no cell of 32,767 characters, escaped, is that long.
_XML_WINDOW = 200_000


def _check_xlsx_archive(path: Path) -> None:
    """Refuse, before parsing, a workbook that would take minutes or gigabytes to read: its
    parts' sizes once uncompressed (as the archive declares them: the zip reader never gives
    more), then its sheets' rows and the longest text run, streamed in bounded memory."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError):
        return  # not a zip at all: the workbook reader gives the usual refusal
    with archive:
        parts = archive.infolist()
        for part in parts:
            name = part.filename.lower()
            limit = MAX_XLSX_STRINGS if name.endswith("sharedstrings.xml") else MAX_XLSX_PART
            if part.file_size > limit:
                raise _bomb(
                    path, f"la partie {part.filename} fait {_size_fr(part.file_size)}", limit
                )
        total = sum(part.file_size for part in parts)
        if total > MAX_XLSX_TOTAL:
            raise _bomb(path, f"{_size_fr(total)} une fois décompressé", MAX_XLSX_TOTAL)
        for part in parts:
            name = part.filename.lower()
            if name.endswith("sharedstrings.xml") or (
                name.startswith("xl/worksheets/") and name.endswith(".xml")
            ):
                _scan_xml(path, archive, part)


def _scan_xml(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    rows = 0
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(5 * _XML_WINDOW):
                rows += chunk.count(b"<row") + chunk.count(b":row ")
                if rows > MAX_ROWS:
                    raise _too_many_rows(path)
                for start in range(0, len(chunk) - _XML_WINDOW + 1, _XML_WINDOW):
                    if chunk.find(b"<", start, start + _XML_WINDOW) == -1:
                        raise TableError(
                            f"{path.name} : une cellule de plus de {_thousands(MAX_CELL)} "
                            "caractères (la limite d'Excel) dans "
                            f"{part.filename} ; le classeur est refusé"
                        )
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return  # damaged or encrypted: the workbook reader gives the usual refusal


def _bomb(path: Path, what: str, limit: int) -> TableError:
    return TableError(
        f"{path.name} : classeur refusé sans être lu : {what}, au-delà de {_size_fr(limit)} ; "
        "un fichier de candidatures n'atteint pas cette taille (classeur piégé ou endommagé ?)"
    )


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
    new_row = tuple.__new__  # Row(...) without the named tuple's Python-level constructor
    indexes = [column_index.get(name, -1) for name in names]
    # An absent column reads the "" appended to the record: index -1.
    pad = -1 in indexes
    pick = _getter(indexes)
    strip = str.strip
    neutralised = _NEUTRALISED.match if may_hold_neutralised else None
    rows: list[Row] = []
    append = rows.append
    blank = [index for index, header in enumerate(headers) if not header]
    unnamed: dict[int, int] = {}
    for line, fields in records:
        extra: tuple[str, ...] = ()
        if len(fields) != width:
            if len(fields) > width:
                extra = tuple(cell.strip() for cell in fields[width:] if cell.strip())
                if len(extra) > MAX_EXTRA_CELLS:
                    extra = (*extra[:MAX_EXTRA_CELLS], f"… {len(extra) - MAX_EXTRA_CELLS} autre(s)")
                del fields[width:]
            else:
                fields.extend([""] * (width - len(fields)))
        if blank:
            for index in blank:
                if index + 1 not in unnamed and fields[index].strip():
                    unnamed[index + 1] = line
        if pad:
            fields.append("")
        cells = tuple(map(strip, pick(fields)))
        if not any(cells) and not extra and not any(map(strip, fields)):
            continue  # an entirely empty line
        if neutralised is not None and any(map(neutralised, cells)):
            cells = tuple(map(_unneutralise, cells))
        append(new_row(Row, (line, cells, extra, names)))
    return Table(
        path, kind, encoding, delimiter, headers, mapping, unknown, missing, rows, ignored, unnamed
    )


def _getter(indexes: list[int]) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """``operator.itemgetter`` that always returns a tuple, even for a single index."""
    if len(indexes) == 1:
        (index,) = indexes
        return lambda fields: (fields[index],)
    return itemgetter(*indexes)


def _unneutralise(value: str) -> str:
    """Drop the apostrophe our writers put before a formula-like cell, so exports import back."""
    return value[1:].strip() if _NEUTRALISED.match(value) else value
