"""Moving a whole base between engines: ``transfer``, a server's snapshot, its restore.

Every table is copied row for row, ids and audit trail included, from one consistent read of
the source (one transaction) into one write transaction of the target: a transfer is all
there or not there at all. The engines do the fast part (COPY on a server, executemany on a
file) through :func:`monmaster_desktop.db.bulk_insert_rows`.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from monmaster_desktop.db import (
    Database,
    DatabaseUnavailable,
    SqliteDatabase,
    backup_database,
    bulk_insert_rows,
    is_server_url,
)

CHUNK = 20_000


def _tables(with_audit: bool = True) -> list:
    from monmaster_desktop.models import Base

    # The rules' token is not data: each base makes its own (its triggers give it a new one
    # as the copied settings and campaigns arrive).
    return [
        t
        for t in Base.metadata.sorted_tables
        if (with_audit or t.name != "audit_entry") and t.name != "rules_revision"
    ]


def _copy_tables(source: Session, target_db: Database, target: Session, tables: list) -> dict:
    """Empty ``tables`` in the target, then copy them from the source; rows per table."""
    counts = {}
    for table in reversed(tables):
        target.execute(delete(table))
    for table in tables:
        keys = [column.key for column in table.columns]
        query = select(table).order_by(*table.primary_key.columns)
        result = source.execute(query, execution_options={"yield_per": CHUNK})
        total = 0
        for rows in result.partitions(CHUNK):
            bulk_insert_rows(target, table, keys, [tuple(row) for row in rows])
            total += len(rows)
        counts[table.name] = total
    target_db.after_copy(target, tables)
    return counts


def _refuse_if_not_empty(session: Session, label: str) -> None:
    from monmaster_desktop.models import AuditEntry, Candidate

    candidates = session.scalar(select(func.count()).select_from(Candidate))
    audit = session.scalar(select(func.count()).select_from(AuditEntry))
    if candidates or audit:
        raise DatabaseUnavailable(
            f"La base cible « {label} » n'est pas vide ({candidates} candidat(s), {audit} "
            "ligne(s) de journal) : le transfert se fait vers un nouveau fichier ou une base du "
            "serveur juste préparée par « server init ». Rien n'a été copié."
        )


def copy_database(source: Database, target: Database) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target`` (one transaction each side)."""
    with source.consistent_read() as reading, target.write() as writing:
        _refuse_if_not_empty(writing, target.label)
        target.begin_copy(writing)
        return _copy_tables(reading, target, writing, _tables())


def transfer(source_target: Path | str, target_target: Path | str, *, password_prompt=None) -> dict:  # noqa: ANN001
    """``transfer SOURCE TARGET``: SOURCE must exist; TARGET is a new file or an empty base."""
    from monmaster_desktop.db import open_database

    if not is_server_url(source_target) and not Path(source_target).exists():
        raise DatabaseUnavailable(f"Base introuvable : « {source_target} ».")
    if not is_server_url(target_target) and Path(target_target).exists():
        raise DatabaseUnavailable(
            f"Le fichier cible « {target_target} » existe déjà : le transfert crée un nouveau "
            "fichier et n'en remplace aucun. Rien n'a été copié."
        )
    with open_database(source_target, password_prompt=password_prompt) as source:
        created = not is_server_url(target_target)
        try:
            with open_database(target_target, password_prompt=password_prompt) as target:
                return copy_database(source, target)
        except BaseException:
            if created:  # a refused transfer leaves no half-made file behind
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{target_target}{suffix}").unlink(missing_ok=True)
            raise


def snapshot_to_file(source: Database, target: Path) -> Path:
    """A consistent SQLite copy of ``source`` at ``target`` (written aside, then renamed)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    try:
        with SqliteDatabase(partial) as copy:
            copy_database(source, copy)
        conn = sqlite3.connect(partial)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def restore_snapshot(server: Database, backup: Path) -> Path:
    """Replace the data of ``server`` with a snapshot's; its audit trail stays and grows.

    A head's action: the server refuses a clerk (its grants). Returns the safety snapshot
    taken just before.
    """
    from monmaster_desktop.controllers.backups import BEFORE_RESTORE_PREFIX, STAMP, verify_backup
    from monmaster_desktop.models import AuditEntry

    verify_backup(Path(backup))
    stamp = datetime.now().strftime(STAMP)
    safety = server.snapshot(server.backup_dir / f"{BEFORE_RESTORE_PREFIX}{stamp}.sqlite")
    work = server.backup_dir / f".restauration-{stamp}.sqlite"
    backup_database(Path(backup), work)  # the clerk's file is never migrated in place
    try:
        with SqliteDatabase(work) as snapshot:
            with snapshot.consistent_read() as reading, server.write() as writing:
                counts = _copy_tables(reading, server, writing, _tables(with_audit=False))
                writing.add(
                    AuditEntry(
                        at=datetime.now().replace(microsecond=0),
                        os_user=server.user_name(),
                        action="import",
                        entity="database",
                        entity_id=None,
                        candidate_id=None,
                        field=None,
                        old_value=None,
                        new_value=(
                            f"restauration de « {Path(backup).name} » : "
                            f"{counts.get('candidate', 0)} candidat(s), "
                            f"{counts.get('application', 0)} candidature(s)"
                        ),
                    )
                )
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    return safety
