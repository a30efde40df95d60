"""Export files for Excel (.csv, .xlsx): owner-only, written whole or not at all, formula-safe."""

from __future__ import annotations

import csv
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
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


class CellMemo(dict):
    """What ``make`` gives for each cell value, remembered: an export repeats the same dates,
    labels, institutions and names (a candidate's, on each of their applications) over
    hundreds of thousands of rows, and a lookup costs far less than a call.

    Only texts, dates and empty cells are remembered: ``True == 1`` for a dict, and the two
    must not share a cell. At most :data:`MEMO_SIZE` values; then it starts afresh."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[object], str]):
        super().__init__()
        self.make = make

    def __missing__(self, value: object) -> str:
        made = self.make(value)
        if type(value) in _REMEMBERED:
            if len(self) >= MEMO_SIZE:
                self.clear()
            self[value] = made
        return made


_REMEMBERED = frozenset({str, date, datetime, type(None)})
MEMO_SIZE = 50_000


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
        _owner_only_replacement(Path(path), "w", encoding="utf-8", newline="") as stream,
    ):
        # The BOM by hand: Python's "utf-8-sig" encoder runs Python code on every line written.
        stream.write("\ufeff")
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow([neutralise(header) for header in headers])
        cell = CellMemo(_csv_cell).__getitem__
        writer.writerows(map(cell, row) for row in rows)


def write_xlsx(
    path: Path | str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    sheet_title: str,
) -> None:
    """An Excel workbook: bold frozen header, sized columns, real dates shown DD/MM/YYYY.

    Streamed into the owner-only file beside ``path`` (io/xlsx.py): no spill file elsewhere."""
    from monmaster_desktop.io.xlsx import write_workbook

    with naming(Path(path)), _owner_only_replacement(Path(path), "wb") as stream:
        write_workbook(stream, headers, rows, sheet_title)
