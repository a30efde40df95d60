"""Whole SQLite files: checks, consistent backups, restores through the live base, setting aside."""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
from pathlib import Path

from monmaster_desktop.db import base as _base
from monmaster_desktop.db import sqlite as _sqlite
from monmaster_desktop.db.errors import DatabaseCorrupt, DatabaseUnavailable, translate_error
from monmaster_desktop.db.files import _sync, create_private_file, remove_with_journals
from monmaster_desktop.db.schema import alembic_config, upgrade_schema
from monmaster_desktop.db.sqlite import connect_read_only

log = logging.getLogger("monmaster_desktop.db")


def quick_check(path: Path) -> str:
    """``ok`` or SQLite's first complaint about the file."""
    try:
        conn = connect_read_only(path)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            return row[0] if row else "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)


def foreign_tables(path: Path) -> list[str] | None:
    """The tables of ``path`` if it is another program's SQLite file; ``[]`` if it is ours
    (stamped by our migrations) or cannot be read (the open then says why); None if empty."""
    if path.stat().st_size == 0:
        return None
    try:
        conn = connect_read_only(path)
        try:
            names = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []
    if not names:
        return None
    return [] if "alembic_version" in names else names


def holds_our_schema(path: Path) -> str | None:
    """None when ``path`` opens read-only with our tables, else SQLite's complaint."""
    try:
        conn = connect_read_only(path)
        try:
            conn.execute("SELECT count(*) FROM candidate").fetchone()
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def backup_database(source: Path, target: Path, *, check: bool = True) -> Path:
    """Consistent copy of a live database with the SQLite backup API, in one step.

    The target is written beside its final name and renamed into place, owner-only; a copy that
    could not be written whole (a full disk) leaves nothing behind and says so in French.
    """
    source, target = Path(source), Path(target)
    if check:
        verdict = quick_check(source)
        if verdict != "ok":
            log.error("backup refused, %s fails quick_check: %s", source.name, verdict[:500])
            raise DatabaseCorrupt(
                f"La base « {source.name} » est endommagée : elle ne passe pas la vérification "
                "de SQLite. La sauvegarde n'a pas été faite, pour ne pas remplacer une bonne "
                "copie. Restaurez la dernière bonne sauvegarde (Outils › Sauvegardes) ou "
                "appelez le service informatique."
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    remove_with_journals(partial)
    try:
        create_private_file(partial)
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.execute(f"PRAGMA busy_timeout={_base.BUSY_TIMEOUT_MS}")
                src.backup(dst)  # pages=-1: one step, consistent even with a writer active
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _sync(partial)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        remove_with_journals(partial)
        raise translate_error(exc, source, doing=f"la sauvegarde « {target.name} »") from exc
    except BaseException:
        remove_with_journals(partial)
        raise
    return target


@functools.cache
def known_revisions() -> frozenset[str]:
    """Every schema revision this version of the program knows (its migration scripts)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


def unknown_revisions(path: Path) -> set[str]:
    """Schema revisions stamped in the file at ``path`` that this version does not know."""
    conn = connect_read_only(path)
    try:
        stamped = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    finally:
        conn.close()
    return stamped - known_revisions()


def staged_copy(backup: Path, beside: Path) -> Path:
    """A private copy of ``backup`` beside the file ``beside``, brought to the current schema.

    The caller deletes it (:func:`remove_with_journals`) once it has been used.
    """
    staged = beside.with_name(f".{beside.name}.restauration-{os.getpid()}")
    backup_database(backup, staged, check=False)
    try:
        copy = _sqlite.SqliteDatabase(staged, migrate=False)
        try:
            upgrade_schema(copy, backup_first=False)
        finally:
            copy.close()
        conn = sqlite3.connect(staged)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            conn.close()
    except BaseException:
        remove_with_journals(staged)
        raise
    return staged


def replace_content(database: Path, source: Path, safety: Path) -> Path:
    """Replace every row of the live ``database`` by those of ``source`` in ONE write transaction.

    The restore goes *through* the live file: other desks keep their connections, so a save they
    confirm after it lands in the restored rows (and a record the restore changed makes their
    open editors stale through its version column). The copy of what the base held is taken to
    ``safety`` inside that same transaction, under the write lock: a save confirmed before the
    restore is there. Both files must be at the same schema revision.
    """
    partial = safety.with_name(safety.name + ".partial")
    remove_with_journals(partial)
    safety.parent.mkdir(parents=True, exist_ok=True)
    create_private_file(partial)
    conn = sqlite3.connect(database, isolation_level=None, timeout=_base.BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout={_base.BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=OFF")  # the whole content is checked before commit
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("ATTACH DATABASE ? AS restored", (str(source),))
        conn.execute("BEGIN IMMEDIATE")
        try:
            ours = {r[0] for r in conn.execute("SELECT version_num FROM main.alembic_version")}
            theirs = {
                r[0] for r in conn.execute("SELECT version_num FROM restored.alembic_version")
            }
            if ours != theirs:
                raise DatabaseUnavailable(
                    f"La base « {database.name} » (schéma {', '.join(sorted(ours))}) a été mise "
                    "à jour par une autre version du programme pendant la restauration : rien "
                    "n'a été remplacé."
                )
            # Readers see the last committed state, which nobody can change while we hold the
            # write lock: this copy is exactly what the restore replaces.
            reader = sqlite3.connect(database)
            try:
                copy = sqlite3.connect(partial)
                try:
                    reader.backup(copy)
                    copy.execute("PRAGMA journal_mode=DELETE")
                finally:
                    copy.close()
            finally:
                reader.close()
            _sync(partial)
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM main.sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            for table in tables:
                columns = ", ".join(
                    f'"{row[1]}"' for row in conn.execute(f'PRAGMA main.table_info("{table}")')
                )
                conn.execute(f'DELETE FROM main."{table}"')
                conn.execute(
                    f'INSERT INTO main."{table}" ({columns}) '
                    f'SELECT {columns} FROM restored."{table}"'
                )
            broken = conn.execute("PRAGMA main.foreign_key_check").fetchall()
            if broken:
                raise DatabaseCorrupt(
                    f"La sauvegarde laisserait des références orphelines ({len(broken)}) : "
                    "rien n'a été remplacé."
                )
            conn.execute("COMMIT")
        except BaseException:
            if not conn.in_transaction:
                raise
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE restored")
    except sqlite3.Error as exc:
        remove_with_journals(partial)
        raise translate_error(exc, database, doing="la restauration") from exc
    except BaseException:
        remove_with_journals(partial)
        raise
    finally:
        conn.close()
    os.replace(partial, safety)
    return safety


def set_aside(database: Path, aside: Path) -> Path:
    """Move a (damaged) base out of the way with its -wal and -shm, never deleting them: the
    write-ahead log may hold the day's saves, which SQLite reads back when ``aside`` is opened."""
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            os.replace(companion, f"{aside}{suffix}")
    os.replace(database, aside)
    return aside
