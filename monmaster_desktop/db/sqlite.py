"""The SQLite engine: one database file, its pragmas, write lock, migrations and compaction."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monmaster_desktop import paths
from monmaster_desktop.db import base as _base
from monmaster_desktop.db.base import Database, _ReadSession
from monmaster_desktop.db.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseForeign,
    DatabaseUnavailable,
    os_reason_fr,
    translate_error,
    translate_operational_error,
)
from monmaster_desktop.db.files import (  # noqa: F401 - connect_read_only, sqlite_uri: as before
    connect_read_only,
    create_private_file,
    on_network_share,
    sqlite_uri,
)
from monmaster_desktop.db.schema import alembic_config, seed_defaults, upgrade_schema

log = logging.getLogger("monmaster_desktop.db")


def _make_engine(path: Path, *, wal: bool) -> Engine:
    engine = create_engine(
        # URL.create keeps the path whole: a « ? » or « # » in a folder name is not a query.
        URL.create("sqlite", database=str(path)),
        connect_args={"check_same_thread": False, "timeout": _base.BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # transactions are begun below, explicitly
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={_base.BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA secure_delete=ON")
        # 16 MB of page cache per connection: the desk keeps two or three connections open.
        cursor.execute("PRAGMA cache_size=-16384")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit survives a power cut; 0.2 ms per commit is cheap for these records.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _driver_failure(exc: BaseException) -> bool:
    """An error of the database itself (busy, full, damaged, I/O), not of the statement sent:
    a broken constraint or a bad query stays what it is, for the code that made it."""
    from sqlalchemy.exc import DataError, IntegrityError, ProgrammingError

    return not isinstance(
        exc, IntegrityError | ProgrammingError | DataError | sqlite3.IntegrityError
    )


def drop_secondary_indexes(conn, loads: dict[str, int]) -> list[str]:  # noqa: ANN001
    """Drop the secondary indexes of the tables a load at least doubles (``loads``: table name
    → rows about to be added), in the connection's transaction, and return the statements that
    make them again. Unique and primary-key indexes stay: they check each row as it comes."""
    statements = []
    for table, adding in loads.items():
        (present,) = conn.exec_driver_sql(
            f'SELECT count(*) FROM (SELECT 1 FROM "{table}" LIMIT {int(adding) + 1})'
        ).one()
        if present > adding:
            continue
        unique = {
            row[1]
            for row in conn.exec_driver_sql(f'PRAGMA index_list("{table}")').all()
            if row[2]  # unique
        }
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name",
            (table,),
        ).all()
        for name, sql in indexes:
            if name not in unique:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
                statements.append(sql)
    return statements


def rebuild_indexes(conn, statements: list[str]) -> None:  # noqa: ANN001
    """Make again the indexes :func:`drop_secondary_indexes` dropped, each built in one pass."""
    for sql in statements:
        conn.exec_driver_sql(sql)


class SqliteDatabase(Database):
    """An open database file: a reader session factory and a writer that locks up front."""

    engine_name = "sqlite"

    def __init__(self, path: Path | str, *, migrate: bool = True):
        # Resolved once: a base reached through a symbolic link is worked on where it lives
        # (a restore must never replace the link with a file of its own).
        self.path = Path(path).expanduser().resolve()
        self.network_share = on_network_share(self.path)
        if self.network_share:
            log.warning("database on a network share: %s", self.path)
        if not self.path.parent.exists():
            try:
                self.path.parent.mkdir(parents=True, mode=0o700)
            except OSError as exc:
                raise DatabaseUnavailable(
                    f"Impossible de créer le dossier de la base « {self.path.parent} » : "
                    f"{os_reason_fr(exc)}."
                ) from exc
        is_new = not self.path.exists()
        if is_new:
            try:
                create_private_file(self.path)
            except OSError as exc:
                raise DatabaseUnavailable(
                    f"Impossible de créer la base « {self.path} » : {os_reason_fr(exc)}."
                ) from exc
        elif migrate:
            self._adopt_existing_file()
        self.engine = _make_engine(self.path, wal=not self.network_share)
        # Write transactions take the write lock at BEGIN: a read→write upgrade can fail
        # with "database is locked" without being retried; BEGIN IMMEDIATE waits instead.
        self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._reader = sessionmaker(
            self.engine, class_=_ReadSession, expire_on_commit=False, info={"database": self}
        )
        self._writer = sessionmaker(
            self._write_engine, expire_on_commit=False, info={"database": self}
        )
        if migrate:
            try:
                upgrade_schema(self, backup_first=not is_new)
            except OperationalError as exc:
                self.engine.dispose()
                raise translate_operational_error(exc, self.path) from exc
            except (sqlite3.DatabaseError, SQLAlchemyDatabaseError) as exc:
                # Not a database, or damaged pages met while reading the schema.
                self.engine.dispose()
                raise DatabaseCorrupt(
                    f"La base « {self.path.name} » est illisible ou endommagée "
                    f"({getattr(exc, 'orig', None) or exc})."
                ) from exc
            with self.write() as session:
                seed_defaults(session)

    def _adopt_existing_file(self) -> None:
        """Refuse another program's SQLite file before anything is written to it; make an
        empty file taken as the base (and its -wal/-shm) readable by its owner only."""
        from monmaster_desktop.db.sqlite_files import foreign_tables

        tables = foreign_tables(self.path)
        if tables:
            shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
            raise DatabaseForeign(
                f"« {self.path} » est la base d'un autre programme (tables : {shown}) : "
                "Mon Master Desk ne l'a pas modifiée et ne l'utilisera pas. Choisissez un autre "
                "fichier, ou un nom de fichier qui n'existe pas encore."
            )
        if tables is None:  # empty: adopted as a new base
            for name in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
                try:
                    if name.exists():
                        os.chmod(name, 0o600)
                except OSError as exc:
                    log.warning("cannot make %s owner-only: %s", name.name, exc)

    # -- the façade, SQLite side -------------------------------------------------------------

    @property
    def target(self) -> Path:
        return self.path

    @property
    def label(self) -> str:
        return self.path.name

    @property
    def backup_dir(self) -> Path:
        return paths.backup_dir_for(self.path)

    @property
    def backup_stem(self) -> str:
        return self.path.stem

    def translate_error(self, exc: BaseException) -> DatabaseError | None:  # noqa: D102
        if not _driver_failure(exc):
            return None  # a broken constraint or a bad query stays what it is
        return translate_error(exc, self.path)

    def compact(self) -> bool:
        """Rewrite the file without its freed pages and empty the write-ahead log.

        ``secure_delete`` already overwrote deleted rows in the database pages, but their old
        versions stay in the WAL file until a checkpoint resets it; VACUUM also drops the free
        pages. False when another connection kept the file busy (the data then lingers until
        the next compaction).
        """
        raw = self.engine.raw_connection()
        try:
            conn = raw.driver_connection
            conn.execute("VACUUM")
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return busy == 0
        except sqlite3.OperationalError:
            return False
        finally:
            raw.close()

    def integrity_check(self) -> str:
        from monmaster_desktop.db.sqlite_files import quick_check

        return quick_check(self.path)

    def snapshot(self, target: Path, *, check: bool = True) -> Path:
        from monmaster_desktop.db.sqlite_files import backup_database

        return backup_database(self.path, Path(target), check=check)

    def restore_from(self, backup: Path) -> Path:
        from monmaster_desktop.controllers.backups import restore_database

        return restore_database(self.path, Path(backup))

    @contextlib.contextmanager
    def large_load(self, session: Session, loads: dict[str, int]) -> Iterator[None]:
        """Each table the load at least doubles loses its secondary indexes for the load and
        gets them back, built once, at its end (same transaction: all or nothing)."""
        conn = session.connection()
        dropped = drop_secondary_indexes(conn, loads)
        yield
        rebuild_indexes(conn, dropped)

    def purge_candidates(self, session: Session, ids: list[int]) -> None:
        from sqlalchemy import delete

        from monmaster_desktop.models import AuditEntry, Candidate

        # the audit rows of these candidates hold their names and values: they go too
        session.execute(delete(AuditEntry).where(AuditEntry.candidate_id.in_(ids)))
        # applications and stored status follow by ON DELETE CASCADE
        session.execute(delete(Candidate).where(Candidate.id.in_(ids)))

    def has_alembic_version(self, conn) -> bool:  # noqa: ANN001
        return (
            conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).first()
            is not None
        )

    def backup_before_migration(self, current: set[str]) -> None:
        target = self.backup_dir / (
            f"{self.path.stem}-avant-migration-{date.today():%Y%m%d}-"
            f"{'-'.join(sorted(current))}.sqlite"
        )
        from monmaster_desktop.db.sqlite_files import backup_database

        backup_database(self.path, target)

    def run_migrations(self) -> None:
        from alembic import command

        with self.engine.connect() as conn:
            # SQLite rebuilds a table to alter it: dropping the old copy with foreign keys on
            # would cascade-delete every row that refers to it. Keys are switched off (possible
            # only outside a transaction) and checked as a whole before the migration commits.
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                with conn.begin():
                    command.upgrade(alembic_config(conn), "head")
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseCorrupt(
                            f"La mise à jour de la base « {self.label} » laisserait des "
                            f"références orphelines ({len(broken)}) : elle a été annulée, "
                            "la base est inchangée."
                        )
            finally:
                raw.execute("PRAGMA foreign_keys=ON")
