"""Files on the desk's disk: owner-only creation, network shares, journals, syncing to disk,
plain read-only connections to a SQLite file."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "ncpfs", "9p", "davfs",
    "afpfs", "webdav",  # macOS names (statfs f_fstypename)
}  # fmt: skip


def sqlite_uri(path: Path, **query: str) -> str:
    """A ``file:`` URI for ``path``, percent-encoded: folders named with ``#``, ``?`` or ``%41``
    open the file they name (never build one by pasting a path into a string)."""
    from urllib.parse import urlencode

    uri = Path(path).absolute().as_uri()
    return f"{uri}?{urlencode(query)}" if query else uri


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain read-only connection to ``path`` (checks, fingerprints); never creates a file."""
    return sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with owner-only permissions (SQLite then keeps the mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def filesystem_type(path: Path) -> str | None:
    """The filesystem type holding ``path``: Linux /proc/mounts; on Windows a UNC path or a
    mapped drive (``GetDriveTypeW`` says DRIVE_REMOTE); on macOS ``statfs``'s f_fstypename."""
    resolved = str(path.resolve())
    if sys.platform == "win32":
        if resolved.startswith("\\\\"):
            return "smb"
        return "smb" if windows_drive_type(resolved) == DRIVE_REMOTE else None
    if sys.platform == "darwin":
        return macos_filesystem_name(resolved)
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, best_type = "", None
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        if (resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best):
            best, best_type = mount_point, fields[2]
    return best_type


DRIVE_REMOTE = 4  # GetDriveTypeW: a network (mapped) drive


def windows_drive_type(path: str) -> int | None:
    """``GetDriveTypeW`` of the drive holding ``path`` (Windows only; None elsewhere)."""
    try:
        import ctypes

        drive = os.path.splitdrive(path)[0]
        return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\"))  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None


def macos_filesystem_name(path: str) -> str | None:
    """``statfs(2)``'s f_fstypename on macOS (``apfs``, ``smbfs``, ``nfs``, ``afpfs``, ``webdav``)."""
    try:
        import ctypes
        import ctypes.util

        class StatFs(ctypes.Structure):  # struct statfs, 64-bit inode layout (macOS 10.6+)
            _fields_ = [
                ("f_bsize", ctypes.c_uint32), ("f_iosize", ctypes.c_int32),
                ("f_blocks", ctypes.c_uint64), ("f_bfree", ctypes.c_uint64),
                ("f_bavail", ctypes.c_uint64), ("f_files", ctypes.c_uint64),
                ("f_ffree", ctypes.c_uint64), ("f_fsid", ctypes.c_int32 * 2),
                ("f_owner", ctypes.c_uint32), ("f_type", ctypes.c_uint32),
                ("f_flags", ctypes.c_uint32), ("f_fssubtype", ctypes.c_uint32),
                ("f_fstypename", ctypes.c_char * 16), ("f_mntonname", ctypes.c_char * 1024),
                ("f_mntfromname", ctypes.c_char * 1024), ("f_flags_ext", ctypes.c_uint32),
                ("f_reserved", ctypes.c_uint32 * 7),
            ]  # fmt: skip

        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        try:
            statfs = libc["statfs$INODE64"]  # Intel Macs name the 64-bit-inode call so
        except AttributeError:
            statfs = libc.statfs
        result = StatFs()
        if statfs(os.fsencode(path), ctypes.byref(result)) != 0:
            return None
        return result.f_fstypename.decode("ascii", "replace")
    except (AttributeError, OSError, TypeError):
        return None


def on_network_share(path: Path) -> bool:
    fs = filesystem_type(path.parent if not path.exists() else path)
    return fs is not None and (fs in NETWORK_FS or fs.startswith("smb") or fs == "smb")


def remove_with_journals(path: Path) -> None:
    """Delete ``path`` and the journal files SQLite may have left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _sync(path: Path) -> None:
    """Ask the system to put ``path`` on the disk now (a late « disk full » shows up here)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
