"""The one place that opens the database: the ``Database`` façade and its SQLite implementation.

``Database(target)`` opens a SQLite file (a path) or a PostgreSQL server (a ``postgresql://``
URL, implemented in :mod:`monmaster_desktop.db_postgresql`). Controllers use only the façade:
``read()``, ``write()``, ``bulk_insert()``, ``snapshot()``, ``restore_from()``, ``compact()``,
``integrity_check()``, ``purge_candidates()`` and ``backup_dir``. Everything engine-specific
(pragmas, backup API, COPY, roles, notifications) lives in the engine's module, never in
controllers or windows.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monmaster_desktop import paths

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afs", "ncpfs", "9p", "davfs",
    "afpfs", "webdav",  # macOS names (statfs f_fstypename)
}  # fmt: skip


class DatabaseError(Exception):
    """A database that cannot be used as it is; ``message`` is French, for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseCorrupt(DatabaseError):
    pass


class DatabaseUnavailable(DatabaseError):
    pass


class DatabaseBusy(DatabaseError):
    pass


class DatabaseForeign(DatabaseError):
    """A SQLite file that belongs to another program: never written to."""


#: The driver's own errors (SQLAlchemy's and sqlite3's), for a last-resort translation.
DatabaseDriverError = (SQLAlchemyDatabaseError, sqlite3.DatabaseError)


class DatabaseDenied(DatabaseError):
    """The server refused the action to this login (a clerk trying a head's action)."""


SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(target: object) -> bool:
    """True when ``target`` names a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and target.lower().startswith(SERVER_SCHEMES)


def database_target(text: str) -> Path | str:
    """A ``--database`` value as given: a server URL (kept as text) or a file path."""
    return text if is_server_url(text) else Path(text)


def site_database_target(text: str) -> Path | str:
    """The site configuration's ``[database] url`` for this desk: ``{login}`` becomes the
    clerk's OS login (FORMATS.md §6); a file path is taken as it is."""
    if is_server_url(text) and "{login}" in text:
        from urllib.parse import quote

        from monmaster_desktop.controllers.context import current_user

        text = text.replace("{login}", quote(current_user(), safe=""))
    return database_target(text)


#: What the clerk is told when the system refuses a file operation (strerror is English).
OS_REASONS_FR = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération non permise",
    errno.EROFS: "disque en lecture seule",
    errno.ENOSPC: "disque plein",
    errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    errno.ENOENT: "dossier introuvable",
    errno.EEXIST: "le fichier existe déjà",
    errno.EFBIG: "fichier trop grand (disque plein ou limite de taille du système)",
    getattr(errno, "EDQUOT", -1): "quota disque dépassé (disque plein pour cet utilisateur)",
    errno.EIO: "erreur d'écriture sur le disque (disque plein ou défaillant)",
}


def os_reason_fr(exc: OSError) -> str:
    """A French reason for a refused file operation (the system's own words as a last resort)."""
    return OS_REASONS_FR.get(exc.errno, exc.strerror or str(exc))


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


def sqlite_uri(path: Path, **query: str) -> str:
    """A ``file:`` URI for ``path``, percent-encoded: folders named with ``#``, ``?`` or ``%41``
    open the file they name (never build one by pasting a path into a string)."""
    from urllib.parse import urlencode

    uri = Path(path).absolute().as_uri()
    return f"{uri}?{urlencode(query)}" if query else uri


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain read-only connection to ``path`` (checks, fingerprints); never creates a file."""
    return sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)


def _make_engine(path: Path, *, wal: bool) -> Engine:
    engine = create_engine(
        # URL.create keeps the path whole: a « ? » or « # » in a folder name is not a query.
        URL.create("sqlite", database=str(path)),
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # transactions are begun below, explicitly
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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

    return not isinstance(exc, IntegrityError | ProgrammingError | DataError | sqlite3.IntegrityError)


class _ReadSession(Session):
    """A read session whose database failures (damaged pages, I/O, busy) leave ``with`` as the
    French, typed errors of this module, whichever window or command was reading."""

    def __exit__(self, type_, value, traceback) -> None:  # noqa: ANN001
        super().__exit__(type_, value, traceback)
        if isinstance(value, SQLAlchemyDatabaseError | sqlite3.DatabaseError):
            translated = self.info["database"].translate_error(value)
            if translated is not None:
                raise translated from value


class Database:
    """The database façade: ``Database(path)`` opens a file, ``Database(url)`` a server.

    Subclasses implement one engine each; ``Database(...)`` picks the right one, so callers
    never name an engine. Shared behaviour: short read sessions, one write transaction per
    ``write()`` with the engine's errors turned into French :class:`DatabaseError`.
    """

    #: ``sqlite`` or ``postgresql``.
    engine_name = ""
    #: Where a file lives (SQLite only; None on a server).
    path: Path | None = None
    #: A file on an SMB/NFS share (SQLite's locking is unreliable there); never a server.
    network_share = False

    def __new__(cls, target=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN204
        if cls is Database:
            if is_server_url(target):
                from monmaster_desktop.db_postgresql import PostgresDatabase

                cls = PostgresDatabase
            else:
                cls = SqliteDatabase
        return super().__new__(cls)

    # -- what every engine provides ----------------------------------------------------------

    @property
    def target(self) -> Path | str:
        """What ``Database(...)`` was given: the file path or the server URL (no password)."""
        raise NotImplementedError

    @property
    def label(self) -> str:
        """A short French-neutral name for the status bar and messages."""
        raise NotImplementedError

    @property
    def backup_dir(self) -> Path:
        """The local folder where this database's backups go (owner-only)."""
        raise NotImplementedError

    @property
    def backup_stem(self) -> str:
        """How this base's backup files are named (the file's stem, the server base's name)."""
        raise NotImplementedError

    def listen(self):  # noqa: ANN201
        """The live desks' listener (:mod:`monmaster_desktop.db_live`: changes and other desks'
        open files, reconnection) on a server base; None on a file (one desk)."""
        return None

    def is_disconnect(self, exc: BaseException) -> bool:
        """True when ``exc`` says the base cannot be reached at all (a server down, a network
        cut), as opposed to a refused or faulty statement."""
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DatabaseUnavailable):
            return True
        return isinstance(exc, DBAPIError) and (
            exc.connection_invalidated or isinstance(exc, OperationalError)
        )

    def user_name(self) -> str:
        """The login the audit trail records: the OS user on a file, the server login."""
        from monmaster_desktop.controllers.context import current_user

        return current_user()

    def translate_error(self, exc: BaseException) -> DatabaseError | None:
        """The engine's error as a French :class:`DatabaseError`, or None to let it through."""
        raise NotImplementedError

    # -- shared by every engine ----------------------------------------------------------------

    def read(self) -> Session:
        """A short read session: ``with db.read() as s: ...``."""
        return self._reader()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (SQLite: BEGIN IMMEDIATE): commits on success, rolls back.

        Engine errors come out as French :class:`DatabaseError` (busy, read-only, full disk,
        server unreachable, permission refused...).
        """
        session = self._writer()
        try:
            with session.begin():
                self.begin_write(session)
                yield session
        except (SQLAlchemyDatabaseError, sqlite3.DatabaseError) as exc:
            translated = self.translate_error(exc)
            if translated is None:
                raise
            raise translated from exc
        finally:
            session.close()

    @contextlib.contextmanager
    def consistent_read(self) -> Iterator[Session]:
        """A read session that sees one instant of the whole base (snapshots, transfers)."""
        session = self._reader()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def begin_write(self, session: Session) -> None:
        """Take the base's write lock at the start of a write transaction (SQLite: at BEGIN)."""

    def begin_copy(self, session: Session) -> None:
        """Before a whole base is copied in: keep the copied logins (engine's business)."""

    def after_copy(self, session: Session, tables: list) -> None:
        """After rows were copied with their ids (a server's counters continue after them)."""

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)
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
        return quick_check(self.path)

    def snapshot(self, target: Path, *, check: bool = True) -> Path:
        return backup_database(self.path, Path(target), check=check)

    def restore_from(self, backup: Path) -> Path:
        from monmaster_desktop.controllers.backups import restore_database

        return restore_database(self.path, Path(backup))

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


def open_database(target: Path | str, *, migrate: bool = True, password_prompt=None) -> Database:  # noqa: ANN001
    """``Database(target)``, with the prompt that asks a server's password when one is needed."""
    if is_server_url(target):
        return Database(target, migrate=migrate, password_prompt=password_prompt)
    return Database(target, migrate=migrate)


def translate_operational_error(exc: OperationalError, path: Path) -> DatabaseError:
    return translate_error(exc, path)


def translate_error(exc: BaseException, path: Path, *, doing: str | None = None) -> DatabaseError:
    """A French, typed error for any error of the database driver (SQLAlchemy's or sqlite3's).

    ``doing`` names what was not written (« la sauvegarde … ») when it is not a record save.
    """
    if isinstance(exc, DatabaseError):
        return exc
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            "La base est occupée par un autre poste ou programme. Réessayez dans un instant ; "
            "rien n'a été enregistré."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseUnavailable(
            f"La base « {path.name} » est en lecture seule : rien ne peut y être enregistré. "
            "Vérifiez les droits sur le fichier et son dossier."
        )
    if "disk is full" in text or "full" in text:
        if doing:
            return DatabaseUnavailable(disk_full_message(doing))
        return DatabaseUnavailable(
            "Le disque est plein : l'enregistrement a été annulé et rien n'a été écrit. "
            "Libérez de la place puis recommencez."
        )
    if "unable to open" in text:
        return DatabaseUnavailable(f"Impossible d'ouvrir la base « {path} ».")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        log.error("damaged database %s: %s", path.name, orig)
        return DatabaseCorrupt(
            f"La base « {path.name} » est endommagée : des pages du fichier sont illisibles. "
            "Rien n'a été écrit. Restaurez la dernière bonne sauvegarde (Outils › Sauvegardes) "
            "ou appelez le service informatique, sans supprimer le fichier."
        )
    if "disk i/o" in text and doing:
        return DatabaseUnavailable(
            f"Erreur d'écriture sur le disque (disque plein ou défaillant) : {doing} n'a pas été "
            "écrit(e). Vérifiez la place libre et le disque puis recommencez."
        )
    if "disk i/o" in text:
        return DatabaseUnavailable(
            f"Erreur de lecture ou d'écriture du disque sur la base « {path.name} » : rien n'a "
            "été enregistré. Vérifiez le disque puis recommencez."
        )
    return DatabaseUnavailable(f"Erreur de la base de données : {orig}")


# --- migrations ---------------------------------------------------------------------------


def alembic_config(connection=None):  # noqa: ANN001, ANN201
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def schema_revisions(db: Database) -> set[str]:
    """The Alembic revisions the database is stamped with (empty for a new database)."""
    with db.engine.connect() as conn:
        stamped = (
            {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
            if db.has_alembic_version(conn)
            else set()
        )
        conn.rollback()
    return stamped


def upgrade_schema(db: Database, *, backup_first: bool) -> None:
    """Bring the database to the current schema; refuse one written by a newer version."""
    from monmaster_desktop.migrations import HEAD

    if schema_revisions(db) == {HEAD}:
        return  # current: no need to load Alembic (≈0.4 s) at every start

    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    heads = set(script.get_heads())
    with db.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
        conn.rollback()
    unknown = current - known
    if unknown:
        raise DatabaseTooNew(
            f"La base « {db.label} » a été écrite par une version plus récente de "
            f"Mon Master Desk (schéma {', '.join(sorted(unknown))}). Elle n'a pas été modifiée : "
            "installez la dernière version du programme pour l'ouvrir."
        )
    if current == heads:
        return
    if current and backup_first:
        db.backup_before_migration(current)
    db.run_migrations()


# --- built-in data ------------------------------------------------------------------------


def load_defaults() -> dict:
    """The shipped defaults, with what the office's site configuration sets instead."""
    from monmaster_desktop.site import current_site

    defaults = json.loads(paths.resource("defaults.json").read_text(encoding="utf-8"))
    months = current_site().retention_months
    if months is not None:
        defaults["retention_months"] = months
    return defaults


def seed_defaults(session: Session) -> None:
    """Ship the built-in campaign, home institution and Études en France list, once."""
    from monmaster_desktop.models import (
        Campaign,
        EtudesEnFranceCountry,
        Institution,
        RegistrationBand,
        Setting,
    )

    if session.get(Setting, "home_institution_code") is not None:
        return
    defaults = load_defaults()
    home = defaults["home_institution"]
    session.add_all(
        [
            Setting(key="home_institution_code", value=home["code"]),
            Setting(key="home_institution_name", value=home["name"]),
            Setting(key="retention_months", value=str(defaults["retention_months"])),
        ]
    )
    if session.scalar(select(Institution).where(Institution.code == home["code"])) is None:
        session.add(Institution(code=home["code"], name=home["name"]))
    session.add_all(
        EtudesEnFranceCountry(code=code) for code in defaults["etudes_en_france"].split()
    )
    for data in defaults["campaigns"]:
        if session.scalar(select(Campaign).where(Campaign.year == data["year"])):
            continue
        values = {
            k: (date.fromisoformat(v) if isinstance(v, str) else v)
            for k, v in data.items()
            if k != "bands"
        }
        campaign = Campaign(**values)
        campaign.bands = [
            RegistrationBand(
                accepted_from=date.fromisoformat(b["accepted_from"]),
                accepted_to=date.fromisoformat(b["accepted_to"]) if b["accepted_to"] else None,
                deadline=date.fromisoformat(b["deadline"]) if b["deadline"] else None,
            )
            for b in data["bands"]
        ]
        session.add(campaign)


# --- backups ------------------------------------------------------------------------------


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


def disk_full_message(what: str) -> str:
    return (
        f"Le disque est plein : {what} n'a pas été écrit(e). Libérez de la place puis recommencez."
    )


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
                src.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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


# --- restores -----------------------------------------------------------------------------


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
        copy = Database(staged, migrate=False)
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
    conn = sqlite3.connect(database, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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


# --- bulk writes --------------------------------------------------------------------------


def bulk_insert(session: Session, table, rows: list[dict]) -> None:  # noqa: ANN001
    """Insert many rows of ``table`` in the session's transaction, as fast as the engine can.

    SQLite: straight to the driver's executemany; PostgreSQL: ``COPY ... FROM STDIN``. Both
    get the values each column's own bind processor makes (what SQLAlchemy would send),
    converted once per distinct value.
    """
    if not rows:
        return
    keys = list(rows[0])
    bulk_insert_rows(session, table, keys, [tuple(row[k] for k in keys) for row in rows])


def bulk_insert_rows(session: Session, table, keys: list[str], rows: list[tuple]) -> None:  # noqa: ANN001
    """:func:`bulk_insert` for rows already as tuples in the order of ``keys``."""
    if not rows:
        return
    conn = session.connection()
    processors = {c.key: c.type._cached_bind_processor(conn.dialect) for c in table.columns}
    columns = []
    for index, key in enumerate(keys):
        values = [row[index] for row in rows]
        process = processors.get(key)
        if process is not None:
            values = list(map(_memoised(process), values))
        columns.append(values)
    converted = list(zip(*columns))
    from sqlalchemy import insert

    compiled = insert(table).compile(dialect=conn.dialect, column_keys=keys)
    if conn.dialect.name == "postgresql":
        from monmaster_desktop.db_postgresql import COPY_FROM_ROWS, copy_rows

        if len(converted) >= COPY_FROM_ROWS:
            copy_rows(conn, table, keys, converted)
        else:  # a few rows (one save): a plain INSERT costs fewer round trips than COPY
            conn.exec_driver_sql(compiled.string, [dict(zip(keys, row)) for row in converted])
        return
    order = [keys.index(k) for k in compiled.positiontup]
    conn.exec_driver_sql(compiled.string, [tuple(row[i] for i in order) for row in converted])


def _memoised(process):  # noqa: ANN001, ANN202
    """A bind processor that converts each distinct value once (dates, codes repeat a lot)."""
    memo: dict = {}

    def convert(value):  # noqa: ANN001, ANN202
        try:
            return memo[value]
        except KeyError:
            result = memo[value] = process(value)
            return result
        except TypeError:  # unhashable
            return process(value)

    return convert
