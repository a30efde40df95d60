"""Backups: on demand, automatic and rotated, and restore from a checked copy."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from monmaster_desktop import paths
from monmaster_desktop.controllers.context import current_user, now
from monmaster_desktop.controllers.errors import Invalid, RuleViolation, StaleRecord
from monmaster_desktop.controllers.records import audit_rows, write_audit
from monmaster_desktop.db import (
    Database,
    DatabaseCorrupt,
    DatabaseError,
    DatabaseTooNew,
    DatabaseUnavailable,
    holds_our_schema,
    quick_check,
    remove_with_journals,
    replace_content,
    set_aside,
    staged_copy,
    unknown_revisions,
)
from monmaster_desktop.models import AuditEntry, Setting

log = logging.getLogger(__name__)

AUTO_PREFIX = "auto-"
PURGE_PREFIX = "avant-purge-"
STAMP = "%Y%m%d-%H%M%S"
DEFAULT_DAILY, DEFAULT_WEEKLY = 7, 4


BEFORE_RESTORE_PREFIX = "avant-restauration-"
MAX_DAILY, MAX_WEEKLY = 366, 260


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int

    @property
    def kind(self) -> str:
        """``automatic`` (start-up, close), ``before_restore`` (safety copy) or ``manual``."""
        if self.path.name.startswith(AUTO_PREFIX):
            return "automatic"
        if self.path.name.startswith(BEFORE_RESTORE_PREFIX):
            return "before_restore"
        return "manual"


def _stored_rotation(stored: dict[str, str]) -> tuple[int, int]:
    def number(key: str, default: int) -> int:
        try:
            return int(stored[key]) if key in stored else default
        except ValueError:
            return default

    return number("backup_daily", DEFAULT_DAILY), number("backup_weekly", DEFAULT_WEEKLY)


def list_backups(database: Path | Database) -> list[BackupInfo]:
    """Backups of this database (a file's path, or an open base of either engine), newest
    first (automatic ones and those made with « now »)."""
    folder = (
        database.backup_dir if isinstance(database, Database) else paths.backup_dir_for(database)
    )
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
    """Refuse a file that is missing, damaged, not ours, or written by a newer version."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseUnavailable(
            f"La sauvegarde « {path} » est introuvable : rien n'a été remplacé."
        )
    verdict = quick_check(path)
    if verdict != "ok":
        log.warning("backup %s fails quick_check: %s", path.name, verdict[:500])
        raise DatabaseCorrupt(
            f"La sauvegarde « {path.name} » est endommagée (elle ne passe pas la vérification de "
            "SQLite) : elle n'a pas été utilisée, rien n'a été remplacé."
        )
    complaint = holds_our_schema(path)
    if complaint is not None:
        log.warning("backup %s is not ours: %s", path.name, complaint)
        raise DatabaseCorrupt(
            f"« {path.name} » n'est pas une base Mon Master Desk (ses tables n'y sont pas) : "
            "rien n'a été remplacé."
        )
    newer = unknown_revisions(path)
    if newer:
        raise DatabaseTooNew(
            f"La sauvegarde « {path.name} » a été écrite par une version plus récente de "
            f"Mon Master Desk (schéma {', '.join(sorted(newer))}) : elle n'a pas été restaurée "
            "et la base est inchangée. Installez la dernière version du programme pour l'utiliser."
        )


def database_verdict(path: Path) -> str:
    """``ok`` for a sound (or not yet created) database file, else SQLite's first complaint."""
    path = Path(path)
    return quick_check(path) if path.exists() else "ok"


def latest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup of ``database`` that passes :func:`verify_backup`, or None."""
    for info in list_backups(Path(database)):
        try:
            verify_backup(info.path)
        except DatabaseError:
            continue
        return info
    return None


class BackupController:
    def __init__(self, db: Database):
        self.db = db

    def rotation(self) -> tuple[int, int]:
        """Automatic backups kept: (newest of each of the last N days, of the last M weeks)."""
        return (
            self._setting("backup_daily", DEFAULT_DAILY),
            self._setting("backup_weekly", DEFAULT_WEEKLY),
        )

    def set_rotation(
        self, daily: int, weekly: int, *, expected: tuple[int, int] | None = None
    ) -> None:
        """Store how many days and weeks of automatic backups are kept, audited; refused
        (StaleRecord, who and when) if another desk changed them since ``expected`` was read."""
        problems = []
        if not 1 <= daily <= MAX_DAILY:
            problems.append(
                RuleViolation(
                    "backup_rotation",
                    f"Jours conservés : entre 1 et {MAX_DAILY} (saisi : {daily}).",
                    field="backup_daily",
                )
            )
        if not 0 <= weekly <= MAX_WEEKLY:
            problems.append(
                RuleViolation(
                    "backup_rotation",
                    f"Semaines conservées : entre 0 et {MAX_WEEKLY} (saisi : {weekly}).",
                    field="backup_weekly",
                )
            )
        if problems:
            raise Invalid(problems)
        user, at = current_user(), now()
        with self.db.write() as session:
            stored = dict(session.execute(select(Setting.key, Setting.value)).all())
            if expected is not None and _stored_rotation(stored) != tuple(expected):
                last = session.execute(
                    select(AuditEntry.at, AuditEntry.os_user)
                    .where(
                        AuditEntry.entity == "setting",
                        AuditEntry.field.in_(["backup_daily", "backup_weekly"]),
                    )
                    .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
                    .limit(1)
                ).first()
                raise StaleRecord(
                    "conservation des sauvegardes", *(last if last else (None, None))
                )
            audit: list[dict] = []
            for key, value in (("backup_daily", daily), ("backup_weekly", weekly)):
                audit += audit_rows(
                    at=at,
                    user=user,
                    action="update",
                    entity="setting",
                    entity_id=None,
                    candidate_id=None,
                    old={key: stored.get(key)},
                    new={key: str(value)},
                )
                session.merge(Setting(key=key, value=str(value)))
            write_audit(session, audit)

    def restore(self, backup: Path) -> Path:
        """Replace this database's content with ``backup`` (checked first); returns the copy of
        what it held. Done through the open base, under its write lock: this desk and the others
        keep working on the same base, their later saves land in the restored one. On a server
        it is a head's action (the server refuses a clerk)."""
        return self.db.restore_from(Path(backup))

    def _setting(self, key: str, default: int) -> int:
        with self.db.read() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
        try:
            return int(value) if value is not None else default
        except ValueError:
            return default

    def backup_to(self, target: Path) -> Path:
        """A checked, consistent, owner-only copy of the live database at ``target``."""
        return self.db.snapshot(Path(target))

    def backup_now(self) -> Path:
        stamp = datetime.now().strftime(STAMP)
        folder = self.db.backup_dir
        return self.backup_to(folder / f"{self.db.backup_stem}-{stamp}.sqlite")

    def automatic_backup(self) -> Path:
        """The start-up / close backup, then rotation of the automatic ones."""
        stamp = datetime.now()
        folder = self.db.backup_dir
        target = self.backup_to(folder / f"{AUTO_PREFIX}{stamp.strftime(STAMP)}.sqlite")
        self.rotate()
        return target

    def rotate(self) -> list[Path]:
        """Delete automatic backups beyond the rotation (days and weeks kept are settings)."""
        daily = self._setting("backup_daily", DEFAULT_DAILY)
        weekly = self._setting("backup_weekly", DEFAULT_WEEKLY)
        folder = self.db.backup_dir
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
        # The copy taken before a retention purge holds the purged people: it goes once it is
        # older than the rotation's horizon, like the automatic backups that also held them.
        horizon = datetime.now() - timedelta(days=max(daily, 7 * weekly))
        for path in folder.glob(f"{PURGE_PREFIX}*.sqlite"):
            try:
                taken = datetime.strptime(path.stem[len(PURGE_PREFIX) :], STAMP)
            except ValueError:
                continue
            if taken < horizon:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed


def restore_database(database: Path, backup: Path) -> Path:
    """Replace the content of ``database`` with ``backup`` once it is checked.

    A sound base is restored through itself (:func:`replace_content`): one write transaction,
    the copy of what it held taken inside it, other desks' connections kept. A damaged base
    (the start-up check) is set aside with its write-ahead log and the copy put in its place.
    Returns the copy of the former content (the base's own path if there was none).
    """
    database, backup = Path(database).resolve(), Path(backup)
    verify_backup(backup)
    staged = staged_copy(backup, database)
    try:
        stamp = datetime.now().strftime(STAMP)
        if database.exists() and quick_check(database) == "ok":
            safety = paths.backup_dir_for(database) / f"{BEFORE_RESTORE_PREFIX}{stamp}.sqlite"
            return replace_content(database, staged, safety)
        safety = database
        if database.exists():
            # A damaged file is kept aside, never deleted: someone may want to look at it, and
            # its write-ahead log may hold the day's saves.
            safety = set_aside(
                database, database.with_name(f"{database.stem}-endommagee-{stamp}{database.suffix}")
            )
        os.replace(staged, database)
        return safety
    finally:
        remove_with_journals(staged)
