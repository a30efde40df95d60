"""Backups: on demand, automatic and rotated, and restore from a checked copy."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from monmaster_desktop import paths
from monmaster_desktop.db import Database, DatabaseCorrupt, backup_database, quick_check
from monmaster_desktop.models import Setting

AUTO_PREFIX = "auto-"
STAMP = "%Y%m%d-%H%M%S"
DEFAULT_DAILY, DEFAULT_WEEKLY = 7, 4


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def list_backups(database: Path) -> list[BackupInfo]:
    """Backups of this database, newest first (automatic ones and those made with « now »)."""
    folder = paths.backup_dir_for(database)
    found = []
    for path in folder.glob("*.sqlite"):
        stat = path.stat()
        found.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def rotation_keep(stamps: list[datetime], daily: int, weekly: int) -> set[datetime]:
    """Newest backup of each of the last ``daily`` days and ``weekly`` ISO weeks."""
    keep: set[datetime] = set()
    days: dict = {}
    weeks: dict = {}
    for stamp in sorted(stamps, reverse=True):
        days.setdefault(stamp.date(), stamp)
        weeks.setdefault(stamp.isocalendar()[:2], stamp)
    keep.update(list(days.values())[:daily])
    keep.update(list(weeks.values())[:weekly])
    return keep


def verify_backup(path: Path) -> None:
    """Refuse a file that is not a sound Mon Master Desk database."""
    verdict = quick_check(path)
    if verdict != "ok":
        raise DatabaseCorrupt(
            f"La sauvegarde « {path.name} » est endommagée ({verdict}) : elle n'a pas été utilisée."
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM candidate").fetchone()
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(
            f"« {path.name} » n'est pas une base Mon Master Desk ({exc}) : rien n'a été remplacé."
        ) from exc


class BackupController:
    def __init__(self, db: Database):
        self.db = db

    def _setting(self, key: str, default: int) -> int:
        with self.db.read() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
        try:
            return int(value) if value is not None else default
        except ValueError:
            return default

    def backup_to(self, target: Path) -> Path:
        """A checked, consistent, owner-only copy of the live database at ``target``."""
        return backup_database(self.db.path, Path(target))

    def backup_now(self) -> Path:
        stamp = datetime.now().strftime(STAMP)
        folder = paths.backup_dir_for(self.db.path)
        return self.backup_to(folder / f"{self.db.path.stem}-{stamp}.sqlite")

    def automatic_backup(self) -> Path:
        """The start-up / close backup, then rotation of the automatic ones."""
        stamp = datetime.now()
        folder = paths.backup_dir_for(self.db.path)
        target = self.backup_to(folder / f"{AUTO_PREFIX}{stamp.strftime(STAMP)}.sqlite")
        self.rotate()
        return target

    def rotate(self) -> list[Path]:
        """Delete automatic backups beyond the rotation (days and weeks kept are settings)."""
        daily = self._setting("backup_daily", DEFAULT_DAILY)
        weekly = self._setting("backup_weekly", DEFAULT_WEEKLY)
        folder = paths.backup_dir_for(self.db.path)
        autos: dict[datetime, Path] = {}
        for path in folder.glob(f"{AUTO_PREFIX}*.sqlite"):
            try:
                autos[datetime.strptime(path.stem[len(AUTO_PREFIX) :], STAMP)] = path
            except ValueError:
                continue
        keep = rotation_keep(list(autos), daily, weekly)
        removed = []
        for stamp, path in autos.items():
            if stamp not in keep:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed


def restore_database(database: Path, backup: Path) -> Path:
    """Replace the content of ``database`` with ``backup`` once it is checked.

    The current database is backed up first (when it is readable); the caller has closed
    its connections. Returns the safety copy's path (or the database path if none was made).
    """
    database, backup = Path(database), Path(backup)
    verify_backup(backup)
    safety = database
    if database.exists() and quick_check(database) == "ok":
        stamp = datetime.now().strftime(STAMP)
        safety = backup_database(
            database, paths.backup_dir_for(database) / f"avant-restauration-{stamp}.sqlite"
        )
    elif database.exists():
        # A damaged file is kept aside, never deleted: someone may want to look at it.
        stamp = datetime.now().strftime(STAMP)
        aside = database.with_name(f"{database.stem}-endommagee-{stamp}{database.suffix}")
        database.replace(aside)
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        safety = aside
    backup_database(backup, database.with_name(database.name + ".restored"), check=False)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.with_name(database.name + ".restored").replace(database)
    return safety
