"""Export files for Excel (.csv, .xlsx): owner-only, written whole or not at all, formula-safe."""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import socket
import tempfile
import threading
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


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname().split(".")[0]) or "poste"


def temporary_prefix(target: Path) -> str:
    """Name start of the temporary files written beside ``target``: hidden, naming this
    computer and process, so that a later run can tell a dead export's leftovers from a live one."""
    return f".{target.name}.{_host()}-{os.getpid()}."


_LEFTOVER = re.compile(r"^\..+\.(?P<host>[A-Za-z0-9_]+)-(?P<pid>\d+)\.[^.]*\.(part|tmpdir)$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def clean_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files (``.part``) and folders (``.tmpdir``) that an export, a PDF or
    a backup killed midway left in ``folder``: they may hold names and e-mails. Only those made
    on this computer by a process that no longer runs are touched."""
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    host = _host()
    for entry in entries:
        found = _LEFTOVER.match(entry.name)
        if not found or found["host"] != host or _alive(int(found["pid"])):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


#: The folders where this desk wrote temporaries (in the data folder): cleaned at every start,
#: so a killed export's leftovers do not wait for the next export into the same folder.
TEMPORARY_FOLDERS = "dossiers-temporaires.txt"


def _remember_folder(folder: Path) -> None:
    from monmaster_desktop import paths

    try:
        # never creates the data folder: a desk that has none yet has no start to clean at
        registry = paths.data_dir_location() / TEMPORARY_FOLDERS
        entry = str(Path(folder).resolve())
        known = registry.read_text(encoding="utf-8").splitlines() if registry.exists() else []
        if entry not in known:
            fd = os.open(registry, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as stream:
                stream.write(entry + "\n")
    except OSError:
        pass  # a reminder only: the next export into that folder cleans it as well


def clean_stale_temporaries_at_start() -> list[Path]:
    """At start: delete dead exports' leftovers in every folder this desk ever wrote to."""
    from monmaster_desktop import paths

    registry = paths.data_dir_location() / TEMPORARY_FOLDERS
    try:
        folders = registry.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    removed: list[Path] = []
    for folder in folders:
        removed += clean_stale_temporaries(Path(folder))
    return removed


def private_temporary(target: Path) -> Path:
    """An empty owner-only (0600) file beside ``target``, for writing it before the rename."""
    clean_stale_temporaries(target.parent)
    _remember_folder(target.parent)
    # mkstemp creates the file with os.open(..., O_CREAT | O_EXCL, 0o600): never readable by others.
    handle, name = tempfile.mkstemp(
        prefix=temporary_prefix(target), suffix=".part", dir=target.parent
    )
    os.close(handle)
    return Path(name)


def sync_file(path: Path) -> None:
    """Put ``path`` on the disk now: a disk that filled up late says so here, not after."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_failure(target: Path, reason: str | None = None) -> OSError:
    """The OSError for a file that could not be written whole; its errno tells the clerk why
    (a full disk, a file-size limit) when the system's reason or the free space says so."""
    import errno

    code = errno.EIO
    for known in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1), errno.EROFS):
        if reason and reason == os.strerror(known):
            code = known
    if code == errno.EIO:
        try:
            stats = os.statvfs(target.parent)
            if stats.f_bavail * stats.f_frsize < 64 * 1024:
                code = errno.ENOSPC
        except (OSError, AttributeError):  # no statvfs on Windows
            pass
    return OSError(code, reason or os.strerror(code), str(target))


def pdf_is_whole(path: Path) -> bool:
    """True when the PDF at ``path`` ends as a finished PDF does: ``startxref``, an offset that
    points at the cross-reference table inside the file, then ``%%EOF``. A disk that filled up
    midway leaves a shorter file, or one whose table is not where the end says."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(0, size - 1024))
        tail = handle.read()
        found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", tail)
        if not found:
            return False
        offset = int(found[1])
        if offset >= size:
            return False
        handle.seek(offset)
        return handle.read(4) == b"xref"


@contextmanager
def _owner_only_replacement(path: Path, mode: str, **open_args: str) -> Iterator[IO]:
    """A file opened owner-only (0600) beside ``path``, renamed over it only once fully written."""
    path = Path(path)
    temporary = private_temporary(path)
    try:
        with open(temporary, mode, **open_args) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """An OSError met while writing ``path`` (or its temporary files) names ``path``."""
    try:
        yield
    except OSError as exc:
        if exc.filename == str(path) or exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def write_csv(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A CSV file Excel opens as is: ``;``-separated, UTF-8 with BOM, CRLF line ends."""
    with (
        naming(Path(path)),
        _owner_only_replacement(Path(path), "w", encoding="utf-8-sig", newline="") as stream,
    ):
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
    with naming(Path(path)), _openpyxl_temporaries_beside(Path(path)):
        _write_xlsx(Path(path), headers, rows, sheet_title)


def _abandon(sheet) -> None:  # noqa: ANN001
    """Close a write-only sheet's row writer after a failure, so that it does not try to
    finish its file later, when collected (« Exception ignored in … get_stream »)."""
    rows = getattr(sheet, "_rows", None)
    if rows is not None:
        with contextlib.suppress(Exception):
            rows.close()
    writer = getattr(sheet, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.xf.close()


def _write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str,
) -> None:
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

    try:
        sheet.append([styled(xlsx_cell(header), font=bold) for header in headers])
        for row in chain(sample, rows):
            sheet.append([xlsx_cell(value) for value in row])
        with _owner_only_replacement(path, "wb") as stream:
            _save_workbook(workbook, stream)
    except BaseException:
        _abandon(sheet)
        raise


def _save_workbook(workbook, stream: IO[bytes]) -> None:  # noqa: ANN001
    """openpyxl's save, with its archive closed on failure (else, on a full disk, the archive
    left open complains later: « Exception ignored in ZipFile.__del__ »)."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    archive = ZipFile(stream, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(workbook, archive).save()  # writes every part, then closes the archive
    except BaseException:
        with contextlib.suppress(Exception):
            archive.close()  # marks it closed even when the disk refuses its last bytes
        raise


_OPENPYXL_TEMPORARIES = threading.Lock()


@contextmanager
def _openpyxl_temporaries_beside(target: Path) -> Iterator[None]:
    """openpyxl's write-only sheets spill their rows into temporary files, by default in the
    system's temp folder (/tmp) where a killed export leaves names and e-mails behind. They go
    to an owner-only folder beside the target instead, deleted whatever happens (and by
    :func:`clean_stale_temporaries` if the process is killed)."""
    from openpyxl.worksheet import _writer

    _remember_folder(target.parent)
    folder = Path(
        tempfile.mkdtemp(prefix=temporary_prefix(target), suffix=".tmpdir", dir=target.parent)
    )  # mkdtemp: mode 0700

    def beside(suffix: str = "") -> str:
        handle, name = tempfile.mkstemp(prefix="openpyxl.", suffix=suffix, dir=folder)
        os.close(handle)
        _writer.ALL_TEMP_FILES.append(name)
        return name

    with _OPENPYXL_TEMPORARIES:
        original = _writer.create_temporary_file
        _writer.create_temporary_file = beside
        try:
            yield
        finally:
            _writer.create_temporary_file = original
            _writer.ALL_TEMP_FILES[:] = [
                name for name in _writer.ALL_TEMP_FILES if not name.startswith(str(folder))
            ]
            shutil.rmtree(folder, ignore_errors=True)
